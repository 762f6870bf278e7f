import { fmtDuration, fmtInt, fmtNum, fmtPct, plural } from '../../calc/format';
import type { QueueParams } from './params';
import type { Estimate, QueueSimResult } from './simulate';
import type { SweepPoint } from './studies';
import { erlangC, theoryFor } from './theory';
import type { Theory } from './theory';

/**
 * Everything the calculator shows beside its charts, as plain data: theory and simulation
 * side by side with a verdict, Little's law with the run's own numbers, and the series the
 * charts draw. Pure, so the words and numbers are tested without a browser.
 */
export interface HistogramBar {
  /** Bucket range, seconds. */
  from: number;
  to: number;
  simulated: number;
  /** Expected share from theory, when it has a closed form. */
  theory: number | null;
}

export interface HockeyPoint {
  rho: number;
  theory: number | null;
  simulated: number | null;
  low: number | null;
  high: number | null;
  /** Distance from the simulated mean down to `low` and up to `high`, for error bars. */
  error: [number, number] | null;
}

export type VerdictKind = 'agrees' | 'close' | 'differs' | 'info';

export interface ComparisonRow {
  label: string;
  theory: string;
  simulated: string;
  verdict: string;
  kind: VerdictKind;
}

type Format = (x: number) => string;

/** Why theory and simulation may disagree here, in a phrase (empty when they should agree). */
function caveat(theory: Theory, params: QueueParams): string {
  if (params.burst) return 'the burst breaks the steady rate the theory assumes';
  if (theory.kind === 'approximate') return 'the theory is an approximation here';
  if (theory.kind === 'exact' && theory.metrics.rho > 0.95)
    return 'this close to ρ = 1 a run takes long to settle: run longer';
  return 'run longer, or another seed, to see whether it persists';
}

function withInterval(e: Estimate, f: Format): string {
  if (e.halfWidth === null) return f(e.mean);
  // Both numbers in the mean's unit: "0.84 ± 0.07 ms", not "0.84 ms ± 69.4 µs".
  if (f === fmtDuration && e.mean >= 1e-4 && e.mean < 10) {
    const [k, unit] = e.mean < 1 ? [1000, 'ms'] : [1, 's'];
    return `${fmtNum(e.mean * k)} ± ${fmtNum(e.halfWidth * k)} ${unit}`;
  }
  return `${f(e.mean)} ± ${f(e.halfWidth)}`;
}

function judgeInterval(
  value: number,
  e: Estimate,
  why: string,
  rare: boolean,
): { verdict: string; kind: VerdictKind } {
  if (e.halfWidth === null) return { verdict: 'too few customers for an interval', kind: 'info' };
  // Theory expects a handful of waits or fewer in the whole run: seeing none says nothing.
  if (rare && e.halfWidth === 0)
    return { verdict: 'agrees: waiting is too rare to see in a run this long', kind: 'agrees' };
  const off = Math.abs(value - e.mean);
  // A 95 % interval misses about one run in twenty; allow a little slack before crying wolf.
  if (off <= e.halfWidth)
    return { verdict: 'agrees: theory is inside the 95 % interval', kind: 'agrees' };
  if (off <= 2 * e.halfWidth)
    return {
      verdict: 'close: just outside the interval, which happens 1 run in 20',
      kind: 'close',
    };
  return { verdict: `differs: ${why}`, kind: 'differs' };
}

function judgeRelative(
  theory: number,
  measured: number,
  why: string,
): { verdict: string; kind: VerdictKind } {
  const scale = Math.max(Math.abs(theory), 1e-9);
  const rel = Math.abs(measured - theory) / scale;
  if (rel <= 0.05) return { verdict: 'agrees within 5 %', kind: 'agrees' };
  if (rel <= 0.15) return { verdict: 'close: within 15 %', kind: 'close' };
  return { verdict: `differs: ${why}`, kind: 'differs' };
}

