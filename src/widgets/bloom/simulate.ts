import { createRng } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { BloomFilter } from './bloom';
import { CountMinSketch, heavyHitters, Zipf } from './countMin';
import { HyperLogLog } from './hyperLogLog';
import type { HllMethod } from './hyperLogLog';
import { bloomFalsePositive, countMinDimensions, hllAlpha, optimalK } from './theory';
import type { TheoryResult } from './theory';

/**
 * The widget's experiments — Bloom filter false positives, count-min on a Zipf stream,
 * HyperLogLog as a stream grows (the birthday one is in birthdaySim.ts) — each a generator that
 * yields the fraction done about every 50,000 operations, so the worker can report progress and
 * notice a cancel. Same params and seed, same result. Hot loops live in plain functions over
 * typed arrays and allocate nothing per operation; the generators only slice the work.
 */

/** Operations (inserts, probes, stream items, draws) between two progress reports. */
export const SLICE = 50_000;

const Z95 = 1.959963984540054;

/** Unwraps a theory result the experiment's validated params guarantee to be ok. */
export function must<T>(r: TheoryResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** Wilson score interval (95 %) for x successes in n trials: honest near 0, unlike ±1.96·SE. */
export function wilson(x: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = Z95 * Z95;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave a speck.
  return {
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
  };
}

/** A measured rate with its interval and the formula's value, one entry per point. */
export interface RateSeries {
  falsePositives: Uint32Array;
  measured: Float64Array;
  low: Float64Array;
  high: Float64Array;
  theory: Float64Array;
}

function rateSeries(points: number): RateSeries {
  return {
    falsePositives: new Uint32Array(points),
    measured: new Float64Array(points),
    low: new Float64Array(points),
    high: new Float64Array(points),
    theory: new Float64Array(points),
  };
}

function record(s: RateSeries, i: number, hits: number, probes: number, theory: number): void {
  const { low, high } = wilson(hits, probes);
  s.falsePositives[i] = hits;
  s.measured[i] = hits / probes;
  s.low[i] = low;
  s.high[i] = high;
  s.theory[i] = theory;
}

// ——— (a) Bloom filter false positives ———

export interface BloomExperimentParams {
  /** Bits in the filter. */
  m: number;
  /** Keys inserted by the end of the fill ladder and in each filter of the k sweep. */
  n: number;
  /** Hash functions for the fill ladder. */
  k: number;
  /** The k sweep: one filter of n keys for each k from kFrom to kTo. */
  kFrom: number;
  kTo: number;
  /** Non-member queries at each point. */
  probes: number;
  /** Points on the fill ladder, evenly spaced in keys inserted. */
  points: number;
}

export interface BloomExperimentResult {
  m: number;
  n: number;
  k: number;
  probes: number;
  /** The false-positive rate as the filter fills, with k fixed. */
  fill: RateSeries & {
    inserted: Float64Array;
    /** Share of bits set, measured and expected (1 − e^(−kn/m)). */
    bitsSet: Float64Array;
    bitsSetTheory: Float64Array;
  };
  /** The false-positive rate at n keys for each k of the sweep. */
  byK: RateSeries & { k: Float64Array; bitsSet: Float64Array };
  /** The optimum for m and n: (m/n)·ln 2, the best whole k and its rate. */
  optimum: { kExact: number; k: number; p: number };
}

/**
 * Keys are 32-bit integers hashed as their 4 bytes by MurmurHash3 (hash.ts), not strings:
 * building millions of strings would cost more than the filter. Members are base, base + 1, …,
 * base + n − 1 and the probes are the next `probes` integers, so no probe is ever a member, and
 * the base and the hash seed come from the run's seed. MurmurHash3 scatters consecutive
 * integers as well as random ones (see bloom.test.ts for the same rate on string keys).
 */
function insertKeys(f: BloomFilter, base: number, from: number, to: number): void {
  for (let i = from; i < to; i++) f.addInt((base + i) >>> 0);
}

function countFalsePositives(f: BloomFilter, first: number, probes: number): number {
  let hits = 0;
  for (let j = 0; j < probes; j++) if (f.hasInt((first + j) >>> 0)) hits++;
  return hits;
}

/** Runs `work(from, to)` over [0, total) in slices, yielding overall progress after each. */
export function* sliced(
  total: number,
  done: { ops: number },
  all: number,
  work: (from: number, to: number) => void,
): Generator<number, void, void> {
  for (let from = 0; from < total; from += SLICE) {
    const to = Math.min(total, from + SLICE);
    work(from, to);
    done.ops += to - from;
    yield Math.min(0.99, done.ops / all);
  }
}

export function* simulateBloom(
  p: BloomExperimentParams,
  seed: number,
): Generator<number, BloomExperimentResult, void> {
  const rng = createRng(seed);
  const hashSeed = rng.nextUint32();
  const base = rng.nextUint32();
  const probeBase = (base + p.n) >>> 0;
  const ks = p.kTo - p.kFrom + 1;
  const all = p.n + p.points * p.probes + ks * (p.n + p.probes);
  const done = { ops: 0 };
  let hits = 0;
  const countHits = (f: BloomFilter) => (from: number, to: number) => {
    hits += countFalsePositives(f, (probeBase + from) >>> 0, to - from);
  };

  const fill = {
    ...rateSeries(p.points),
    inserted: new Float64Array(p.points),
    bitsSet: new Float64Array(p.points),
    bitsSetTheory: new Float64Array(p.points),
  };
  const filter = new BloomFilter(p.m, p.k, hashSeed);
  let inserted = 0;
  for (let i = 0; i < p.points; i++) {
    const target = Math.round((p.n * (i + 1)) / p.points);
    const start = inserted;
    yield* sliced(target - start, done, all, (from, to) =>
      insertKeys(filter, base, start + from, start + to),
    );
    inserted = target;
    hits = 0;
    yield* sliced(p.probes, done, all, countHits(filter));
    const theory = must(bloomFalsePositive(p.m, p.k, inserted));
    record(fill, i, hits, p.probes, theory.p);
    fill.inserted[i] = inserted;
    fill.bitsSet[i] = filter.fillRatio();
    fill.bitsSetTheory[i] = theory.fill;
  }

  const byK = { ...rateSeries(ks), k: new Float64Array(ks), bitsSet: new Float64Array(ks) };
  for (let i = 0; i < ks; i++) {
    const k = p.kFrom + i;
    const f = new BloomFilter(p.m, k, hashSeed);
    yield* sliced(p.n, done, all, (from, to) => insertKeys(f, base, from, to));
    hits = 0;
    yield* sliced(p.probes, done, all, countHits(f));
    record(byK, i, hits, p.probes, must(bloomFalsePositive(p.m, k, p.n)).p);
    byK.k[i] = k;
    byK.bitsSet[i] = f.fillRatio();
  }
  return {
    m: p.m,
    n: p.n,
    k: p.k,
    probes: p.probes,
    fill,
    byK,
    optimum: must(optimalK(p.m, p.n)),
  };
}

// ——— (b) Count-min sketch on a Zipf stream ———

export interface CountMinRunParams {
  /** Error as a share of the stream, and the chance of exceeding it: width ⌈e/ε⌉, depth ⌈ln(1/δ)⌉. */
  epsilon: number;
  delta: number;
  /** Distinct items in the Zipf distribution, and its exponent. */
  items: number;
  s: number;
  streamLength: number;
  /** How many of the most frequent items to report. */
  top: number;
  /** Heavy-hitter threshold as a share of the stream. */
  phi: number;
}

export interface CountMinRunResult {
  width: number;
  depth: number;
  /** The stream's total N and the error bound εN. */
  total: number;
  bound: number;
  /** The `top` most frequent ranks (0 the most frequent): true counts, estimates, N·p(rank). */
  top: {
    rank: Uint32Array;
    trueCount: Float64Array;
    estimate: Float64Array;
    expected: Float64Array;
  };
  /** Over every item of the distribution. */
  errors: {
    /** Always 0: a count-min estimate never undercounts. */
    underestimates: number;
    mean: number;
    max: number;
    /** Share of items whose overestimate is at most εN (the theory promises ≥ 1 − δ). */
    withinBound: number;
  };
  /** Items with an estimate ≥ φN; `missed` (always 0) counts true heavy hitters not reported. */
  heavyHitters: {
    threshold: number;
    items: { rank: number; estimate: number; trueCount: number }[];
    missed: number;
    falseAlarms: number;
  };
}

function feedStream(
  zipf: Zipf,
  rng: Rng,
  sketch: CountMinSketch,
  counts: Uint32Array,
  length: number,
): void {
  const uniform = rng.next;
  for (let i = 0; i < length; i++) {
    const rank = zipf.rankOf(uniform());
    counts[rank]!++;
    sketch.addInt(rank);
  }
}

export function* simulateCountMin(
  p: CountMinRunParams,
  seed: number,
): Generator<number, CountMinRunResult, void> {
  const rng = createRng(seed);
  const { width, depth } = must(countMinDimensions(p.epsilon, p.delta));
  const sketch = new CountMinSketch(width, depth, rng.nextUint32());
  const zipf = new Zipf(p.items, p.s);
  const counts = new Uint32Array(p.items);
  const all = p.streamLength + p.items;
  const done = { ops: 0 };
  yield* sliced(p.streamLength, done, all, (from, to) =>
    feedStream(zipf, rng, sketch, counts, to - from),
  );

  const total = sketch.total;
  const bound = p.epsilon * total;
  const estimates = new Float64Array(p.items);
  yield* sliced(p.items, done, all, (from, to) => {
    for (let r = from; r < to; r++) estimates[r] = sketch.estimateInt(r);
  });
  let underestimates = 0;
  let sum = 0;
  let max = 0;
  let within = 0;
  for (let r = 0; r < p.items; r++) {
    const error = estimates[r]! - counts[r]!;
    if (error < 0) underestimates++;
    sum += error;
    if (error > max) max = error;
    if (error <= bound) within++;
  }
  const order = topRanks(counts, Math.min(p.top, p.items));
  const threshold = p.phi * total;
  const reported = heavyHitters(ranks(p.items), (r) => estimates[r]!, total, p.phi);
  let missed = 0;
  for (let r = 0; r < p.items; r++)
    if (counts[r]! >= threshold && estimates[r]! < threshold) missed++;
  return {
    width,
    depth,
    total,
    bound,
    top: {
      rank: Uint32Array.from(order),
      trueCount: Float64Array.from(order, (r) => counts[r]!),
      estimate: Float64Array.from(order, (r) => estimates[r]!),
      expected: Float64Array.from(order, (r) => total * zipf.probability(r)),
    },
    errors: { underestimates, mean: sum / p.items, max, withinBound: within / p.items },
    heavyHitters: {
      threshold,
      items: reported.map(({ key, estimate }) => ({
        rank: key,
        estimate,
        trueCount: counts[key]!,
      })),
      missed,
      falseAlarms: reported.filter(({ key }) => counts[key]! < threshold).length,
    },
  };
}

function* ranks(n: number): Generator<number, void, void> {
  for (let r = 0; r < n; r++) yield r;
}

/** The `top` ranks with the largest counts, largest first (ties by rank), without sorting them all. */
function topRanks(counts: Uint32Array, top: number): number[] {
  if (top === 0) return [];
  const cut = Float64Array.from(counts).sort()[counts.length - top]!;
  const order: number[] = [];
  for (let r = 0; r < counts.length; r++) if (counts[r]! >= cut) order.push(r);
  return order.sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, top);
}

