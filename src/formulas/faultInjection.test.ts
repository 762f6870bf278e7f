import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abortBehaviour,
  binomialTail,
  blastRadius,
  detectionProbability,
  failureRateBound,
  logNormalDelay,
  logNormalQuantile,
  missProbability,
  runsNeeded,
  zeroFailureBound,
} from './faultInjection.ts';
import type { FaultResult } from './faultInjection.ts';

function value<T>(r: FaultResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: FaultResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

const openProb = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });

describe('detection over n runs', () => {
  it('(1 − p)ⁿ and its complement', () => {
    expect(value(missProbability(0.05, 10))).toBeCloseTo(0.95 ** 10, 14);
    expect(value(detectionProbability(0.05, 10))).toBeCloseTo(1 - 0.95 ** 10, 14);
    expect(value(detectionProbability(0.05, 10))).toBeCloseTo(0.401263, 6);
    expect(value(detectionProbability(0.5, 3))).toBeCloseTo(0.875, 14);
    expect(value(detectionProbability(0.3, 0))).toBe(0);
    expect(value(detectionProbability(1, 1))).toBe(1);
    expect(value(missProbability(1, 0))).toBe(1);
  });

  it('keeps its digits for a tiny p', () => {
    // 1 − (1 − 1e-12)^1000 ≈ 1e-9, which naive subtraction would ruin.
    expect(value(detectionProbability(1e-12, 1000)) / 1e-9).toBeCloseTo(1, 6);
  });

  it('the two always add up to 1 and detection grows with n', () => {
    fc.assert(
      fc.property(openProb, fc.integer({ min: 0, max: 500 }), (p, n) => {
        const d = value(detectionProbability(p, n));
        const m = value(missProbability(p, n));
        const more = value(detectionProbability(p, n + 1));
        return Math.abs(d + m - 1) < 1e-12 && more >= d - 1e-15;
      }),
    );
  });

  it('rejects bad input in words', () => {
    expect(reason(detectionProbability(1.2, 3))).toMatch(/p must be a probability/);
    expect(reason(detectionProbability(0.1, 2.5))).toBe('n must be a whole number');
    expect(reason(missProbability(0.1, -1))).toBe('n must be at least 0');
  });
});

describe('runs needed', () => {
  it('matches ⌈ln(1 − c)/ln(1 − p)⌉ for the lesson’s cases', () => {
    expect(value(runsNeeded(0.05, 0.95))).toBe(59); // 58.40
    expect(value(runsNeeded(0.01, 0.95))).toBe(299); // 298.07
    expect(value(runsNeeded(0.01, 0.99))).toBe(459); // 458.21
    expect(value(runsNeeded(0.1, 0.9))).toBe(22); // 21.85
    expect(value(runsNeeded(0.5, 0.75))).toBe(2); // exactly 2: 1 − 0.25 = 0.75
    expect(value(runsNeeded(1, 0.99))).toBe(1);
  });

  it('is the smallest n that reaches the confidence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.999, noNaN: true }),
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        (p, c) => {
          const n = value(runsNeeded(p, c));
          const at = value(detectionProbability(p, n));
          const before = value(detectionProbability(p, n - 1));
          return at >= c && (n === 1 || before < c);
        },
      ),
    );
  });

  it('rejects what cannot be answered', () => {
    expect(reason(runsNeeded(0, 0.95))).toMatch(/never seen/);
    expect(reason(runsNeeded(0.1, 1))).toMatch(/strictly between 0 and 1/);
    expect(reason(runsNeeded(1e-9, 0.999999))).toMatch(/more than 10,000,000 runs/);
  });
});

describe('zero failures in n runs', () => {
  it('exact bound, approximation and the rule of three', () => {
    const rows = [3, 10, 30, 100, 300].map((n) => value(zeroFailureBound(n)));
    expect(rows.map((r) => r.exact)).toEqual([
      expect.closeTo(0.6315968501359612, 12),
      expect.closeTo(0.2588655508930523, 12),
      expect.closeTo(0.09503385285530419, 12),
      expect.closeTo(0.029513049607039932, 12),
      expect.closeTo(0.00993608194445772, 12),
    ]);
    expect(rows[2]!.approx).toBeCloseTo(0.0998577424517997, 12);
    expect(rows[2]!.ruleOfThree).toBeCloseTo(0.1, 15);
    expect(rows[0]!.ruleOfThree).toBe(1);
    expect(rows[2]!.ruleError).toBeCloseTo(0.1 / 0.09503385285530419 - 1, 10);
  });

  it('n clean runs at the exact bound have chance exactly 1 − c', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, c) => {
          const { exact, approx } = value(zeroFailureBound(n, c));
          const miss = value(missProbability(exact, n));
          return Math.abs(miss - (1 - c)) < 1e-9 && approx >= exact;
        },
      ),
    );
  });

  it('agrees with runsNeeded: the bound at runsNeeded(p) runs is at most p', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 0.9, noNaN: true }), (p) => {
        const n = value(runsNeeded(p, 0.95));
        return value(zeroFailureBound(n, 0.95)).exact <= p + 1e-12;
      }),
    );
  });

  it('rejects zero runs', () => {
    expect(reason(zeroFailureBound(0))).toBe('n must be at least 1');
    expect(reason(zeroFailureBound(10, 0))).toMatch(/confidence/);
  });
});

