import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityAtRisk,
  logNormalFromMoments,
  matchMoments,
  minutesOverCapacity,
  mixtureCdf,
  mixtureMoments,
  mixturePdf,
  mixtureProblem,
  mixtureQuantile,
  mixtureTail,
  paretoFromMoments,
  periodMinutes,
  riskForMinutes,
  tailProbability,
} from './loadRisk.ts';
import type { Distribution, LoadResult, NormalComponent } from './loadRisk.ts';

function value<T>(r: LoadResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: LoadResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

const one: NormalComponent[] = [{ weight: 1, mean: 100, sd: 15 }];
const bimodal: NormalComponent[] = [
  { weight: 0.5, mean: 3000, sd: 800 },
  { weight: 0.5, mean: 9000, sd: 800 },
];

describe('mixtures of normals', () => {
  it('one component is the normal distribution itself', () => {
    // z_0.975 = 1.959964 and z_0.999 = 3.090232 (published tables).
    expect(value(mixtureQuantile(one, 0.975))).toBeCloseTo(100 + 15 * 1.959964, 4);
    expect(value(mixtureQuantile(one, 0.025))).toBeCloseTo(100 - 15 * 1.959964, 4);
    expect(value(mixtureQuantile(one, 0.999))).toBeCloseTo(100 + 15 * 3.090232, 4);
    expect(value(mixtureCdf(one, 100))).toBeCloseTo(0.5, 14);
    expect(value(mixturePdf(one, 100))).toBeCloseTo(1 / (15 * Math.sqrt(2 * Math.PI)), 14);
    expect(value(mixtureTail(one, 145))).toBeCloseTo(0.0013498980316301, 14);
  });

  it('a symmetric bimodal mixture: median in the trough, moments by total variance', () => {
    expect(value(mixtureQuantile(bimodal, 0.5))).toBeCloseTo(6000, 6);
    expect(value(mixtureCdf(bimodal, 6000))).toBeCloseTo(0.5, 14);
    const m = value(mixtureMoments(bimodal));
    expect(m.mean).toBeCloseTo(6000, 9);
    // Within-regime variance 800² plus between-regime variance 3000².
    expect(m.sd).toBeCloseTo(Math.sqrt(800 ** 2 + 3000 ** 2), 9);
    // The density at the mean is tiny next to the density at either peak.
    const atMean = value(mixturePdf(bimodal, 6000));
    const atPeak = value(mixturePdf(bimodal, 9000));
    expect(atPeak / atMean).toBeGreaterThan(500);
  });

  it('the density integrates to 1 and the CDF is its integral', () => {
    const day: NormalComponent[] = [
      { weight: 0.4, mean: 2000, sd: 500 },
      { weight: 0.25, mean: 7000, sd: 900 },
      { weight: 0.35, mean: 10000, sd: 1200 },
    ];
    let area = 0;
    const h = 1;
    for (let x = -5000; x < 20000; x += h)
      area += (h * (value(mixturePdf(day, x)) + value(mixturePdf(day, x + h)))) / 2;
    expect(area).toBeCloseTo(1, 8);
    let upTo = 0;
    for (let x = -5000; x < 6000; x += h)
      upTo += (h * (value(mixturePdf(day, x)) + value(mixturePdf(day, x + h)))) / 2;
    expect(upTo).toBeCloseTo(value(mixtureCdf(day, 6000)), 7);
  });

  it('quantile and CDF are inverses, and the upper tail keeps its digits', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (q) => {
        const x = value(mixtureQuantile(bimodal, q));
        const back = q < 0.5 ? value(mixtureCdf(bimodal, x)) : 1 - value(mixtureTail(bimodal, x));
        return Math.abs(back - q) <= 1e-9 * Math.max(q, 1e-6) + 1e-15;
      }),
    );
    const risk = 1e-9;
    const cap = value(capacityAtRisk({ kind: 'mixture', components: bimodal }, risk));
    expect(value(mixtureTail(bimodal, cap)) / risk).toBeCloseTo(1, 9);
    expect(value(mixtureCdf(bimodal, 1e9))).toBe(1);
  });

  it('explains bad mixtures', () => {
    expect(mixtureProblem([])).toMatch(/at least one/);
    expect(reason(mixtureMoments([{ weight: 0.5, mean: 1, sd: 1 }]))).toMatch(/add up to 1/);
    expect(reason(mixtureCdf([{ weight: 1, mean: 1, sd: 0 }], 1))).toMatch(/standard deviation/);
    expect(reason(mixturePdf([{ weight: 1, mean: Number.NaN, sd: 1 }], 1))).toMatch(/mean/);
    expect(reason(mixtureQuantile(one, 1))).toMatch(/strictly between/);
    expect(reason(mixtureTail(one, Number.NaN))).toMatch(/x must be a number/);
    expect(
      reason(
        mixtureMoments([
          { weight: 1.5, mean: 1, sd: 1 },
          { weight: -0.5, mean: 1, sd: 1 },
        ]),
      ),
    ).toMatch(/weight/);
    const many = Array.from({ length: 21 }, () => ({ weight: 1 / 21, mean: 0, sd: 1 }));
    expect(mixtureProblem(many)).toMatch(/at most 20/);
  });
});

