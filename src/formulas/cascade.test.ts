import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptOdds } from './retries.ts';
import {
  bistability,
  cacheMissAmplification,
  divergenceSteps,
  firstStepApart,
  fixedPointExponent,
  logisticOrbit,
  logisticStep,
  lyapunovExponent,
  retryFeedback,
  retryLoad,
  safeUtilisation,
  survivorUtilisation,
  timeoutProbability,
  tolerableLosses,
} from './cascade.ts';
import type { CascadeResult } from './cascade.ts';

function value<T>(r: CascadeResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: CascadeResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

describe('load shifting onto survivors', () => {
  it('u·n/(n − k), by hand', () => {
    // 6 nodes at 70 %: losing one leaves 5 carrying 6 × 0.7 = 4.2 nodes' work, 84 % each.
    expect(value(survivorUtilisation(6, 0.7, 1)).utilisation).toBeCloseTo(0.84, 12);
    expect(value(survivorUtilisation(6, 0.7, 1)).growth).toBeCloseTo(1.2, 12);
    expect(value(survivorUtilisation(6, 0.7, 1)).overloaded).toBe(false);
    // Losing two leaves 4 at 105 %: overloaded.
    expect(value(survivorUtilisation(6, 0.7, 2)).utilisation).toBeCloseTo(1.05, 12);
    expect(value(survivorUtilisation(6, 0.7, 2)).overloaded).toBe(true);
    // 10 at 60 %: 75 % after two, 100 % after four (exactly at the wall counts as overloaded).
    expect(value(survivorUtilisation(10, 0.6, 2)).utilisation).toBeCloseTo(0.75, 12);
    expect(value(survivorUtilisation(10, 0.6, 4)).utilisation).toBeCloseTo(1, 12);
    expect(value(survivorUtilisation(10, 0.6, 4)).overloaded).toBe(true);
    // Two nodes at 50 % is exactly 100 % after one dies.
    expect(value(survivorUtilisation(2, 0.5, 1)).utilisation).toBe(1);
    // Losing nobody changes nothing.
    expect(value(survivorUtilisation(3, 0.4, 0)).utilisation).toBe(0.4);
  });

  it('the total work is conserved: survivors × their utilisation = n × u', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 499 }),
        (n, u, k) => {
          fc.pre(k < n);
          const s = value(survivorUtilisation(n, u, k));
          return Math.abs((n - k) * s.utilisation - n * u) < 1e-9 * Math.max(1, n);
        },
      ),
    );
  });

  it('explains impossible clusters', () => {
    expect(reason(survivorUtilisation(3, 0.5, 3))).toMatch(/no survivors/);
    expect(reason(survivorUtilisation(0, 0.5, 0))).toMatch(/at least 1/);
    expect(reason(survivorUtilisation(3.5, 0.5, 1))).toMatch(/whole number/);
    expect(reason(survivorUtilisation(3, -0.1, 1))).toMatch(/utilisation/);
    expect(reason(survivorUtilisation(3, Number.NaN, 1))).toMatch(/utilisation/);
    expect(reason(survivorUtilisation(3, 0.5, -1))).toMatch(/at least 0/);
  });

  it('how many nodes may fail before survivors pass a target', () => {
    // 10 at 60 %, target 85 %: k ≤ 10·(1 − 0.6/0.85) = 2.94 → 2 (3 would give 85.7 %).
    expect(value(tolerableLosses(10, 0.6, 0.85))).toBe(2);
    expect(value(survivorUtilisation(10, 0.6, 3)).utilisation).toBeGreaterThan(0.85);
    // Exactly on the target counts: 10 at 60 %, target 75 % → 2 (75 % exactly).
    expect(value(tolerableLosses(10, 0.6, 0.75))).toBe(2);
    // 6 at 70 %, target 100 %: one loss (84 %), not two (105 %).
    expect(value(tolerableLosses(6, 0.7, 1))).toBe(1);
    // Already above the target: none.
    expect(value(tolerableLosses(4, 0.9, 0.8))).toBe(0);
    // Never more than n − 1 (someone must survive).
    expect(value(tolerableLosses(5, 0.000001, 1))).toBe(4);
    expect(reason(tolerableLosses(5, 0, 1))).toMatch(/positive/);
    expect(reason(tolerableLosses(5, 0.5, 0))).toMatch(/target/);
  });

  it('the tolerable count agrees with survivorUtilisation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (n, u, target) => {
          const k = value(tolerableLosses(n, u, target));
          if (u > target) return k === 0;
          const ok = value(survivorUtilisation(n, u, k)).utilisation <= target * (1 + 1e-9);
          const next = k + 1 < n ? value(survivorUtilisation(n, u, k + 1)).utilisation : Infinity;
          return ok && (k === n - 1 || next > target * (1 - 1e-9));
        },
      ),
    );
  });
});