// ——— (c) HyperLogLog as a stream grows ———

export interface HllRunParams {
  /** p: 2^p registers. */
  precision: number;
  /** Items in the stream, each drawn uniformly from `universe` values (repeats and all). */
  streamLength: number;
  universe: number;
  /** Checkpoints, spaced evenly on a log scale of the stream position. */
  points: number;
}

export interface HllRunResult {
  m: number;
  alpha: number;
  /** 1.04/√m. */
  standardError: number;
  position: Float64Array;
  trueDistinct: Float64Array;
  estimate: Float64Array;
  /** α_m·m²/Σ2^(−M) before the range corrections. */
  raw: Float64Array;
  /** The source material's estimate: the raw one without α_m (about 39 % high). */
  withoutAlpha: Float64Array;
  /** true·(1 ∓ 1.04/√m). */
  bandLow: Float64Array;
  bandHigh: Float64Array;
  method: HllMethod[];
}

/** Stream positions from 1 to `length`, evenly spaced on a log scale, distinct and rising. */
export function logLadder(length: number, points: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = Math.round(Math.pow(length, points === 1 ? 1 : i / (points - 1)));
    if (out.length === 0 || x > out[out.length - 1]!) out.push(x);
  }
  if (out[out.length - 1] !== length) out.push(length);
  return out;
}

