import { createRng, standardNormal } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { EventHeap } from '../../sim/heap';
import { standardExponential } from '../../sim/ziggurat';
import { selectRanks } from '../../sim/select';
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
 * batch means (20 batches by arrival time). The loop allocates nothing per customer and draws
 * its exponential gaps and service times by the ziggurat method (no logarithm in 99 % of
 * draws): it is the hot path of the widget and of the planner's many runs (see
 * bench/queue.bench.ts).
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
  /** Admitted arrivals per second in the window (λ less the drops): the λ of Little's law. */
  throughput: number;
  /**
   * Customers whose service ended inside the window, per second. Without a steady state this,
   * not the arrival rate, is what the servers got through: at most c/E[S] on average.
   */
  completionRate: number;
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
  if (p.service === 'exponential') {
    const draw = rng.nextUint32;
    const mean = p.meanService;
    return () => standardExponential(draw) * mean;
  }
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

/**
 * The largest buffer a finished run gave back: the next run (the worker runs them one after
 * another) reuses it instead of asking the system for megabytes of fresh zeroed pages.
 */
let spareBuffer: Float64Array | null = null;

/** A growable array of doubles (a plain array of millions of numbers is far slower). */
class Doubles {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    const n = Math.max(1024, Math.ceil(capacity));
    if (spareBuffer !== null && spareBuffer.length >= n) {
      this.data = spareBuffer;
      spareBuffer = null;
    } else this.data = new Float64Array(n);
  }
  /** Hands the buffer back for the next run; this array must not be used after. */
  release() {
    if (spareBuffer === null || spareBuffer.length < this.data.length) spareBuffer = this.data;
    this.data = new Float64Array(0);
    this.length = 0;
  }
  /** Doubles the capacity, keeping the first `length` values. */
  grow() {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}

/** Nearest-rank index of the q-quantile in a sample of n. */
const rank = (n: number, q: number) => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));

/**
 * Time in system per bin without visiting every bin a customer spans: a customer present over
 * [a, b) adds +1 from a and −1 from b. Each step adds its part-bin share to its own bin and a
 * whole-bin step to every later bin through a running count (a difference array). The event
 * loop adds the steps that fall in the current arrival's bin itself (see QueueRun.advance).
 */
