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

  // How long the main thread is blocked is measured by `npm run bench:web`, not asserted here:
  // the behaviour that matters is that input during a run is taken and wins over the old run.
  test('the page takes input while a long run is in progress, and the last input wins', async ({
    page,
  }) => {
    const widget = new BreakerWidget(page);
    await widget.open();
    await widget.waitForRun();
    await widget.field('Run length (s)').scrollIntoViewIfNeeded();
    // About 1.6 million calls, run twice (with and without the breaker).
    await widget.field('Request rate (calls/s)').fill('4000');
    await widget.field('Run length (s)').fill('400');
    await expect(
      widget.root.getByRole('progressbar', { name: 'Simulation progress' }),
    ).toBeVisible();
    // A new seed while that run is going: the run in flight is cancelled, not queued behind.
    await widget.field('Seed').fill('1234');
    await widget.waitForRun(1234);
    // …and the result is the long run's (millions of calls), with the new seed.
    await expect(
      widget.root.getByText(/^Simulated \d,\d{3},\d{3} calls \(both runs, seed 1234\)/),
    ).toBeVisible();
  });
});
