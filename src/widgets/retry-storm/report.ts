import type { Jitter } from '../../formulas/retries';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format';
import { WINDOW_S } from './params';
import { isDown } from './simulate';
import type { RetryStormParams } from './params';
import type { NoJitterTheory, RetryStormResult, StrategyRun, Wave } from './types';

/**
 * Everything the retry storm view says about a run, as plain strings: the comparison table,
 * the no-jitter waves beside the simulation, the summary a screen reader hears and the chart's
 * rows. Pure, so the words are tested without a browser; nothing here prints NaN or Infinity.
 */

export const jitterLabels: Readonly<Record<Jitter, string>> = {
  none: 'No jitter',
  full: 'Full jitter',
  equal: 'Equal jitter',
  decorrelated: 'Decorrelated jitter',
};

const NOBODY = 'nobody served';

/** A count and its share of the clients: "1,928 (96.4 %)". */
const countOf = (n: number, clients: number) =>
  `${fmtInt(n)} (${fmtPct(clients > 0 ? n / clients : Number.NaN)})`;

const time = (s: number | null) => (s === null ? NOBODY : fmtDuration(s));

export interface ComparisonRow {
  label: string;
  /** One cell per run, in the result's order. */
  cells: string[];
}

export function comparisonRows(result: RetryStormResult, clients: number): ComparisonRow[] {
  const row = (label: string, cell: (r: StrategyRun) => string): ComparisonRow => ({
    label,
    cells: result.runs.map(cell),
  });
  return [
    row('Clients served', (r) => countOf(r.succeeded, clients)),
    row('Gave up', (r) => countOf(r.gaveUp, clients)),
    row('Of those who gave up: every retry spent before recovery', (r) =>
      r.gaveUp === 0 ? '—' : fmtInt(r.gaveUpWhileDown),
    ),
    row(
      'Attempts (amplification: attempts ÷ clients)',
      (r) => `${fmtInt(r.attempts)} (${fmtNum(clients > 0 ? r.attempts / clients : Number.NaN)}×)`,
    ),
    row('Turned away for capacity', (r) => fmtInt(r.rejectedTotal)),
    row(`Busiest 100 ms after recovery (it serves ${fmtInt(result.perWindow)})`, (r) =>
      r.peakWindow === 0
        ? 'no attempts after recovery'
        : `${fmtInt(r.peakWindow)} at ${fmtDuration(r.peakWindowAtS)}`,
    ),
    row('Median time to success (of those served)', (r) => time(r.medianServedS)),
    row('95th percentile time to success (of those served)', (r) => time(r.p95ServedS)),
    row('Last client served', (r) => time(r.lastServedS)),
  ];
}

/** "1 attempt", "2,000 attempts". */
const count = (n: number, noun: string) => `${fmtInt(n)} ${noun}${n === 1 ? '' : 's'}`;

/** What the busiest window after recovery was, against what the dependency can serve in one. */
function busiest(run: StrategyRun, perWindow: number): string {
  if (run.peakWindow === 0) return 'no attempts reached it after recovery';
  return `busiest 100 ms after recovery: ${count(run.peakWindow, 'attempt')} for a capacity of ${fmtInt(perWindow)}`;
}

/** One sentence for the strategy in the chart, announced politely when it changes. */
export function summarize(run: StrategyRun, clients: number, perWindow: number): string {
  return `${jitterLabels[run.jitter]}: ${fmtInt(run.succeeded)} of ${fmtInt(clients)} served; ${fmtInt(run.gaveUp)} gave up; ${busiest(run, perWindow)}.`;
}