describe('safe utilisation and cache stampedes', () => {
  it('target·(n − k)/n, the survivors formula solved for u', () => {
    // 9 nodes in 3 zones, survive a zone (3 nodes) at 80 %: run at most 53.3 %.
    expect(value(safeUtilisation(9, 3, 0.8))).toBeCloseTo(0.8 * (6 / 9), 15);
    // Round trip: running exactly there puts the survivors exactly on the target.
    const u = value(safeUtilisation(9, 3, 0.8));
    expect(value(survivorUtilisation(9, u, 3)).utilisation).toBeCloseTo(0.8, 12);
    expect(value(safeUtilisation(4, 0, 0.7))).toBe(0.7);
    expect(reason(safeUtilisation(3, 3, 0.8))).toMatch(/no survivors/);
    expect(reason(safeUtilisation(3, 1, 0))).toMatch(/target/);
  });

  it('the database sees the misses: (1 − after)/(1 − before)', () => {
    expect(value(cacheMissAmplification(0.95, 0))).toBeCloseTo(20, 10);
    expect(value(cacheMissAmplification(0.99, 0))).toBeCloseTo(100, 9);
    expect(value(cacheMissAmplification(0.95, 0.8))).toBeCloseTo(4, 10);
    expect(value(cacheMissAmplification(0.9, 0.9))).toBe(1);
    expect(reason(cacheMissAmplification(1, 0))).toMatch(/undefined/);
    expect(reason(cacheMissAmplification(0.9, 1.5))).toMatch(/after/);
  });
});

describe('retry amplification', () => {
  it('base × (1 + p + … + p^R), reusing attemptOdds', () => {
    // p = 0.2, R = 2: 1 + 0.2 + 0.04 = 1.24.
    expect(value(retryLoad(1000, 0.2, 2))).toBeCloseTo(1240, 9);
    // Total failure: every request becomes R + 1 attempts.
    expect(value(retryLoad(1000, 1, 3))).toBe(4000);
    // No failures, or no retries: the base load.
    expect(value(retryLoad(1000, 0, 3))).toBe(1000);
    expect(value(retryLoad(1000, 0.9, 0))).toBe(1000);
    // p = 0.5, R = 3: 1.875.
    expect(value(retryLoad(1, 0.5, 3))).toBeCloseTo(1.875, 12);
    expect(value(retryLoad(1, 0.37, 4))).toBeCloseTo(
      value(attemptOdds(0.37, 5)).expectedAttempts,
      15,
    );
  });

  it('matches the closed form (1 − p^(R+1))/(1 − p)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (p, R) => {
          const closed = (1 - p ** (R + 1)) / (1 - p);
          return Math.abs(value(retryLoad(1, p, R)) - closed) < 1e-9 * closed;
        },
      ),
    );
  });

  it('explains bad input', () => {
    expect(reason(retryLoad(-1, 0.2, 2))).toMatch(/base load/);
    expect(reason(retryLoad(10, 1.2, 2))).toMatch(/probability/);
    expect(reason(retryLoad(10, 0.2, 1.5))).toMatch(/whole number/);
    expect(reason(retryLoad(10, 0.2, 61))).toMatch(/at most 60/);
  });
});

