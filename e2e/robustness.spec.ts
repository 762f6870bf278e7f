import { readFile } from 'node:fs/promises';
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

test('unreadable progress that cannot be copied aside is kept, not overwritten, until the learner chooses', async ({
  page,
}, info) => {
  const garbage = `not json ${'x'.repeat(200_000)}`;
  await page.addInitScript((raw) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('reliability-workbook', raw);
    // Fill the rest of the site's storage, so that no copy of it fits.
    let i = 0;
    for (let size = 1 << 20; size >= 16; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, 'f'.repeat(size));
      } catch {
        // Full at this size: try smaller pieces.
      }
    }
  }, garbage);
  const home = new HomePage(page);
  await home.goto();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read (it is not valid JSON)');
  await expect(alert).toContainText('no room left in this browser’s storage for a copy');
  await expect(alert).toContainText('the workbook is not saving your progress');
  await expect(alert).not.toContainText(':unreadable:');
  const stored = () => page.evaluate(() => localStorage.getItem('reliability-workbook'));
  const copies = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')));
  expect(await copies()).toEqual([]);

  // Progress made now is not saved over the unreadable data.
  await new LessonPage(page).themeRadio('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await stored()).toBe(garbage);

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = info.outputPath('unreadable.txt');
  await (await download).saveAs(file);
  expect(await readFile(file, 'utf8')).toBe(garbage);
  await expect(alert.getByRole('status')).toHaveText(
    'Downloaded. Keep the file: it is the only copy of that data.',
  );
  await expectAccessible(page);

  await alert.getByRole('button', { name: 'Start fresh' }).click();
  const confirm = alert.getByRole('group', { name: 'Confirm starting fresh' });
  await expect(confirm.getByRole('button', { name: 'Delete it and start fresh' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await stored()).toBe(garbage);
  await alert.getByRole('button', { name: 'Start fresh' }).click();
  await confirm.getByRole('button', { name: 'Delete it and start fresh' }).click();
  await expect(alert).toHaveText(
    /The unreadable data was deleted\. The workbook saves your progress again\./,
  );
  // What the learner did meanwhile (the theme) is saved now.
  expect(JSON.parse((await stored()) ?? '{}')).toMatchObject({ state: { theme: 'dark' } });
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

/** Settings as a scenario link carries them: base64url JSON. */
const encoded = (settings: unknown) => Buffer.from(JSON.stringify(settings)).toString('base64url');

test.describe('hostile and odd scenario links', () => {
  for (const [path, id, title] of [
    ['/learn/probability/retries-jitter', 'retry-storm', 'Retry storm simulator'],
    ['/learn/control-distribution/autoscaling', 'autoscaler', 'Autoscaler simulator'],
  ] as const) {
    test(`settings of null are refused in words on the ${id} widget, which still runs`, async ({
      page,
    }) => {
      await page.goto(`${path}?w=${id}&seed=1&p=bnVsbA`);
      const widget = page.locator(`#${id}`);
      await expect(widget.getByRole('alert')).toHaveText(
        'The link’s settings are damaged or not from this workbook. Showing the lesson’s own scenario instead.',
      );
      await expect(widget.getByRole('heading', { name: title })).toBeVisible();
      await expect(widget.getByText(/^Simulated .* in a background worker\.$/)).toBeVisible({
        timeout: 30_000,
      });
    });
  }

  test('a link missing a setting names it in the workbook’s words', async ({ page }) => {
    const settings = {
      rate: 50,
      durationS: 120,
      medianMs: 80,
      p99Ms: 400,
      timeoutMs: 1000,
      faults: [],
      breaker: {
        enabled: true,
        policy: { kind: 'count', size: 20, failureRate: 0.5, minimumCalls: 10 },
        slowCallMs: null,
        waitMs: 5000,
        trialCalls: 'three',
      },
    };
    await page.goto(
      `/learn/control-distribution/circuit-breakers?w=breaker-lab&seed=1&p=${encoded(settings)}`,
    );
    await expect(page.locator('#breaker-lab').getByRole('alert')).toHaveText(
      'The link’s settings are not valid: The base failure rate is missing; The breaker: trial calls must be a whole number. Showing the lesson’s own scenario instead.',
    );
  });

  test('a link naming no widget on the page says so', async ({ page }) => {
    await page.goto('/learn/probability/retries-jitter?w=breaker-lab&seed=1&p=e30');
    await expect(page.getByRole('alert').first()).toHaveText(
      'This link is for a widget named “breaker-lab”, which is not on this page, so its settings were not used. The lesson’s own scenarios are shown instead.',
    );
  });

  test('the birthday simulation opens a shared link’s run', async ({ page }) => {
    const settings = { scheme: 'uniform', space: { values: 1000 }, trials: 500 };
    await page.goto(
      `/learn/probability/birthday-ids?w=birthday-classic&seed=5&p=${encoded(settings)}`,
    );
    const widget = page.locator('#birthday-classic');
    await expect(
      widget.getByText(/^Ran 500 trials of IDs from 1,000 values \(seed 5\)/),
    ).toBeVisible({ timeout: 30_000 });
    await expect(widget.getByLabel('Values d')).toHaveValue('1000');
  });

  test('the Bloom filter experiment opens a shared link’s run', async ({ page }) => {
    const settings = { m: 9600, n: 1000, k: 5, kFrom: 1, kTo: 8, probes: 10_000, points: 5 };
    await page.goto(
      `/learn/probability/probabilistic-data-structures?w=bloom-lab&seed=9&p=${encoded(settings)}`,
    );
    const widget = page.locator('#bloom-lab');
    await expect(widget.getByText(/non-member queries per point \(seed 9\)/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(widget.getByLabel('Bits m')).toHaveValue('9600');
    await expect(widget.getByLabel('Hash functions k')).toHaveValue('5');
  });

  test('the sketches lab opens a shared link’s runs, and refuses a tampered one', async ({
    page,
  }) => {
    const settings = {
      countMin: {
        epsilon: 0.01,
        delta: 0.01,
        items: 1000,
        s: 1.2,
        streamLength: 50_000,
        top: 10,
        phi: 0.01,
      },
      hll: { precision: 10, streamLength: 30_000, universe: 20_000, points: 10 },
    };
    const path = '/learn/probability/probabilistic-data-structures';
    await page.goto(`${path}?w=sketch-lab&seed=3&p=${encoded(settings)}`);
    const widget = page.locator('#sketch-lab');
    await expect(widget.getByText(/^Streamed 50,000 items .*\(seed 3\)/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(widget.getByLabel('Precision p')).toHaveValue('10');
    await page.goto(
      `${path}?w=sketch-lab&seed=3&p=${encoded({ ...settings, hll: { ...settings.hll, precision: 40 } })}`,
    );
    await expect(page.locator('#sketch-lab').getByRole('alert')).toHaveText(
      'The link’s settings are not valid: HyperLogLog: the precision p must be at most 16. Showing the lesson’s own scenario instead.',
    );
  });
});