describe('heavier tails matched to the same mean and standard deviation', () => {
  it('log-normal: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2 give back the moments', () => {
    const { mu, sigma } = value(logNormalFromMoments(1, 0.5));
    expect(sigma).toBeCloseTo(Math.sqrt(Math.log(1.25)), 14);
    expect(Math.exp(mu + sigma ** 2 / 2)).toBeCloseTo(1, 14);
    const sd = Math.exp(mu + sigma ** 2 / 2) * Math.sqrt(Math.expm1(sigma ** 2));
    expect(sd).toBeCloseTo(0.5, 14);
    expect(reason(logNormalFromMoments(-1, 0.5))).toMatch(/mean/);
  });

  it('Pareto: α = 1 + √(1 + 1/cv²), and the moments come back', () => {
    const { xm, alpha } = value(paretoFromMoments(1, 0.5));
    expect(alpha).toBeCloseTo(1 + Math.sqrt(5), 14);
    expect((alpha * xm) / (alpha - 1)).toBeCloseTo(1, 14);
    const variance = (xm * xm * alpha) / ((alpha - 1) ** 2 * (alpha - 2));
    expect(Math.sqrt(variance)).toBeCloseTo(0.5, 12);
    expect(reason(paretoFromMoments(1, 0))).toMatch(/standard deviation/);
  });

  it('the chance of a 5× spike: same mean and sd, very different tails', () => {
    const tail = (kind: 'normal' | 'lognormal' | 'pareto') =>
      value(tailProbability(value(matchMoments(kind, 1, 0.5)), 5));
    // Normal: P(Z > 8) = 6.220960574271785e-16.
    expect(tail('normal') / 6.220960574271785e-16).toBeCloseTo(1, 9);
    // Log-normal: 1 − Φ((ln 5 − μ)/σ).
    const ln = value(logNormalFromMoments(1, 0.5));
    const z = (Math.log(5) - ln.mu) / ln.sigma;
    expect(z).toBeCloseTo(3.6431, 3);
    expect(tail('lognormal')).toBeCloseTo(1.346e-4, 7);
    // Pareto: (xₘ/5)^α.
    const p = value(paretoFromMoments(1, 0.5));
    expect(tail('pareto')).toBeCloseTo((p.xm / 5) ** p.alpha, 15);
    expect(tail('pareto')).toBeGreaterThan(10 * tail('lognormal'));
  });

  it('tails below the support are 1', () => {
    const pareto = value(matchMoments('pareto', 1, 0.5));
    expect(value(tailProbability(pareto, 0.1))).toBe(1);
    expect(value(tailProbability({ kind: 'lognormal', mu: 0, sigma: 1 }, 0))).toBe(1);
    expect(value(tailProbability({ kind: 'lognormal', mu: 0, sigma: 1 }, 1))).toBeCloseTo(0.5, 14);
  });

  it('explains bad distributions', () => {
    expect(reason(matchMoments('normal', 1, -1))).toMatch(/standard deviation/);
    expect(reason(matchMoments('lognormal', 0, 1))).toMatch(/mean/);
    expect(reason(matchMoments('weibull' as 'normal', 1, 1))).toMatch(/kind/);
    expect(reason(tailProbability({ kind: 'pareto', xm: 1, alpha: 0 }, 2))).toMatch(/α/);
    expect(reason(tailProbability({ kind: 'lognormal', mu: 0, sigma: -1 }, 2))).toMatch(/σ/);
  });
});

