import {
  doubleHashPositions,
  MAX_POSITIONS,
  murmur3_32IntPair,
  murmur3_32Pair,
  SECOND_SEED_XOR,
} from '../shared/hash';

/**
 * Bloom filters on a typed array: m bits in Uint32 words, k positions per key from two
 * MurmurHash3 hashes by double hashing (see hash.ts). A query answers "definitely not" when any
 * of the key's k bits is clear — no add ever clears a bit, so a clear bit proves the key was never
 * added — and "maybe" when all are set, which other keys may have done between them: a false
 * positive.
 *
 * Why a plain Bloom filter cannot delete: a bit does not know how many keys set it. Clearing a
 * removed key's bits would clear bits other keys share, and those keys would then be reported
 * "definitely not" although they were added — a false negative, the one answer a Bloom filter
 * promises never to give. The counting variant below keeps a small counter per position instead
 * of a bit, so removal decrements and only a counter that reaches zero stops vouching for keys.
 *
 * `add` and `has` allocate nothing (the benchmark's and the simulation's path); `trace` and
 * `addTraced` return what the interactive view draws.
 */

export type Verdict = 'definitely-not' | 'maybe';

export interface BloomTrace {
  key: string;
  /** The two 32-bit hashes behind the positions. */
  h1: number;
  h2: number;
  /** The k positions, in hash order g_0 … g_{k−1}; a tiny filter can repeat one. */
  positions: number[];
  /** Whether each position was set before this operation. */
  wasSet: boolean[];
  /** What a query would have answered before this operation. */
  verdict: Verdict;
}

/** The largest filter: 2^31 bits (256 MiB), what the double hashing steps in 32-bit integers. */
export const MAX_BITS = MAX_POSITIONS;
export const MAX_HASHES = 32;

function checkShape(m: number, k: number, what: string): void {
  if (!Number.isInteger(m) || m < 1 || m > MAX_BITS)
    throw new RangeError(`A ${what} needs a whole number of bits from 1 to 2^31, not ${m}`);
  if (!Number.isInteger(k) || k < 1 || k > MAX_HASHES)
    throw new RangeError(`A ${what} uses from 1 to ${MAX_HASHES} hash functions, not ${k}`);
}

/**
 * What the two kinds of filter share: the shape, the seeds, and the scratch space that turns a
 * key into its k positions without allocating.
 */
abstract class Positions {
  readonly m: number;
  readonly k: number;
  readonly seed: number;
  protected readonly pair = new Uint32Array(2);
  protected readonly at: Uint32Array;

  constructor(m: number, k: number, seed: number, what: string) {
    checkShape(m, k, what);
    this.m = m;
    this.k = k;
    this.seed = seed >>> 0;
    this.at = new Uint32Array(k);
  }

  /** Fills `at` with the positions of a string key. */
  protected locate(key: string): void {
    murmur3_32Pair(key, this.seed, this.seed ^ SECOND_SEED_XOR, this.pair);
    doubleHashPositions(this.pair[0]!, this.pair[1]!, this.k, this.m, this.at);
  }

  /** Fills `at` with the positions of an integer key (hashed as its 4 little-endian bytes). */
  protected locateInt(key: number): void {
    murmur3_32IntPair(key, this.seed, this.seed ^ SECOND_SEED_XOR, this.pair);
    doubleHashPositions(this.pair[0]!, this.pair[1]!, this.k, this.m, this.at);
  }

  /** The k positions of a key, in hash order (a copy: safe to keep). */
  positionsOf(key: string): number[] {
    this.locate(key);
    return Array.from(this.at);
  }

  protected abstract isOn(position: number): boolean;

  protected traceOf(key: string): BloomTrace {
    this.locate(key);
    const positions = Array.from(this.at);
    const wasSet = positions.map((p) => this.isOn(p));
    return {
      key,
      h1: this.pair[0]!,
      h2: this.pair[1]!,
      positions,
      wasSet,
      verdict: wasSet.every(Boolean) ? 'maybe' : 'definitely-not',
    };
  }

  /** What a query for `key` checks and answers, without changing the filter. */
  trace(key: string): BloomTrace {
    return this.traceOf(key);
  }
}

export class BloomFilter extends Positions {
  /** The bit array: bit i is (words[i >>> 5] >>> (i & 31)) & 1. */
  readonly words: Uint32Array;
  private setCount = 0;

  /** m bits, k hash functions; the seed picks the hash functions (same seed, same filter). */
  constructor(m: number, k: number, seed = 0) {
    super(m, k, seed, 'Bloom filter');
    this.words = new Uint32Array(Math.ceil(m / 32));
  }

