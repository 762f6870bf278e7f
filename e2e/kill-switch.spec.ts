import { expect, expectAccessible, test } from './fixtures';
import { KillSwitchWidget, LessonPage } from './pages';

test.describe('kill switch drill', () => {
  // Hundreds of runs under five designs in the worker: give a busy machine room.
  test.slow();
  test('the dead-code preset costs what the lesson says, and its formulas agree', async ({
    page,
  }) => {
    const widget = new KillSwitchWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await expect(widget.scenario()).toHaveValue('dead-code');

    const prose = page.getByText(/The lesson.s preset is modelled on the priming story/);
    const [, none, yours] =
      /With no switch at all, the 45 minutes cost a mean of (\$[\d.]+ million); with the switch as designed, (\$[\d.]+ million)\./.exec(
        await prose.innerText(),
      ) ?? [];
    expect(none).toBeDefined();

    await expect(widget.designs().getByRole('columnheader')).toHaveText([
      'Over 400 runs',
      'Your design',
      'Fail open instead',
      'One person instead',
      'With guards',
      'No kill switch',
    ]);
    const cost = await widget.row(/^Cost: mean$/);
    expect(cost[0]).toBe(yours);
    expect(cost[4]).toBe(none);
    // The exposure cap bounds the harm whoever notices: 20,000 orders.
    expect((await widget.row(/^Harm, unintended orders: mean/))[3]).toBe('20,000');
    await expect(widget.root.getByText(/^Over 400 runs, your design did a mean of/)).toContainText(
      `with no switch, 4,050,000 unintended orders (${none})`,
    );
    await expect(
      widget.root.getByText('Every formula falls inside the 95 % interval of the simulation.'),
    ).toBeVisible();
    await expect(widget.theory().getByRole('rowheader')).toContainText([
      'Flip to one host, mean',
      'Flip to all 8 hosts, mean',
      'Two-person approval, mean (your design)',
    ]);
    await expect(widget.root).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('one run plays back on a timeline, with severity and pages, design by design', async ({
    page,
  }) => {
    const widget = new KillSwitchWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await widget.scenario().selectOption('capacity-tool');
    await widget.waitForRun(1);
    const events = widget.root.getByRole('table', {
      name: /^Your design, run 1: events in order$/,
    });
    await expect(events).toContainText('The flag service goes down: hosts cannot poll');
    await expect(events).toContainText(/Declared SEV-\d: pages/);
    await expect(events).toContainText('The harm stops');

    await widget.root.getByRole('button', { name: 'Rewind' }).click();
    const now = widget.root.getByText(/^At 0 ms: 0 servers removed, 20 of 20 misbehaving hosts/);
    await expect(now).toContainText('nobody has noticed yet');
    await widget.root.getByRole('button', { name: /Forward 30 s/ }).click();
    await expect(widget.root.getByText(/^At 30 s: 60 servers removed/)).toBeVisible();

    // The keyboard moves to the fail-open variation: the same run, and the harm goes on longer.
    const designs = widget.root.getByRole('group', { name: 'Design shown' });
    await designs.getByRole('radio', { name: 'Your design' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(designs.getByRole('radio', { name: 'Fail open instead' })).toBeChecked();
    await expect(
      widget.root.getByRole('img', { name: /^Fail open instead, run 1: \d+ events on 5 lanes/ }),
    ).toBeVisible();
    const [closed, open] = await widget.row(/^Harm, servers removed: mean/);
    const n = (s: string | undefined) => Number((s ?? '').split(' ')[0]!.replace(/,/g, ''));
    expect(n(closed)).toBeLessThan(n(open) / 2);
  });

  test('bad settings are explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new KillSwitchWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    const cost = await widget.row(/^Cost: mean$/);
    await widget.field('Last value kept for (s)').fill('5');
    await expect(
      widget.root.getByText(/expires before the next poll \(every 10 s\)/),
    ).toBeVisible();
    await expect(widget.field('Last value kept for (s)')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    expect(await widget.row(/^Cost: mean$/)).toEqual(cost);
    await widget.root.getByRole('button', { name: 'Reset to lesson preset' }).click();
    await expect(widget.field('Last value kept for (s)')).toHaveValue('60');
  });

  test('a copied link reopens the same run', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new KillSwitchWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await widget.root
      .getByRole('group', { name: 'Alert rule' })
      .getByLabel('On', { exact: true })
      .check();
    await widget.field('Runs').fill('120');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const rows = [
      await widget.row(/^Time to detect: mean/),
      await widget.row(/^Cost: mean$/),
      await widget.row(/^Noticed through the alert/),
    ];
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=kill-switch-drill');
    expect(link).toContain('seed=42');

    const other = await browser.newPage();
    await other.goto(link);
    const again = new KillSwitchWidget(other);
    await again.waitForRun(42);
    await expect(again.field('Runs')).toHaveValue('120');
    await expect(
      again.root.getByRole('group', { name: 'Alert rule' }).getByLabel('On', { exact: true }),
    ).toBeChecked();
    await expect(again.scenario()).toHaveValue('');
    expect([
      await again.row(/^Time to detect: mean/),
      await again.row(/^Cost: mean$/),
      await again.row(/^Noticed through the alert/),
    ]).toEqual(rows);
    await other.close();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new KillSwitchWidget(page);
    const lesson = new LessonPage(page);
    await widget.open();
    await widget.waitForRun(2);
    await widget.root.scrollIntoViewIfNeeded();
    await lesson.themeRadio('Light').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectAccessible(page);
    await lesson.themeRadio('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
  });
});
