import { expect, expectAccessible, test } from './fixtures';
import { CascadeWidget, LessonPage } from './pages';

test.describe('cascade and metastability lab', () => {
  test('the metastable blip stays stuck, at the load the lesson states', async ({ page }) => {
    const widget = new CascadeWidget(page);
    await widget.open();
    await widget.waitForRun(4);
    await expect(widget.scenario()).toHaveValue('metastable-blip');
    await expect(
      widget.root.getByRole('heading', {
        name: 'Outcome: stuck after the trigger was gone (metastable)',
      }),
    ).toBeVisible();
    await expect(widget.summary()).toHaveText(
      /^Metastable: the last trigger ended at 150 s, yet over the last 30 s it answered 0 % of [\d.]+ user requests a second, with 238 attempts a second reaching 10 servers in rotation\.$/,
    );
    // Theory beside simulation: what a failing pool offers itself, 60 × (3 + 1).
    expect(await widget.theoryRow(/^Load a failing pool offers itself/)).toEqual([
      '240 a second',
      '238 attempts a second at the end',
    ]);

    // The lesson quotes the same run.
    const lesson = page.getByRole('group').filter({ hasText: 'What the lab shows' });
    await lesson.getByText('What the lab shows').click();
    await expect(lesson).toContainText('it gets 238 attempts a second for 60 users a second');
    await expect(lesson).toContainText(
      'At the end the pool is stuck after the trigger was gone (metastable)',
    );
    await expect(widget.root).not.toContainText(/NaN|Infinity/);
  });

  test('the timeline plays back and scrubs', async ({ page }) => {
    const widget = new CascadeWidget(page);
    await widget.open();
    await widget.waitForRun(4);
    const playback = widget.root.getByRole('group', { name: 'Playback' });
    await playback.getByRole('button', { name: 'Rewind' }).click();
    await expect(widget.root.getByText(/^At 0 ms: 10 servers in rotation/)).toBeVisible();
    await playback.getByLabel('Time').fill('60');
    await expect(widget.root.getByText(/^At 60 s: 5 servers in rotation/)).toBeVisible();
    await playback.getByRole('button', { name: /Forward 1 s/ }).click();
    await expect(widget.root.getByText(/^At 61 s: 5 servers in rotation/)).toBeVisible();
    await expect(widget.chart()).toHaveAccessibleName(/^The pool up to 61 s/);
    await playback.getByLabel('Time').fill('290');
    await expect(widget.root.getByText(/^At 290 s: 10 servers in rotation/)).toBeVisible();
  });

  test('the companion panel measures λ beside the formula, a property of r', async ({ page }) => {
    const widget = new CascadeWidget(page);
    await widget.open();
    await widget.waitForRun(4);
    const formula = widget.lyapunov().getByRole('row', { name: /^lyapunovExponent/ });
    await expect(formula.getByRole('cell')).toHaveText('0.496');
    await expect(
      widget.lyapunov().getByRole('row', { name: /^Measured from the two runs/ }),
    ).toContainText(/^.*0\.498 \(95 % interval 0\.49\d to 0\.50\d\)/);
    await widget.field('r').fill('2.8');
    await widget.waitForRun(4);
    await expect(formula.getByRole('cell')).toHaveText('−0.223');
    await expect(widget.root.getByText(/stay within 0\.1 of each other/)).toBeVisible();
  });

  test('bad settings are explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new CascadeWidget(page);
    await widget.open();
    await widget.waitForRun(4);
    await widget.field('Servers that fail').fill('10');
    await expect(
      widget.root.getByText('10 of 10 servers failing leaves none: fewer than 10 may fail'),
    ).toBeVisible();
    await widget.field('Retries').fill('');
    await expect(widget.root.getByText('Enter a value.')).toBeVisible();
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    await expect(widget.summary()).toContainText('238 attempts a second');
  });

  test('a copied link reopens the same run', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new CascadeWidget(page);
    await widget.open();
    await widget.waitForRun(4);
    await widget.scenario().selectOption({
      label: 'Shedding rescues: the same blip, shedding from 200 s',
    });
    await widget.field('Users send (req/s)').fill('70');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const summary = await widget.summary().innerText();
    expect(summary).toMatch(/^The pool recovered from /);
    const theory = await widget.theory().innerText();
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=cascade-lab');
    expect(link).toContain('seed=42');

    const other = await browser.newPage();
    await other.goto(link);
    const again = new CascadeWidget(other);
    await again.waitForRun(42);
    await expect(again.scenario()).toHaveValue('');
    await expect(again.field('Users send (req/s)')).toHaveValue('70');
    await expect(again.root.getByLabel('Action')).toHaveValue('shed');
    await expect(again.summary()).toHaveText(summary);
    expect(await again.theory().innerText()).toBe(theory);
    await other.close();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new CascadeWidget(page);
    const lesson = new LessonPage(page);
    await widget.open();
    await widget.waitForRun(4);
    await widget.root.scrollIntoViewIfNeeded();
    await lesson.themeRadio('Light').check();
    await expect(widget.chart().locator('.recharts-wrapper')).toHaveCount(1);
    await expectAccessible(page);
    await lesson.themeRadio('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
  });
});