  protected isOn(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  /** Whether bit i is set (for drawing the array). */
  isSet(i: number): boolean {
    return i >= 0 && i < this.m && this.isOn(i);
  }

  /** Sets the current positions; true when at least one bit was clear (the key was surely new). */
  private setAll(): boolean {
    const { words, at, k } = this;
    let fresh = 0;
    for (let i = 0; i < k; i++) {
      const p = at[i]!;
      const w = p >>> 5;
      const bit = 1 << (p & 31);
      const word = words[w]!;
      if ((word & bit) === 0) {
        words[w] = word | bit;
        fresh++;
      }
    }
    this.setCount += fresh;
    return fresh > 0;
  }

  private allSet(): boolean {
    const { words, at, k } = this;
    for (let i = 0; i < k; i++) {
      const p = at[i]!;
      if ((words[p >>> 5]! & (1 << (p & 31))) === 0) return false;
    }
    return true;
  }

  /** Adds a key; true when it set at least one new bit (so it was certainly not in before). */
  add(key: string): boolean {
    this.locate(key);
    return this.setAll();
  }

  /** false: definitely never added. true: maybe added (or a false positive). */
  has(key: string): boolean {
    this.locate(key);
    return this.allSet();
  }

  /** Integer keys, hashed as their 4 little-endian bytes: the simulation's path. */
  addInt(key: number): boolean {
    this.locateInt(key);
    return this.setAll();
  }

  hasInt(key: number): boolean {
    this.locateInt(key);
    return this.allSet();
  }

  /** Adds a key and returns what its query would have shown just before. */
  addTraced(key: string): BloomTrace {
    const trace = this.traceOf(key);
    this.setAll();
    return trace;
  }

  /** How many bits are set. */
  get bitsSet(): number {
    return this.setCount;
  }

  /** Share of the m bits that are set; a random non-member is a false positive with about fill^k. */
  fillRatio(): number {
    return this.setCount / this.m;
  }

  clear(): void {
    this.words.fill(0);
    this.setCount = 0;
  }
}

export type RemoveOutcome = 'removed' | 'not-present';

/**
 * A counting Bloom filter (Fan, Cao, Almeida & Broder, 2000): a counter per position instead of
 * a bit, 8 or 16 bits each. Adding increments the key's k counters, removing decrements them,
 * and a query asks whether all k are above zero.
 *
 * A counter that reaches its maximum sticks there: its true count is no longer known, so it is
 * never decremented, which keeps the promise of no false negatives (at the price of a few
 * permanent "maybe"s). Removing a key that was never added would break that promise for other
 * keys; `remove` refuses keys the filter says are definitely absent, but a false positive cannot
 * be told apart from a member — delete only what you added.
 */
export class CountingBloomFilter extends Positions {
  readonly counters: Uint8Array | Uint16Array;
  /** The saturation value: 255 or 65,535. */
  readonly max: number;
  private nonZero = 0;

  constructor(m: number, k: number, seed = 0, counterBits: 8 | 16 = 8) {
    super(m, k, seed, 'counting Bloom filter');
    if (m > 2 ** 28)
      throw new RangeError('A counting Bloom filter here holds at most 2^28 counters');
    this.counters = counterBits === 16 ? new Uint16Array(m) : new Uint8Array(m);
    this.max = counterBits === 16 ? 0xffff : 0xff;
  }

  protected isOn(i: number): boolean {
    return this.counters[i]! > 0;
  }

  /** The counter at position i (for drawing). */
  count(i: number): number {
    return this.counters[i] ?? 0;
  }

  private incrementAll(): void {
    const { counters, at, k, max } = this;
    for (let i = 0; i < k; i++) {
      const p = at[i]!;
      const c = counters[p]!;
      if (c === 0) this.nonZero++;
      if (c < max) counters[p] = c + 1;
    }
  }

  add(key: string): void {
    this.locate(key);
    this.incrementAll();
  }

  /** Adds a key and returns what its query would have shown just before. */
  addTraced(key: string): BloomTrace {
    const trace = this.traceOf(key);
    this.incrementAll();
    return trace;
  }

  has(key: string): boolean {
    this.locate(key);
    const { counters, at, k } = this;
    for (let i = 0; i < k; i++) if (counters[at[i]!] === 0) return false;
    return true;
  }

  /**
   * Removes one copy of a key: each of its counters goes down by one, except saturated ones.
   * 'not-present' (and nothing changes) when the filter says the key is definitely absent.
   */
  remove(key: string): RemoveOutcome {
    if (!this.has(key)) return 'not-present';
    const { counters, at, k, max } = this;
    for (let i = 0; i < k; i++) {
      const p = at[i]!;
      const c = counters[p]!;
      if (c === max) continue;
      counters[p] = c - 1;
      if (c === 1) this.nonZero--;
    }
    return 'removed';
  }

  /** Positions with a non-zero counter. */
  get bitsSet(): number {
    return this.nonZero;
  }

  fillRatio(): number {
    return this.nonZero / this.m;
  }

  clear(): void {
    this.counters.fill(0);
    this.nonZero = 0;
  }
}
