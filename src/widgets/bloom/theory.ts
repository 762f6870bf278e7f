/**
 * Closed forms for Bloom filters: sizing for n items at a false-positive rate, the rate of a
 * given filter, and the best number of hash functions. Every function checks its input and
 * explains a problem in words instead of returning NaN or Infinity.
 */
import { fail, ok, oneMinusExp, probability, whole } from '../../formulas/theoryResult.ts';
import type { TheoryResult } from '../../formulas/theoryResult.ts';

export type { TheoryResult };

const LN2 = Math.LN2;
const LN2_SQUARED = LN2 * LN2;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// ——— Bloom filter ———

/**
 * What storing the keys themselves would cost, per key, for the comparison with a Bloom filter.
 * `keyBytes` is the key (8 for a 64-bit integer, about 16 for a phone number or short ID as
 * text); `overheadBytes` is the table's share per entry: a bucket slot at a load factor of about
 * 0.75 plus an entry header with the cached hash and a link. 32 bytes is a middling figure: an
 * open-addressing set of integers costs less (about 11), a Java HashSet<String> far more (over
 * 80 with the String object).
 */
export interface HashSetCost {
  keyBytes: number;
  overheadBytes: number;
}

export const DEFAULT_HASH_SET: HashSetCost = { keyBytes: 16, overheadBytes: 32 };

/** (1 − e^(−kn/m))^k, unchecked: callers pass m ≥ 1, k ≥ 1, n ≥ 0. */
function fpRate(m: number, k: number, n: number): number {
  return Math.pow(oneMinusExp((-k * n) / m), k);
}

/** The better of the two whole numbers either side of (m/n)·ln 2 (nearly always the rounded one). */
function bestWholeK(m: number, n: number): { kExact: number; k: number; p: number } {
  const kExact = (m / n) * LN2;
  const lo = Math.max(1, Math.floor(kExact));
  const hi = Math.max(1, Math.ceil(kExact));
  const pLo = fpRate(m, lo, n);
  const pHi = fpRate(m, hi, n);
  return pHi < pLo ? { kExact, k: hi, p: pHi } : { kExact, k: lo, p: pLo };
}

export interface BloomSizing {
  n: number;
  /** The target false-positive rate. */
  p: number;
  /** m = ⌈−n ln p / (ln 2)²⌉. */
  bits: number;
  bytes: number;
  /** −ln p / (ln 2)² ≈ 1.44·log₂(1/p) bits per item, before rounding m up. */
  bitsPerItem: number;
  /** (m/n)·ln 2 = log₂(1/p) before rounding. */
  kExact: number;
  /** The best whole number of hash functions. */
  k: number;
  /** The rate with `bits` bits and `k` hashes: a whole k lands a hair off the target. */
  pAtK: number;
  /** Bytes to keep the n keys in a hash set instead, by `cost`. */
  hashSetBytes: number;
  /** hashSetBytes / bytes. */
  ratio: number;
}

function hashSetCheck(cost: HashSetCost): string | null {
  for (const [name, x] of [
    ['Bytes per key', cost.keyBytes],
    ['Overhead per key', cost.overheadBytes],
  ] as const) {
    if (!Number.isFinite(x) || x < 0 || x > 1e6)
      return `${name} must be a number of bytes from 0 to 1,000,000`;
  }
  return cost.keyBytes + cost.overheadBytes > 0
    ? null
    : 'A hash set entry must cost at least one byte';
}

/** Sizing: n expected items at false-positive rate p → bits, hash count and memory. */
export function bloomSize(
  n: number,
  p: number,
  cost: HashSetCost = DEFAULT_HASH_SET,
): TheoryResult<BloomSizing> {
  const bad =
    whole('The number of items n', n, 1, 1e15) ??
    probability('The false-positive rate p', p) ??
    hashSetCheck(cost);
  if (bad) return fail(bad);
  const bitsPerItem = -Math.log(p) / LN2_SQUARED;
  const bits = Math.ceil(n * bitsPerItem);
  if (bits > MAX_SAFE)
    return fail('That filter needs more than 2^53 bits; ask for fewer items or a larger p');
  const { kExact, k, p: pAtK } = bestWholeK(bits, n);
  const bytes = Math.ceil(bits / 8);
  const hashSetBytes = n * (cost.keyBytes + cost.overheadBytes);
  return ok({
    n,
    p,
    bits,
    bytes,
    bitsPerItem,
    kExact,
    k,
    pAtK,
    hashSetBytes,
    ratio: hashSetBytes / bytes,
  });
}

export interface BloomRate {
  /** (1 − e^(−kn/m))^k. */
  p: number;
  /** Expected share of bits set, 1 − e^(−kn/m): a query is a false positive when all k land on set bits. */
  fill: number;
  bitsPerItem: number;
  /** The optimum for this m and n: (m/n)·ln 2, the best whole k and its rate. */
  kExact: number;
  kBest: number;
  pBest: number;
}

function filterCheck(m: number, k: number, n: number): string | null {
  const bad =
    whole('The filter size m', m, 1) ??
    whole('The number of hash functions k', k, 1, 1000) ??
    whole('The number of items n', n, 1);
  if (bad) return bad;
  return k > m
    ? `A filter of ${m} bits is too small for ${k} hash positions: m must be at least k`
    : null;
}

/** The reverse calculation: m bits, k hashes and n items → the false-positive rate. */
export function bloomFalsePositive(m: number, k: number, n: number): TheoryResult<BloomRate> {
  const bad = filterCheck(m, k, n);
  if (bad) return fail(bad);
  const best = bestWholeK(m, n);
  return ok({
    p: fpRate(m, k, n),
    fill: oneMinusExp((-k * n) / m),
    bitsPerItem: m / n,
    kExact: best.kExact,
    kBest: best.k,
    pBest: best.p,
  });
}

/** The optimal number of hashes for m bits and n items: (m/n)·ln 2, the best whole k and its rate. */
export function optimalK(
  m: number,
  n: number,
): TheoryResult<{ kExact: number; k: number; p: number }> {
  const bad = whole('The filter size m', m, 1) ?? whole('The number of items n', n, 1);
  return bad ? fail(bad) : ok(bestWholeK(m, n));
}
