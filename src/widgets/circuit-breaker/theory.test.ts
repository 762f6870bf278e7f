import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialTail,
  erfc,
  healthyFailureProbability,
  logNormalExceeds,
  normalCdf,
  pConsecutiveFailures,
  pFalseTripCountWindow,
  wilson95,
} from './theory';
import { logNormalFromMedianP99 } from '../../sim/rng';

// Reference values computed exactly in Python (math.comb, statistics.NormalDist).
describe('closed forms used by the lesson', () => {
  it('p^N for N consecutive failures', () => {
    expect(pConsecutiveFailures(0.01, 5)).toBeCloseTo(1e-10, 20);
  });

  it('binomial tails match exact sums', () => {
    expect(pFalseTripCountWindow(10, 0.5, 0.05)).toBeCloseTo(6.368983144531251e-5, 15);
    expect(pFalseTripCountWindow(10, 0.5, 0.2)).toBeCloseTo(0.03279349760000002, 12);
    expect(pFalseTripCountWindow(20, 0.5, 0.05)).toBeCloseTo(1.1340718060930293e-8, 18);
    expect(binomialTail(1000, 350, 0.3) / 0.00037387010544036916).toBeCloseTo(1, 9);
  });

  it('rounds the trip count correctly when θn is a whole number', () => {
    // 60 % of 5 calls is exactly 3 failures, not 4.
    expect(pFalseTripCountWindow(5, 0.6, 0.5)).toBeCloseTo(binomialTail(5, 3, 0.5), 15);
    expect(binomialTail(5, 3, 0.5)).toBeCloseTo(0.5, 15);
  });

  it('binomial tails are probabilities that shrink as k grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (n, p) => {
          let last = 1;
          for (let k = 0; k <= n + 1; k++) {
            const t = binomialTail(n, k, p);
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThanOrEqual(last + 1e-12);
            last = t;
          }
          expect(binomialTail(n, 0, p)).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the normal CDF and erfc match published values', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517796, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 7);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });

  it('log-normal tail from median and p99', () => {
    const { mu, sigma } = logNormalFromMedianP99(100, 1000);
    expect(logNormalExceeds(1000, mu, sigma)).toBeCloseTo(0.01, 6);
    expect(logNormalExceeds(2000, mu, sigma)).toBeCloseTo(0.0012364071753283579, 6);
  });

  it('healthy failure probability adds late successes to real errors', () => {
    const { mu, sigma } = logNormalFromMedianP99(100, 1000);
    const h = healthyFailureProbability(0.01, mu, sigma, 1000, null);
    expect(h.userErrors).toBeCloseTo(0.01 + 0.99 * 0.01, 6);
    expect(h.breakerFailures).toBeCloseTo(h.userErrors, 12);
    expect(healthyFailureProbability(0.01, mu, sigma, 2000, 1000).breakerFailures).toBeCloseTo(
      0.0199,
      6,
    );
  });

  it('Wilson intervals contain the estimate and narrow with more data', () => {
    const small = wilson95(5, 50);
    const big = wilson95(500, 5000);
    expect(small.low).toBeLessThan(0.1);
    expect(small.high).toBeGreaterThan(0.1);
    expect(big.high - big.low).toBeLessThan(small.high - small.low);
    expect(wilson95(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
