import { expect, expectAccessible, test } from './fixtures';
import { allLessons, LessonPage } from './pages';

/**
 * Every page of every module: it renders (no console errors, no external requests — the
 * fixtures fail the test on either), every Mermaid diagram becomes an SVG, every widget, quiz
 * and exercise loads when scrolled to and mounts without a directive error, and axe finds no
 * serious violations.
 */
for (const lesson of allLessons()) {
  test(`${lesson.moduleId}/${lesson.file} renders completely`, async ({ page }) => {
    await page.goto(lesson.path);
    const view = new LessonPage(page);
    await expect(view.title()).toBeVisible();
    await expect(view.body()).toBeVisible();
    const diagrams = view.body().locator('figure.diagram');
    const count = await diagrams.count();
    for (let i = 0; i < count; i++) {
      const diagram = diagrams.nth(i);
      await diagram.scrollIntoViewIfNeeded();
      await expect(diagram.locator('svg').first(), `diagram ${i + 1} of ${count}`).toBeVisible({
        timeout: 20_000,
      });
    }
    // Widgets, quizzes and exercises load as they come near the screen: scroll to each until
    // every placeholder has become its view.
    const placeholders = view.body().locator('.widget-loading, .quiz-loading, .exercise-loading');
    for (let left = await placeholders.count(); left > 0; left = await placeholders.count()) {
      // The last placeholder can turn into its view between the count and the scroll (it is
      // already near the screen); the poll below is what must hold: fewer placeholders.
      await placeholders
        .first()
        .scrollIntoViewIfNeeded({ timeout: 5_000 })
        .catch(() => undefined);
      await expect.poll(() => placeholders.count(), { timeout: 20_000 }).toBeLessThan(left);
    }
    await expect(view.body().getByText(/widget is set up wrongly in the lesson/)).toHaveCount(0);
    await expectAccessible(page);
  });
}
