import { createRng } from '../../sim/rng';
import type { Rng } from '../../sim/rng';
import { fmix32 } from '../shared/hash';
import { MAX_DRAWS_PER_TRIAL } from './params';
import { must, SLICE } from '../shared/experiment';
import {
  birthdayExpectedDraws,
  birthdayProbability,
  birthdaySmallestN,
  idSpaceSize,
  timestampIdCollision,
} from '../../formulas/birthday';
import type { IdSpace } from '../../formulas/birthday';

/**
 * The birthday experiment: draw IDs until one repeats, R times over, and set the distribution of
 * the draws (or milliseconds) it took beside the theory. A generator like the experiments in
 * simulate.ts: it yields the fraction done about every 50,000 draws.
 */

export type BirthdaySimParams =
  | {
      /** IDs drawn uniformly from the space (at most 2^53 values, so each is an exact double). */
      scheme: 'uniform';
      space: IdSpace;
      trials: number;
    }
  | {
      /** IDs = millisecond timestamp + random(0 … randomValues − 1), from many machines. */
      scheme: 'timestamp';
      machines: number;
      /** Per machine, at random times (a Poisson process). */
      idsPerSecond: number;
      randomValues: number;
      trials: number;
    };

export interface BirthdaySimResult {
  scheme: BirthdaySimParams['scheme'];
  /** Per trial: IDs drawn up to and including the first one that repeats an earlier one. */
  draws: Float64Array;
  /** Per trial, timestamp scheme only: milliseconds until the first collision (the first is 1). */
  ms: Float64Array | null;
  /**
   * The distribution of `draws` (uniform) or `ms` (timestamp): bucket upper edges, counts, and
   * the empirical and theoretical P(first collision ≤ edge).
   */
  histogram: {
    edges: Float64Array;
    counts: Uint32Array;
    empiricalCdf: Float64Array;
    theoryCdf: Float64Array;
  };
  /** Of the same quantity: empirical and theoretical mean and median. */
  mean: number;
  median: number;
  theoryMean: number;
  theoryMedian: number;
}

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;

/**
 * Uniform integers in [0, d) for 1 ≤ d ≤ 2^53, by rejection so no value is favoured: the top
 * bits of one 32-bit output when d is a power of two up to 2^32, one output otherwise up to 2^32,
 * and 53 bits from two outputs beyond.
 */
export function uniformIdDrawer(rng: Rng, d: number): () => number {
  const next = rng.nextUint32;
  if (d <= TWO32) {
    const bits = Math.log2(d);
    if (Number.isInteger(bits)) {
      const shift = 32 - bits;
      return shift === 32 ? () => 0 : () => next() >>> shift;
    }
    const limit = TWO32 - (TWO32 % d);
    return () => {
      let u = next();
      while (u >= limit) u = next();
      return u % d;
    };
  }
  const limit = TWO53 - (TWO53 % d);
  const draw53 = () => (next() >>> 11) * TWO32 + next();
  return () => {
    let u = draw53();
    while (u >= limit) u = draw53();
    return u % d;
  };
}

/**
 * The IDs drawn in the current trial: open addressing over a power-of-two table that doubles
 * when half full. A slot belongs to this trial only when its stamp says so, so starting a new
 * trial clears nothing.
 */
export class IdSet {
  private ids: Float64Array;
  private stamps: Uint32Array;
  private mask: number;
  private size = 0;
  private trial = 1;

  /** Room for about `expected` IDs before the first doubling. */
  constructor(expected: number) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.ids = new Float64Array(slots);
    this.stamps = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  /** Forgets every ID (in constant time). */
  clear(): void {
    this.trial++;
    this.size = 0;
  }

  get count(): number {
    return this.size;
  }

  private slot(id: number): number {
    const hi = Math.floor(id / TWO32);
    return fmix32((id >>> 0) ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
  }

  /** True when `id` is already in the set; otherwise adds it and returns false. */
  hasOrAdd(id: number): boolean {
    let i = this.slot(id);
    while (this.stamps[i] === this.trial) {
      if (this.ids[i] === id) return true;
      i = (i + 1) & this.mask;
    }
    this.stamps[i] = this.trial;
    this.ids[i] = id;
    if (++this.size * 2 > this.ids.length) this.grow();
    return false;
  }

  private grow(): void {
    const { ids, stamps, trial } = this;
    this.ids = new Float64Array(ids.length * 2);
    this.stamps = new Uint32Array(ids.length * 2);
    this.mask = this.ids.length - 1;
    for (let i = 0; i < ids.length; i++) {
      if (stamps[i] !== trial) continue;
      let j = this.slot(ids[i]!);
      while (this.stamps[j] === trial) j = (j + 1) & this.mask;
      this.stamps[j] = trial;
      this.ids[j] = ids[i]!;
    }
  }
}

/** Draws up to `budget` IDs into the set; how many, negated when none repeated. */
function drawUntilRepeat(draw: () => number, seen: IdSet, budget: number): number {
  for (let i = 1; i <= budget; i++) if (seen.hasOrAdd(draw())) return i;
  return -budget;
}

/**
 * The timestamp scheme: IDs at the times of a Poisson process of rate λ per millisecond, each
 * stamped with its millisecond and a uniform random part. Two IDs collide when both match. The
 * clock runs on across trials (each starts on a fresh millisecond), so the record of the last
 * millisecond each random part was used in never needs clearing.
 */
class TimestampIds {
  private t = 0;
  /** For each random part, 1 + the millisecond it was last used in (0: never). */
  private readonly lastUsed: Float64Array;
  private readonly limit: number;

