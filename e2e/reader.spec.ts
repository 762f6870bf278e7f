import { expect, expectAccessible, test } from './fixtures';
import { HomePage, LessonPage, lessonCount } from './pages';

const lessonTitle = 'Circuit breakers';
const lessonPath = '/learn/control-distribution/circuit-breakers';

test('home lists the modules with their lessons, times and progress', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  const module = home.module('Control Distribution');
  await expect(module).toBeVisible();
  await expect(module.getByText(/about \d+ min/)).toBeVisible();
  await expect(
    module.getByText(`0 of ${lessonCount('control-distribution')} complete`),
  ).toBeVisible();
  await expect(home.lessonLink(lessonTitle)).toBeVisible();
  await expectAccessible(page);
});

test('a lesson renders math, a Mermaid diagram and its phases', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.lessonLink(lessonTitle).click();
  const lesson = new LessonPage(page);
  await expect(lesson.title()).toHaveText(lessonTitle);
  await lesson.waitForBody();
  // Math was rendered at build time: KaTeX markup with MathML for screen readers.
  await expect(lesson.body().locator('.katex math').first()).toBeAttached();
  // Mermaid loads when the diagram nears the viewport.
  const diagram = lesson.body().locator('figure.diagram').first();
  await diagram.scrollIntoViewIfNeeded();
  await expect(diagram.locator('svg').first()).toBeVisible({ timeout: 15_000 });
  // The focus-block rhythm, as visible section labels, in order.
  await expect(lesson.body().locator('section.phase .phase-label')).toHaveText([
    'Priming',
    'Core concept',
    'Visual model',
    'Analogy',
    'Active practice',
    'Consolidation',
  ]);
  await expectAccessible(page);
});

test('a heading deep link opens the lesson at that heading', async ({ page }) => {
  await page.goto(lessonPath);
  const lesson = new LessonPage(page);
  await lesson.waitForBody();
  const second = lesson.toc().getByRole('link').nth(2);
  const href = await second.getAttribute('href');
  expect(href).toMatch(/^#[a-z0-9-]+$/);
  const id = href!.slice(1);

  await page.goto(`${lessonPath}${href}`);
  await lesson.waitForBody();
  const heading = page.locator(`[id="${id}"]`);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // The heading's own anchor link points at itself, for copying.
  await expect(heading.locator('a.heading-anchor')).toHaveAttribute('href', `#${id}`);
});

test('mark complete survives a reload and shows on the home page', async ({ page }) => {
  await page.goto(lessonPath);
  const lesson = new LessonPage(page);
  await lesson.waitForBody();
  await expect(lesson.markComplete()).toHaveAttribute('aria-pressed', 'false');
  await lesson.markComplete().click();
  await expect(lesson.markComplete()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.complete-toggle').getByRole('status')).toHaveText(
    `${lessonTitle} is marked complete.`,
  );
  await page.reload();
  await lesson.waitForBody();
  await expect(lesson.markComplete()).toHaveAttribute('aria-pressed', 'true');
  const home = new HomePage(page);
  await home.goto();
  await expect(
    home
      .module('Control Distribution')
      .getByText(`1 of ${lessonCount('control-distribution')} complete`),
  ).toBeVisible();
});

test('the dark theme is remembered across reloads', async ({ page }) => {
  await page.goto(lessonPath);
  const lesson = new LessonPage(page);
  await lesson.themeRadio('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(lesson.themeRadio('Dark')).toBeChecked();
  await lesson.waitForBody();
  await expectAccessible(page);
});

test('previous and next links walk the module in order', async ({ page }) => {
  await page.goto('/learn/control-distribution/overview');
  const next = page
    .getByRole('navigation', { name: 'Previous and next lesson' })
    .getByRole('link', { name: /Next/ });
  await expect(next).toContainText(lessonTitle);
  await next.click();
  await expect(page).toHaveURL(lessonPath);
  await expect(new LessonPage(page).title()).toHaveText(lessonTitle);
});

test('a checklist can be ticked, and the ticks survive a reload', async ({ page }) => {
  await page.goto('/learn/control-distribution/anti-patterns');
  const list = page.locator('.checklist').first();
  const first = list.getByRole('checkbox').first();
  await expect(first).not.toBeChecked();
  await first.check();
  await expect(list).toContainText('1 of');
  await page.reload();
  await expect(page.locator('.checklist').first().getByRole('checkbox').first()).toBeChecked();
  await expectAccessible(page);
});
