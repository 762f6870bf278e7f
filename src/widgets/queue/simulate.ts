import { createRng, exponential, standardNormal } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { EventHeap } from '../../sim/heap';
import { expectedArrivals } from './params';

/**
 * Discrete-event simulation of a FIFO queue with c servers and an optional room of K.
 *
 * Because service is first-come first-served and each service time is drawn when the customer
 * arrives, a customer's start is max(arrival, earliest server free time) (the Kiefer–Wolfowitz
 * recursion): a min-heap of c server free times (a typed array) replaces an event calendar. Only
 * with a finite room K does a second heap of departure times count who is in the system.
 *
 * Statistics cover the window after the warm-up. Time averages (L, Lq, utilisation) integrate
 * each customer's clipped interval; means over customers get a 95 % confidence interval from
 * batch means (20 batches by arrival time). The loop allocates nothing per customer: it is the
 * hot path of the widget and of the planner's many runs (see bench/queue.bench.ts).
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
  /** Time-averaged number in the system, and waiting, in each bin. */
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

/** A growable array of doubles (a plain array of millions of numbers is far slower). */
class Doubles {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(1024, Math.ceil(capacity)));
  }
  push(x: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Rearranges a so that a[k] is the value a full sort would put there, everything
 * before it is ≤ and everything after is ≥ (looking only at a[from..], which must already hold
 * the largest values) (Hoare's selection, median-of-three pivot): the
 * percentiles without sorting millions of waits.
 */
export function selectInPlace(a: Float64Array, k: number, from = 0): number {
  let lo = from;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Nearest-rank index of the q-quantile in a sample of n. */
const rank = (n: number, q: number) => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));

/**
 * Time in system per bin without visiting every bin a customer spans: a customer present over
 * [a, b) adds +1 from a and −1 from b. Each step adds its part-bin share to its own bin and a
 * whole-bin step to every later bin through a running count (a difference array).
 */
class BinnedIntegral {
  readonly part: Float64Array;
  readonly step: Float64Array;
  private readonly perBin: number;
  constructor(
    readonly bins: number,
    readonly binS: number,
    readonly endS: number,
  ) {
    this.part = new Float64Array(bins);
    this.step = new Float64Array(bins + 1);
    this.perBin = 1 / binS;
  }
  add(a: number, b: number) {
    if (b <= a) return;
    this.edge(a, 1);
    if (b < this.endS) this.edge(b, -1);
  }
  private edge(x: number, sign: number) {
    let j = Math.floor(x * this.perBin);
    if (j >= this.bins) j = this.bins - 1;
    this.part[j]! += sign * ((j + 1) * this.binS - x);
    this.step[j + 1]! += sign;
  }
  /** Time-averaged count in each bin. */
  means(): Float32Array {
    const out = new Float32Array(this.bins);
    let running = 0;
    for (let k = 0; k < this.bins; k++) {
      running += this.step[k]!;
      out[k] = Math.max(0, (this.part[k]! + running * this.binS) / this.binS);
    }
    return out;
  }
}

const SLICE = 100_000;

/**
 * One run's state. `advance` is a plain method whose loop works on local copies of the
 * counters: V8 optimises it far better than the same loop inside a generator.
 */
class QueueRun {
  private readonly rng: Rng;
  private readonly service: () => number;
  /** Min-heap of the times each server comes free (all free at 0). */
  private readonly free: Float64Array;
  /** Departure times of everyone in the system: needed only to turn arrivals away from a full room. */
  private readonly departures: EventHeap | null;
  private readonly inSystemBins: BinnedIntegral;
  private readonly waitingBins: BinnedIntegral;
  private readonly wSum = new Float64Array(BATCHES);
  private readonly wqSum = new Float64Array(BATCHES);
  private readonly waitedSum = new Float64Array(BATCHES);
  private readonly batchCount = new Uint32Array(BATCHES);
  private readonly waits: Doubles;
  t = 0;
  private areaL = 0;
  private areaLq = 0;
  private busy = 0;
  private arrivals = 0;
  private admitted = 0;
  private dropped = 0;
  private noWait = 0;

  constructor(
    private readonly p: QueueSimParams,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.service = serviceSampler(p, this.rng);
    this.free = new Float64Array(p.servers);
    this.departures = p.room !== null ? new EventHeap() : null;
    // Room for every wait the run is expected to record, so the array rarely has to grow.
    this.waits = new Doubles(expectedArrivals(p) * 1.05);
    const bins = Math.min(MAX_BINS, Math.ceil(p.durationS));
    this.inSystemBins = new BinnedIntegral(bins, p.durationS / bins, p.durationS);
    this.waitingBins = new BinnedIntegral(bins, p.durationS / bins, p.durationS);
  }

  /** Simulates up to `budget` more arrivals; false once the run has reached its end. */
  advance(budget: number): boolean {
    const { p, rng, service, free, departures, inSystemBins, waitingBins, waits } = this;
    const { wSum, wqSum, waitedSum, batchCount } = this;
    const uniform = rng.next;
    const c = p.servers;
    const room = p.room ?? Number.POSITIVE_INFINITY;
    const from = p.warmupS;
    const to = p.durationS;
    const batchScale = BATCHES / (to - from);
    const burst = p.burst;
    const meanGap = 1 / p.lambda;
    let { t, areaL, areaLq, busy, arrivals, admitted, dropped, noWait } = this;
    let more = true;
    for (let k = 0; k < budget; k++) {
      if (burst === null) {
        t += -Math.log(1 - uniform()) * meanGap;
      } else {
        // Piecewise-constant rate: a gap that crosses a rate change restarts at the change
        // (exponential gaps are memoryless, so this is exact).
        const rate = rateAt(p, t);
        const next = t + exponential(rng, rate);
        const edge =
          t < burst.startS && next >= burst.startS
            ? burst.startS
            : t < burst.endS && next >= burst.endS
              ? burst.endS
              : null;
        if (edge !== null && rateAt(p, edge) !== rate) {
          t = edge;
          continue;
        }
        t = next;
      }
      if (t >= to) {
        more = false;
        break;
      }
      const counted = t >= from;
      if (counted) arrivals++;
      if (departures !== null) {
        while (departures.size > 0 && departures.peekKey() <= t) departures.pop();
        if (departures.size >= room) {
          if (counted) dropped++;
          continue;
        }
      }
      // FIFO: the customer takes the server that comes free first (Kiefer–Wolfowitz).
      const top = free[0]!;
      const start = t > top ? t : top;
      const end = start + service();
      let h = 0;
      for (;;) {
        const l = 2 * h + 1;
        if (l >= c) break;
        const r = l + 1;
        const m = r < c && free[r]! < free[l]! ? r : l;
        if (free[m]! >= end) break;
        free[h] = free[m]!;
        h = m;
      }
      free[h] = end;
      if (departures !== null) departures.push(end);
      inSystemBins.add(t, end);
      waitingBins.add(t, start);
      const lo = t > from ? t : from;
      const endIn = end < to ? end : to;
      areaL += Math.max(0, endIn - lo);
      areaLq += Math.max(0, (start < to ? start : to) - lo);
      busy += Math.max(0, endIn - (start > from ? start : from));
      if (counted) {
        admitted++;
        let batch = Math.floor((t - from) * batchScale);
        if (batch >= BATCHES) batch = BATCHES - 1;
        const wait = start - t;
        wSum[batch]! += end - t;
        wqSum[batch]! += wait;
        batchCount[batch]!++;
        if (wait > 0) {
          waitedSum[batch]!++;
          waits.push(wait);
        } else noWait++;
      }
    }
    Object.assign(this, { t, areaL, areaLq, busy, arrivals, admitted, dropped, noWait });
    return more;
  }

  result(): QueueSimResult {
    const { p, admitted, noWait, arrivals, dropped } = this;
    const span = p.durationS - p.warmupS;
    // Positive waits only; the zeros are counted in noWait. Percentiles are over every admitted wait.
    const positive = this.waits.data.subarray(0, this.waits.length);
    // Rising quantiles: each selection only needs the part above the previous one.
    let above = 0;
    const quantile = (q: number) => {
      const k = rank(admitted, q) - noWait;
      if (admitted === 0 || k < 0) return 0;
      const value = selectInPlace(positive, k, above);
      above = k;
      return value;
    };
    const waitP50 = quantile(0.5);
    const waitP95 = quantile(0.95);
    const waitP99 = quantile(0.99);
    // Up to the 99.9th percentile of the positive waits, so one extreme wait does not squash the picture.
    const k999 = rank(positive.length, 0.999);
    const top = positive.length ? selectInPlace(positive, k999, Math.min(above, k999)) : 0;
    const width = (top || 1) / BUCKETS;
    const waitEdges = new Float64Array(BUCKETS);
    const waitCounts = new Uint32Array(BUCKETS);
    for (let b = 0; b < BUCKETS; b++) waitEdges[b] = (b + 1) * width;
    for (const w of positive) waitCounts[Math.min(BUCKETS - 1, Math.floor(w / width))]!++;
    return {
      arrivals,
      admitted,
      dropped,
      dropRate: arrivals ? dropped / arrivals : 0,
      L: this.areaL / span,
      Lq: this.areaLq / span,
      utilisation: this.busy / (span * p.servers),
      throughput: admitted / span,
      W: estimate(this.wSum, this.batchCount),
      Wq: estimate(this.wqSum, this.batchCount),
      pWait: estimate(this.waitedSum, this.batchCount),
      waitP50,
      waitP95,
      waitP99,
      binS: this.inSystemBins.binS,
      inSystem: this.inSystemBins.means(),
      waiting: this.waitingBins.means(),
      noWait,
      waitEdges,
      waitCounts,
    };
  }
}

export function* simulateQueue(
  p: QueueSimParams,
  seed: number,
): Generator<number, QueueSimResult, void> {
  const run = new QueueRun(p, seed);
  while (run.advance(SLICE)) yield Math.min(0.95, run.t / p.durationS);
  return run.result();
}

export function simulateQueueAll(p: QueueSimParams, seed: number): QueueSimResult {
  const it = simulateQueue(p, seed);
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
