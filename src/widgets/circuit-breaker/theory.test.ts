import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binomialTail,
  callsUntilFailureRun,
  erfc,
  healthyFailureProbability,
  logNormalExceeds,
  normalCdf,
  outageCycle,
  pConsecutiveFailures,
  pFalseTripCountWindow,
  tripsPerClosedCall,
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

// Exact values: the waiting-time moments were solved as a Markov chain in Python with
// fractions.Fraction (E_k = 1 + q·E_{k+1} + (1 − q)·E_0, and likewise for second moments); the
// outage-cycle means were summed with decimal.Decimal over the Poisson distribution.
describe('calls until a run of n failures (consecutive policy)', () => {
  it('matches the Markov-chain solution', () => {
    expect(callsUntilFailureRun(0.5, 3)).toEqual({ mean: 14, variance: 142 });
    expect(callsUntilFailureRun(0.1, 2).mean).toBeCloseTo(110, 9);
    expect(callsUntilFailureRun(0.1, 2).variance).toBeCloseTo(11790, 6);
    // 142510/243 and 20026269970/59049
    expect(callsUntilFailureRun(0.3, 5).mean).toBeCloseTo(586.4609053497942, 8);
    expect(callsUntilFailureRun(0.3, 5).variance).toBeCloseTo(339146.64041728055, 3);
    expect(callsUntilFailureRun(0.5, 1)).toEqual({ mean: 2, variance: 2 }); // geometric
  });

  it('has the right limits, and a trip rate near (1 − q)·qⁿ when failures are rare', () => {
    expect(callsUntilFailureRun(1, 4)).toEqual({ mean: 4, variance: 0 });
    expect(callsUntilFailureRun(0, 4).mean).toBe(Number.POSITIVE_INFINITY);
    expect(tripsPerClosedCall(0.01, 3) / (0.99 * 1e-6)).toBeCloseTo(1, 5);
    expect(tripsPerClosedCall(0.5, 3)).toBe(1 / 14);
  });
});

describe('load on a dependency that is down, with the breaker probing it', () => {
  it('forwards E[min(m, 1 + Poisson(λd))] calls per cycle', () => {
    // λd = 1, m = 3: 3 − 3/e.
    const c = outageCycle({ ratePerS: 4, waitMs: 1000, failAfterMs: 250, trialCalls: 3 });
    expect(c.forwardedPerCycle).toBeCloseTo(1.896361676485673, 14);
    expect(c.callsPerCycle).toBe(6);
    expect(c.cycleMs).toBe(1500);
    expect(c.forwardedShare).toBeCloseTo(1.896361676485673 / 6, 14);
    // λd = 2, m = 5, and λd = 0.5, m = 2 (2 − e^−0.5).
    expect(
      outageCycle({ ratePerS: 2, waitMs: 0, failAfterMs: 1000, trialCalls: 5 }).forwardedPerCycle,
    ).toBeCloseTo(2.924858990371939, 14);
    expect(
      outageCycle({ ratePerS: 1, waitMs: 0, failAfterMs: 500, trialCalls: 2 }).forwardedPerCycle,
    ).toBeCloseTo(1.3934693402873666, 14);
  });

  it('forwards exactly one call per cycle with one trial, or when calls fail at once', () => {
    expect(
      outageCycle({ ratePerS: 100, waitMs: 5000, failAfterMs: 1000, trialCalls: 1 })
        .forwardedPerCycle,
    ).toBe(1);
    expect(
      outageCycle({ ratePerS: 100, waitMs: 5000, failAfterMs: 0, trialCalls: 10 })
        .forwardedPerCycle,
    ).toBe(1);
  });

  it('forwards all m trials when many callers arrive before the probe fails, without NaN', () => {
    const c = outageCycle({
      ratePerS: 5000,
      waitMs: 600_000,
      failAfterMs: 600_000,
      trialCalls: 100,
    });
    expect(c.forwardedPerCycle).toBe(100);
    expect(c.forwardedShare).toBeCloseTo(100 / (1 + 5 * 1_200_000), 12);
  });
});
