import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng.ts';
import {
  amplification,
  attemptOdds,
  backoffCeilings,
  budgetBoundThroughLayers,
  budgetedLoad,
  decorrelatedMeanSleep,
  JITTERS,
  meanSleepForCeiling,
  retrySchedule,
  simulateRetryStorm,
} from './retries.ts';
import type { StormOptions } from './retries.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('capped exponential backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect(value(backoffCeilings(0.1, 2, 7))).toEqual([0.1, 0.2, 0.4, 0.8, 1.6, 2, 2]);
    expect(value(backoffCeilings(1, 30, 6))).toEqual([1, 2, 4, 8, 16, 30]);
    // A cap equal to the base gives a constant delay.
    expect(value(backoffCeilings(0.5, 0.5, 3))).toEqual([0.5, 0.5, 0.5]);
  });

  it('explains bad input instead of returning NaN', () => {
    expect(backoffCeilings(0, 2, 3)).toEqual({
      ok: false,
      reason: 'The base delay must be a positive number',
    });
    expect(backoffCeilings(1, 0.5, 3)).toMatchObject({
      reason: 'The cap must be at least the base delay',
    });
    expect(backoffCeilings(1, 2, 0)).toMatchObject({
      reason: 'The number of retries must be between 1 and 60',
    });
    expect(backoffCeilings(1, 2, 2.5)).toMatchObject({
      reason: 'The number of retries must be a whole number',
    });
    expect(backoffCeilings(Number.NaN, 2, 2)).toMatchObject({ ok: false });
  });
});

describe('mean sleeps', () => {
  it('closed forms: c without jitter, c/2 full, 3c/4 equal', () => {
    expect(meanSleepForCeiling('none', 8)).toBe(8);
    expect(meanSleepForCeiling('full', 8)).toBe(4);
    expect(meanSleepForCeiling('equal', 8)).toBe(6);
  });

  it('agree with seeded sampling of the same rules', () => {
    const rng = createRng(11);
    const n = 200_000;
    let full = 0;
    let equal = 0;
    for (let i = 0; i < n; i++) {
      full += rng.next() * 8;
      equal += 4 + rng.next() * 4;
    }
    // Standard errors: 8/√12/√n ≈ 0.0052 and 4/√12/√n ≈ 0.0026; allow five of them.
    expect(full / n).toBeCloseTo(4, 1);
    expect(Math.abs(full / n - 4)).toBeLessThan(0.026);
    expect(Math.abs(equal / n - 6)).toBeLessThan(0.013);
  });

  it('decorrelated jitter: E_k = base·(2·1.5^k − 1), checked by recurrence and by sampling', () => {
    expect([1, 2, 3, 4].map((k) => decorrelatedMeanSleep(1, k))).toEqual([2, 3.5, 5.75, 9.125]);
    let e = 1;
    for (let k = 1; k <= 10; k++) {
      e = (1 + 3 * e) / 2;
      expect(decorrelatedMeanSleep(1, k)).toBeCloseTo(e, 12);
    }
    const rng = createRng(5);
    const n = 100_000;
    const sums = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      let prev = 1;
      for (let k = 0; k < 3; k++) {
        prev = 1 + rng.next() * (3 * prev - 1);
        sums[k]! += prev;
      }
    }
    // The third sleep's spread is under 4 s, so its standard error is under 0.013.
    expect(Math.abs(sums[0]! / n - 2)).toBeLessThan(0.03);
    expect(Math.abs(sums[1]! / n - 3.5)).toBeLessThan(0.04);
    expect(Math.abs(sums[2]! / n - 5.75)).toBeLessThan(0.07);
  });
});

describe('retry schedules', () => {
  it('base 1 s, cap 30 s, 4 retries', () => {
    const none = value(retrySchedule(1, 30, 4, 'none'));
    expect(none.ceilings).toEqual([1, 2, 4, 8]);
    expect(none.worstCaseTotal).toBe(15);
    expect(none.meanTotal).toBe(15);
    const full = value(retrySchedule(1, 30, 4, 'full'));
    expect(full.meanSleeps).toEqual([0.5, 1, 2, 4]);
    expect(full.meanTotal).toBe(7.5);
    expect(full.worstCaseTotal).toBe(15);
    const equal = value(retrySchedule(1, 30, 4, 'equal'));
    expect(equal.meanTotal).toBe(11.25);
  });

  it('the cap bounds the worst case: 100 ms base, 2 s cap, 8 retries', () => {
    const s = value(retrySchedule(0.1, 2, 8, 'full'));
    // 0.1 + 0.2 + 0.4 + 0.8 + 1.6 + 2 + 2 + 2 = 9.1 s
    expect(s.worstCaseTotal).toBeCloseTo(9.1, 12);
    expect(s.meanTotal).toBeCloseTo(4.55, 12);
  });

  it('decorrelated jitter: ceilings base·3^k and means while the cap cannot bind', () => {
    const s = value(retrySchedule(1, 30, 3, 'decorrelated'));
    expect(s.ceilings).toEqual([3, 9, 27]);
    expect(s.worstCaseTotal).toBe(39);
    expect(s.meanSleeps).toEqual([2, 3.5, 5.75]);
    expect(s.meanTotal).toBe(11.25);
    expect(retrySchedule(1, 30, 4, 'decorrelated')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the cap can bind') as unknown,
    });
  });
});

