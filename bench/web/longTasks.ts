/**
 * `npm run bench:web`: how long the page's main thread is blocked while each widget loads,
 * runs and redraws, in Chromium against the production build (`vite preview` on loopback).
 *
 * Speed is measured here, never asserted in tests: a long task depends on the machine as much
 * as on the code. For every widget on its lesson page it prints the longest main-thread task
 * and the total blocking time (the sum of every task's time beyond 50 ms, as Lighthouse counts
 * it) in two phases: opening the lesson and scrolling to the widget until its first result is
 * drawn, and the next run (a new seed, or the run button of a widget that waits to be asked). Target: no task over 50 ms in either.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { preview } from 'vite';
import { chromiumArgs, systemChromium } from '../../scripts/browser.ts';
import { widgetTitles } from '../../src/widgets/titles.ts';

const LONG_TASK_MS = 50;
/** The page counts as settled once no long task has started for this long. */
const QUIET_MS = 1_500;
const SETTLE_LIMIT_MS = 30_000;

type WidgetType = keyof typeof widgetTitles;

/**
 * Where each widget lives, and how a learner starts its next run: a new seed, or (for a widget
 * that waits to be asked) its run button. `runsOnOpen` is false when nothing runs until asked.
 */
const targets: {
  type: WidgetType;
  lesson: string;
  runsOnOpen?: false;
  runButton?: string;
}[] = [
  { type: 'circuit-breaker', lesson: '/learn/control-distribution/circuit-breakers' },
  { type: 'autoscaler', lesson: '/learn/control-distribution/autoscaling' },
  { type: 'alert-fatigue', lesson: '/learn/control-distribution/monitoring-alerting' },
  {
    type: 'birthday',
    lesson: '/learn/probability/birthday-ids',
    runsOnOpen: false,
    runButton: 'Run the simulation',
  },
  { type: 'queue', lesson: '/learn/probability/queueing' },
  { type: 'bloom', lesson: '/learn/probability/probabilistic-data-structures' },
  { type: 'sketches', lesson: '/learn/probability/probabilistic-data-structures' },
  { type: 'retry-storm', lesson: '/learn/probability/retries-jitter' },
  { type: 'saga', lesson: '/learn/control-distribution/sagas' },
  { type: 'cascade', lesson: '/learn/probability/cascades' },
];

interface Phase {
  tasks: number[];
  settled: boolean;
}

/** Installed before any page script: every long task's duration, and the time of the newest. */
function observeLongTasks() {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function resultMarks(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('simulation-result').length);
}

/** Waits for `marks` results, then for a quiet main thread; returns the phase's long tasks. */
async function phase(page: Page, since: number, marks: number): Promise<Phase> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let settled = false;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      const last = w.__longTasks.at(-1);
      return {
        now: performance.now(),
        lastEnd: last ? last.start + last.duration : 0,
        marks: performance.getEntriesByName('simulation-result').length,
      };
    });
    if (state.marks >= marks && state.now - state.lastEnd >= QUIET_MS) {
      settled = true;
      break;
    }
    await page.waitForTimeout(250);
  }
  const tasks = await page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
        .filter((t) => t.start >= from)
        .map((t) => t.duration),
    since,
  );
  return { tasks, settled };
}

function summarise(p: Phase | null): string[] {
  if (!p) return ['—', '—', '—'];
  const max = p.tasks.length ? Math.max(...p.tasks) : 0;
  const tbt = p.tasks.reduce((sum, d) => sum + Math.max(0, d - LONG_TASK_MS), 0);
  const over = p.tasks.filter((d) => d > LONG_TASK_MS).length;
  const flag = p.settled ? '' : ' (did not settle)';
  return [`${Math.round(max)} ms${flag}`, `${Math.round(tbt)} ms`, String(over)];
}

async function measure(page: Page, baseUrl: string, type: WidgetType) {
  const target = targets.find((t) => t.type === type)!;
  await page.goto(baseUrl + target.lesson);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The loading placeholder has the widget's name too and is replaced: scroll to it, then to the view.
  const name = widgetTitles[type];
  for (let tries = 0; tries < 5; tries++) {
    try {
      await page.getByRole('region', { name }).first().scrollIntoViewIfNeeded({ timeout: 5_000 });
      break;
    } catch {
      // Replaced by the view while scrolling: look for it again.
    }
  }
  const region = page
    .getByRole('region', { name })
    .and(page.locator('section.widget:not(.widget-loading)'))
    .first();
  await region.waitFor();
  await region.scrollIntoViewIfNeeded();
  const open = await phase(page, 0, target.runsOnOpen === false ? 0 : 1);

  const before = await resultMarks(page);
  const since = await page.evaluate(() => performance.now());
  if (target.runButton) {
    await region.getByRole('button', { name: target.runButton }).click();
  } else {
    const seed = region.getByRole('spinbutton', { name: 'Seed' });
    if ((await seed.count()) === 0) return { open, rerun: null };
    const current = Number(await seed.inputValue());
    await seed.fill(String(Number.isFinite(current) ? current + 1 : 1));
  }
  const rerun = await phase(page, since, before + 1);
  return { open, rerun };
}

async function main() {
  if (!existsSync('dist/index.html')) {
    console.error('bench:web measures the production build: run `npm run build` first.');
    process.exit(1);
  }
  const port = Number(process.env.BENCH_PORT ?? 4390);
  const server = await preview({
    preview: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'silent',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const executablePath = systemChromium();
  const browser = await chromium.launch({
    args: chromiumArgs,
    ...(executablePath ? { executablePath } : {}),
  });
  const rows: string[][] = [];
  try {
    for (const { type } of targets) {
      // A fresh context per widget: no cached chunks or warm JIT from the widget before.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(observeLongTasks);
      const page = await context.newPage();
      const { open, rerun } = await measure(page, baseUrl, type);
      rows.push([type, ...summarise(open), ...summarise(rerun)]);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const header = [
    'widget',
    'open: longest',
    'open: TBT',
    'open: >50 ms',
    'next run: longest',
    'next run: TBT',
    'next run: >50 ms',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log('\nMain-thread long tasks per widget (Chromium, production build, this machine):');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const failing = rows
    .filter((r) => r[3] !== '0' || (r[6] !== '0' && r[6] !== '—'))
    .map((r) => r[0]);
  console.log(
    `\nWidgets with a task over ${LONG_TASK_MS} ms: ${failing.length} of ${rows.length}` +
      ` (target 0)${failing.length ? ': ' + failing.join(', ') : ''}`,
  );
}

await main();
