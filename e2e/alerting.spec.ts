import type { Locator } from '@playwright/test';
import { expect, expectAccessible, reveal, test } from './fixtures';

const lesson = '/learn/control-distribution/monitoring-alerting';

function outcome(widget: Locator, label: string, column: 1 | 2) {
  return widget
    .locator('table.alert-outcomes tr')
    .filter({ has: widget.page().getByRole('rowheader', { name: new RegExp(`^${label}`) }) })
    .locator('td')
    .nth(column - 1);
}

/** The first number in a cell: "1,234" → 1234, "100.0 % (4 of 4)" → 100. */
const count = async (cell: Locator) => parseFloat((await cell.innerText()).replace(/,/g, ''));

test.describe('Alert fatigue simulator', () => {
  test('the burn-rate policy pages far less than thresholds on the same week, catching as much', async ({
    page,
  }) => {
    await page.goto(lesson);
    const widget = page.getByRole('region', { name: 'Alert fatigue simulator' });
    await reveal(widget);
    // Wait for the view itself: the loading placeholder has the same name and is replaced.
    await expect(widget.getByText(/under both policies in \d+ ms/)).toBeVisible({
      timeout: 30_000,
    });
    await widget.scrollIntoViewIfNeeded();
    const pagesA = await count(outcome(widget, 'Pages', 1));
    const pagesB = await count(outcome(widget, 'Pages', 2));
    expect(pagesA).toBeGreaterThan(5 * pagesB);
    const recallA = await count(outcome(widget, 'Recall', 1));
    const recallB = await count(outcome(widget, 'Recall', 2));
    expect(recallB).toBeGreaterThanOrEqual(recallA);
    await expect(widget.locator('.alert-timeline')).toBeVisible();
    await expectAccessible(page);
  });

  test('editing a threshold reruns and changes the pages; a bad rule is explained in words', async ({
    page,
  }) => {
    await page.goto(lesson);
    const widget = page.getByRole('region', { name: 'Alert fatigue simulator' });
    await reveal(widget);
    await expect(widget.getByText(/under both policies in \d+ ms/)).toBeVisible({
      timeout: 30_000,
    });
    const before = await count(outcome(widget, 'Pages', 1));
    await widget.getByText('The two policies (edit rules, grouping, inhibition)').click();
    const policyA = widget.getByRole('group', { name: /^Policy A/ });
    const rule1 = policyA.getByRole('group', { name: /^Rule 1/ });
    await rule1.getByLabel('Fires above').fill('5');
    await expect
      .poll(async () => count(outcome(widget, 'Pages', 1)), { timeout: 30_000 })
      .toBeLessThan(before);

    await rule1.getByLabel('Fires above').fill('');
    await expect(rule1.getByLabel('Fires above')).toHaveAttribute('aria-invalid', 'true');
    await expect(rule1.getByLabel('Fires above')).toHaveAccessibleDescription(
      'Rule 1: a threshold must be a number',
    );
    const policyB = widget.getByRole('group', { name: /^Policy B/ });
    const burnRule = policyB.getByRole('group', { name: /^Rule 1/ });
    await burnRule.getByLabel('SLO').fill('99');
    const burn = burnRule.getByLabel('Burn rate at least');
    await burn.fill('200');
    await expect(burn).toHaveAccessibleDescription(
      'Rule 1: a burn rate of 200× on a 99 % SLO needs an error ratio above 100 %, so it can never fire',
    );
    await expect(widget.getByText('Fix the settings above to run again')).toBeVisible();
    // The last good run stays on screen.
    await expect(widget.locator('table.alert-outcomes')).toBeVisible();
    await expectAccessible(page);
  });

  test('bad values are explained at their fields, naming the rule', async ({ page }) => {
    await page.goto(lesson);
    const widget = page.getByRole('region', { name: 'Alert fatigue simulator' });
    await reveal(widget);
    await expect(widget.getByText(/under both policies in \d+ ms/)).toBeVisible({
      timeout: 30_000,
    });
    await widget.getByText('The two policies (edit rules, grouping, inhibition)').click();
    const policyA = widget.getByRole('group', { name: /^Policy A/ });
    const forMin = policyA
      .getByRole('group', { name: /^Rule 2/ })
      .getByRole('spinbutton', { name: 'For (min)' });
    await forMin.fill('-5');
    await expect(forMin).toHaveAttribute('aria-invalid', 'true');
    await expect(forMin).toHaveAccessibleDescription(
      /Rule 2: a "for" duration must be at least 0 minutes$/,
    );
    const above = policyA.getByRole('group', { name: /^Rule 1/ }).getByLabel('Fires above');
    await above.fill('-1');
    await expect(above).toHaveAttribute('aria-invalid', 'true');
    await expect(above).toHaveAccessibleDescription(
      'Rule 1: an error-ratio threshold must be at least 0 % and below 100 %',
    );
    await widget.locator('summary', { hasText: 'The world' }).click();
    const days = widget.getByLabel('On-call period (days)');
    await days.fill('99');
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await expect(days).toHaveAccessibleDescription('The on-call period must be at most 30 days');
    await expect(widget.getByText('Fix the settings above to run again')).toBeVisible();
    await expectAccessible(page);
  });

  test('a copied link reopens the same scenario with the same settings', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(lesson);
    const widget = page.getByRole('region', { name: 'Alert fatigue simulator' });
    await reveal(widget);
    await widget.getByLabel('Seed').fill('12');
    await expect(widget.getByText(/\(seed 12\) under both policies/)).toBeVisible({
      timeout: 30_000,
    });
    const pages = await outcome(widget, 'Pages', 1).innerText();
    await widget.getByRole('button', { name: /Copy link/ }).click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain('w=alert-week');
    await page.goto(url);
    const again = page.getByRole('region', { name: 'Alert fatigue simulator' });
    await reveal(again);
    await expect(again.getByText(/\(seed 12\) under both policies/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(outcome(again, 'Pages', 1)).toHaveText(pages);
  });
});
