import { expect, expectAccessible, test } from './fixtures';
import { HomePage, LessonPage, lessonCount } from './pages';

test('an unknown route shows a 404 page with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such page');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
});

test('an unknown lesson shows a 404 page', async ({ page }) => {
  await page.goto('/learn/control-distribution/no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such lesson');
  await expectAccessible(page);
});

test('corrupted saved progress is set aside, the learner is told, and the app starts clean', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('reliability-workbook', '{"state": {"completed": "everything"');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const home = new HomePage(page);
  await home.goto();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('reliability-workbook:unreadable:')),
  );
  expect(kept).toHaveLength(1);
  await expect(alert).toContainText(kept[0]!);
  expect(await page.evaluate((k) => localStorage.getItem(k), kept[0]!)).toBe(
    '{"state": {"completed": "everything"',
  );
  await expect(
    home
      .module('Control Distribution')
      .getByText(`0 of ${lessonCount('control-distribution')} complete`),
  ).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('keyboard: the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/learn/control-distribution/circuit-breakers');
  await new LessonPage(page).waitForBody();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a 360 px wide phone gets no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/learn/control-distribution/circuit-breakers']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (path !== '/') await new LessonPage(page).waitForBody();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});
