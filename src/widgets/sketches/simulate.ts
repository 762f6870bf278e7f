import { createRng } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { must, sliced } from '../shared/experiment';
import { CountMinSketch, heavyHitters, Zipf } from './countMin';
import { HyperLogLog } from './hyperLogLog';
import type { HllMethod } from './hyperLogLog';
import { countMinDimensions, hllAlpha } from './theory';

/** The sketches lab's experiments: count-min on a Zipf stream and HyperLogLog as a stream grows. Same params and seed, same result. */

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