/** The contrast the widget exists to show, in one sentence. */
export function headline(result: RetryStormResult, params: RetryStormParams): string {
  const none = result.runs.find((r) => r.jitter === 'none');
  const full = result.runs.find((r) => r.jitter === 'full');
  const lastAttemptS = Math.max(...result.runs.map((r) => r.lastAttemptS));
  if (isDown(lastAttemptS, params.outageS)) {
    return `Every client had given up by ${fmtDuration(lastAttemptS)}, before the dependency came back at ${fmtDuration(params.outageS)}: no retry schedule here outlasts the outage.`;
  }
  const back = `The dependency came back at ${fmtDuration(params.outageS)} and then served ${count(result.perWindow, 'request')} in each 100 ms.`;
  if (!none || !full) return back;
  return `${back} Without jitter, ${fmtInt(none.succeeded)} of ${count(params.clients, 'client')} ${none.succeeded === 1 ? 'was' : 'were'} served in the end; with full jitter, ${fmtInt(full.succeeded)}.`;
}

export interface TheoryCheck {
  agrees: boolean;
  /** The hand-worked totals beside the simulated ones, ending in the verdict. */
  text: string;
}

/** The no-jitter run must match the waves worked out by hand exactly: served, gave up, attempts. */
export function theoryCheck(theory: NoJitterTheory, run: StrategyRun): TheoryCheck {
  const pairs = [
    ['served', theory.succeeded, run.succeeded],
    ['gave up', theory.gaveUp, run.gaveUp],
    ['attempts', theory.attempts, run.attempts],
  ] as const;
  const off = pairs.filter(([, a, b]) => a !== b);
  const worked = pairs.map(([what, a]) => `${fmtInt(a)} ${what}`).join(', ');
  const simulated = pairs.map(([what, , b]) => `${fmtInt(b)} ${what}`).join(', ');
  const verdict =
    off.length === 0
      ? 'They agree exactly.'
      : `They differ (${off.map(([what, a, b]) => `${what}: ${fmtInt(a)} by hand, ${fmtInt(b)} simulated`).join('; ')}): the simulation has a bug.`;
  return {
    agrees: off.length === 0,
    text: `Worked out wave by wave: ${worked}. Simulated without jitter: ${simulated}. ${verdict}`,
  };
}

/** What became of one wave of synchronised retries. */
export function waveOutcome(wave: Wave, outageS: number): string {
  if (isDown(wave.atS, outageS)) return 'all fail: still down';
  const away = wave.retrying - wave.served;
  if (away === 0) return 'all served';
  return `${fmtInt(away)} turned away`;
}

/** Capacity per chart bucket: the per-window capacity scaled to the bucket's width. */
export const capacityPerBucket = (result: RetryStormResult) =>
  (result.perWindow * result.bucketS) / WINDOW_S;

export interface BucketRow {
  fromS: number;
  served: number;
  rejected: number;
  down: number;
}

/** The chart's buckets that saw any attempt, for the table beside it. */
export function bucketRows(run: StrategyRun, bucketS: number): BucketRow[] {
  const rows: BucketRow[] = [];
  for (let i = 0; i < run.served.length; i++) {
    const served = run.served[i] ?? 0;
    const rejected = run.rejected[i] ?? 0;
    const down = run.down[i] ?? 0;
    if (served + rejected + down > 0) rows.push({ fromS: i * bucketS, served, rejected, down });
  }
  return rows;
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least x (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= x * (1 - 1e-12)) ?? 10;
  return step * power;
}

/**
 * The chart's height in attempts: tall enough for everything the dependency saw once back (served
 * and turned away) and for twice its capacity, but not for the fast failures while it was down.
 * They would dwarf the rest (the 2,000 first tries all land at 0 s), so taller bars are cut off
 * and the view says so; the table beside the chart has every count.
 */
export function chartTop(run: StrategyRun, capacity: number): { top: number; clipped: boolean } {
  let live = 0;
  let tallest = 0;
  for (let i = 0; i < run.served.length; i++) {
    const seen = (run.served[i] ?? 0) + (run.rejected[i] ?? 0);
    live = Math.max(live, seen);
    tallest = Math.max(tallest, seen + (run.down[i] ?? 0));
  }
  const top = niceCeil(Math.max(2 * capacity, live));
  return { top, clipped: tallest > top };
}
