import { expect, expectAccessible, test } from './fixtures';
import { BreakerWidget } from './pages';

test.describe('circuit breaker simulator', () => {
  test('the outage preset goes CLOSED → OPEN → HALF_OPEN → CLOSED, with reasons', async ({
    page,
  }) => {
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    await widget.scenario().selectOption({ label: 'Downstream outage' });
    await expect.poll(() => widget.path()).toContain('HALF_OPEN→CLOSED');
    const path = await widget.path();
    expect(path[0]).toBe('CLOSED→OPEN');
    expect(path[1]).toBe('OPEN→HALF_OPEN');
    expect(path.at(-1)).toBe('HALF_OPEN→CLOSED');
    await expect(widget.transitions().first()).toContainText(
      /10 of last 20 calls failed \(50% ≥ 50% threshold; 20 calls ≥ minimum 10\)/,
    );
    // Theory sits beside the simulation.
    await expect(widget.root.getByRole('table').filter({ hasText: 'Theory' })).toContainText(
      'agrees',
    );
    await expectAccessible(page);
  });

  test('a copied link reopens the identical run on another page', async ({
    page,
    context,
    browser,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    await widget.scenario().selectOption({ label: 'Flapping dependency' });
    await widget.field('Seed').fill('4242');
    await widget.waitForRun(4242);
    expect((await widget.path()).length).toBeGreaterThan(3);
    const log = await widget.transitions().allInnerTexts();
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    await expect(widget.root.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=breaker-lab');
    expect(link).toContain('seed=4242');

    const other = await browser.newPage();
    await other.goto(link);
    const again = new BreakerWidget(other);
    await again.waitForRun(4242);
    await expect(again.field('Seed')).toHaveValue('4242');
    await expect(again.scenario()).toHaveValue('');
    expect(await again.transitions().allInnerTexts()).toEqual(log);
    await other.close();
  });

  test('a tampered link is refused in words, and the lesson scenario runs instead', async ({
    page,
  }) => {
    const widget = new BreakerWidget(page);
    await widget.open(
      '/learn/control-distribution/circuit-breakers?w=breaker-lab&seed=1&p=PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg',
    );
    await expect(widget.root.getByRole('alert')).toContainText(
      'Showing the lesson’s own scenario instead',
    );
    await widget.waitForRun();
    await expect(widget.scenario()).toHaveValue('blip-then-outage');
  });

  test('an invalid threshold is explained next to the field, and the last run stays', async ({
    page,
  }) => {
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    const before = await widget.transitions().allInnerTexts();
    await widget.field('Trip at failure rate (%)').fill('0');
    await expect(
      widget.root.getByText('Failure-rate threshold must be between 1 % and 100 %'),
    ).toBeVisible();
    await expect(widget.field('Trip at failure rate (%)')).toHaveAttribute('aria-invalid', 'true');
    await widget.field('Minimum calls').fill('500');
    await expect(
      widget.root.getByText(
        'The breaker can never trip: minimum calls (500) is larger than the window (20)',
      ),
    ).toBeVisible();
    expect(await widget.transitions().allInnerTexts()).toEqual(before);
    await expect(page.locator('body')).not.toContainText('NaN');
  });

  test('works from the keyboard alone', async ({ page }) => {
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    await widget.scenario().focus();
    await page.keyboard.press('Tab');
    await expect(widget.field('Seed')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('99');
    await widget.waitForRun(99);
    const rewind = widget.root.getByRole('button', { name: 'Rewind' });
    await rewind.focus();
    await page.keyboard.press('Enter');
    await expect(widget.root.getByText(/^At 0\.0 s the breaker is/)).toBeVisible();
    await page.keyboard.press('Shift+Tab'); // step forward
    await page.keyboard.press('Shift+Tab'); // step back
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(widget.root.getByText(/^At 1\.0 s the breaker is/)).toBeVisible();
    const slider = widget.root.getByRole('slider', { name: 'Time' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect(widget.root.getByText(/^At 120\.0 s the breaker is/)).toBeVisible();
  });

  test('a long run never blocks the page for more than 50 ms', async ({ page }) => {
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    // Draw the lesson's diagrams first: Mermaid's one-off layout is page work, not simulation.
    for (const figure of await page.locator('figure.diagram').all()) {
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.locator('svg').first()).toBeVisible({ timeout: 15_000 });
    }
    await widget.field('Run length (s)').scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      performance.clearMarks('simulation-result');
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    // About 1.6 million calls, run twice (with and without the breaker).
    await widget.field('Request rate (calls/s)').fill('4000');
    await widget.field('Run length (s)').fill('400');
    // Wait cheaply: text locators scan the whole lesson and are main-thread work themselves.
    await page.waitForFunction(
      () => document.querySelector('progress[aria-label="Simulation progress"]') !== null,
      null,
      {
        polling: 250,
        timeout: 10_000,
      },
    );
    await page.waitForFunction(
      () => performance.getEntriesByName('simulation-result').length > 0,
      null,
      {
        polling: 500,
        timeout: 60_000,
      },
    );
    // Judge the time the simulation was running: up to the moment its result arrived.
    const longTasks = await page.evaluate(() => {
      const done = performance.getEntriesByName('simulation-result').at(-1)?.startTime ?? Infinity;
      return (
        window as unknown as { longTasks: { start: number; duration: number }[] }
      ).longTasks.filter((t) => t.start < done);
    });
    expect(
      longTasks.filter((t) => t.duration > 50),
      'main-thread tasks over 50 ms while simulating',
    ).toEqual([]);
  });
});