describe('the retry feedback toy', () => {
  const service = { capacity: 100, timeout: 0.1 };

  it('the timeout probability is the M/M/1 tail e^(−(μ − λ)τ), and 1 at or over capacity', () => {
    expect(timeoutProbability(60, 100, 0.1)).toBeCloseTo(Math.exp(-4), 15);
    expect(timeoutProbability(80, 100, 0.1)).toBeCloseTo(Math.exp(-2), 15);
    expect(timeoutProbability(100, 100, 0.1)).toBe(1);
    expect(timeoutProbability(150, 100, 0.1)).toBe(1);
  });

  it('without retries the loop has one state, whatever the start', () => {
    const healthy = value(retryFeedback({ ...service, base: 60, retries: 0, start: 0 }));
    const afterOutage = value(retryFeedback({ ...service, base: 60, retries: 0, start: 1 }));
    expect(healthy.finalPFail).toBeCloseTo(Math.exp(-4), 12);
    expect(afterOutage.finalPFail).toBeCloseTo(Math.exp(-4), 12);
    expect(afterOutage.pFail[1]).toBeCloseTo(Math.exp(-4), 12);
    expect(afterOutage.stuck).toBe(false);
  });

  it('with 3 retries the same load has two stable states: history decides', () => {
    const healthy = value(retryFeedback({ ...service, base: 60, retries: 3, start: 0 }));
    expect(healthy.settled).toBe(true);
    expect(healthy.stuck).toBe(false);
    expect(healthy.finalPFail).toBeGreaterThan(0.02);
    expect(healthy.finalPFail).toBeLessThan(0.021);
    // Self-consistent: p = e^(−(μ − λ)τ) with λ = base × (1 + p + p² + p³).
    const p = healthy.finalPFail;
    expect(healthy.finalLoad).toBeCloseTo(60 * (1 + p + p * p + p ** 3), 9);
    expect(p).toBeCloseTo(Math.exp(-(100 - healthy.finalLoad) * 0.1), 12);

    const broken = value(retryFeedback({ ...service, base: 60, retries: 3, start: 1 }));
    expect(broken.stuck).toBe(true);
    expect(broken.finalLoad).toBe(240);
    expect(broken.pFail.every((x) => x === 1)).toBe(true);
  });

  it('a load below capacity/(R + 1) recovers from the broken state', () => {
    const run = value(retryFeedback({ ...service, base: 24, retries: 3, start: 1 }));
    expect(run.stuck).toBe(false);
    expect(run.finalPFail).toBeLessThan(0.001);
    // The first round after the outage: 96 attempts a second, p = e^(−0.4).
    expect(run.load[0]).toBe(96);
    expect(run.pFail[1]).toBeCloseTo(Math.exp(-0.4), 12);
  });

  it('a healthy start collapses when the load is too high even for the healthy state', () => {
    const run = value(retryFeedback({ ...service, base: 80, retries: 3, start: 0 }));
    expect(run.stuck).toBe(true);
  });

  it('the two thresholds: healthy up to ~69.4, recovering only up to 25 (= 100/4)', () => {
    const b = value(bistability(100, 0.1, 3));
    expect(b.recoversUpTo).toBeCloseTo(25, 6);
    expect(b.healthyUpTo).toBeGreaterThan(69.3);
    expect(b.healthyUpTo).toBeLessThan(69.45);
    // With 1 retry the broken state holds from capacity/2.
    expect(value(bistability(100, 0.1, 1)).recoversUpTo).toBeCloseTo(50, 6);
    // Without retries there is no second state: both thresholds are the capacity.
    const none = value(bistability(100, 0.1, 0));
    expect(none.recoversUpTo).toBeCloseTo(100, 4);
    expect(none.healthyUpTo).toBeCloseTo(100, 4);
  });

  it('recovery never needs less than capacity/(R + 1) and never exceeds the healthy limit', () => {
    for (const retries of [1, 2, 4]) {
      for (const timeout of [0.05, 0.2]) {
        const b = value(bistability(100, timeout, retries));
        expect(b.recoversUpTo).toBeLessThanOrEqual(100 / (retries + 1) + 1e-6);
        expect(b.recoversUpTo).toBeLessThanOrEqual(b.healthyUpTo + 1e-6);
      }
    }
  });

  it('explains bad input', () => {
    expect(reason(retryFeedback({ ...service, base: 60, retries: 3, start: 2 }))).toMatch(
      /starting failure probability/,
    );
    expect(
      reason(retryFeedback({ capacity: 0, timeout: 0.1, base: 6, retries: 3, start: 0 })),
    ).toMatch(/capacity/);
    expect(
      reason(retryFeedback({ ...service, base: 60, retries: 3, start: 0, rounds: 0 })),
    ).toMatch(/rounds/);
    expect(reason(bistability(100, -1, 3))).toMatch(/timeout/);
  });
});

