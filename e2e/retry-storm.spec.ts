import { expect, expectAccessible, test } from './fixtures';
import { LessonPage, RetryStormWidget } from './pages';

test.describe('retry storm simulator', () => {
  test('the thundering herd: without jitter far fewer are served, exactly as the waves say', async ({
    page,
  }) => {
    const widget = new RetryStormWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await expect(widget.scenario()).toHaveValue('thundering-herd');
    await expect(widget.comparison().getByRole('columnheader')).toHaveText([
      'Outcome',
      'No jitter',
      'Full jitter',
      'Equal jitter',
      'Decorrelated jitter',
    ]);
    const [none, full] = await widget.served();
    expect(none).toBeGreaterThan(0);
    expect(full).toBeGreaterThan(3 * none!);
    // 2,000 clients retry together at 6.3 s into a window that takes 100.
    expect((await widget.row(/^Busiest 100 ms after recovery \(it serves 100\)/))[0]).toBe(
      '2,000 at 6.3 s',
    );
    expect((await widget.row(/^Median time to success/))[0]).toMatch(/^[\d.]+ s$/);

    // Theory beside simulation: one row per retry, and the verdict.
    const waves = widget.waves().getByRole('row');
    await expect(waves).toHaveCount(9);
    await expect(waves.nth(1)).toContainText('all fail: still down');
    await expect(
      waves.filter({ has: page.getByRole('rowheader', { name: '6', exact: true }) }),
    ).toContainText('1,900 turned away');
    await expect(widget.root.getByText(/^Worked out wave by wave: /)).toContainText(
      'They agree exactly.',
    );

    await expect(widget.summary()).toHaveText(
      'No jitter: 300 of 2,000 served; 1,700 gave up; busiest 100 ms after recovery: 2,000 attempts for a capacity of 100.',
    );
    await expect(widget.chart()).toBeVisible();
    await expect(widget.chart().locator('.recharts-wrapper')).toHaveCount(1);
    await widget.root.getByText('No jitter: the chart as a table').click();
    await expect(
      widget.root.getByRole('region', { name: /^No jitter: attempts in each/ }).getByRole('row'),
    ).not.toHaveCount(0);
    await expect(widget.root).not.toContainText(/NaN|Infinity/);
  });

  test('bad settings are explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new RetryStormWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    const served = await widget.row(/^Clients served/);
    await widget.field('Cap (ms)').fill('50');
    await expect(
      widget.root.getByText('The cap (50 ms) must be at least the base delay (100 ms)'),
    ).toBeVisible();
    await expect(widget.field('Cap (ms)')).toHaveAttribute('aria-invalid', 'true');
    await widget.field('Clients').fill('2.5');
    await expect(
      widget.root.getByText('The number of clients must be a whole number'),
    ).toBeVisible();
    await widget.field('Outage (s)').fill('');
    await expect(widget.root.getByText('Enter a value.')).toBeVisible();
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    await expect(widget.scenario()).toHaveValue('');
    expect(await widget.row(/^Clients served/)).toEqual(served);
    await expect(widget.root.getByText(/^Simulated 2,000 clients .*\(seed 1\)/)).toBeVisible();

    // Reset brings the lesson's scenario back, with nothing to fix.
    await widget.root.getByRole('button', { name: 'Reset to lesson preset' }).click();
    await expect(widget.field('Clients')).toHaveValue('2000');
    await expect(widget.root.getByText(/Fix the highlighted settings/)).toHaveCount(0);
  });

  test('a copied link reopens the same scenario', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new RetryStormWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.scenario().selectOption({ label: 'Short blip: 0.5 s outage' });
    await widget.field('Retries per client').fill('6');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const rows = [
      await widget.row(/^Clients served/),
      await widget.row(/^Attempts/),
      await widget.row(/^95th percentile/),
    ];
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=retry-storm');
    expect(link).toContain('seed=42');
    expect(link).toMatch(/#retry-storm$/);

    const other = await browser.newPage();
    await other.goto(link);
    const again = new RetryStormWidget(other);
    await again.waitForRun(42);
    await expect(again.field('Outage (s)')).toHaveValue('0.5');
    await expect(again.field('Retries per client')).toHaveValue('6');
    await expect(again.scenario()).toHaveValue('');
    expect([
      await again.row(/^Clients served/),
      await again.row(/^Attempts/),
      await again.row(/^95th percentile/),
    ]).toEqual(rows);
    await other.close();
  });

  test('the keyboard picks the charted strategy', async ({ page }) => {
    const widget = new RetryStormWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await expect(widget.strategy('No jitter')).toBeChecked();
    await widget.strategy('No jitter').focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.strategy('Full jitter')).toBeChecked();
    await expect(widget.strategy('Full jitter')).toBeFocused();
    await expect(widget.summary()).toHaveText(/^Full jitter: [\d,]+ of 2,000 served; /);
    await expect(widget.chart()).toHaveAccessibleName(/^Full jitter: attempts in each/);
    await page.keyboard.press('ArrowRight');
    await expect(widget.strategy('Equal jitter')).toBeChecked();
    await expect(widget.summary()).toHaveText(/^Equal jitter: /);
    await expect(widget.root.getByText('Equal jitter: the chart as a table')).toBeVisible();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new RetryStormWidget(page);
    const lesson = new LessonPage(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.root.scrollIntoViewIfNeeded();
    await lesson.themeRadio('Light').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(widget.chart().locator('.recharts-wrapper')).toHaveCount(1);
    await expectAccessible(page);
    await lesson.themeRadio('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
  });
});