describe('failures in n runs: Clopper–Pearson', () => {
  it('matches SciPy’s beta.ppf and the zero-failure bound', () => {
    expect(value(failureRateBound(1, 201))).toBeCloseTo(0.023382650266527985, 9);
    expect(value(failureRateBound(0, 30))).toBeCloseTo(0.09503385285530419, 12);
    expect(value(failureRateBound(5, 5))).toBe(1);
  });

  it('grows with failures and shrinks with runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.nat(), (n, seed) => {
        const k = seed % n;
        const b = value(failureRateBound(k, n));
        return (
          b >= k / n &&
          value(failureRateBound(k + 1, n)) >= b - 1e-12 &&
          value(failureRateBound(k, n + 1)) <= b + 1e-12
        );
      }),
    );
  });

  it('rejects impossible counts', () => {
    expect(reason(failureRateBound(6, 5))).toMatch(/more failures than runs/);
    expect(reason(failureRateBound(-1, 5))).toMatch(/at least 0/);
  });
});

describe('blast radius', () => {
  const base = { usersPerMinute: 1000, minutes: 30, trafficShare: 0.01, hostShare: 0.1 };

  it('one request per user: the product of the shares', () => {
    const r = value(blastRadius(base));
    expect(r.users).toBe(30_000);
    expect(r.requestShare).toBeCloseTo(0.001, 15);
    expect(r.requests).toBeCloseTo(30, 10);
    expect(r.affectedUsers).toBeCloseTo(30, 10);
  });

  it('twenty requests per user, sampled per user and per request', () => {
    const perUser = value(blastRadius({ ...base, requestsPerUser: 20 }));
    expect(perUser.userChance).toBeCloseTo(0.01 * (1 - 0.9 ** 20), 14);
    expect(perUser.userChance).toBeCloseTo(0.008784233454094306, 14);
    expect(perUser.requests).toBeCloseTo(600, 9);
    const perRequest = value(blastRadius({ ...base, requestsPerUser: 20, sampling: 'request' }));
    expect(perRequest.userChance).toBeCloseTo(0.01981113517046529, 14);
    expect(perRequest.requests).toBeCloseTo(600, 9);
    expect(perRequest.affectedUsers).toBeGreaterThan(2 * perUser.affectedUsers);
  });

  it('a fault rate thins the exposure', () => {
    const r = value(blastRadius({ ...base, faultRate: 0.5 }));
    expect(r.requestShare).toBeCloseTo(0.0005, 15);
    expect(r.affectedUsers).toBeCloseTo(15, 10);
  });

  it('per-request sampling never touches fewer users than per-user sampling', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (traffic, hosts, k) => {
          const input = { usersPerMinute: 10, minutes: 1, trafficShare: traffic, hostShare: hosts };
          const u = value(blastRadius({ ...input, requestsPerUser: k })).userChance;
          const q = value(
            blastRadius({ ...input, requestsPerUser: k, sampling: 'request' }),
          ).userChance;
          return q >= u - 1e-12 && u <= traffic + 1e-12;
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(reason(blastRadius({ ...base, trafficShare: 2 }))).toMatch(/share of traffic/);
    expect(reason(blastRadius({ ...base, minutes: 0 }))).toMatch(/duration/);
    expect(reason(blastRadius({ ...base, requestsPerUser: 0 }))).toMatch(/Requests per user/);
    expect(reason(blastRadius({ ...base, sampling: 'host' as unknown as 'user' }))).toMatch(
      /Sampling/,
    );
  });
});

