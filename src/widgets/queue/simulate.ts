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
  /** Time averages over the window after the warm-up. */
  L: number;
  Lq: number;
  utilisation: number;
  /** Admitted arrivals per second in the window (λ less the drops). */
  throughput: number;
  W: Estimate;
  Wq: Estimate;
  /** Share of admitted customers who had to wait. */
  pWait: Estimate;
  waitP50: number;
  waitP95: number;
  waitP99: number;
  /** Width of each time bin of the two series below, seconds. */
  binS: number;
  /** Mean number in the system, and waiting, seen by arrivals in each bin (−1: no arrivals). */
  inSystem: Float32Array;
  waiting: Float32Array;
  /** Customers admitted in the window who did not wait at all. */
  noWait: number;
  /** Histogram of the positive waits: bucket upper edges (s) and counts; the last bucket takes everything above. */
  waitEdges: Float64Array;
  waitCounts: Uint32Array;
}

const BATCHES = 20;
/** Student t, 97.5 % quantile, 19 degrees of freedom. */
const T_19 = 2.093024054408263;
/** Most points a time series carries to the page. */
export const MAX_BINS = 400;
const BUCKETS = 40;

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

/** A growable array of doubles (a plain array of millions of numbers sorts far slower). */
class Doubles {
  data = new Float64Array(1024);
  length = 0;
  push(x: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  sorted(): Float64Array {
    return this.data.subarray(0, this.length).sort();
  }
}

/** The value below which a share q of the sorted sample falls (nearest rank); 0 when empty. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function histogram(sorted: Float64Array): {
  edges: Float64Array;
  counts: Uint32Array;
  noWait: number;
} {
  let firstPositive = 0;
  while (firstPositive < sorted.length && sorted[firstPositive]! <= 0) firstPositive++;
  const positive = sorted.subarray(firstPositive);
  // Up to the 99.9th percentile, so one extreme wait does not squash the picture.
  const top = quantile(positive, 0.999) || 1;
  const width = top / BUCKETS;
  const edges = new Float64Array(BUCKETS);
  const counts = new Uint32Array(BUCKETS);
  for (let b = 0; b < BUCKETS; b++) edges[b] = (b + 1) * width;
  for (const w of positive) counts[Math.min(BUCKETS - 1, Math.floor(w / width))]!++;
  return { edges, counts, noWait: firstPositive };
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
  const bins = Math.min(MAX_BINS, Math.ceil(p.durationS));
  const binS = p.durationS / bins;
  const seenSum = new Float64Array(bins);
  const waitingSum = new Float64Array(bins);
  const seenCount = new Uint32Array(bins);
  const wSum = new Float64Array(BATCHES);
  const wqSum = new Float64Array(BATCHES);
  const waitedSum = new Float64Array(BATCHES);
  const batchCount = new Uint32Array(BATCHES);
  const waits = new Doubles();
  const edges = p.burst ? [p.burst.startS, p.burst.endS] : [];
  const c = p.servers;
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
    const next = t + exponential(rng, rate);
    const crossing = edges.length
      ? edges.find((e) => e > t && e <= next && rateAt(p, e) !== rate)
      : undefined;
    if (crossing !== undefined) {
      t = crossing;
      continue;
    }
    t = next;
    if (t >= p.durationS) break;
    while (inSystem.size > 0 && inSystem.peekKey() <= t) inSystem.pop();
    const n = inSystem.size;
    const bin = Math.min(bins - 1, Math.floor(t / binS));
    seenSum[bin]! += n;
    // FIFO and work-conserving: nobody waits while a server is idle, so n − c are waiting.
    if (n > c) waitingSum[bin]! += n - c;
    seenCount[bin]!++;
    const counted = t >= from;
    if (counted) arrivals++;
    if (p.room !== null && n >= p.room) {
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
        if (start > t) waitedSum[batch]!++;
        batchCount[batch]!++;
        waits.push(start - t);
      }
    }
    if (++i % SLICE === 0) yield Math.min(0.95, t / p.durationS);
  }
  const sorted = waits.sorted();
  const hist = histogram(sorted);
  const inSystemSeries = new Float32Array(bins);
  const waitingSeries = new Float32Array(bins);
  for (let b = 0; b < bins; b++) {
    const k = seenCount[b]!;
    inSystemSeries[b] = k ? seenSum[b]! / k : -1;
    waitingSeries[b] = k ? waitingSum[b]! / k : -1;
  }
  return {
    arrivals,
    admitted,
    dropped,
    dropRate: arrivals ? dropped / arrivals : 0,
    L: areaL / span,
    Lq: areaLq / span,
    utilisation: busy / (span * p.servers),
    throughput: admitted / span,
    W: estimate(wSum, batchCount),
    Wq: estimate(wqSum, batchCount),
    pWait: estimate(waitedSum, batchCount),
    waitP50: quantile(sorted, 0.5),
    waitP95: quantile(sorted, 0.95),
    waitP99: quantile(sorted, 0.99),
    binS,
    inSystem: inSystemSeries,
    waiting: waitingSeries,
    noWait: hist.noWait,
    waitEdges: hist.edges,
    waitCounts: hist.counts,
  };
}

export function simulateQueueAll(p: QueueSimParams, seed: number): QueueSimResult {
  const it = simulateQueue(p, seed);
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
