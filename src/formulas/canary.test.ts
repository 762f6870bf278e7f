import { describe, expect, it } from 'vitest';
import {
  bayesianCanary,
  betaPosterior,
  betaQuantile,
  lnGamma,
  normalCdf,
  normalQuantile,
  peekingFalseAlarm,
  probGreater,
  probGreaterExact,
  regIncBeta,
  sampleSizePerArm,
  twoProportionZTest,
} from './canary.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** |actual − expected| ≤ rel·|expected|. */
const closeRel = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('the standard normal distribution', () => {
  it('Φ matches published values, in both tails', () => {
    closeRel(normalCdf(0), 0.5, 1e-15);
    closeRel(normalCdf(1), 0.8413447460685429, 1e-14);
    closeRel(normalCdf(-3), 0.0013498980316301, 1e-12);
    closeRel(normalCdf(-6), 9.865876450376946e-10, 1e-12);
    closeRel(normalCdf(-10), 7.61985302416047e-24, 1e-12);
    closeRel(normalCdf(1.959963984540054), 0.975, 1e-14);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });

  it('is symmetric: Φ(−z) = 1 − Φ(z)', () => {
    for (const z of [0.1, 0.7, 1.3, 2.49, 2.51, 3.7]) {
      expect(normalCdf(-z) + normalCdf(z)).toBeCloseTo(1, 14);
    }
  });

  it('the quantile gives the textbook critical values', () => {
    closeRel(value(normalQuantile(0.975)), 1.959963984540054, 1e-13);
    closeRel(value(normalQuantile(0.95)), 1.6448536269514722, 1e-13);
    closeRel(value(normalQuantile(0.8)), 0.8416212335729143, 1e-13);
    closeRel(value(normalQuantile(0.999)), 3.090232306167813, 1e-12);
    closeRel(value(normalQuantile(1e-10)), -6.361340902404056, 1e-12);
    expect(value(normalQuantile(0.5))).toBeCloseTo(0, 15);
  });

  it('quantile and CDF invert each other', () => {
    for (const p of [1e-8, 0.001, 0.02, 0.3, 0.5, 0.77, 0.98, 0.9999]) {
      closeRel(normalCdf(value(normalQuantile(p))), p, 1e-12);
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(normalQuantile(1)).toMatchObject({
      reason: 'The probability must be strictly between 0 and 1 (such as 0.975)',
    });
    expect(normalQuantile(0)).toMatchObject({ ok: false });
    expect(normalQuantile(Number.NaN)).toMatchObject({ ok: false });
  });
});

describe('the regularised incomplete beta function', () => {
  it('ln Γ matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });

  it('known values: I_0.5(2, 3) = 11/16 and the closed forms for a = 1 or b = 1', () => {
    closeRel(value(regIncBeta(0.5, 2, 3)), 0.6875, 1e-13);
    for (const x of [0.01, 0.3, 0.9]) {
      closeRel(value(regIncBeta(x, 5, 1)), x ** 5, 1e-12);
      closeRel(value(regIncBeta(x, 1, 7)), 1 - (1 - x) ** 7, 1e-12);
    }
    expect(value(regIncBeta(0, 2, 3))).toBe(0);
    expect(value(regIncBeta(1, 2, 3))).toBe(1);
  });

  it('the binomial identity: I_p(k, n − k + 1) = P(Bin(n, p) ≥ k)', () => {
    // P(Bin(10, 0.3) ≥ 3) = 0.6172172136
    closeRel(value(regIncBeta(0.3, 3, 8)), 0.6172172136000003, 1e-12);
  });

  it('symmetry: I_x(a, b) = 1 − I_(1−x)(b, a)', () => {
    for (const [x, a, b] of [
      [0.2, 3.5, 9],
      [0.7, 40, 12],
      [0.001, 16, 9986],
    ] as const) {
      expect(value(regIncBeta(x, a, b)) + value(regIncBeta(1 - x, b, a))).toBeCloseTo(1, 12);
    }
  });

  it('stays accurate with a posterior from 200,000 requests', () => {
    // SciPy: betainc(201, 199801, 0.001) = 0.4812338998062742
    closeRel(value(regIncBeta(0.001, 201, 199801)), 0.4812338998062742, 1e-8);
  });

  it('the inverse, by bisection, matches published quantiles', () => {
    // SciPy: beta.ppf(0.025 / 0.975, 16, 9986) and (201, 199801)
    closeRel(value(betaQuantile(0.025, 16, 9986)), 0.0009147146248902417, 1e-8);
    closeRel(value(betaQuantile(0.975, 16, 9986)), 0.0024725698450527665, 1e-8);
    closeRel(value(betaQuantile(0.025, 201, 199801)), 0.0008709101211018474, 1e-8);
    closeRel(value(betaQuantile(0.5, 2, 2)), 0.5, 1e-12);
    // Beta(1, b): quantile 1 − (1 − p)^(1/b)
    closeRel(value(betaQuantile(0.9, 1, 4)), 1 - 0.1 ** 0.25, 1e-12);
  });

  it('explains bad input', () => {
    expect(regIncBeta(0.5, 0, 3)).toMatchObject({
      reason: 'The Beta parameters a and b must be positive numbers',
    });
    expect(regIncBeta(1.5, 2, 3)).toMatchObject({ reason: 'x must be between 0 and 1' });
    expect(betaQuantile(1, 2, 3)).toMatchObject({ reason: 'p must be strictly between 0 and 1' });
  });
});

describe('the pooled two-proportion z-test', () => {
  it('the lesson example: 200 in 200,000 against 15 in 10,000', () => {
    const t = value(twoProportionZTest(200, 200_000, 15, 10_000));
    expect(t.pooledRate).toBeCloseTo(215 / 210_000, 15);
    closeRel(t.z, 1.5257669507070049, 1e-12);
    closeRel(t.pTwoSided, 0.12706791413155885, 1e-10);
    closeRel(t.pCanaryWorse, 0.06353395706577945, 1e-10);
  });

  it('z² equals the Pearson chi-square statistic without continuity correction', () => {
    // SciPy: chi2_contingency([[15, 9985], [200, 199800]], correction=False) → 2.327964787869752
    const t = value(twoProportionZTest(200, 200_000, 15, 10_000));
    closeRel(t.z ** 2, 2.327964787869752, 1e-12);
  });

  it('hand-derived: 10/100 against 20/100', () => {
    // p̂ = 0.15, se = √(0.15·0.85·0.02) = 0.0504975, z = 0.1 / 0.0504975 = 1.980295
    const t = value(twoProportionZTest(10, 100, 20, 100));
    expect(t.standardError).toBeCloseTo(Math.sqrt(0.15 * 0.85 * 0.02), 15);
    expect(t.z).toBeCloseTo(1.98029508595, 9);
    expect(t.pTwoSided).toBeLessThan(0.05);
    // Swapping the arms flips the sign.
    expect(value(twoProportionZTest(20, 100, 10, 100)).z).toBeCloseTo(-t.z, 14);
  });

  it('explains what it cannot test', () => {
    expect(twoProportionZTest(0, 1000, 0, 100)).toMatchObject({
      reason: expect.stringContaining('Neither arm has any errors') as unknown,
    });
    expect(twoProportionZTest(5, 4, 1, 10)).toMatchObject({
      reason: "The baseline's errors must be a whole number from 0 to its requests",
    });
    expect(twoProportionZTest(1, 10, 1, 0)).toMatchObject({
      reason: 'The canary must have a whole number of requests, at least 1',
    });
  });
});

describe('sample size per arm', () => {
  it('a published value: 5 % → 10 % at α = 0.05, power 0.8 needs 435 per group', () => {
    const s = value(sampleSizePerArm(0.05, 0.1));
    expect(s.exact).toBeCloseTo(434.43, 2);
    expect(s.perArm).toBe(435);
  });

  it('0.1 % → 0.2 % needs about 23,500 requests per arm', () => {
    const s = value(sampleSizePerArm(0.001, 0.002));
    expect(s.perArm).toBe(23_511);
    // Hand-derived from the formula with z = 1.959964 and 0.841621.
    const hand =
      (1.959964 * Math.sqrt(2 * 0.0015 * 0.9985) + 0.841621 * Math.sqrt(0.000999 + 0.001996)) ** 2 /
      1e-6;
    closeRel(s.exact, hand, 1e-5);
    expect(value(sampleSizePerArm(0.001, 0.002, 0.05, 0.8, 1)).perArm).toBe(18_519);
  });

  it('shrinks with the square of the change', () => {
    const small = value(sampleSizePerArm(0.001, 0.002)).exact;
    const big = value(sampleSizePerArm(0.001, 0.011)).exact;
    expect(small / big).toBeGreaterThan(20);
    // Symmetric in the direction of the change.
    expect(value(sampleSizePerArm(0.002, 0.001)).perArm).toBe(23_511);
  });

  it('rejects nonsense', () => {
    expect(sampleSizePerArm(0.001, 0.001)).toMatchObject({
      reason: 'The two error rates are equal: there is no change to detect',
    });
    expect(sampleSizePerArm(0, 0.01)).toMatchObject({ ok: false });
    expect(sampleSizePerArm(0.01, 0.02, 0.05, 0.3)).toMatchObject({
      reason: 'The power must be between 0.5 and 1 (such as 0.8)',
    });
  });
});

describe('Beta posteriors', () => {
  it('Beta(1 + errors, 1 + successes), its mean and a 95 % interval', () => {
    const p = value(betaPosterior(15, 10_000));
    expect([p.a, p.b]).toEqual([16, 9986]);
    expect(p.mean).toBeCloseTo(16 / 10_002, 15);
    closeRel(p.low, 0.0009147146248902417, 1e-8);
    closeRel(p.high, 0.0024725698450527665, 1e-8);
    // With no data the posterior is the uniform prior.
    const flat = value(betaPosterior(0, 1));
    expect([flat.a, flat.b]).toEqual([1, 2]);
  });

  it('P(X > Y): integration agrees with the exact sum and with closed forms', () => {
    // Beta(2, 1) against uniform: ∫ 2x · x dx = 2/3.
    expect(probGreater(2, 1, 1, 1)).toBeCloseTo(2 / 3, 9);
    expect(probGreaterExact(2, 1, 1, 1)).toBeCloseTo(2 / 3, 12);
    expect(probGreater(30, 970, 30, 970)).toBeCloseTo(0.5, 8);
    for (const [aX, bX, aY, bY] of [
      [16, 9986, 201, 199801],
      [3, 997, 5, 995],
      [12, 2000, 40, 9000],
    ] as const) {
      expect(Math.abs(probGreater(aX, bX, aY, bY) - probGreaterExact(aX, bX, aY, bY))).toBeLessThan(
        1e-7,
      );
    }
  });

  it('the lesson example: P(canary worse) ≈ 0.945', () => {
    const v = value(bayesianCanary(200, 200_000, 15, 10_000));
    // SciPy quad of beta.pdf(x, 16, 9986) · beta.cdf(x, 201, 199801): 0.9452081653
    expect(v.pCanaryWorse).toBeCloseTo(0.9452081653, 7);
    expect(v.baseline.mean).toBeCloseTo(201 / 200_002, 15);
  });

  it('explains bad counts per arm', () => {
    expect(bayesianCanary(10, 5, 1, 10)).toMatchObject({
      reason: "The baseline's errors must be a whole number from 0 to its requests",
    });
    expect(bayesianCanary(1, 10, 1, 0)).toMatchObject({
      reason: 'The canary must have a whole number of requests, at least 1',
    });
  });
});

describe('peeking', () => {
  it('one look keeps the false-alarm rate at α', () => {
    expect(Math.abs(value(peekingFalseAlarm(1)) - 0.05)).toBeLessThan(0.003);
  });

  it('repeated looks match Armitage, McPherson and Rowe (1969)', () => {
    // Published rates for 2, 3, 5 and 10 equally spaced looks at nominal 0.05: 0.083, 0.107,
    // 0.142, 0.193. 200,000 runs give a standard error under 0.001; allow six of them.
    expect(Math.abs(value(peekingFalseAlarm(2)) - 0.083)).toBeLessThan(0.006);
    expect(Math.abs(value(peekingFalseAlarm(3)) - 0.107)).toBeLessThan(0.006);
    expect(Math.abs(value(peekingFalseAlarm(5)) - 0.142)).toBeLessThan(0.006);
    expect(Math.abs(value(peekingFalseAlarm(10)) - 0.193)).toBeLessThan(0.006);
  });

  it('is seeded and rejects nonsense', () => {
    expect(peekingFalseAlarm(5, 0.05, 1000, 7)).toEqual(peekingFalseAlarm(5, 0.05, 1000, 7));
    expect(peekingFalseAlarm(0)).toMatchObject({
      reason: 'The number of looks must be a whole number from 1 to 1,000',
    });
  });
});