describe('latency faults from a log-normal', () => {
  it('median 100 ms, p99 1,000 ms: σ, mean and the share above a 500 ms timeout', () => {
    const r = value(logNormalDelay(100, 1000, 500));
    expect(r.sigma).toBeCloseTo(0.9897853707470159, 12);
    expect(r.mean).toBeCloseTo(163.20510555203518, 8);
    expect(r.shareAbove).toBeCloseTo(0.051969787906320224, 10);
    expect(value(logNormalDelay(100, 1000, 1000)).shareAbove).toBeCloseTo(0.01, 12);
    expect(value(logNormalDelay(100, 1000, 100)).shareAbove).toBeCloseTo(0.5, 12);
  });

  it('quantiles come back to the median and the p99', () => {
    expect(value(logNormalQuantile(100, 1000, 0.5))).toBeCloseTo(100, 9);
    expect(value(logNormalQuantile(100, 1000, 0.99))).toBeCloseTo(1000, 7);
    expect(value(logNormalQuantile(100, 1000, 0.999))).toBeGreaterThan(1000);
  });

  it('rejects a spread of zero and non-positive values', () => {
    expect(reason(logNormalDelay(100, 100, 500))).toMatch(/above the median/);
    expect(reason(logNormalDelay(0, 100, 500))).toMatch(/median/);
    expect(reason(logNormalQuantile(100, 1000, 1))).toMatch(/quantile/);
  });
});

describe('the binomial tail', () => {
  it('matches exact values (SciPy’s binom.sf)', () => {
    expect(value(binomialTail(10, 0.5, 3))).toBeCloseTo(0.9453125, 14);
    expect(value(binomialTail(500, 0.002, 6))).toBeCloseTo(0.000581988612286554, 14);
    expect(value(binomialTail(500, 0.02, 6))).toBeCloseTo(0.9348081328975865, 12);
    expect(value(binomialTail(1000, 0.1, 100))).toBeCloseTo(0.5154177095659214, 12);
    const tiny = value(binomialTail(1000, 0.01, 51));
    expect(tiny / 1.5556969315542193e-20).toBeCloseTo(1, 8);
    expect(value(binomialTail(1_000_000, 1e-6, 1))).toBeCloseTo(0.632120742768355, 10);
  });

  it('edges', () => {
    expect(value(binomialTail(10, 0.3, 0))).toBe(1);
    expect(value(binomialTail(10, 0.3, 11))).toBe(0);
    expect(value(binomialTail(10, 0, 1))).toBe(0);
    expect(value(binomialTail(10, 1, 10))).toBe(1);
  });

  it('agrees with a brute-force sum for small n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), openProb, fc.nat(45), (n, p, k) => {
        let sum = 0;
        let c = 1;
        for (let i = 0; i <= n; i++) {
          if (i > 0) c = (c * (n - i + 1)) / i;
          if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
        }
        return Math.abs(value(binomialTail(n, p, k)) - Math.min(1, sum)) < 1e-10;
      }),
    );
  });

  it('rejects bad input', () => {
    expect(reason(binomialTail(10.5, 0.1, 2))).toMatch(/whole number/);
    expect(reason(binomialTail(10, -0.1, 2))).toMatch(/p must be/);
  });
});

describe('abort thresholds checked every minute', () => {
  const plan = {
    requestsPerCheck: 500,
    baselineError: 0.002,
    faultError: 0.02,
    abortAt: 6,
    checks: 60,
  };

  it('false aborts add up over the run; harm is caught in about one check', () => {
    const r = value(abortBehaviour(plan));
    expect(r.falseAbortPerCheck).toBeCloseTo(0.000581988612286554, 14);
    expect(r.falseAbortPerRun).toBeCloseTo(0.03432648878240274, 12);
    expect(r.detectPerCheck).toBeCloseTo(0.9348081328975865, 12);
    expect(r.checksToAbort).toBeCloseTo(1.0697382327005873, 10);
    expect(r.errorsBeforeAbort).toBeCloseTo(10.697382327005874, 9);
    expect(r.missWholeRun).toBeLessThan(1e-70);
  });

  it('a looser line means fewer false aborts and slower detection', () => {
    const tight = value(abortBehaviour({ ...plan, abortAt: 4 }));
    const loose = value(abortBehaviour({ ...plan, abortAt: 10 }));
    expect(tight.falseAbortPerRun).toBeGreaterThan(loose.falseAbortPerRun);
    expect(tight.checksToAbort).toBeLessThan(loose.checksToAbort);
  });

  it('rejects plans that cannot work', () => {
    expect(reason(abortBehaviour({ ...plan, faultError: 0.001 }))).toMatch(/above the baseline/);
    expect(reason(abortBehaviour({ ...plan, abortAt: 600 }))).toMatch(/can never trigger/);
    expect(reason(abortBehaviour({ ...plan, checks: 0 }))).toMatch(/number of checks/);
  });
});