describe('the logistic map', () => {
  it('steps by hand', () => {
    expect(logisticStep(4, 0.5)).toBe(1);
    expect(logisticStep(3.9, 0.2)).toBeCloseTo(0.624, 12);
    expect(value(logisticOrbit(3.9, 0.2, 2))[2]).toBeCloseTo(3.9 * 0.624 * 0.376, 12);
    // The fixed point 1 − 1/r stays put.
    expect(value(logisticOrbit(2.8, 1 - 1 / 2.8, 5))[5]).toBeCloseTo(1 - 1 / 2.8, 12);
    expect(value(logisticOrbit(3, 0.1, 0))).toEqual([0.1]);
  });

  it('stays in [0, 1] for r up to 4', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, x0) => value(logisticOrbit(r, x0, 200)).every((x) => x >= 0 && x <= 1),
      ),
    );
  });

  it('explains bad input', () => {
    expect(reason(logisticOrbit(4.5, 0.2, 10))).toMatch(/at most 4/);
    expect(reason(logisticOrbit(0, 0.2, 10))).toMatch(/above 0/);
    expect(reason(logisticOrbit(3.9, 1.2, 10))).toMatch(/between 0 and 1/);
    expect(reason(logisticOrbit(3.9, 0.2, -1))).toMatch(/at least 0/);
  });
});

