import { MAX_SERVERS } from './params';
import type { PlanParams, SweepParams } from './params';
import { simulationStart } from './plan';
import type { PlanResult, PlanRow } from './plan';

export type { PlanResult, PlanRow };
import { simulateQueue } from './simulate';
import type { Estimate, QueueSimParams, QueueSimResult } from './simulate';
import { fewestStableServers, smallestServers } from './theory';

/**
 * Studies built from many short simulations: the wait at a ladder of utilisations (the
 * "hockey stick"), and the capacity planner's scan over server counts. Each point is an
 * independent run with its own seed, warmed up for a tenth of its length.
 */
export const SWEEP_RHOS = [0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95] as const;

export interface SweepPoint {
  rho: number;
  lambda: number;
  W: Estimate;
  Wq: Estimate;
  waitP99: number;
}

/** Runs one simulation of `customers` arrivals inside a study, reporting progress within [from, to). */
function* runFor(
  p: Omit<QueueSimParams, 'durationS' | 'warmupS' | 'burst' | 'room'>,
  customers: number,
  seed: number,
  from: number,
  to: number,
): Generator<number, QueueSimResult, void> {
  const durationS = (customers * 1.1) / p.lambda;
  const it = simulateQueue(
    { ...p, room: null, burst: null, durationS, warmupS: durationS / 11 },
    seed,
  );
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
    yield from + (to - from) * n.value;
  }
}

export function* sweepUtilisation(
  p: SweepParams,
  seed: number,
): Generator<number, SweepPoint[], void> {
  const points: SweepPoint[] = [];
  for (const [i, rho] of SWEEP_RHOS.entries()) {
    const lambda = (rho * p.servers) / p.meanService;
    const step = 1 / SWEEP_RHOS.length;
    const r = yield* runFor({ ...p, lambda }, p.customers, seed + i, i * step, (i + 1) * step);
    points.push({ rho, lambda, W: r.W, Wq: r.Wq, waitP99: r.waitP99 });
  }
  return points;
}

const MAX_ROWS = 30;

/**
 * Scans server counts by simulation, starting a few below the M/M/c answer (a good first guess
 * whatever the service shape), until the target is met and two more counts are shown.
 */
export function* planServers(p: PlanParams, seed: number): Generator<number, PlanResult, void> {
  const mu = 1 / p.meanService;
  const lowest = fewestStableServers(p.lambda, mu);
  const first = simulationStart(p.lambda, mu, smallestServers(p.lambda, mu, p.target));
  // More servers than a simulation runs with: nothing to check (the planner says so).
  if (first === null) return { rows: [], smallest: null };
  const rows = new Map<number, PlanRow>();
  const simulate = function* (c: number, done: number) {
    const r = yield* runFor({ ...p, servers: c }, p.customers, seed + c, done, done + 1 / MAX_ROWS);
    const value =
      p.target.metric === 'pWait' ? r.pWait.mean : p.target.metric === 'Wq' ? r.Wq.mean : r.waitP99;
    const row: PlanRow = {
      servers: c,
      pWait: r.pWait,
      Wq: r.Wq,
      waitP99: r.waitP99,
      Lq: r.Lq,
      value,
      meets: value <= p.target.value,
    };
    rows.set(c, row);
    return row;
  };
  let c = first;
  let firstMet: number | null = null;
  while (rows.size < MAX_ROWS && c <= MAX_SERVERS) {
    const row = yield* simulate(c, rows.size / MAX_ROWS);
    if (row.meets && firstMet === null) firstMet = c;
    if (firstMet !== null && c >= firstMet + 2) break;
    c++;
  }
  // Started above the answer: walk down until a count fails to meet the target.
  const start = Math.min(...rows.keys());
  for (let d = start - 1; firstMet === start && d >= lowest && rows.size < MAX_ROWS; d--) {
    const row = yield* simulate(d, rows.size / MAX_ROWS);
    if (!row.meets) break;
  }
  const sorted = [...rows.values()].sort((x, y) => x.servers - y.servers);
  return { rows: sorted, smallest: sorted.find((r) => r.meets)?.servers ?? null };
}