describe('amplification through layers', () => {
  it('3 layers of 3 attempts: 27 calls at the bottom, 39 in all', () => {
    expect(value(amplification(3, 3))).toEqual({ bottom: 27, total: 39 });
    expect(value(amplification(4, 3))).toEqual({ bottom: 64, total: 84 });
    expect(value(amplification(1, 5))).toEqual({ bottom: 1, total: 5 });
    expect(value(amplification(3, 5)).bottom).toBe(243);
  });

  it('rejects nonsense', () => {
    expect(amplification(0, 3)).toMatchObject({
      reason: 'The attempts per layer must be between 1 and 100',
    });
    expect(amplification(3, 1.5)).toMatchObject({
      reason: 'The number of layers must be a whole number',
    });
  });
});

describe('attempts when attempts fail independently', () => {
  it('matches the geometric closed form (1 − q^n)/(1 − q)', () => {
    for (const q of [0, 0.01, 0.2, 0.5, 0.9, 0.99]) {
      for (const n of [1, 2, 3, 5, 10]) {
        const o = value(attemptOdds(q, n));
        expect(o.expectedAttempts).toBeCloseTo(q === 1 ? n : (1 - q ** n) / (1 - q), 12);
        expect(o.success + o.allFail).toBeCloseTo(1, 15);
      }
    }
    const o = value(attemptOdds(0.2, 3));
    expect(o.expectedAttempts).toBeCloseTo(1.24, 12);
    expect(o.expectedRetries).toBeCloseTo(0.24, 12);
    expect(o.success).toBeCloseTo(0.992, 12);
  });

  it('edge cases: q = 0 is one attempt, q = 1 uses them all', () => {
    expect(value(attemptOdds(0, 4))).toEqual({
      expectedAttempts: 1,
      expectedRetries: 0,
      success: 1,
      allFail: 0,
    });
    expect(value(attemptOdds(1, 4))).toMatchObject({ expectedAttempts: 4, success: 0 });
  });

  it('agrees with a seeded simulation', () => {
    const rng = createRng(3);
    const n = 100_000;
    let attempts = 0;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 3; k++) {
        attempts++;
        if (rng.next() >= 0.3) break;
      }
    }
    // Mean 1.39, variance under 0.5: standard error under 0.0023.
    expect(Math.abs(attempts / n - value(attemptOdds(0.3, 3)).expectedAttempts)).toBeLessThan(
      0.012,
    );
  });

  it('rejects a probability outside [0, 1]', () => {
    expect(attemptOdds(1.2, 3)).toMatchObject({
      reason: 'The failure probability q must be a probability from 0 to 1 (such as 0.2 for 20 %)',
    });
    expect(attemptOdds(0.5, 0)).toMatchObject({ ok: false });
  });
});

describe('retry budgets', () => {
  it('a 10 % budget holds a total outage to 1.1× instead of 4×', () => {
    expect(value(budgetedLoad(1, 4, 0.1))).toEqual({
      unbudgeted: 4,
      budgeted: 1.1,
      bound: 1.1,
      budgetBinds: true,
    });
  });

  it('does not bind when failures are rare', () => {
    const b = value(budgetedLoad(0.05, 3, 0.1));
    expect(b.unbudgeted).toBeCloseTo(1.0525, 12);
    expect(b.budgeted).toBeCloseTo(1.0525, 12);
    expect(b.budgetBinds).toBe(false);
  });

  it('never exceeds 1 + budget, and never exceeds the unbudgeted load', () => {
    for (const q of [0, 0.1, 0.3, 0.6, 1])
      for (const budget of [0, 0.1, 0.2, 1]) {
        const b = value(budgetedLoad(q, 3, budget));
        expect(b.budgeted).toBeLessThanOrEqual(1 + budget + 1e-12);
        expect(b.budgeted).toBeLessThanOrEqual(b.unbudgeted + 1e-12);
      }
  });

  it('bounds amplification through layers to (1 + budget)^layers', () => {
    expect(value(budgetBoundThroughLayers(0.1, 3))).toBeCloseTo(1.331, 12);
    expect(value(budgetBoundThroughLayers(0.2, 1))).toBeCloseTo(1.2, 12);
    expect(value(budgetBoundThroughLayers(0, 5))).toBe(1);
    expect(budgetBoundThroughLayers(0.1, 0)).toMatchObject({
      reason: 'The number of layers must be between 1 and 20',
    });
  });

  it('rejects a negative budget', () => {
    expect(budgetedLoad(0.5, 3, -0.1)).toMatchObject({
      reason: 'The retry budget must be a number at least 0 (such as 0.1 for 10 %)',
    });
  });
});