  constructor(
    private readonly rng: Rng,
    private readonly perMs: number,
    private readonly randomValues: number,
  ) {
    this.lastUsed = new Float64Array(randomValues);
    this.limit = TWO32 - (TWO32 % randomValues);
  }

  /** Moves to the start of the next millisecond; returns its label (1 + its index). */
  freshMillisecond(): number {
    this.t = Math.floor(this.t) + 1;
    return this.t + 1;
  }

  /** Issues up to `budget` IDs: the label of the millisecond of a collision, or −(IDs issued). */
  issue(budget: number): { label: number; issued: number } {
    const { rng, lastUsed, perMs, randomValues, limit } = this;
    const next = rng.nextUint32;
    const uniform = rng.next;
    let t = this.t;
    for (let i = 1; i <= budget; i++) {
      t += -Math.log(1 - uniform()) / perMs;
      const label = Math.floor(t) + 1;
      let u = next();
      while (u >= limit) u = next();
      const r = u % randomValues;
      if (lastUsed[r] === label) {
        this.t = t;
        return { label, issued: i };
      }
      lastUsed[r] = label;
    }
    this.t = t;
    return { label: -1, issued: budget };
  }
}

const HISTOGRAM_BUCKETS = 40;

function histogram(
  values: Float64Array,
  cdf: (x: number) => number,
): BirthdaySimResult['histogram'] {
  let top = 1;
  for (const v of values) if (v > top) top = v;
  const width = Math.ceil(top / HISTOGRAM_BUCKETS);
  const edges = new Float64Array(HISTOGRAM_BUCKETS);
  const counts = new Uint32Array(HISTOGRAM_BUCKETS);
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) edges[b] = (b + 1) * width;
  for (const v of values) counts[Math.max(0, Math.ceil(v / width) - 1)]!++;
  const empiricalCdf = new Float64Array(HISTOGRAM_BUCKETS);
  const theoryCdf = new Float64Array(HISTOGRAM_BUCKETS);
  let running = 0;
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) {
    running += counts[b]!;
    empiricalCdf[b] = running / values.length;
    theoryCdf[b] = cdf(edges[b]!);
  }
  return { edges, counts, empiricalCdf, theoryCdf };
}

function meanAndMedian(values: Float64Array): { mean: number; median: number } {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { mean: sum / sorted.length, median };
}

function* uniformTrials(
  p: Extract<BirthdaySimParams, { scheme: 'uniform' }>,
  rng: Rng,
): Generator<number, BirthdaySimResult, void> {
  const d = must(idSpaceSize(p.space));
  const expected = must(birthdayExpectedDraws(p.space));
  const all = expected * p.trials;
  const draw = uniformIdDrawer(rng, d);
  const seen = new IdSet(Math.min(expected, MAX_DRAWS_PER_TRIAL));
  const draws = new Float64Array(p.trials);
  let done = 0;
  let budget = SLICE;
  for (let trial = 0; trial < p.trials; trial++) {
    seen.clear();
    let n = 0;
    for (;;) {
      const r = drawUntilRepeat(draw, seen, budget);
      const used = Math.abs(r);
      n += used;
      done += used;
      budget -= used;
      if (budget === 0) {
        yield Math.min(0.99, done / all);
        budget = SLICE;
      }
      if (r > 0) break;
    }
    draws[trial] = n;
  }
  return {
    scheme: 'uniform',
    draws,
    ms: null,
    histogram: histogram(draws, (x) => must(birthdayProbability(x, p.space)).p),
    ...meanAndMedian(draws),
    theoryMean: expected,
    theoryMedian: must(birthdaySmallestN(p.space, 0.5)).n,
  };
}

function* timestampTrials(
  p: Extract<BirthdaySimParams, { scheme: 'timestamp' }>,
  rng: Rng,
): Generator<number, BirthdaySimResult, void> {
  const theory = must(timestampIdCollision({ ...p, windowS: 1 }));
  const source = new TimestampIds(rng, theory.perMs, p.randomValues);
  const all = (theory.perMs / theory.pPerMs) * p.trials;
  const draws = new Float64Array(p.trials);
  const ms = new Float64Array(p.trials);
  let done = 0;
  let budget = SLICE;
  for (let trial = 0; trial < p.trials; trial++) {
    const first = source.freshMillisecond();
    let n = 0;
    for (;;) {
      const { label, issued } = source.issue(budget);
      n += issued;
      done += issued;
      budget -= issued;
      if (budget === 0) {
        yield Math.min(0.99, done / all);
        budget = SLICE;
      }
      if (label > 0) {
        ms[trial] = label - first + 1;
        break;
      }
    }
    draws[trial] = n;
  }
  const perMsLog = Math.log1p(-theory.pPerMs); // −Infinity when every millisecond collides
  return {
    scheme: 'timestamp',
    draws,
    ms,
    histogram: histogram(ms, (t) => (theory.pPerMs === 1 ? 1 : 0 - Math.expm1(t * perMsLog))),
    ...meanAndMedian(ms),
    theoryMean: theory.expectedMsToFirst,
    theoryMedian: theory.medianMsToFirst,
  };
}

export function* simulateBirthday(
  p: BirthdaySimParams,
  seed: number,
): Generator<number, BirthdaySimResult, void> {
  const rng = createRng(seed);
  return p.scheme === 'uniform' ? yield* uniformTrials(p, rng) : yield* timestampTrials(p, rng);
}
