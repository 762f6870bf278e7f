import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthdayApproximation,
  birthdayExpectedDraws,
  birthdayProbability,
  birthdaySmallestN,
  EXACT_TERMS,
  idSpaceSize,
  timestampIdCollision,
} from './birthday';
import type { TheoryResult } from './birthday';

const value = <T>(r: TheoryResult<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (r: TheoryResult<unknown>): string => (r.ok ? '(no failure)' : r.reason);

// Reference values: mpmath at 60–80 digits (log-gamma for the birthday products), unless noted.

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
