import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bloomFalsePositive, bloomSize, optimalK } from './theory';
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
