import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { ConsensusWidget, LessonPage } from './pages';

/** The lesson's reveal under the lab, opened, as text. */
async function lessonAnswer(page: Page): Promise<string> {
  const summary = page.locator('summary', { hasText: 'What the lab shows' });
  await summary.click();
  return summary.locator('..').innerText();
}

test.describe('split brain and quorum lab', () => {
  test('the clean partition gives the numbers the lesson states', async ({ page }) => {
    const widget = new ConsensusWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await expect(widget.scenario()).toHaveValue('clean-partition');

    const answer = await lessonAnswer(page);
    const [, conflicting] = /([\d,]+) conflicting writes in all/.exec(answer) ?? [];
    const [, lost] = /the ([\d,]+) writes A.s side was told were saved are gone/.exec(answer) ?? [];
    const [, quorumLost] = /Writes lost: ([\d,]+)\./.exec(answer) ?? [];
    const [, refused] = /The price is the ([\d,]+) writes refused/.exec(answer) ?? [];
    expect([conflicting, lost, quorumLost, refused]).not.toContain(undefined);

    expect(await widget.total(/^Conflicting/)).toEqual([conflicting, '0']);
    expect(await widget.total(/^Lost/)).toEqual([lost, quorumLost]);
    expect((await widget.total(/^Refused/))[1]).toBe(refused);
    // Both schemes have two nodes acting as leader; only the naive one lets both sides write.
    expect(await widget.total(/^Most nodes acting as leader/)).toEqual(['2', '2']);
    // The split's two sides: the naive small side writes, the quorum small side cannot.
    const sides = widget
      .table('Writes acknowledged on each side of the network')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '10–39' }) });
    await expect(sides).toHaveCount(2);
    await expect(sides.nth(0).getByRole('cell')).toHaveText(['A, B (2 of 5)', lost!, '0']);
    await expect(widget.root.getByText(/^Naive failover acknowledged/)).toContainText(
      `${lost} writes lost`,
    );

    // Leaders per term: term 2 goes to the majority side.
    const terms = widget.table('Majority quorum: leaders per term');
    await expect(terms.getByRole('row')).toHaveCount(3);
    await expect(terms.getByRole('row').nth(2)).toContainText('E');

    // Scrub into the split: two primaries, nothing lost yet; past the heal, A's writes are gone.
    const time = widget.root.getByRole('slider', { name: 'Time' });
    await time.fill('20');
    await expect(
      widget.root.getByText(/^At step 20: 2 primaries under naive failover/),
    ).toContainText('writes lost so far: naive 0, quorum 0.');
    await expect(
      widget.table('Each node at step 20').getByRole('row').filter({ hasText: /^A/ }),
    ).toContainText('leader, term 1');
    await time.fill('45');
    await expect(widget.root.getByText(/^At step 45: 1 primary/)).toContainText(
      `naive ${lost}, quorum 0.`,
    );
    await expect(
      widget.root.getByRole('img', { name: /^Majority quorum: role of each node/ }),
    ).toBeVisible();
    await expect(widget.root).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('a zone loss: 2 + 2 + 1 keeps writing, 3 + 1 + 1 stops, as the lesson says', async ({
    page,
  }) => {
    const widget = new ConsensusWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    const answer = await lessonAnswer(page);
    const [, good] =
      /acknowledges ([\d.]+ %) of the writes sent during the loss/.exec(answer) ?? [];
    const [, bad] = /so ([\d.]+ %) are acknowledged until the zone comes back/.exec(answer) ?? [];
    expect([good, bad]).not.toContain(undefined);

    await widget.scenario().selectOption('zone-loss-221');
    await widget.waitForRun(2);
    const placements = 'Availability during a zone loss, by placement';
    const row221 = await widget.row(placements, /^2 \+ 2 \+ 1 \(this run\)/);
    expect(row221[1]).toBe('yes');
    expect(row221[4]!.startsWith(`${good} (`)).toBe(true);

    await widget.scenario().selectOption('zone-loss-311');
    // Both presets run on seed 2, so wait for the new placement's row, not the summary.
    const this311 = () => widget.row(placements, /^3 \+ 1 \+ 1 \(this run\)/);
    await expect
      .poll(async () => (await this311()).slice(0, 2), { timeout: 30_000 })
      .toEqual(['2 of 5 (need 3)', 'no']);
    const row311 = await this311();
    expect(row311[4]!.startsWith(`${bad} (`)).toBe(true);
    // The naive scheme keeps writing through the same loss.
    expect(row311[5]).not.toMatch(/^0 %/);
  });

  test('a bad script is explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new ConsensusWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    const lost = await widget.total(/^Lost/);
    await widget.field('Fault script').fill('10 split AB | CDX\n40 heal');
    await expect(
      widget.root.getByText('Script line 1: there is no node “x” (the nodes are A to E)'),
    ).toBeVisible();
    await expect(widget.field('Fault script')).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    expect(await widget.total(/^Lost/)).toEqual(lost);
    await widget.field('Nodes per zone').fill('4, 4');
    await expect(
      widget.root.getByText('The placement has 8 nodes; the lab runs 2 to 7'),
    ).toBeVisible();
  });

  test('a copied link reopens the same run', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new ConsensusWidget(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.root.getByRole('radio', { name: 'Random, from the seed' }).check();
    await widget.field('Nodes per zone').fill('3, 2, 2');
    await widget.field('Seed').fill('42');
    await widget.waitForRun(42);
    const faults = await widget.root.getByText(/^Faults drawn from the seed/).innerText();
    const rows = [await widget.total(/^Acknowledged/), await widget.total(/^Lost/)];
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=split-brain-lab');
    expect(link).toContain('seed=42');

    const other = await browser.newPage();
    await other.goto(link);
    const again = new ConsensusWidget(other);
    await again.waitForRun(42);
    await expect(again.field('Nodes per zone')).toHaveValue('3, 2, 2');
    await expect(again.scenario()).toHaveValue('');
    await expect(again.root.getByText(/^Faults drawn from the seed/)).toHaveText(faults);
    expect([await again.total(/^Acknowledged/), await again.total(/^Lost/)]).toEqual(rows);
    await other.close();
  });

  test('is accessible in the light and the dark theme', async ({ page }) => {
    const widget = new ConsensusWidget(page);
    const lesson = new LessonPage(page);
    await widget.open();
    await widget.waitForRun(1);
    await widget.root.scrollIntoViewIfNeeded();
    await lesson.themeRadio('Light').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectAccessible(page);
    await lesson.themeRadio('Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);
  });
});