describe('capacity at a chosen risk', () => {
  it('closed forms: mean + z·sd, e^(μ + zσ), xₘ·risk^(−1/α)', () => {
    expect(value(capacityAtRisk({ kind: 'normal', mean: 1000, sd: 100 }, 0.001))).toBeCloseTo(
      1000 + 100 * 3.090232306167813,
      9,
    );
    expect(value(capacityAtRisk({ kind: 'lognormal', mu: 0, sigma: 1 }, 0.01))).toBeCloseTo(
      Math.exp(2.3263478740408408),
      9,
    );
    expect(value(capacityAtRisk({ kind: 'pareto', xm: 1, alpha: 2 }, 0.01))).toBeCloseTo(10, 12);
  });

  it('the tail at the capacity is the risk, for every kind', () => {
    const kinds: Distribution[] = [
      { kind: 'normal', mean: 5, sd: 2 },
      { kind: 'lognormal', mu: 1, sigma: 0.7 },
      { kind: 'pareto', xm: 0.5, alpha: 2.5 },
      { kind: 'mixture', components: bimodal },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.double({ min: 1e-12, max: 0.5, noNaN: true }),
        (d, risk) => {
          const cap = value(capacityAtRisk(d, risk));
          return Math.abs(value(tailProbability(d, cap)) / risk - 1) < 1e-7;
        },
      ),
    );
  });

  it('a normal fitted to bimodal load over-provisions; to fat-tailed load it under-provisions', () => {
    const m = value(mixtureMoments(bimodal));
    const fitted = value(capacityAtRisk({ kind: 'normal', ...m }, 0.001));
    const truth = value(capacityAtRisk({ kind: 'mixture', components: bimodal }, 0.001));
    expect(truth).toBeCloseTo(9000 + 800 * 2.8781617, 2);
    expect(fitted).toBeGreaterThan(truth * 1.3);
    const normal = value(capacityAtRisk(value(matchMoments('normal', 1, 0.5)), 1e-5));
    const pareto = value(capacityAtRisk(value(matchMoments('pareto', 1, 0.5)), 1e-5));
    expect(pareto).toBeGreaterThan(5 * normal);
  });

  it('explains a bad risk', () => {
    expect(reason(capacityAtRisk({ kind: 'normal', mean: 1, sd: 1 }, 0))).toMatch(/strictly/);
    expect(reason(capacityAtRisk({ kind: 'normal', mean: 1, sd: 1 }, 1))).toMatch(/strictly/);
  });
});

describe('minutes over capacity', () => {
  it('risk × minutes in the period', () => {
    expect(value(periodMinutes('30days'))).toBe(43_200);
    expect(value(periodMinutes('month'))).toBeCloseTo(43_830, 9);
    expect(value(minutesOverCapacity({ kind: 'normal', mean: 0, sd: 1 }, 0))).toBeCloseTo(
      21_600,
      9,
    );
    const cap = value(capacityAtRisk({ kind: 'mixture', components: bimodal }, 0.001));
    expect(
      value(minutesOverCapacity({ kind: 'mixture', components: bimodal }, cap, '30days')),
    ).toBeCloseTo(43.2, 6);
    expect(value(riskForMinutes(43.2))).toBeCloseTo(0.001, 15);
  });

  it('explains bad periods and minutes', () => {
    expect(reason(periodMinutes('fortnight' as '30days'))).toMatch(/period/);
    expect(reason(riskForMinutes(0))).toMatch(/above 0/);
    expect(reason(riskForMinutes(50_000))).toMatch(/below the whole/);
    expect(
      reason(minutesOverCapacity({ kind: 'normal', mean: 0, sd: 1 }, 1, 'decade' as '30days')),
    ).toMatch(/period/);
  });
});
