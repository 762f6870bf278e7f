import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const deck = '/present/control-distribution/circuit-breakers';
const lessonPath = '/learn/control-distribution/circuit-breakers';
// Text from the lesson's speaker notes (:::notes), which learners must never receive.
const noteText = 'Plan for the session (35 min)';

const slideHeading = (page: Page) => page.locator('.present-slide h2').first();
const counter = (page: Page) => page.locator('.present-counter');

test.describe('presenter view', () => {
  test('keys and buttons move through the slides, and the URL holds the slide', async ({
    page,
  }) => {
    await page.goto(deck);
    await expect(page.getByRole('heading', { level: 1, name: 'Circuit breakers' })).toBeVisible();
    await expect(counter(page)).toHaveText('Slide 1 / 7');
    await expect(page).toHaveURL(/\?slide=1$/);

    await page.keyboard.press('ArrowRight');
    await expect(slideHeading(page)).toContainText('The payment provider that went quiet');
    await expect(page).toHaveURL(/\?slide=2$/);
    await expect(page.getByRole('status').filter({ hasText: 'Slide 2 of 7' })).toContainText(
      'The payment provider that went quiet',
    );
    await page.keyboard.press('Space');
    await expect(counter(page)).toHaveText('Slide 3 / 7');
    await page.keyboard.press('Shift+Space');
    await expect(counter(page)).toHaveText('Slide 2 / 7');
    await page.keyboard.press('End');
    await expect(counter(page)).toHaveText('Slide 7 / 7');
    await expect(slideHeading(page)).toContainText('Check your understanding');
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.keyboard.press('Home');
    await expect(counter(page)).toHaveText('Slide 1 / 7');
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('Slide 2 / 7');
    await page.keyboard.press('PageUp');
    await expect(counter(page)).toHaveText('Slide 1 / 7');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(counter(page)).toHaveText('Slide 2 / 7');
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(counter(page)).toHaveText('Slide 1 / 7');

    // A slide's own controls keep their keys: arrows in a field do not turn the slide.
    await page.goto(`${deck}?slide=6`);
    await expect(slideHeading(page)).toContainText('Drive a breaker');
    const widget = page.getByRole('region', { name: 'Circuit breaker simulator' });
    await expect(widget.getByText(/Simulated .* calls/).first()).toBeVisible();
    await widget.getByLabel('Seed', { exact: true }).press('ArrowRight');
    await expect(counter(page)).toHaveText('Slide 6 / 7');

    // A slide number out of range shows the nearest slide and says so in the URL.
    await page.goto(`${deck}?slide=99`);
    await expect(counter(page)).toHaveText('Slide 7 / 7');
    await expect(page).toHaveURL(/\?slide=7$/);
  });

  test('? lists the keys and Escape closes the list', async ({ page }) => {
    await page.goto(`${deck}?slide=2`);
    await expect(slideHeading(page)).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Presenter keys' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('full screen');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText('Slide 3 / 7');
  });

  test('the console and the audience window stay in step, either one driving', async ({ page }) => {
    await page.goto(`${deck}?slide=2`);
    await expect(slideHeading(page)).toContainText('The payment provider that went quiet');
    const [consoleWindow] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open presenter console' }).click(),
    ]);
    const now = consoleWindow.getByRole('region', { name: 'Now' });
    const next = consoleWindow.getByRole('region', { name: 'Next' });
    const notes = consoleWindow.getByRole('region', { name: 'Speaker notes' });
    await expect(now).toContainText('The payment provider that went quiet');
    await expect(next).toContainText('How a breaker decides');
    await expect(notes).toContainText(noteText);
    await expect(consoleWindow.getByRole('region', { name: 'Time' })).toContainText(
      'of 5 min planned',
    );

    // The console drives the audience…
    await consoleWindow.getByRole('button', { name: 'Next' }).click();
    await expect(slideHeading(page)).toContainText('How a breaker decides');
    await expect(page).toHaveURL(/\?slide=3$/);
    await expect(now).toContainText('How a breaker decides');
    await expect(next).toContainText('The state machine');
    await expect(consoleWindow.getByRole('region', { name: 'Time' })).toContainText(
      'of 10 min planned',
    );

    // …and the audience window drives the console.
    await page.keyboard.press('ArrowRight');
    await expect(now).toContainText('The state machine');
    await expect(notes).toContainText('No notes for this slide.');
    await page.keyboard.press('End');
    await expect(now).toContainText('Check your understanding');
    await expect(next).toContainText('This is the last slide.');
    await consoleWindow.keyboard.press('Home');
    await expect(counter(page)).toHaveText('Slide 1 / 7');
    await expectAccessible(consoleWindow);
  });

  test('speaker notes never reach a learner', async ({ page }) => {
    const scripts = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.add(r.url());
    });
    await page.goto(lessonPath);
    await expect(
      page.getByRole('heading', { name: 'The payment provider that went quiet' }),
    ).toBeVisible();
    await expect(page.locator('#check-your-understanding')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(noteText);
    // Every script the lesson page loaded, fetched again for its text.
    expect(scripts.size).toBeGreaterThan(2);
    for (const url of scripts)
      expect(await (await page.request.get(url)).text()).not.toContain(noteText);

    // Nor to the projector: the notes are for the console alone.
    await page.goto(`${deck}?slide=2`);
    await expect(slideHeading(page)).toContainText('The payment provider that went quiet');
    await expect(page.locator('body')).not.toContainText(noteText);
  });

  test('the Present action opens the lesson as slides', async ({ page }) => {
    await page.goto(lessonPath);
    await page.getByRole('link', { name: 'Present' }).click();
    await expect(page).toHaveURL(/\/present\/control-distribution\/circuit-breakers\?slide=1$/);
    await expect(counter(page)).toHaveText('Slide 1 / 7');
    await page.getByRole('link', { name: 'Leave' }).click();
    await expect(page).toHaveURL(/\/learn\/control-distribution\/circuit-breakers$/);
  });

  for (const size of [
    { name: 'desktop', width: 1280, height: 720 },
    { name: 'phone', width: 390, height: 844 },
  ])
    test(`slides are accessible in both themes (${size.name})`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto(`${deck}?slide=2`);
      await expect(slideHeading(page)).toBeVisible();
      for (const theme of ['Light', 'Dark'] as const) {
        await page.getByRole('radio', { name: theme }).check();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
        await expectAccessible(page);
        await page.screenshot({ path: testInfo.outputPath(`slide-${theme}-${size.name}.png`) });
      }
    });
});
