import { expect, expectAccessible, reveal, test } from './fixtures';

const lesson = '/learn/probability/probabilistic-data-structures';

test.describe('Bloom filter lab', () => {
  test('the small filter says "definitely not", then lies: a real false positive', async ({
    page,
  }) => {
    await page.goto(lesson);
    const lab = page.getByRole('region', { name: 'Bloom filter lab' }).first();
    await reveal(lab);
    await lab.getByLabel('Scenario').selectOption({ label: 'A tiny filter that lies' });
    const item = lab.getByRole('textbox', { name: 'Item' });
    const verdict = lab.locator('.bloom-verdict');
    // The lesson's own example (task 1): if the hash or the preset changes, its words must too.
    for (const word of ['apple', 'banana', 'cherry', 'grape', 'lemon']) {
      await item.fill(word);
      await item.press('Enter');
      await expect(verdict).toContainText(`Added “${word}”`);
    }
    await item.fill('horse');
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(verdict).toContainText('so it was definitely never added');
    await item.fill('melon');
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(verdict).toContainText('bits 15, 16, 17 are all set');
    await expect(verdict).toContainText('but you never added it. That is a false positive');
    // A plain filter refuses to remove, and says why.
    await expect(lab.getByRole('button', { name: 'Remove' })).toBeDisabled();
    await expect(lab.getByText(/A plain filter cannot remove/)).toBeVisible();
    await lab.getByLabel('Kind').selectOption('counting');
    for (const word of ['apple', 'banana', 'cherry', 'grape', 'lemon']) {
      await item.fill(word);
      await item.press('Enter');
    }
    await item.fill('lemon');
    await lab.getByRole('button', { name: 'Remove' }).click();
    await expect(verdict).toContainText('Removed “lemon”');
    await item.fill('melon');
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(verdict).toContainText('definitely never added');
    // Removing something never added is refused: it would take other items' counters down.
    await item.fill('kiwi');
    await lab.getByRole('button', { name: 'Remove' }).click();
    await expect(verdict).toContainText('so the filter refuses to remove it');
    await item.fill('cherry');
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(verdict).toContainText('and here it is right: you added it');
    await expectAccessible(page);
  });

  test('sizing and the measured false-positive rate beside the formula', async ({ page }) => {
    await page.goto(lesson);
    const lab = page.getByRole('region', { name: 'Bloom filter lab' }).first();
    await reveal(lab);
    await lab.getByLabel('Scenario').selectOption({ label: '100,000 items at 1 %' });
    const sizing = lab.locator('table.bloom-sizing');
    await expect(sizing).toContainText('958,506');
    await expect(sizing.getByRole('row', { name: /Hash functions/ })).toContainText(
      '7 (exactly 6.64)',
    );
    await lab.getByLabel('False-positive rate p (%)').fill('0');
    await expect(lab.getByText('Enter a rate above 0 % and below 100 %.')).toBeVisible();
    await expect(lab.getByText(/^Measured with 200,000 non-member queries per point/)).toBeVisible({
      timeout: 30_000,
    });
    await lab.getByText('The measurements as a table').click();
    await expect(lab.getByRole('row', { name: /^7 / })).toBeVisible();
    await expect(lab).not.toContainText(/NaN|Infinity/);
  });
});

test.describe('birthday bound calculator', () => {
  test('23 people, 365 days: the exact odds, and a simulation that agrees', async ({ page }) => {
    await page.goto(lesson);
    const calc = page.getByRole('region', { name: 'Birthday bound calculator' });
    await reveal(calc);
    await calc.getByLabel('Scenario').selectOption({ label: '23 people, 365 days' });
    await expect(calc.getByRole('row', { name: /exact/ })).toContainText('50.7 %');
    await expect(calc.getByRole('row', { name: /even odds/ })).toContainText('23');
    await calc.getByLabel('IDs drawn n').fill('0');
    await expect(calc.getByText(/number of IDs/)).toBeVisible();
    await calc.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(calc.getByText(/^Ran 10,000 trials/)).toBeVisible({ timeout: 30_000 });
    const median = calc.getByRole('row', { name: /^Median/ });
    await expect(median).toContainText('23');
    await expectAccessible(page);
  });
});

test.describe('birthday simulation of the calculator’s inputs', () => {
  test('simulates the d the learner chose, and says what it ran when b is too big', async ({
    page,
  }) => {
    await page.goto('/learn/probability/birthday-ids');
    const calculators = page.getByRole('region', { name: 'Birthday bound calculator' });
    await reveal(calculators.nth(0));
    const classic = page.locator('#birthday-classic');
    await classic.getByLabel('Values d').fill('1000');
    await expect(
      classic.getByText('10,000 trials, each drawing IDs from 1,000 values'),
    ).toBeVisible();
    await classic.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(classic.getByText(/^Ran 10,000 trials of IDs from 1,000 values/)).toBeVisible({
      timeout: 30_000,
    });
    // 1,000 values: even odds near 38 IDs, not the 23 of 365 days.
    await expect(classic.getByRole('row', { name: /^Median/ })).toContainText('38');

    await reveal(calculators.nth(1));
    const uuid = page.locator('#birthday-billion');
    await uuid.getByLabel('Random bits b').fill('100');
    await expect(
      uuid.getByText(
        /^The simulation cannot draw IDs of 100 random bits \(2\^100 values\): the first collision would take about .* IDs a trial, and it stops at 1,000,000\. It ran IDs of 32 random bits \(2\^32 values\) instead \(100 trials\)\.$/,
      ),
    ).toBeVisible();
    await uuid.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(uuid.getByText(/^Ran 100 trials of IDs of 32 random bits/)).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(page);
  });
});

test.describe('count-min and HyperLogLog lab', () => {
  test('count-min never undercounts; HyperLogLog stays near the truth', async ({ page }) => {
    await page.goto(lesson);
    const lab = page.getByRole('region', { name: 'Count-min and HyperLogLog lab' });
    await reveal(lab);
    await expect(
      lab.getByText(/^Every estimate is at least the true count \(none was under\)/),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(lab.getByText(/^Heavy hitters .*: 10 reported, 0 missed/)).toBeVisible();
    await lab.getByLabel('Zipf exponent s').fill('0');
    await expect(lab.getByText(/^Heavy hitters .*: none\./)).toBeVisible({ timeout: 30_000 });
    await expect(lab.getByText(/^After 2,000,000 items the true distinct count is/)).toBeVisible({
      timeout: 30_000,
    });
    await lab.getByLabel('Precision p').fill('40');
    await expect(lab.getByText('The precision p must be at most 16')).toBeVisible();
    await expect(lab).not.toContainText(/NaN|Infinity/);
    await expectAccessible(page);
  });
});
