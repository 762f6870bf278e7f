import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthdayApproximation,
  birthdayExpectedDraws,
  birthdayProbability,
  birthdaySmallestN,
  bloomFalsePositive,
  bloomSize,
  countMinDimensions,
  EXACT_TERMS,
  hllAlpha,
  hllParameters,
  idSpaceSize,
  optimalK,
  timestampIdCollision,
} from './theory';
import type { TheoryResult } from './theory';

const value = <T>(r: TheoryResult<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (r: TheoryResult<unknown>): string => (r.ok ? '(no failure)' : r.reason);

// Reference values: mpmath at 60–80 digits (log-gamma for the birthday products), unless noted.
describe('Bloom filter sizing and false-positive rate', () => {
  it('n = 100,000 at p = 1 %: m = 958,506 bits, k = 7', () => {
    const s = value(bloomSize(100_000, 0.01));
    expect(s.bits).toBe(958_506); // −n ln p / (ln 2)² = 958,505.84
    expect(s.bytes).toBe(119_814);
    expect(s.k).toBe(7);
    expect(s.kExact).toBeCloseTo(6.643857314497909, 12);
    expect(s.bitsPerItem).toBeCloseTo(9.585058377367439, 12);
    // A whole k lands a hair above the target.
    expect(s.pAtK).toBeCloseTo(0.01003920958175812, 14);
    expect(s.hashSetBytes).toBe(100_000 * 48);
    expect(s.ratio).toBeCloseTo(4_800_000 / 119_814, 12);
  });

  it('100 M phone numbers at 0.1 %: 1,437,758,757 bits (about 171 MiB), k = 10', () => {
    const s = value(bloomSize(100_000_000, 0.001, { keyBytes: 8, overheadBytes: 32 }));
    expect(s.bits).toBe(1_437_758_757);
    expect(s.bytes / 2 ** 20).toBeCloseTo(171.394, 3);
    expect(s.k).toBe(10);
    expect(s.pAtK).toBeCloseTo(0.00100002492498264, 15);
    expect(s.hashSetBytes).toBe(4e9);
  });

  it('the reverse: m, k, n → p, and the optimum k for that m/n', () => {
    const r = value(bloomFalsePositive(958_506, 6, 100_000));
    expect(r.p).toBeCloseTo(0.01014315174654393, 14);
    expect(r.kBest).toBe(7);
    expect(r.pBest).toBeCloseTo(0.01003920958175812, 14);
    expect(r.fill).toBeCloseTo(1 - Math.exp(-0.6 / 0.958506), 14);
    expect(value(optimalK(958_506, 100_000))).toMatchObject({ k: 7 });
    // m/n = 8 bits per item: k = 5.545, the best whole k is 6 (rounding agrees).
    expect(value(optimalK(800, 100)).k).toBe(6);
    expect(value(optimalK(10, 100)).k).toBe(1);
  });

  it('properties: the best whole k is never beaten, and more items never lower p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 10_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (m, k, n) => {
          const r = value(bloomFalsePositive(m, k, n));
          expect(r.p).toBeGreaterThanOrEqual(0);
          expect(r.p).toBeLessThanOrEqual(1);
          expect(r.pBest).toBeLessThanOrEqual(r.p * (1 + 1e-12));
          expect(value(bloomFalsePositive(m, k, n + 1)).p).toBeGreaterThanOrEqual(r.p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sizing round-trips: the sized filter meets the target with k = log₂(1/p) exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
        (n, p) => {
          const s = value(bloomSize(n, p));
          // With the real-valued optimum the formula gives back p (m rounded up only helps).
          expect(Math.pow(-Math.expm1((-s.kExact * n) / s.bits), s.kExact)).toBeLessThanOrEqual(
            p * (1 + 1e-9),
          );
          expect(s.k).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    [() => bloomSize(100, 0), 'strictly between 0 and 1'],
    [() => bloomSize(100, 1), 'strictly between 0 and 1'],
    [() => bloomSize(100, Number.NaN), 'strictly between 0 and 1'],
    [() => bloomSize(0, 0.01), 'The number of items n must be at least 1'],
    [() => bloomSize(2.5, 0.01), 'The number of items n must be a whole number'],
    [() => bloomSize(10, 0.01, { keyBytes: -1, overheadBytes: 8 }), 'Bytes per key'],
    [() => bloomFalsePositive(4, 7, 10), 'A filter of 4 bits is too small for 7 hash positions'],
    [() => bloomFalsePositive(0, 1, 10), 'The filter size m must be at least 1'],
    [() => bloomFalsePositive(100, 3, 0), 'The number of items n must be at least 1'],
    [() => bloomFalsePositive(100, 0, 10), 'hash functions k must be at least 1'],
    [() => optimalK(100, Number.POSITIVE_INFINITY), 'n must be a whole number'],
  ])('explains bad input in words (%#)', (run, words) => {
    expect(reason(run())).toContain(words);
  });
});

describe('count-min sketch and HyperLogLog constants', () => {
  it('w = ⌈e/ε⌉ and d = ⌈ln(1/δ)⌉', () => {
    expect(value(countMinDimensions(0.01, 0.01))).toEqual({
      width: 272,
      depth: 5,
      counters: 1360,
      bytes: 5440,
    });
    expect(value(countMinDimensions(0.001, 0.001))).toMatchObject({ width: 2719, depth: 7 });
    expect(value(countMinDimensions(0.5, 0.9))).toMatchObject({ width: 6, depth: 1 });
    expect(reason(countMinDimensions(0, 0.01))).toContain('The error ε');
    expect(reason(countMinDimensions(0.01, 1))).toContain('The failure probability δ');
    expect(reason(countMinDimensions(1e-9, 0.01))).toContain('billion counters');
  });

  it('HyperLogLog: α_m from the paper, standard error 1.04/√m', () => {
    expect(hllAlpha(16)).toBe(0.673);
    expect(hllAlpha(32)).toBe(0.697);
    expect(hllAlpha(64)).toBe(0.709);
    expect(hllAlpha(1024)).toBeCloseTo(0.7213 / (1 + 1.079 / 1024), 15);
    // The formula continues the table smoothly.
    expect(Math.abs(hllAlpha(128) - 0.709)).toBeLessThan(0.01);
    expect(value(hllParameters(14))).toMatchObject({ m: 16384, standardError: 1.04 / 128 });
    expect(reason(hllParameters(3))).toBe('The precision p must be at least 4');
    expect(reason(hllParameters(17))).toBe('The precision p must be at most 16');
    expect(reason(hllParameters(10.5))).toBe('The precision p must be a whole number');
  });
});

describe('birthday bound', () => {
  it('P(23 people share a birthday) = 0.5073', () => {
    const r = value(birthdayProbability(23, { values: 365 }));
    expect(r.p).toBeCloseTo(0.5072972343239854, 14);
    expect(r.pNone).toBeCloseTo(1 - 0.5072972343239854, 14);
    expect(r.method).toBe('exact');
  });

  it.each([
    [{ values: 365 }, 0.5, 23],
    [{ bits: 16 }, 0.5, 302],
    [{ bits: 16 }, 1e-6, 2],
    [{ bits: 32 }, 0.5, 77_164],
    [{ bits: 32 }, 1e-6, 94],
    [{ bits: 64 }, 0.5, 5_056_937_541],
    [{ bits: 64 }, 1e-6, 6_074_004],
  ])('smallest n with P ≥ target in %j at %f is %i', (space, target, n) => {
    const r = value(birthdaySmallestN(space, target));
    expect(r.n).toBe(n);
    expect(r.pBefore).toBeLessThan(target);
    expect(r.p).toBeGreaterThanOrEqual(target);
    expect(r.approximate).toBe(false);
  });

  it('UUIDv4 (122 random bits): 2.71 × 10^18 IDs for even odds, 3.26 × 10^15 for one in a million', () => {
    const half = value(birthdaySmallestN({ bits: 122 }, 0.5));
    expect(half.n / 2.714922669395445e18 - 1).toBeLessThan(1e-12);
    expect(half.n / 2.714922669395445e18 - 1).toBeGreaterThan(-1e-12);
    expect(half.approximate).toBe(true);
    const million = value(birthdaySmallestN({ bits: 122 }, 1e-6));
    expect(Math.abs(million.n / 3260955271572252 - 1)).toBeLessThan(1e-12);
    const widest = value(birthdaySmallestN({ bits: 128 }, 0.5));
    expect(Math.abs(widest.n / 2.171938135516356e19 - 1)).toBeLessThan(1e-12);
  });

  it.each([
    // [n, d, P(collision), P(none), method]
    [1000, 1e6, 0.3932670285585206, 0.6067329714414793, 'exact'],
    [2_000_000, 2 ** 40, 0.8378104550195588, 0.1621895449804412, 'series'],
    [300_000, 1e9, 1, 2.8500918084811273e-20, 'series'],
    [200_000, 1e8, 1, Math.exp(-200.1324658255466), 'exact'],
    [1e9, 2 ** 122, 9.4039547971743453e-20, 1, 'series'],
    [2.7e18, 2 ** 122, 0.4961860900592184, 0.5038139099407816, 'series'],
    [5e9, 2 ** 64, 0.49217905181125277, 0.50782094818874723, 'series'],
  ])('P(n = %d of d = %d) = %f (to 12 digits, by the %s method)', (n, d, p, none, method) => {
    const r = value(birthdayProbability(n, { values: d }));
    expect(r.method).toBe(method);
    expect(Math.abs(r.p - p)).toBeLessThanOrEqual(p * 1e-12);
    expect(Math.abs(r.pNone - none)).toBeLessThanOrEqual(none * 1e-11);
  });

  it('the exact product and the series agree wherever both apply', () => {
    // An independent transcription of the product, summed plainly.
    const product = (n: number, d: number) => {
      let log = 0;
      for (let i = 1; i < n; i++) log += Math.log1p(-i / d);
      return -Math.expm1(log);
    };
    for (const [n, d] of [
      [EXACT_TERMS + 1, 2 ** 40],
      [150_000, 2 ** 36],
      [400_000, 4e8],
      [EXACT_TERMS + 1, 2 ** 60],
    ] as const) {
      const r = value(birthdayProbability(n, { values: d }));
      expect(r.method).toBe('series');
      expect(Math.abs(r.p / product(n, d) - 1)).toBeLessThan(1e-10);
    }
  });

  it('the textbook approximation agrees with the exact value when n/d is tiny, not otherwise', () => {
    const close = (n: number, space: { bits: number }) =>
      value(birthdayApproximation(n, space)) / value(birthdayProbability(n, space)).p - 1;
    expect(Math.abs(close(50_000, { bits: 50 }))).toBeLessThan(1e-10);
    expect(Math.abs(close(1e12, { bits: 122 }))).toBeLessThan(1e-14);
    // 23 of 365: 1 − e^(−253/365) = 0.5000, not 0.5073.
    expect(value(birthdayApproximation(23, { values: 365 }))).toBeCloseTo(0.49999, 4);
  });

  it('edges: one ID never collides; more IDs than values always do', () => {
    expect(value(birthdayProbability(1, { bits: 8 })).p).toBe(0);
    expect(value(birthdayProbability(257, { bits: 8 }))).toMatchObject({
      p: 1,
      pNone: 0,
      method: 'pigeonhole',
    });
    expect(value(birthdayProbability(1e6, { bits: 20 }))).toMatchObject({
      p: 1,
      method: 'underflow',
    });
    expect(value(birthdaySmallestN({ values: 1 }, 0.5)).n).toBe(2);
    expect(value(birthdayProbability(2 ** 128, { bits: 128 })).p).toBe(1);
  });

  it('properties: probabilities, monotone in n, never NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 128 }),
        fc.double({ min: 0, max: 70, noNaN: true }),
        (bits, log2n) => {
          const n = Math.max(1, Math.round(2 ** log2n));
          const r = value(birthdayProbability(n, { bits }));
          const next = value(birthdayProbability(n * 2, { bits }));
          for (const x of [r.p, r.pNone, next.p]) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          expect(next.p).toBeGreaterThanOrEqual(r.p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('expected draws until the first repeat: 24.62 for birthdays, √(πd/2) + 2/3 for large d', () => {
    expect(value(birthdayExpectedDraws({ values: 365 }))).toBeCloseTo(24.61658589459885, 11);
    expect(value(birthdayExpectedDraws({ bits: 16 }))).toBeCloseTo(321.5154933474449, 9);
    // The exact sum (d ≤ 10^10) and the asymptotic series (above) meet without a jump.
    const below = value(birthdayExpectedDraws({ values: 1e10 }));
    const above = value(birthdayExpectedDraws({ values: 1e10 + 1 }));
    expect(Math.abs(above / below - 1)).toBeLessThan(1e-9);
    expect(
      value(birthdayExpectedDraws({ bits: 122 })) / Math.sqrt((Math.PI * 2 ** 122) / 2),
    ).toBeCloseTo(1, 12);
  });

  it.each([
    [
      () => idSpaceSize({ bits: 130 }),
      'must be at most 128 bits (a UUIDv4 has 122 random bits), not 130',
    ],
    [() => idSpaceSize({ bits: 0 }), 'at least 1'],
    [() => idSpaceSize({ values: 2 ** 129 }), 'at most 2^128'],
    [
      () => birthdayProbability(0, { values: 365 }),
      'The number of IDs n must be a whole number, at least 1',
    ],
    [() => birthdayProbability(23, { bits: 129 }), 'at most 128 bits'],
    [() => birthdaySmallestN({ bits: 64 }, 0), 'strictly between 0 and 1'],
    [() => birthdaySmallestN({ bits: 64 }, 1), 'strictly between 0 and 1'],
    [() => birthdayApproximation(23, { values: 0.5 }), 'whole number'],
  ])('explains bad input in words (%#)', (run, words) => {
    expect(reason(run())).toContain(words);
  });
});

describe('"millisecond timestamp + random(0..999)" IDs', () => {
  it.each([
    // [machines, IDs/s each, q per ms, mean ms, median ms, P(within a day)]
    [100, 100, 0.048455806162271443, 20.63736173640669, 14, 1],
    [1, 1, 4.999996665419169e-10, 2000001333.833222, 1386295286, 0.04228014547172136],
    [10, 100, 0.0004995421037422561, 2001.833263920353, 1388, 1],
    [100, 500, 0.7017537616734566, 1.425001267702965, 1, 1],
  ])('%i machines at %i IDs/s each', (machines, idsPerSecond, q, mean, median, day) => {
    const r = value(
      timestampIdCollision({ machines, idsPerSecond, randomValues: 1000, windowS: 86_400 }),
    );
    expect(r.perMs).toBeCloseTo((machines * idsPerSecond) / 1000, 12);
    expect(Math.abs(r.pPerMs / q - 1)).toBeLessThan(1e-10);
    expect(Math.abs(r.expectedMsToFirst / mean - 1)).toBeLessThan(1e-10);
    expect(r.medianMsToFirst).toBe(median);
    expect(Math.abs(r.pWithinWindow - day)).toBeLessThan(1e-10);
  });

  it('past R IDs a millisecond, collisions are certain; tiny random parts still compute', () => {
    const flood = value(
      timestampIdCollision({ machines: 1000, idsPerSecond: 1500, randomValues: 1000, windowS: 1 }),
    );
    expect(flood.pPerMs).toBeCloseTo(1, 12);
    const two = value(
      timestampIdCollision({ machines: 3, idsPerSecond: 1000, randomValues: 2, windowS: 1 }),
    );
    expect(two.pPerMs).toBeCloseTo(0.6888308227008504, 12);
    expect(
      reason(
        timestampIdCollision({ machines: 0, idsPerSecond: 1, randomValues: 1000, windowS: 1 }),
      ),
    ).toContain('machines must be at least 1');
    expect(
      reason(
        timestampIdCollision({ machines: 1, idsPerSecond: 0, randomValues: 1000, windowS: 1 }),
      ),
    ).toContain('IDs per second');
  });
});
