import { expect, expectAccessible, test } from './fixtures';
import { AutoscalerWidget, LessonPage } from './pages';

test.describe('autoscaler simulator', () => {
  test('the flash sale: prediction leaves far fewer requests unserved, and the ramp is worked out', async ({
    page,
  }) => {
    const widget = new AutoscalerWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await expect(widget.scenario()).toHaveValue('flash-sale');
    await expect(widget.comparison().getByRole('columnheader')).toHaveText([
      'Outcome',
      'Reactive',
      'Stabilised (5-min window)',
      'Predictive',
    ]);
    const [reactive, , predictive] = await widget.unserved();
    expect(reactive).toBeGreaterThan(0);
    expect(predictive).toBeLessThan(reactive! / 4);
    expect((await widget.row(/^Peak utilisation/))[0]).toMatch(/^\d+ % \(overloaded\)$/);
    expect(await widget.row(/^Replica-minutes/)).toContainEqual(
      expect.stringMatching(/\(cheapest\)$/),
    );

    // Theory beside simulation: growth, lag, the saturated metric, and the verdict.
    const theory = widget.theory();
    await expect(theory).toContainText('the traffic grows 17.5 % a minute');
    await expect(theory).toContainText('a lag of 6 minutes');
    await expect(theory).toContainText('= 60 % × 1.175^6 = 158 %.');
    await expect(theory).toContainText('a CPU metric cannot read past 100 %');
    await expect(theory).toContainText('it can follow growth of at most 8.9 % a minute');
    await expect(theory.locator('.verdict-agrees')).toContainText(
      'Both are past 100 %: they agree',
    );
    await expect(theory).toContainText('= 167 replicas.');

    await expect(widget.strategy('Reactive')).toBeChecked();
    await expect(widget.summary()).toHaveText(
      /^Reactive: [\d,]+ \([\d.]+ %\) requests not served; overloaded in \d+ of 120 minutes, at worst \d+ %; /,
    );
    await expect(widget.chart()).toBeVisible();
    await expect(widget.utilisationChart()).toBeVisible();
    await expect(widget.root.locator('.recharts-wrapper')).toHaveCount(2);
    await widget.root.getByText('Reactive: the charts as a table').click();
    await expect(
      widget.root.getByRole('region', { name: 'Reactive: minute by minute' }).getByRole('row'),
    ).toHaveCount(121);
    await expect(widget.root).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('bad settings are explained at the field in percent, and the last good run stays', async ({
    page,
  }) => {
    const widget = new AutoscalerWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    const unserved = await widget.row(/^Requests not served/);
    await expect(widget.field('Target utilisation (%)')).toHaveValue('60');

    await widget.field('Target utilisation (%)').fill('96');
    await expect(
      widget.root.getByText('The target utilisation must be at most 95 %', { exact: true }),
    ).toBeVisible();
    await expect(widget.field('Target utilisation (%)')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.field('Target utilisation (%)')).toHaveAccessibleDescription(
      /The target utilisation must be at most 95 %/,
    );
    await widget.field('Maximum replicas').fill('5');
    await expect(
      widget.root.getByText('The maximum (5) must be at least the minimum (10)'),
    ).toBeVisible();
    await widget.field('Ramp length (min)').fill('');
    await expect(widget.root.getByText('Enter a value.')).toBeVisible();
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    await expect(widget.scenario()).toHaveValue('');
    expect(await widget.row(/^Requests not served/)).toEqual(unserved);
    await expect(
      widget.root.getByText(/^Simulated 120 minutes of traffic .*\(seed 1\)/),
    ).toBeVisible();

    // Reset brings the lesson's scenario back, with nothing to fix.
    await widget.root.getByRole('button', { name: 'Reset to lesson preset' }).click();
    await expect(widget.field('Target utilisation (%)')).toHaveValue('60');
    await expect(widget.root.getByText(/Fix the highlighted settings/)).toHaveCount(0);
    await expect(widget.scenario()).toHaveValue('flash-sale');
  });

  test('a copied link reopens the same scenario', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new AutoscalerWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.scenario().selectOption({ label: 'Slow start-up: 15 minutes to boot' });
    await widget.field('Target utilisation (%)').fill('45');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const rows = [
      await widget.row(/^Requests not served/),
      await widget.row(/^Replica-minutes/),
      await widget.row(/^Reversals/),
    ];
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=autoscaler');
    expect(link).toContain('seed=42');
    expect(link).toMatch(/#autoscaler$/);

    const other = await browser.newPage();
    await other.goto(link);
    const again = new AutoscalerWidget(other);
    await again.waitForRun(42);
    await expect(again.field('Target utilisation (%)')).toHaveValue('45');
    await expect(again.field('Start-up delay (min)')).toHaveValue('15');
    await expect(again.scenario()).toHaveValue('');
    expect([
      await again.row(/^Requests not served/),
      await again.row(/^Replica-minutes/),
      await again.row(/^Reversals/),
    ]).toEqual(rows);
    await other.close();
  });

  test('the keyboard picks the charted strategy', async ({ page }) => {
    const widget = new AutoscalerWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await expect(widget.strategy('Reactive')).toBeChecked();
    await widget.strategy('Reactive').focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.strategy('Stabilised')).toBeChecked();
    await expect(widget.strategy('Stabilised')).toBeFocused();
    await expect(widget.summary()).toHaveText(/^Stabilised \(5-min window\): /);
    await expect(widget.chart()).toHaveAccessibleName(/^Stabilised \(5-min window\): replicas/);
    await expect(widget.utilisationChart()).toHaveAccessibleName(/^Stabilised \(5-min window\): /);
    await page.keyboard.press('ArrowRight');
    await expect(widget.strategy('Predictive')).toBeChecked();
    await expect(widget.summary()).toHaveText(/^Predictive: /);
    await expect(widget.root.getByText('Predictive: the charts as a table')).toBeVisible();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new AutoscalerWidget(page);
    const lesson = new LessonPage(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.root.scrollIntoViewIfNeeded();
    await lesson.themeRadio('Light').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(widget.root.locator('.recharts-wrapper')).toHaveCount(2);
    await expectAccessible(page);
    await lesson.themeRadio('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
  });
});
