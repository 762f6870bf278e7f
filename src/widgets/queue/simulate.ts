import { createRng, exponential, standardNormal } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { EventHeap } from '../../sim/heap';

/**
 * Discrete-event simulation of a FIFO queue with c servers and an optional room of K.
 *
 * Because service is first-come first-served and each service time is drawn when the customer
 * arrives, a customer's start is max(arrival, earliest server free time) (the Kiefer–Wolfowitz
 * recursion): a min-heap of c server free times replaces an event calendar. A second heap of
 * departure times tells how many are in the system when someone arrives (for the room K).
 *
 * Statistics cover the window after the warm-up. Time averages (L, Lq, utilisation) integrate
 * each customer's clipped interval; means over customers get a 95 % confidence interval from
 * batch means (20 batches by arrival time).
 */
export type ServiceKind = 'exponential' | 'deterministic' | 'lognormal';

export interface QueueSimParams {
  /** Arrivals per second. */
  lambda: number;
  /** Mean service time, seconds. */
  meanService: number;
  service: ServiceKind;
  /** Coefficient of variation for log-normal service (ignored otherwise). */
  cv: number;
  servers: number;
  /** Most customers in the system at once (null: unlimited). */
  room: number | null;
  durationS: number;
  warmupS: number;
  /** Optional burst: arrival rate multiplied by `factor` between startS and endS. */
  burst: { startS: number; endS: number; factor: number } | null;
}

export interface Estimate {
  mean: number;
  /** Half-width of the 95 % confidence interval (batch means); null when too few batches had data. */
  halfWidth: number | null;
}

export interface QueueSimResult {
  arrivals: number;
  admitted: number;
  dropped: number;
  dropRate: number;
  L: number;
  Lq: number;
  utilisation: number;
  W: Estimate;
  Wq: Estimate;
  waitP50: number;
  waitP95: number;
  waitP99: number;
  /** Mean number in system seen by arrivals in each second (Poisson arrivals see time averages). */
  inSystemBySecond: Float32Array;
  /** Histogram of waits in the window: bucket upper edges (s) and counts. */
  waitEdges: Float64Array;
  waitCounts: Uint32Array;
}

const BATCHES = 20;
/** Student t, 97.5 % quantile, 19 degrees of freedom. */
const T_19 = 2.093024054408263;

function serviceSampler(p: QueueSimParams, rng: Rng): () => number {
  if (p.service === 'deterministic') return () => p.meanService;
  if (p.service === 'exponential') return () => exponential(rng, 1 / p.meanService);
  // Log-normal with the given mean and CV: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
  const s2 = Math.log(1 + p.cv * p.cv);
  const mu = Math.log(p.meanService) - s2 / 2;
  const s = Math.sqrt(s2);
  return () => Math.exp(mu + s * standardNormal(rng));
}

function rateAt(p: QueueSimParams, t: number): number {
  return p.burst && t >= p.burst.startS && t < p.burst.endS ? p.lambda * p.burst.factor : p.lambda;
}

function estimate(sums: Float64Array, counts: Uint32Array): Estimate {
  let total = 0;
  let n = 0;
  const means: number[] = [];
  for (let b = 0; b < sums.length; b++) {
    total += sums[b]!;
    n += counts[b]!;
    if (counts[b]! > 0) means.push(sums[b]! / counts[b]!);
  }
  const mean = n ? total / n : 0;
  if (means.length < BATCHES) return { mean, halfWidth: null };
  const m = means.reduce((x, y) => x + y, 0) / means.length;
  const variance = means.reduce((x, y) => x + (y - m) ** 2, 0) / (means.length - 1);
  return { mean, halfWidth: (T_19 * Math.sqrt(variance)) / Math.sqrt(means.length) };
}

const SLICE = 50_000;

