import { readFile, truncate, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, reveal, test } from './fixtures';

const gauntlet = '/learn/control-distribution/breaker-gauntlet';

/** The review log as saved in the browser. */
const savedLog = (page: Page) =>
  page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('reliability-workbook') ?? '{}') as {
      state?: { reviewLog?: { questionId: string; rating: number; overridden?: boolean }[] };
    };
    return saved.state?.reviewLog ?? [];
  });

test.describe('retrieval practice', () => {
  test('a gauntlet runs out of time, submits itself and explains every answer', async ({
    page,
  }) => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
    await page.goto(gauntlet);
    const quiz = page.getByRole('region', { name: 'Gauntlet: Circuit breakers' });
    await quiz.getByRole('button', { name: 'Start the gauntlet' }).click();
    await expect(quiz.getByRole('timer')).toHaveText('8:00');
    await quiz.getByLabel('Your answer').first().fill('half-open, closed, open');
    await quiz.getByRole('radio', { name: /re-opens, and the wait/ }).check();
    await quiz
      .getByRole('group', { name: /How many worker threads/ })
      .getByLabel('Your answer (threads)')
      .fill('2,000');
    // Enter in an answer box does not end the attempt.
    await page.keyboard.press('Enter');
    await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    await page.clock.fastForward('04:00');
    // About four minutes left (the page's own work moves a paused clock by a few seconds).
    await expect(quiz.getByRole('timer')).toHaveText(/^(3:5\d|4:00)$/);
    await expectAccessible(page);
    await page.clock.fastForward('04:01');
    await expect(quiz.getByRole('heading', { name: 'Time is up. Score: 3 of 10' })).toBeVisible();
    await expect(quiz.getByText('Any failed trial re-opens the breaker')).toBeVisible();
    // The free-response question waits for the learner's own grade.
    await quiz
      .getByRole('group', { name: 'How well did you answer?' })
      .getByRole('button', { name: 'Hard' })
      .click();
    await expect(quiz.getByText('Scheduled for review as “Hard”.')).toBeVisible();
    await expectAccessible(page);
    await quiz.getByRole('button', { name: 'Try again' }).click();
    await expect(quiz.getByRole('button', { name: 'Start the gauntlet' })).toBeVisible();
  });

  test('answered questions come due on the Review page days later', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
    await page.goto(gauntlet);
    const quiz = page.getByRole('region', { name: 'Gauntlet: Circuit breakers' });
    await quiz.getByRole('button', { name: 'Start the gauntlet' }).click();
    await quiz.getByLabel('Your answer').first().fill('closed, open, half open');
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    await expect(quiz.getByRole('heading', { name: /^Score: 1 of 10/ })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Study' })
      .getByRole('link', { name: 'Review' })
      .click();
    const dueNow = page.locator('.review-stats div').filter({ hasText: 'Due now' }).locator('dd');
    // Wrong answers come back within minutes; the right one waits for days.
    await page.clock.fastForward('01:00:00');
    await page.reload();
    await expect(dueNow).toHaveText('8');
    await page.clock.fastForward(10 * 24 * 3600 * 1000);
    await page.reload();
    await expect(dueNow).toHaveText('9');
    await page.getByRole('button', { name: 'Review 9 cards now' }).click();
    await expect(page.getByRole('heading', { name: 'Card 1 of 9' })).toBeVisible();
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText('Not quite', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: /Next card \(scheduled as “Again”\)/ }).click();
    await expect(page.getByRole('heading', { name: 'Card 2 of 9' })).toBeVisible();
    await expectAccessible(page);
  });

  test('export, clear, import: progress comes back; a broken file changes nothing', async ({
    page,
  }, info) => {
    await page.goto(gauntlet);
    const quiz = page.getByRole('region', { name: 'Gauntlet: Circuit breakers' });
    await quiz.getByRole('button', { name: 'Start the gauntlet' }).click();
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    await expect(quiz.getByRole('heading', { name: /^Score: 0 of 10/ })).toBeVisible();

    await page.goto('/progress');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const file = info.outputPath('export.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      cards: unknown[];
    };
    expect(exported.format).toBe('reliability-workbook-export');
    expect(exported.cards).toHaveLength(9);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByText('No gauntlets taken yet.')).toBeVisible();

    const broken = info.outputPath('broken.json');
    await writeFile(broken, '{"format": "something-else", "__proto__": {"polluted": true}}');
    await page.getByLabel('Import a file exported from the workbook').setInputFiles(broken);
    await expect(
      page.getByRole('status').filter({ hasText: 'Nothing was imported.' }),
    ).toBeVisible();
    await expect(page.getByText('No gauntlets taken yet.')).toBeVisible();

    // A file larger than any export is refused by its size, without being read (a sparse file).
    const huge = info.outputPath('huge.json');
    await writeFile(huge, '');
    await truncate(huge, 31 * 1024 * 1024);
    await page.getByLabel('Import a file exported from the workbook').setInputFiles(huge);
    await expect(page.getByRole('status').filter({ hasText: 'The file is' })).toHaveText(
      'The file is 31 MB, larger than any workbook export (at most 30 MB), so it was not read. Nothing was imported.',
    );

    await page.getByLabel('Import a file exported from the workbook').setInputFiles(file);
    const confirm = page.getByRole('group', { name: 'Confirm the import' });
    await expect(confirm).toContainText('1 gauntlet result, 9 cards');
    await confirm.getByRole('button', { name: 'Merge with what is here' }).click();
    await expect(page.getByRole('row').filter({ hasText: '0 of 10' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: '0 of 10' })).toBeVisible();
    await expectAccessible(page);
  });

  test('two tabs submitting at the same instant both keep their result', async ({ page }) => {
    const other = await page.context().newPage();
    const tabs = [page, other];
    for (const tab of tabs) {
      await tab.goto(gauntlet);
      const quiz = tab.getByRole('region', { name: 'Gauntlet: Circuit breakers' });
      await quiz.getByRole('button', { name: 'Start the gauntlet' }).click();
      await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    }
    // Arm both tabs to press "Submit answers" when one message on a shared channel arrives, then
    // send it: both saves start in the same moment, with no clock involved.
    for (const tab of tabs)
      await tab.evaluate(() => {
        const channel = new BroadcastChannel('e2e-submit-together');
        channel.onmessage = () => {
          channel.close();
          [...document.querySelectorAll('button')]
            .find((b) => b.textContent === 'Submit answers')
            ?.click();
        };
      });
    await page.evaluate(() => new BroadcastChannel('e2e-submit-together').postMessage('go'));
    for (const tab of tabs)
      await expect(tab.getByRole('heading', { name: /^Score: 0 of 10/ })).toBeVisible();
    // Each tab shows both attempts without reloading, and both are saved.
    for (const tab of tabs) {
      await tab
        .getByRole('navigation', { name: 'Study' })
        .getByRole('link', { name: 'Progress' })
        .click();
      await expect(tab.getByRole('row').filter({ hasText: '0 of 10' })).toHaveCount(2);
    }
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: '0 of 10' })).toHaveCount(2);
    await other.close();
  });

  test('a formula in another form is right; an unreadable one is sent back; "I was right" overrules', async ({
    page,
  }) => {
    await page.goto('/learn/probability/monitoring-statistics');
    const quiz = page.getByRole('region', { name: 'Quiz: Check your understanding' });
    await reveal(quiz);
    const tukey = quiz.getByRole('group', { name: /Tukey's upper fence/ });
    const formula = tukey.getByLabel('Your formula');
    await expect(tukey.getByText('Use Q1, Q3 and IQR.', { exact: false })).toBeVisible();
    await formula.fill('Q3 + 3/2 fence');
    await expect(tukey.getByText('“fence” is not a name this question uses')).toBeVisible();
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    // Not graded: the learner is told why, and the answer stays to be fixed.
    await expect(formula).toHaveAttribute('aria-invalid', 'true');
    await expect(quiz.getByRole('button', { name: 'Submit answers' })).toBeVisible();
    await formula.fill('3/2 IQR + Q3');
    await expect(tukey.getByText('Reads as: 3 / 2 · IQR + Q3')).toBeVisible();
    await quiz
      .getByRole('group', { name: /By roughly how many requests/ })
      .getByLabel('Your answer (requests)')
      .fill('twenty');
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    const score = quiz.getByRole('heading', { name: /^Score: \d+ of \d+/ });
    await expect(score).toBeVisible();
    const before = Number(/Score: (\d+)/.exec((await score.textContent()) ?? '')?.[1]);
    const fence = quiz.locator('.quiz-result').filter({ hasText: "Tukey's upper fence" });
    await expect(fence.getByText('Right', { exact: true })).toBeVisible();

    const noise = quiz.locator('.quiz-result').filter({ hasText: 'By roughly how many requests' });
    await expect(noise.getByText('Not quite', { exact: true })).toBeVisible();
    await noise.getByRole('button', { name: 'I was right' }).click();
    await expect(noise.getByText('You marked this answer right')).toBeVisible();
    await expect(noise.getByText('Right', { exact: true })).toBeVisible();
    await expect(
      quiz.getByRole('heading', { name: new RegExp(`^Score: ${before + 1} of \\d+`) }),
    ).toBeVisible();
    const log = await savedLog(page);
    expect(log.find((l) => l.questionId === 'monstat-c3-poisson-noise')).toMatchObject({
      rating: 3,
      overridden: true,
    });
    expect(log.find((l) => l.questionId === 'monstat-c7-tukey')?.overridden).toBeUndefined();
    await expectAccessible(page);
  });

  test('a card checked on Review is recorded at once, even if the learner stops there', async ({
    page,
  }) => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00') });
    await page.goto(gauntlet);
    const quiz = page.getByRole('region', { name: 'Gauntlet: Circuit breakers' });
    await quiz.getByRole('button', { name: 'Start the gauntlet' }).click();
    await quiz.getByRole('button', { name: 'Submit answers' }).click();
    await expect(quiz.getByRole('heading', { name: /^Score: 0 of 10/ })).toBeVisible();
    const reviewsBefore = (await savedLog(page)).length;

    await page.clock.fastForward('01:00:00');
    await page.goto('/review');
    const dueNow = page.locator('.review-stats div').filter({ hasText: 'Due now' }).locator('dd');
    await expect(dueNow).toHaveText('9');
    await page.getByRole('button', { name: 'Review 9 cards now' }).click();
    await expect(page.getByRole('heading', { name: 'Card 1 of 9' })).toBeVisible();
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(
      page.getByRole('button', { name: /Next card \(scheduled as “Again”\)/ }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Stop reviewing' }).click();
    await expect(dueNow).toHaveText('8');
    expect((await savedLog(page)).length).toBe(reviewsBefore + 1);
  });
});