/** Theory beside simulation, row by row. */
export function compare(params: QueueParams, theory: Theory, sim: QueueSimResult): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const why = caveat(theory, params);
  const hasTheory = theory.kind === 'exact' || theory.kind === 'approximate';
  const m = hasTheory ? theory.metrics : null;
  const noTheory = theory.kind === 'unstable' ? 'no steady state' : '—';
  const scaleEstimate = (e: Estimate, k: number): Estimate => ({
    mean: e.mean * k,
    halfWidth: e.halfWidth === null ? null : e.halfWidth * k,
  });
  // Fewer than about three waits expected in the whole run.
  const rare = m !== null && m.pWait * sim.admitted < 3;
  const unstable = theory.kind === 'unstable';
  const unstableNote = (isWait: boolean) =>
    isWait
      ? 'this run’s arrivals, counting waits that end after it'
      : 'measured over this run only';
  const interval = (
    label: string,
    value: number | undefined,
    e: Estimate,
    f: Format,
    isWait = false,
  ) => {
    const judged =
      value === undefined
        ? { verdict: unstable ? unstableNote(isWait) : 'simulation only', kind: 'info' as const }
        : judgeInterval(value, e, why, rare);
    // Without a steady state the batches are not alike, so an interval would mean nothing.
    const shownEstimate = unstable ? { mean: e.mean, halfWidth: null } : e;
    rows.push({
      label,
      theory: value === undefined ? noTheory : f(value),
      simulated: withInterval(shownEstimate, f),
      ...judged,
    });
  };
  const plain = (
    label: string,
    value: number | undefined,
    measured: number,
    f: Format,
    isWait: boolean,
  ) => {
    const judged =
      value === undefined
        ? { verdict: unstable ? unstableNote(isWait) : 'simulation only', kind: 'info' as const }
        : judgeRelative(value, measured, why);
    rows.push({
      label,
      theory: value === undefined ? noTheory : f(value),
      simulated: f(measured),
      ...judged,
    });
  };
  const rho = (params.lambda * params.meanService) / params.servers;
  rows.push({
    label: 'Offered utilisation ρ = λ·E[S]/c',
    theory: fmtPct(rho),
    simulated: `${fmtPct(sim.utilisation)} busy`,
    ...(params.room === null && rho < 1 && !params.burst
      ? judgeRelative(rho, sim.utilisation, why)
      : {
          verdict:
            params.room !== null
              ? 'busy share is lower: some work is turned away'
              : 'servers are busy nearly all the time',
          kind: 'info' as const,
        }),
  });
  interval('P(wait): share who queue at all', m?.pWait, sim.pWait, fmtPct);
  interval('Mean wait in the queue, Wq', m?.Wq, sim.Wq, fmtDuration, true);
  interval('Mean time in the system, W = Wq + E[S]', m?.W, sim.W, fmtDuration, true);
  if (unstable) {
    // Little's law needs a steady state: without one, only the counts over the run itself.
    plain('Mean number waiting, Lq (time average over the run)', undefined, sim.Lq, fmtNum, false);
    plain(
      'Mean number in the system, L (time average over the run)',
      undefined,
      sim.L,
      fmtNum,
      false,
    );
  } else {
    // L and Lq get intervals through Little's law: throughput × the interval of W or Wq.
    interval(
      'Mean number waiting, Lq (interval via Little’s law)',
      m?.Lq,
      scaleEstimate(sim.Wq, sim.throughput),
      fmtNum,
    );
    interval(
      'Mean number in the system, L (interval via Little’s law)',
      m?.L,
      scaleEstimate(sim.W, sim.throughput),
      fmtNum,
    );
  }
  const q = hasTheory ? theory.waitQuantiles : null;
  for (const [label, key, simValue] of [
    ['Median wait (p50)', 'p50', sim.waitP50],
    ['p95 wait', 'p95', sim.waitP95],
    ['p99 wait', 'p99', sim.waitP99],
  ] as const) {
    if (q) {
      const t = q[key];
      // Percentiles that are zero in theory can only be judged by being zero (or nearly).
      rows.push({
        label,
        theory: fmtDuration(t),
        simulated: fmtDuration(simValue),
        ...(t === 0
          ? simValue <= params.meanService * 0.05
            ? { verdict: 'agrees: most customers never wait', kind: 'agrees' as const }
            : { verdict: `differs: ${why}`, kind: 'differs' as const }
          : judgeRelative(t, simValue, why)),
      });
    } else {
      plain(label, undefined, simValue, fmtDuration, true);
    }
  }
  if (params.room !== null) {
    rows.push({
      label: 'Share turned away (room full)',
      theory: m ? fmtPct(m.pBlock) : noTheory,
      simulated: `${fmtPct(sim.dropRate)} (${fmtInt(sim.dropped)} of ${fmtInt(sim.arrivals)})`,
      ...(m
        ? Math.abs(sim.dropRate - m.pBlock) <= Math.max(0.002, 0.1 * m.pBlock)
          ? { verdict: 'agrees within 10 %', kind: 'agrees' as const }
          : { verdict: `differs: ${why}`, kind: 'differs' as const }
        : { verdict: 'simulation only', kind: 'info' as const }),
    });
  }
  return rows;
}

/** At exactly ρ = 1 (to rounding): the work offered is exactly what the servers can do. */
export function isBalanced(
  params: Pick<QueueParams, 'lambda' | 'meanService' | 'servers'>,
): boolean {
  const excess = params.lambda - params.servers / params.meanService;
  return Math.abs(excess) < 1e-9 * params.lambda;
}

const serversPhrase = (c: number) => (c === 1 ? 'the server' : `the ${fmtInt(c)} servers`);