function feedDistinct(
  h: HyperLogLog,
  rng: Rng,
  seen: Uint32Array,
  universe: number,
  length: number,
): number {
  const next = rng.nextUint32;
  // Rejection keeps the draw uniform over the universe (a plain modulo favours small values).
  const limit = 4294967296 - (4294967296 % universe);
  let fresh = 0;
  for (let i = 0; i < length; i++) {
    let u = next();
    while (u >= limit) u = next();
    const item = u % universe;
    const word = item >>> 5;
    const bit = 1 << (item & 31);
    if ((seen[word]! & bit) === 0) {
      seen[word] = seen[word]! | bit;
      fresh++;
    }
    h.addInt(item);
  }
  return fresh;
}

export function* simulateHll(p: HllRunParams, seed: number): Generator<number, HllRunResult, void> {
  const rng = createRng(seed);
  const h = new HyperLogLog(p.precision, rng.nextUint32());
  const seen = new Uint32Array(Math.ceil(p.universe / 32));
  const ladder = logLadder(p.streamLength, p.points);
  const n = ladder.length;
  const out = {
    position: Float64Array.from(ladder),
    trueDistinct: new Float64Array(n),
    estimate: new Float64Array(n),
    raw: new Float64Array(n),
    withoutAlpha: new Float64Array(n),
    bandLow: new Float64Array(n),
    bandHigh: new Float64Array(n),
    method: [] as HllMethod[],
  };
  const se = 1.04 / Math.sqrt(h.m);
  const done = { ops: 0 };
  let position = 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const target = ladder[i]!;
    yield* sliced(target - position, done, p.streamLength, (from, to) => {
      distinct += feedDistinct(h, rng, seen, p.universe, to - from);
    });
    position = target;
    const e = h.estimate();
    out.trueDistinct[i] = distinct;
    out.estimate[i] = e.estimate;
    out.raw[i] = e.raw;
    out.withoutAlpha[i] = e.raw / h.alpha;
    out.bandLow[i] = distinct * (1 - se);
    out.bandHigh[i] = distinct * (1 + se);
    out.method.push(e.method);
  }
  return { m: h.m, alpha: hllAlpha(h.m), standardError: se, ...out };
}

/** Runs any experiment's generator to the end (tests and build-time use). */
export function runToEnd<R>(it: Generator<number, R, void>): R {
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