class BinnedIntegral {
  readonly part: Float64Array;
  readonly step: Float64Array;
  readonly perBin: number;
  constructor(
    readonly bins: number,
    readonly binS: number,
  ) {
    this.part = new Float64Array(bins);
    this.step = new Float64Array(bins + 1);
    this.perBin = 1 / binS;
  }
  /** The bin that holds time x (the last one for x at or past the end). */
  binOf(x: number): number {
    const j = Math.floor(x * this.perBin);
    return j < this.bins ? j : this.bins - 1;
  }
  /** A step of `sign` (+1 or −1) at time x. */
  edge(x: number, sign: number) {
    const j = this.binOf(x);
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
  /**
   * Min-heap of the times each server comes free (all free at 0), with one extra slot that
   * stays +Infinity: the last parent's missing right child, so choosing a child needs no test.
   */
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
  private completed = 0;

  constructor(
    private readonly p: QueueSimParams,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.service = serviceSampler(p, this.rng);
    this.free = new Float64Array(p.servers + 1);
    this.free[p.servers] = Number.POSITIVE_INFINITY;
    this.departures = p.room !== null ? new EventHeap() : null;
    // Room for every wait the run is expected to record, so the array rarely has to grow.
    this.waits = new Doubles(expectedArrivals(p) * 1.05);
    const bins = Math.min(MAX_BINS, Math.ceil(p.durationS));
    this.inSystemBins = new BinnedIntegral(bins, p.durationS / bins);
    this.waitingBins = new BinnedIntegral(bins, p.durationS / bins);
  }

  /**
   * Simulates up to `budget` more arrivals; false once the run has reached its end.
   *
   * Arrivals come in time order, so the current arrival's time bin and batch change rarely: what
   * falls in them is summed in local variables and added to the arrays only when they change
   * (and at the end of the slice). Summing into the same array slot customer after customer
   * would chain every update through memory.
   */
  advance(budget: number): boolean {
    const { p, rng, service, free, departures, waits, inSystemBins, waitingBins } = this;
    const { wSum, wqSum, waitedSum, batchCount } = this;
    const draw = rng.nextUint32;
    // A local name: under a module runner (Vitest) an imported function is a getter on the
    // module object, looked up at every call.
    const exp1 = standardExponential;
    const c = p.servers;
    const room = p.room ?? Number.POSITIVE_INFINITY;
    const from = p.warmupS;
    const to = p.durationS;
    const batchScale = BATCHES / (to - from);
    const burst = p.burst;
    const meanGap = 1 / p.lambda;
    // The common case inline; the sampler closure for the others.
    const exponentialService = p.service === 'exponential';
    const meanService = p.meanService;
    const binS = inSystemBins.binS;
    let waitData = waits.data;
    let waitCount = waits.length;
    let { t, areaL, areaLq, busy, arrivals, admitted, dropped, noWait, completed } = this;
    // The current bin [binStart, binEnd): the share of time in system and waiting inside it,
    // and the customers still there (or still waiting) at its end.
    let bin = inSystemBins.binOf(t);
    let binEnd = (bin + 1) * binS;
    let inBin = 0;
    let waitingInBin = 0;
    let carriedOut = 0;
    let waitingCarriedOut = 0;
    // The current batch (by arrival time) and its sums.
    let batch = -1;
    let batchEnd = Number.NEGATIVE_INFINITY;
    let bW = 0;
    let bWq = 0;
    let bN = 0;
    let bWaited = 0;
    let more = true;
    for (let k = 0; k < budget; k++) {
      if (burst === null) {
        t += exp1(draw) * meanGap;
      } else {
        // Piecewise-constant rate: a gap that crosses a rate change restarts at the change
        // (exponential gaps are memoryless, so this is exact).
        const rate = rateAt(p, t);
        const next = t + exp1(draw) / rate;
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
      const waited = top > t;
      const start = waited ? top : t;
      const end = start + (exponentialService ? exp1(draw) * meanService : service());
      let h = 0;
      for (;;) {
        const l = 2 * h + 1;
        if (l >= c) break;
        // The smaller child, without a branch (a coin flip the CPU would mispredict half the time).
        const m = l + Number(free[l + 1]! < free[l]!);
        if (free[m]! >= end) break;
        free[h] = free[m]!;
        h = m;
      }
      free[h] = end;
      if (departures !== null) departures.push(end);
      if (end >= from && end <= to) completed++;
      // The time series: in the system over [t, end), waiting over [t, start).
      if (t >= binEnd) {
        inSystemBins.part[bin]! += inBin;
        inSystemBins.step[bin + 1]! += carriedOut;
        waitingBins.part[bin]! += waitingInBin;
        waitingBins.step[bin + 1]! += waitingCarriedOut;
        inBin = waitingInBin = carriedOut = waitingCarriedOut = 0;
        bin = inSystemBins.binOf(t);
        binEnd = (bin + 1) * binS;
      }
      if (end < binEnd) inBin += end - t;
      else {
        inBin += binEnd - t;
        carriedOut++;
        if (end < to) inSystemBins.edge(end, -1);
      }
      if (start < binEnd) waitingInBin += start - t;
      else {
        waitingInBin += binEnd - t;
        waitingCarriedOut++;
        if (start < to) waitingBins.edge(start, -1);
      }
      if (counted && end <= to) {
        // The common case: the whole visit lies inside the window.
        areaL += end - t;
        areaLq += start - t;
        busy += end - start;
      } else {
        const lo = t > from ? t : from;
        const endIn = end < to ? end : to;
        areaL += Math.max(0, endIn - lo);
        areaLq += Math.max(0, (start < to ? start : to) - lo);
        busy += Math.max(0, endIn - (start > from ? start : from));
      }
      if (counted) {
        admitted++;
        if (t >= batchEnd) {
          if (batch >= 0) {
            wSum[batch]! += bW;
            wqSum[batch]! += bWq;
            batchCount[batch]! += bN;
            waitedSum[batch]! += bWaited;
            bW = bWq = bN = bWaited = 0;
          }
          batch = Math.min(BATCHES - 1, Math.floor((t - from) * batchScale));
          batchEnd =
            batch === BATCHES - 1 ? Number.POSITIVE_INFINITY : from + (batch + 1) / batchScale;
        }
        const wait = start - t;
        bW += end - t;
        bWq += wait;
        bN++;
        if (waited) {
          bWaited++;
          if (waitCount === waitData.length) {
            waits.length = waitCount;
            waits.grow();
            waitData = waits.data;
          }
          waitData[waitCount++] = wait;
        } else noWait++;
      }
    }
    inSystemBins.part[bin]! += inBin;
    inSystemBins.step[bin + 1]! += carriedOut;
    waitingBins.part[bin]! += waitingInBin;
    waitingBins.step[bin + 1]! += waitingCarriedOut;
    if (batch >= 0) {
      wSum[batch]! += bW;
      wqSum[batch]! += bWq;
      batchCount[batch]! += bN;
      waitedSum[batch]! += bWaited;
    }
    waits.length = waitCount;
    Object.assign(this, { t, areaL, areaLq, busy, arrivals, admitted, dropped, noWait, completed });
    return more;
  }

  result(): QueueSimResult {
    const { p, admitted, noWait, arrivals, dropped } = this;
    const span = p.durationS - p.warmupS;
    // Positive waits only; the zeros are counted in noWait. Percentiles are over every admitted
    // wait; the chart goes up to the 99.9th percentile of the positive waits, so one extreme
    // wait does not squash the picture.
    const positive = this.waits.data.subarray(0, this.waits.length);
    const ranks = [0.5, 0.95, 0.99].map((q) => rank(admitted, q) - noWait);
    const picked = positive.length
      ? selectRanks(positive, [...ranks.map((k) => Math.max(0, k)), rank(positive.length, 0.999)])
      : [0, 0, 0, 0];
    // A rank that falls among the zero waits is a zero wait.
    const [waitP50, waitP95, waitP99] = ranks.map((k, i) => (k < 0 ? 0 : picked[i]!)) as [
      number,
      number,
      number,
    ];
    const top = picked[3]!;
    const width = (top || 1) / BUCKETS;
    const perWidth = 1 / width;
    const waitEdges = new Float64Array(BUCKETS);
    const waitCounts = new Uint32Array(BUCKETS);
    for (let b = 0; b < BUCKETS; b++) waitEdges[b] = (b + 1) * width;
    for (let i = 0; i < positive.length; i++) {
      const x = positive[i]! * perWidth;
      waitCounts[x < BUCKETS - 1 ? Math.floor(x) : BUCKETS - 1]!++;
    }
    this.waits.release();
    return {
      arrivals,
      admitted,
      dropped,
      dropRate: arrivals ? dropped / arrivals : 0,
      L: this.areaL / span,
      Lq: this.areaLq / span,
      utilisation: this.busy / (span * p.servers),
      throughput: admitted / span,
      completionRate: this.completed / span,
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
