import { expect, expectAccessible, test } from './fixtures';
import { LessonPage, QueueWidget } from './pages';

test.describe('queue calculator', () => {
  test('a normal day: theory and simulation agree, with Little’s law in the run’s own numbers', async ({
    page,
  }) => {
    const widget = new QueueWidget(page);
    await widget.open();
    await widget.waitForRun(7);
    await expect(widget.root.getByText(/^M\/M\/25, ρ = 80\.0 %/)).toBeVisible();
    const pWait = await widget.row(/^P\(wait\)/);
    expect(pWait[0]).toBe('20.9 %');
    expect(pWait[1]).toMatch(/^\d+\.\d % ± \d+\.\d+ %$/);
    await expect(widget.comparison()).not.toContainText('differs');
    await expect(widget.root.getByText(/^Little’s law, L = λW: this run served/)).toBeVisible();
    // The hockey stick's simulated points arrive from their own worker run.
    await expect(
      widget.root.getByText(/^Simulated points: 60,000 requests at each of 8/),
    ).toBeVisible({
      timeout: 30_000,
    });
    await widget.root.getByText('The simulated points as a table').click();
    await expect(widget.root.getByRole('row').filter({ hasText: /^95\.0 %/ })).toBeVisible();
    // Queue over time, wait histogram, hockey stick, cost curve.
    await expect(widget.root.locator('.recharts-wrapper')).toHaveCount(4);
    await expectAccessible(page);
  });

  test('ρ = 1 and overload are explained in words, never as Infinity or NaN', async ({ page }) => {
    const widget = new QueueWidget(page, 1);
    await widget.open();
    await widget.waitForRun(7);
    await expect(
      widget.root.getByRole('note').filter({ hasText: 'No steady state' }),
    ).toContainText('nothing pulls the queue back towards empty');
    expect((await widget.row(/^Mean wait in the queue/))[0]).toBe('no steady state');
    await widget.field('Servers c').fill('30');
    await widget.field('Arrival rate λ (req/s)').fill('2000');
    await expect(
      widget.root.getByRole('note').filter({ hasText: 'No steady state' }),
    ).toContainText('every second about 500 more requests arrive than can be served');
    await expect(
      widget.root.getByText(/It keeps growing for as long as the overload lasts/),
    ).toBeVisible({
      timeout: 30_000,
    });
    // No steady state: what the servers completed, never more than they can, and no Little's law.
    await expect(
      widget.root.getByText(/^Little’s law, L = λW, holds only in a steady state/),
    ).toContainText(
      /so the law does not apply to this run\. Over the run the 30 servers completed 1,[45]\d\d customers a second \(at most 1,500 a second on average, c\/E\[S\]\) while (1,99\d|2,00\d) a second arrived/,
    );
    await expect(widget.root).not.toContainText(/NaN|Infinity/);
  });

  test('a link asking for 36 million servers’ worth of work is answered at once, in words', async ({
    page,
  }) => {
    // The link: 10 000 requests a second at an hour each, on 1 server.
    const p = Buffer.from(
      JSON.stringify({
        lambda: 10000,
        meanService: 3600,
        service: 'exponential',
        cv: 1,
        servers: 1,
        room: null,
        durationS: 300,
        warmupS: 0,
        burst: null,
      }),
    ).toString('base64url');
    const widget = new QueueWidget(page);
    await widget.open(`/learn/probability/queueing?w=normal-day&seed=7&p=${p}`);
    await expect(widget.field('Mean service time E[S] (ms)')).toHaveValue('3600000');
    await expect(
      widget.root.getByText(
        /^Needs more than 100,000 servers: the work offered, λ·E\[S\], is 36,000,000 servers’ worth/,
      ),
    ).toContainText('The simulated check runs pools of up to 1,000 servers');
    await expect(widget.root.getByRole('button', { name: 'Check by simulation' })).toBeDisabled();
    await expect(
      widget.root.getByRole('note').filter({ hasText: 'No steady state' }),
    ).toContainText('every second about 10,000 more requests arrive than can be served');
    // The 3 million arrivals run in the worker; the page answers meanwhile and after.
    await widget.waitForRun(7);
    await expect(widget.root.getByText(/^Little’s law, L = λW, holds only/)).toContainText(
      'the server completed 0 customers a second',
    );
    await widget.root.getByRole('button', { name: 'Reset to lesson preset' }).click();
    await expect(widget.root.getByText('Erlang C: 22 servers.')).toBeVisible();
    await expect(widget.field('Servers c')).toHaveValue('25');
  });

  test('the planner answers by Erlang C at once and by simulation on request', async ({ page }) => {
    const widget = new QueueWidget(page);
    await widget.open();
    await widget.waitForRun(7);
    await expect(widget.root.getByText('Erlang C: 22 servers.')).toBeVisible();
    await widget.root.getByRole('button', { name: 'Check by simulation' }).click();
    // With this seed the measured p99 at 22 servers lands just above 50 ms (theory: 40 ms), and
    // the planner says why the two can differ by one.
    await expect(widget.root.getByText(/By simulation: 23 servers\./)).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      widget.root.getByText(/The two differ by one: each size was measured on 60,000/),
    ).toBeVisible();
    const planner = widget.root.getByRole('table').filter({ hasText: 'Meets the target' });
    await expect(planner.getByRole('row', { name: /^22 / })).toContainText('no');
    await expect(planner.getByRole('row', { name: /^23 / })).toContainText('yes');
    // Changing a target re-answers at once; the simulated check says it is out of date.
    await widget.field('Target value').fill('10');
    await expect(widget.root.getByText('Erlang C: 26 servers.')).toBeVisible();
    await expect(widget.root.getByText(/The settings changed since the last check/)).toBeVisible();
  });

  test('bad settings are explained at the field, and the last good run stays', async ({ page }) => {
    const widget = new QueueWidget(page);
    await widget.open();
    await widget.waitForRun(7);
    await widget.field('Servers c').fill('0');
    await expect(widget.root.getByText('At least 1 server')).toBeVisible();
    await widget.field('Mean service time E[S] (ms)').fill('');
    await expect(widget.root.getByText('Enter a value.')).toBeVisible();
    await expect(widget.root.getByText(/Fix the highlighted settings to run again/)).toBeVisible();
    await expect(widget.comparison()).toBeVisible();
  });

  test('a copied link reopens the same scenario', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const widget = new QueueWidget(page);
    await widget.open();
    await widget.waitForRun(7);
    await widget.scenario().selectOption({ label: 'One server at 80 % (M/M/1)' });
    await widget.field('Seed').fill('99');
    await widget.waitForRun(99);
    const row = await widget.row(/^Mean wait in the queue/);
    await widget.root.getByRole('button', { name: 'Copy link to this scenario' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('w=normal-day');
    const other = await browser.newPage();
    await other.goto(link);
    const again = new QueueWidget(other);
    await again.waitForRun(99);
    await expect(again.field('Servers c')).toHaveValue('1');
    expect(await again.row(/^Mean wait in the queue/)).toEqual(row);
    await other.close();
  });

  test('the lesson’s answers are computed, not typed', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.goto('/learn/probability/queueing');
    await lesson.waitForBody();
    await page.getByText('Answer', { exact: true }).first().click();
    await expect(
      page.getByText(/the smallest pool that meets the target is 22 servers/),
    ).toBeVisible();
    await expect(page.locator('main')).not.toContainText(':calc');
  });
});
