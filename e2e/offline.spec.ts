import { expect, reveal, test } from './fixtures';
import { LessonPage } from './pages';

test('after one visit, the home page, a lesson with its diagram and simulator, and review work offline', async ({
  page,
  context,
}) => {
  await page.goto('/learn/control-distribution/circuit-breakers');
  await new LessonPage(page).waitForBody();
  // Wait until the service worker has installed (precached the build) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve()),
      );
    }
  });

  await context.setOffline(true);
  await page.reload();
  const lesson = new LessonPage(page);
  await expect(lesson.title()).toHaveText('Circuit breakers');
  await lesson.waitForBody();
  await expect(lesson.body().locator('.katex math').first()).toBeAttached();
  const diagram = lesson.body().locator('figure.diagram').first();
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram.locator('svg').first()).toBeVisible({ timeout: 15_000 });
  const widget = page.getByRole('region', { name: 'Circuit breaker simulator' });
  await reveal(widget);
  await expect(widget.getByText(/^Simulated [\d,]+ calls/)).toBeVisible({ timeout: 30_000 });

  // A page never visited before is served from the precache too.
  await page.goto('/learn/control-distribution/overview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Module overview');
  // So are the home page and the review page.
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Control Distribution' })).toBeVisible();
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Review/);
  await context.setOffline(false);
});