describe('the Lyapunov exponent', () => {
  it('r = 4 gives ln 2', () => {
    for (const x0 of [0.1, 0.3, 0.77]) {
      expect(Math.abs(value(lyapunovExponent(4, x0)) - Math.LN2)).toBeLessThan(0.01);
    }
  });

  it('r = 2.8 gives ln|2 − r| = ln 0.8 at the fixed point', () => {
    for (const x0 of [0.05, 0.2, 0.5001, 0.9]) {
      expect(Math.abs(value(lyapunovExponent(2.8, x0)) - Math.log(0.8))).toBeLessThan(1e-6);
    }
    expect(value(fixedPointExponent(2.8))).toBeCloseTo(Math.log(0.8), 15);
    expect(value(fixedPointExponent(2.8))).toBeCloseTo(-0.22314, 5);
  });

  it('the closed form for fixed points agrees with the estimate below r = 3', () => {
    for (const r of [0.5, 1.5, 2.5, 2.9]) {
      const estimate = value(lyapunovExponent(r, 0.3, { burnIn: 5000, iterations: 20_000 }));
      expect(estimate).toBeCloseTo(value(fixedPointExponent(r)), 6);
    }
    expect(reason(fixedPointExponent(2))).toMatch(/superstable/);
    expect(reason(fixedPointExponent(3.2))).toMatch(/below 3/);
  });

  it('r = 3.9 is about 0.49 from every start, and the starts agree with each other', () => {
    const starts = [0.1, 0.2, 0.3, 0.4, 0.7, 0.9, 0.123456];
    const estimates = starts.map((x0) => value(lyapunovExponent(3.9, x0)));
    for (const e of estimates) expect(Math.abs(e - 0.49)).toBeLessThan(0.02);
    expect(Math.max(...estimates) - Math.min(...estimates)).toBeLessThan(0.005);
  });

  it('it is a property of r: a periodic window (r = 3.5, period 4) is negative from every start', () => {
    const estimates = [0.1, 0.5001, 0.8].map((x0) =>
      value(lyapunovExponent(3.5, x0, { iterations: 100_000 })),
    );
    for (const e of estimates) expect(e).toBeLessThan(-0.5);
    expect(Math.max(...estimates) - Math.min(...estimates)).toBeLessThan(1e-6);
  });

  it('the exceptions have measure zero: x₀ = 0 sits on the unstable fixed point 0', () => {
    // On x = 0 forever, the slope is r, so this orbit's exponent is ln 3.9, not 0.49.
    expect(value(lyapunovExponent(3.9, 0, { iterations: 1000 }))).toBeCloseTo(Math.log(3.9), 12);
  });

  it('a superstable orbit that lands on 0.5 is explained, not −Infinity', () => {
    // r = 4 from 0.5: 0.5 → 1 → 0 → 0 …; the very first slope is 0.
    expect(reason(lyapunovExponent(4, 0.5, { burnIn: 0 }))).toMatch(/x = 0.5/);
  });

  it('explains bad options', () => {
    expect(reason(lyapunovExponent(3.9, 0.2, { iterations: 0 }))).toMatch(/iterations/);
    expect(reason(lyapunovExponent(3.9, 0.2, { burnIn: -1 }))).toMatch(/burn-in/);
    expect(reason(lyapunovExponent(5, 0.2))).toMatch(/at most 4/);
  });
});

describe('divergence of nearby runs', () => {
  it('ln(gap1/gap0)/λ', () => {
    // 1e-10 to 1 at λ = 0.49: ln(1e10)/0.49 ≈ 47.0.
    expect(value(divergenceSteps(0.49, 1e-10, 1))).toBeCloseTo((10 * Math.LN10) / 0.49, 12);
    expect(value(divergenceSteps(0.49, 1e-10, 1))).toBeCloseTo(46.99, 2);
    // Each factor of ten in starting accuracy adds ln 10 / λ ≈ 4.7 steps.
    expect(value(divergenceSteps(0.49, 0.1, 1))).toBeCloseTo(4.699, 3);
    // At r = 4 (λ = ln 2) the gap doubles each step: 1e-10 → 1 in log2(1e10) ≈ 33.2 steps.
    expect(value(divergenceSteps(Math.LN2, 1e-10, 1))).toBeCloseTo(33.22, 2);
    expect(reason(divergenceSteps(-0.22, 1e-10, 1))).toMatch(/not positive/);
    expect(reason(divergenceSteps(0.49, 1e-10, 1e-12))).toMatch(/larger/);
    expect(reason(divergenceSteps(0.49, 0, 1))).toMatch(/starting gap/);
  });

  it('two runs 1e-10 apart at r = 3.9 separate in a few dozen steps, near the estimate', () => {
    const predicted = value(divergenceSteps(value(lyapunovExponent(3.9, 0.2)), 1e-10, 1));
    for (const x0 of [0.1, 0.2, 0.3, 0.4, 0.7]) {
      const n = value(firstStepApart(3.9, x0, 1e-10, 0.1));
      expect(n).not.toBeNull();
      expect(Math.abs(n! - predicted)).toBeLessThan(15);
    }
    expect(value(firstStepApart(3.9, 0.2, 1e-10, 0.1))).toBe(37);
  });

  it('below r = 3 nearby runs never separate', () => {
    expect(value(firstStepApart(2.8, 0.2, 1e-10, 0.1))).toBeNull();
    expect(reason(firstStepApart(3.9, 0.99, 0.1, 0.1))).toMatch(/at most 1/);
  });
});