/** Why an open queue at ρ ≥ 1 has no steady state, in the run's own numbers. */
export function overloadText(params: Pick<QueueParams, 'lambda' | 'meanService' | 'servers'>) {
  if (isBalanced(params))
    return `The work offered is exactly what ${serversPhrase(params.servers)} can do. That sounds fine, but nothing pulls the queue back towards empty: its length wanders like a random walk, drifting ever further up, and every idle moment is capacity lost for good.`;
  const offered = params.lambda * params.meanService;
  const excess = params.lambda - params.servers / params.meanService;
  const there = params.servers === 1 ? 'is 1 server' : `are ${fmtInt(params.servers)}`;
  return `The work offered is ${fmtNum(offered)} servers’ worth and there ${there}: every second about ${plural(excess, 'more request arrives', 'more requests arrive')} than can be served.`;
}

/**
 * Little's law, L = λW, with the run's own measurements. It holds in a steady state; without one
 * (an open queue at ρ ≥ 1) it says so and reports what the servers actually got through.
 */
export function littleCheck(
  params: QueueParams,
  theory: Theory,
  sim: QueueSimResult,
): { text: string; applies: boolean; holds: boolean } {
  if (theory.kind === 'unstable') {
    const capacity = params.servers / params.meanService;
    const grows = isBalanced(params)
      ? 'the queue wanders ever further from empty'
      : 'the queue grows for as long as the run lasts';
    return {
      applies: false,
      holds: false,
      text: `Little’s law, L = λW, holds only in a steady state, and at ρ = ${fmtPct(theory.rho)} there is none: ${grows}, so the law does not apply to this run. Over the run ${serversPhrase(params.servers)} completed ${plural(sim.completionRate, 'customer')} a second (at most ${fmtNum(capacity)} a second on average, c/E[S]) while ${fmtNum(sim.throughput)} a second arrived; the time-averaged count in the system was ${fmtNum(sim.L)}.`,
    };
  }
  const predicted = sim.throughput * sim.W.mean;
  const holds = Math.abs(predicted - sim.L) <= 0.03 * Math.max(sim.L, 0.01);
  const off = Math.abs(predicted - sim.L) / Math.max(sim.L, 0.01);
  const settle =
    theory.kind !== 'none' && theory.metrics.rho > 0.95
      ? 'this close to ρ = 1 the queue is long and slow to settle, so run longer'
      : 'run longer';
  return {
    applies: true,
    holds,
    text:
      `Little’s law, L = λW: this run served ${plural(sim.throughput, 'customer')} a second, each spending ${fmtDuration(sim.W.mean)} in the system on average, so ${fmtNum(sim.throughput)} × ${fmtDuration(sim.W.mean)} = ${fmtNum(predicted)}; the time-averaged count in the system was ${fmtNum(sim.L)}.` +
      (holds
        ? ''
        : ` The two differ by ${fmtPct(off)}: the law holds over a long run, and in a run this short the customers still in the system at its end count their whole stay in W but only their time inside the run in L; ${settle}.`),
  };
}

/**
 * The simulated waits as shares of all admitted customers per bucket; for M/M/c the theory's
 * share of the same bucket, C·(e^(−r·a) − e^(−r·b)) with r = cμ − λ (the last bucket is open-ended).
 */
export function histogramBars(
  params: QueueParams,
  theory: Theory,
  sim: QueueSimResult,
): HistogramBar[] {
  const exact = theory.kind === 'exact' && params.room === null && params.service === 'exponential';
  const mu = 1 / params.meanService;
  const r = params.servers * mu - params.lambda;
  const C = exact ? erlangC(params.servers, params.lambda / mu) : 0;
  const n = Math.max(1, sim.admitted);
  const last = sim.waitEdges.length - 1;
  return Array.from(sim.waitEdges, (to, i) => {
    const from = i === 0 ? 0 : sim.waitEdges[i - 1]!;
    const tail = (x: number) => C * Math.exp(-r * x);
    return {
      from,
      to,
      simulated: sim.waitCounts[i]! / n,
      theory: exact ? (i === last ? tail(from) : tail(from) - tail(to)) : null,
    };
  });
}

export const HOCKEY_GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** The theory's mean wait across utilisation 1 %…99 % for these servers and service, plus the sweep. */
export function hockeyPoints(
  params: QueueParams,
  sweep: readonly SweepPoint[] | null,
): HockeyPoint[] {
  const theoryAt = (rho: number) => {
    const lambda = (rho * params.servers) / params.meanService;
    const t = theoryFor({ ...params, lambda, room: null });
    return t.kind === 'exact' || t.kind === 'approximate' ? t.metrics.Wq : null;
  };
  const points: HockeyPoint[] = HOCKEY_GRID.map((rho) => ({
    rho,
    theory: theoryAt(rho),
    simulated: null,
    low: null,
    high: null,
    error: null,
  }));
  for (const s of sweep ?? []) {
    const hw = s.Wq.halfWidth;
    const low = hw === null ? null : Math.max(0, s.Wq.mean - hw);
    points.push({
      rho: s.rho,
      theory: theoryAt(s.rho),
      simulated: s.Wq.mean,
      low,
      high: hw === null ? null : s.Wq.mean + hw,
      error: hw === null || low === null ? null : [s.Wq.mean - low, hw],
    });
  }
  return points.sort((a, b) => a.rho - b.rho);
}