describe('a retry storm after a shared failure', () => {
  const storm: StormOptions = {
    clients: 1000,
    retries: 4,
    base: 1,
    cap: 30,
    jitter: 'none',
    bucket: 0.1,
    seed: 1,
  };

  it('without jitter every client lands in the same bucket, every time', () => {
    const r = value(simulateRetryStorm(storm));
    expect(r).toEqual({ peak: 1000, peakAt: 1, totalRetries: 4000, lastRetryAt: 15 });
  });

  it('is deterministic: same seed, same storm', () => {
    for (const jitter of JITTERS) {
      const a = value(simulateRetryStorm({ ...storm, jitter }));
      const b = value(simulateRetryStorm({ ...storm, jitter }));
      expect(a).toEqual(b);
    }
  });

  it('pins the seeded results the lesson shows', () => {
    const peak = (jitter: StormOptions['jitter']) =>
      value(simulateRetryStorm({ ...storm, jitter })).peak;
    expect(peak('full')).toBe(156);
    expect(peak('equal')).toBe(213);
    expect(peak('decorrelated')).toBe(67);
  });

  it('full jitter: the peak sits where the expected busiest bucket says, give or take noise', () => {
    // The expected busiest bucket, from a million clients (noise under 0.3 %): about 15.3 % of them.
    const big = value(
      simulateRetryStorm({ ...storm, jitter: 'full', clients: 1_000_000, seed: 99 }),
    );
    const expected = big.peak / 1000;
    expect(expected).toBeGreaterThan(145);
    expect(expected).toBeLessThan(160);
    // Independently, by hand: the slice [0.9 s, 1 s) receives the first retries (uniform on 0–1 s:
    // 0.1), the second (U(0,1) + U(0,2) has density t/2 below 1 s: 0.19/4), the third (density
    // t²/16: 0.271/48) and the fourth (density t³/384: 0.3439/1536), per client.
    const byHand = 1000 * (0.1 + 0.19 / 4 + 0.271 / 48 + 0.3439 / 1536);
    expect(byHand).toBeCloseTo(153.37, 2);
    // A million clients put the noise at about √(153,370)/1000 ≈ 0.4 per thousand.
    expect(Math.abs(expected - byHand)).toBeLessThan(1.6);
    // Bucket counts are near-Poisson; the busiest of ~100 buckets sits at most a few deviations up.
    const sd = Math.sqrt(expected);
    for (let seed = 0; seed < 50; seed++) {
      const p = value(simulateRetryStorm({ ...storm, jitter: 'full', seed })).peak;
      expect(p).toBeGreaterThan(expected - 4 * sd);
      expect(p).toBeLessThan(expected + 6 * sd);
    }
  });

  it('jitter always beats none, and decorrelated spreads widest at the same base', () => {
    for (let seed = 0; seed < 30; seed++) {
      const peak = (jitter: StormOptions['jitter']) =>
        value(simulateRetryStorm({ ...storm, jitter, seed })).peak;
      const full = peak('full');
      const decorrelated = peak('decorrelated');
      expect(full).toBeLessThan(1000 / 4);
      expect(peak('equal')).toBeLessThan(1000 / 3);
      expect(decorrelated).toBeLessThan(full);
    }
  });

  it('rejects bad options', () => {
    expect(simulateRetryStorm({ ...storm, clients: 0 })).toMatchObject({
      reason: 'The number of clients must be between 1 and 1000000',
    });
    expect(simulateRetryStorm({ ...storm, bucket: 0 })).toMatchObject({
      reason: 'The bucket width must be a positive number',
    });
    expect(
      simulateRetryStorm({ ...storm, jitter: 'random' as unknown as StormOptions['jitter'] }),
    ).toMatchObject({ reason: 'The jitter must be one of none, full, equal, decorrelated' });
  });
});
