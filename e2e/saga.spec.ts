import { expect, expectAccessible, test } from './fixtures';
import { LessonPage, SagaWidget } from './pages';

test.describe('saga orchestrator', () => {
  test('the checkout preset gives the numbers the lesson states', async ({ page }) => {
    const widget = new SagaWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await expect(widget.scenario()).toHaveValue('clean-failures');
    // Clean failures only: the naive orchestrator leaves nothing inconsistent.
    expect((await widget.row(/^Inconsistent/))[0]).toMatch(/^0 \(0 %;/);

    const prose = page.getByText(/^With the lesson.s checkout preset, the naive orchestrator/);
    const text = await prose.innerText();
    const [, completes, inconsistent, correctCompletes] =
      /completes ([\d.]+ %) of the orders and leaves ([\d,]+) of ten thousand inconsistent .* The correct one completes ([\d.]+ %)/.exec(
        text,
      ) ?? [];
    expect(inconsistent).toBeDefined();

    await widget.scenario().selectOption('checkout');
    await widget.waitForRun(1);
    await expect(widget.outcomes().getByRole('columnheader')).toHaveText([
      'Outcome',
      'Naive',
      'Correct',
    ]);
    const [naiveDone, correctDone] = await widget.row(/^Completed/);
    expect(naiveDone).toContain(`(${completes};`);
    expect(correctDone).toContain(`(${correctCompletes};`);
    const [naiveBad, correctBad] = await widget.row(/^Inconsistent/);
    expect(naiveBad!.startsWith(`${inconsistent} (`)).toBe(true);
    expect(correctBad).toMatch(/^0 \(0 %;/);
    await expect(widget.root.getByText(/^Of 10,000 sagas, the naive orchestrator/)).toContainText(
      `left ${inconsistent} inconsistent`,
    );

    // Theory beside simulation: the formulas fall inside the intervals on this seed.
    await expect(widget.theory().getByRole('row')).toHaveCount(4);
    await expect(
      widget.root.getByText('Every formula falls inside the 95 % interval of the simulation.'),
    ).toBeVisible();
    await expect(widget.root).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('a crash: the theory stands aside, and an example saga shows what the log allows', async ({
    page,
  }) => {
    const widget = new SagaWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await widget.scenario().selectOption('orchestrator-crash');
    await widget.waitForRun(4);
    const [naiveCrashed, correctCrashed] = await widget.row(/^Sagas the orchestrator crashed in/);
    expect(naiveCrashed).toBe(correctCrashed);
    expect(Number(naiveCrashed!.replace(/,/g, ''))).toBeGreaterThan(0);
    await expect(widget.root.getByText(/leave out the orchestrator’s crash/)).toBeVisible();

    const picker = widget.field('Saga to inspect');
    const forgotten = picker.locator('option', {
      hasText: /naive inconsistent, correct completed/,
    });
    await picker.selectOption({ label: (await forgotten.first().innerText()).trim() });
    const live = widget.root.getByText(
      /^Saga [\d,]+ under the naive orchestrator: .*, \d+ events\.$/,
    );
    await expect(live).toContainText('inconsistent');
    await expect(
      widget.root.getByRole('img', { name: /under the naive orchestrator: \d+ events/ }),
    ).toBeVisible();
    const events = widget.root.getByRole('table', { name: /under the naive orchestrator: events/ });
    await expect(events).toContainText(
      'crashes; its state was in memory, so this saga is forgotten',
    );

    // The keyboard moves to the correct orchestrator, which resumes the same saga.
    await widget.orchestrator('Naive').focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.orchestrator('Correct')).toBeChecked();
    await expect(
      widget.root.getByText(/^Saga [\d,]+ under the correct orchestrator: .*, \d+ events\.$/),
    ).toContainText('completed');
    await expect(
      widget.root.getByRole('table', { name: /under the correct orchestrator: events/ }),
    ).toContainText('crashes; restarts and reads its log');
  });

  test('bad settings are explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new SagaWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    const done = await widget.row(/^Completed/);
    await widget.field('Step 2 times out, done late (%)').fill('99');
    await expect(
      widget.root.getByText(
        'Failing, timing out and taking effect late add up to 102 %, more than 100 %',
      ),
    ).toBeVisible();
    await expect(widget.field('Step 2 times out, done late (%)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await widget.field('Step 3 kind').selectOption('compensatable');
    await expect(
      widget.root.getByText(
        /^Step 3 \(book courier\) is compensatable, but it comes after the pivot/,
      ),
    ).toBeVisible();
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    expect(await widget.row(/^Completed/)).toEqual(done);
    await widget.root.getByRole('button', { name: 'Reset to lesson preset' }).click();
    await expect(widget.field('Step 2 times out, done late (%)')).toHaveValue('0');
    await expect(widget.root.getByText(/Fix the highlighted settings/)).toHaveCount(0);
  });

  test('a copied link reopens the same run', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new SagaWidget(page);
    await widget.open();
    await widget.waitForRun(2);
    await widget.field('Step 2 times out, done late (%)').fill('2.5');
    await widget.field('Crash the orchestrator at').selectOption('3');
    await widget.field('Sagas in flight at the crash (%)').fill('20');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const rows = [
      await widget.row(/^Completed/),
      await widget.row(/^Inconsistent/),
      await widget.row(/^Sagas the orchestrator crashed in/),
    ];
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=saga-lab');
    expect(link).toContain('seed=42');

    const other = await browser.newPage();
    await other.goto(link);
    const again = new SagaWidget(other);
    await again.waitForRun(42);
    await expect(again.field('Step 2 times out, done late (%)')).toHaveValue('2.5');
    await expect(again.field('Crash the orchestrator at')).toHaveValue('3');
    await expect(again.scenario()).toHaveValue('');
    expect([
      await again.row(/^Completed/),
      await again.row(/^Inconsistent/),
      await again.row(/^Sagas the orchestrator crashed in/),
    ]).toEqual(rows);
    await other.close();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new SagaWidget(page);
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