export function* simulateQueue(
  p: QueueSimParams,
  seed: number,
): Generator<number, QueueSimResult, void> {
  const rng = createRng(seed);
  const service = serviceSampler(p, rng);
  const servers = new EventHeap();
  for (let i = 0; i < p.servers; i++) servers.push(0);
  const inSystem = new EventHeap();
  const from = p.warmupS;
  const to = p.durationS;
  const span = to - from;
  const seconds = Math.ceil(p.durationS);
  const seenSum = new Float64Array(seconds);
  const seenCount = new Uint32Array(seconds);
  const wSum = new Float64Array(BATCHES);
  const wqSum = new Float64Array(BATCHES);
  const batchCount = new Uint32Array(BATCHES);
  const waits: number[] = [];
  let areaL = 0;
  let areaLq = 0;
  let busy = 0;
  let arrivals = 0;
  let admitted = 0;
  let dropped = 0;
  let t = 0;
  let i = 0;
  const clip = (a: number, b: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));

  for (;;) {
    // Piecewise-constant rate: a gap that crosses a rate change restarts at the change
    // (exponential gaps are memoryless, so this is exact).
    const rate = rateAt(p, t);
    let next = t + exponential(rng, rate);
    const edges = p.burst ? [p.burst.startS, p.burst.endS] : [];
    const crossing = edges.find((e) => e > t && e <= next && rateAt(p, e) !== rate);
    if (crossing !== undefined) {
      t = crossing;
      continue;
    }
    next = Math.max(next, t);
    t = next;
    if (t >= p.durationS) break;
    while (inSystem.size > 0 && inSystem.peekKey() <= t) inSystem.pop();
    const sec = Math.min(seconds - 1, Math.floor(t));
    seenSum[sec]! += inSystem.size;
    seenCount[sec]!++;
    const counted = t >= from;
    if (counted) arrivals++;
    if (p.room !== null && inSystem.size >= p.room) {
      if (counted) dropped++;
    } else {
      const start = Math.max(t, servers.peekKey());
      servers.pop();
      const end = start + service();
      servers.push(end);
      inSystem.push(end);
      areaL += clip(t, end);
      areaLq += clip(t, start);
      busy += clip(start, end);
      if (counted) {
        admitted++;
        const batch = Math.min(BATCHES - 1, Math.floor(((t - from) / span) * BATCHES));
        wSum[batch]! += end - t;
        wqSum[batch]! += start - t;
        batchCount[batch]!++;
        waits.push(start - t);
      }
    }
    if (++i % SLICE === 0) yield Math.min(0.95, t / p.durationS);
  }
  waits.sort((a, b) => a - b);
  const q = (x: number) =>
    waits.length ? waits[Math.min(waits.length - 1, Math.ceil(x * waits.length) - 1)]! : 0;
  const maxWait = waits.at(-1) ?? 0;
  const bucketCount = 40;
  const waitEdges = new Float64Array(bucketCount);
  const waitCounts = new Uint32Array(bucketCount);
  const width = maxWait > 0 ? maxWait / bucketCount : 1;
  for (let b = 0; b < bucketCount; b++) waitEdges[b] = (b + 1) * width;
  for (const w of waits) waitCounts[Math.min(bucketCount - 1, Math.floor(w / width))]!++;
  const inSystemBySecond = new Float32Array(seconds);
  for (let s = 0; s < seconds; s++)
    inSystemBySecond[s] = seenCount[s] ? seenSum[s]! / seenCount[s]! : 0;
  return {
    arrivals,
    admitted,
    dropped,
    dropRate: arrivals ? dropped / arrivals : 0,
    L: areaL / span,
    Lq: areaLq / span,
    utilisation: busy / (span * p.servers),
    W: estimate(wSum, batchCount),
    Wq: estimate(wqSum, batchCount),
    waitP50: q(0.5),
    waitP95: q(0.95),
    waitP99: q(0.99),
    inSystemBySecond,
    waitEdges,
    waitCounts,
  };
}

export function simulateQueueAll(p: QueueSimParams, seed: number): QueueSimResult {
  const it = simulateQueue(p, seed);
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
