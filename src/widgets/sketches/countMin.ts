import type { Rng } from '../../sim/rng';
import { fmix32, murmur3_32, murmur3_32Int } from '../shared/hash';

/**
 * Count-min sketch (Cormode & Muthukrishnan, 2005): `depth` rows of `width` counters. Each row
 * hashes an item with MurmurHash3 under its own seed to one counter and adds the count there;
 * the estimate is the smallest of the item's `depth` counters. Other items only ever add to a
 * counter, so the estimate is never below the true count; with width ⌈e/ε⌉ and depth ⌈ln(1/δ)⌉
 * it exceeds the truth by more than εN (N the stream's total) with probability at most δ.
 *
 * Counters are 32-bit and saturate at 2^32 − 1 rather than wrap (wrapping would undercount).
 */
export class CountMinSketch {
  readonly width: number;
  readonly depth: number;
  readonly seed: number;
  /** Row-major: row r's counters are table[r·width … r·width + width − 1]. */
  readonly table: Uint32Array;
  /** Each row's hash seed, spread from the sketch's seed by the MurmurHash3 finaliser. */
  readonly rowSeeds: Uint32Array;
  private n = 0;

  constructor(width: number, depth: number, seed = 0) {
    if (!Number.isInteger(width) || width < 1 || width > 1e8)
      throw new RangeError(`A count-min row holds from 1 to 100,000,000 counters, not ${width}`);
    if (!Number.isInteger(depth) || depth < 1 || depth > 64)
      throw new RangeError(`A count-min sketch has from 1 to 64 rows, not ${depth}`);
    this.width = width;
    this.depth = depth;
    this.seed = seed >>> 0;
    this.table = new Uint32Array(width * depth);
    this.rowSeeds = new Uint32Array(depth);
    for (let r = 0; r < depth; r++) this.rowSeeds[r] = fmix32(this.seed + (r + 1) * 0x9e3779b9);
  }

  /** The stream's total so far, N. */
  get total(): number {
    return this.n;
  }

  /** The ε this width guarantees, e/width: estimates exceed the truth by at most εN w.p. ≥ 1 − δ. */
  get epsilon(): number {
    return Math.E / this.width;
  }

  /** The δ this depth guarantees, e^(−depth). */
  get delta(): number {
    return Math.exp(-this.depth);
  }

  private bump(index: number, count: number): void {
    const c = this.table[index]! + count;
    this.table[index] = c > 0xffffffff ? 0xffffffff : c;
  }

  private checkCount(count: number): void {
    if (!Number.isInteger(count) || count < 1 || count > 0xffffffff)
      throw new RangeError(`A count must be a whole number from 1 to 2^32 − 1, not ${count}`);
  }

  /** The counter row r uses for a string item (for drawing). */
  cellOf(key: string, row: number): number {
    return row * this.width + (murmur3_32(key, this.rowSeeds[row]) % this.width);
  }

  add(key: string, count = 1): void {
    this.checkCount(count);
    for (let r = 0; r < this.depth; r++) this.bump(this.cellOf(key, r), count);
    this.n += count;
  }

  estimate(key: string): number {
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < this.depth; r++) {
      const c = this.table[this.cellOf(key, r)]!;
      if (c < min) min = c;
    }
    return min;
  }

  /** Integer items, hashed as their 4 little-endian bytes (the simulation's path). */
  addInt(item: number, count = 1): void {
    if (count !== 1) this.checkCount(count);
    const { width, depth, rowSeeds } = this;
    for (let r = 0; r < depth; r++)
      this.bump(r * width + (murmur3_32Int(item, rowSeeds[r]) % width), count);
    this.n += count;
  }

  estimateInt(item: number): number {
    const { width, depth, rowSeeds, table } = this;
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < depth; r++) {
      const c = table[r * width + (murmur3_32Int(item, rowSeeds[r]) % width)]!;
      if (c < min) min = c;
    }
    return min;
  }
}

export interface HeavyHitter<K> {
  key: K;
  estimate: number;
}

/**
 * Candidates whose estimate is at least φN, largest first. A sketch cannot list its items, so
 * the caller supplies candidates (every item seen, or the universe). Because estimates never
 * undercount, every item with a true count ≥ φN is reported; items below it may be too, by at
 * most εN (with probability ≥ 1 − δ each).
 */
export function heavyHitters<K>(
  candidates: Iterable<K>,
  estimate: (key: K) => number,
  total: number,
  phi: number,
): HeavyHitter<K>[] {
  const threshold = phi * total;
  const out: HeavyHitter<K>[] = [];
  for (const key of candidates) {
    const e = estimate(key);
    if (e >= threshold) out.push({ key, estimate: e });
  }
  return out.sort((a, b) => b.estimate - a.estimate);
}

/**
 * A Zipf distribution over `items` ranks: rank r (0 the most frequent) has probability
 * (r + 1)^(−s) / H, H = Σ (i + 1)^(−s). Sampled by inverting a precomputed cumulative table with
 * a binary search: one uniform and about log₂(items) steps a draw. s = 0 is uniform; real
 * traffic (word counts, page views, keys in a cache) sits near s = 1.
 *
 * The uniform has 32 bits, so ranks rarer than 2^−32 are never drawn; no stream here is long
 * enough to miss them.
 */
export class Zipf {
  readonly items: number;
  readonly s: number;
  /** cdf[r] = P(rank ≤ r); the last entry is exactly 1. */
  readonly cdf: Float64Array;
  /** H = Σ (i + 1)^(−s). */
  private readonly norm: number;

  constructor(items: number, s: number) {
    if (!Number.isInteger(items) || items < 1 || items > 10_000_000)
      throw new RangeError(`A Zipf distribution has from 1 to 10,000,000 items, not ${items}`);
    if (!Number.isFinite(s) || s < 0 || s > 5)
      throw new RangeError(`The Zipf exponent s must be from 0 to 5, not ${s}`);
    this.items = items;
    this.s = s;
    this.cdf = new Float64Array(items);
    // The normalising sum from the smallest terms up, so they are not lost against the largest.
    let h = 0;
    for (let r = items - 1; r >= 0; r--) h += Math.pow(r + 1, -s);
    let acc = 0;
    for (let r = 0; r < items; r++) {
      acc += Math.pow(r + 1, -s) / h;
      this.cdf[r] = acc;
    }
    this.cdf[items - 1] = 1;
    this.norm = h;
  }

  probability(rank: number): number {
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.items) return 0;
    return Math.pow(rank + 1, -this.s) / this.norm;
  }

  /** The rank of the first entry of the table above u. */
  rankOf(u: number): number {
    const cdf = this.cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  sample(rng: Rng): number {
    return this.rankOf(rng.next());
  }
}
