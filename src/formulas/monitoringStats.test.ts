import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logNormalFromMedianP99, Z99 } from '../sim/rng.ts';
import {
  errorRatioStandardError,
  falseAlarms,
  fleetPercentile,
  histogramPercentile,
  logNormalFit,
  logNormalPercentile,
  logNormalSummary,
  normalFences,
  poissonLowerTail,
  poissonNoise,
  poissonNormalTail,
  poissonPmf,
  poissonUpperTail,
  samplePercentile,
  tukeyFences,
  wilsonInterval,
} from './monitoringStats.ts';
import type { StatsResult } from './monitoringStats.ts';

function value<T>(r: StatsResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: StatsResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

describe('log-normal latency', () => {
  it('the standard log-normal: median 1, mean √e, sd √((e − 1)e)', () => {
    const s = value(logNormalSummary(0, 1));
    expect(s.median).toBe(1);
    expect(s.mean).toBeCloseTo(1.6487212707001282, 14);
    expect(s.sd).toBeCloseTo(2.1611974158950877, 13);
    expect(s.meanOverMedian).toBeCloseTo(Math.sqrt(Math.E), 14);
    // Φ(0.5) = 0.6914624612740131: about 69 % of requests are faster than the mean.
    expect(s.shareBelowMean).toBeCloseTo(0.6914624612740131, 14);
  });

  it('p99 = e^(μ + 2.326348σ), with z_0.99 = 2.326348 (published)', () => {
    expect(value(logNormalPercentile(0, 1, 0.99))).toBeCloseTo(Math.exp(2.326348), 5);
    expect(value(logNormalPercentile(3, 0.5, 0.5))).toBeCloseTo(Math.exp(3), 12);
    expect(value(logNormalPercentile(3, 0.5, 0.99))).toBeCloseTo(Math.exp(3 + 0.5 * Z99), 12);
    expect(value(logNormalPercentile(0, 1, 0.01))).toBeCloseTo(Math.exp(-2.326348), 6);
  });

  it('fits μ and σ from a median and a p99, as the simulator does', () => {
    const fit = value(logNormalFit(50, 300));
    const sim = logNormalFromMedianP99(50, 300);
    expect(fit.mu).toBeCloseTo(sim.mu, 14);
    expect(fit.sigma).toBeCloseTo(sim.sigma, 14);
    expect(fit.sigma).toBeCloseTo(Math.log(6) / 2.326348, 6);
    // Round trip: the fitted distribution has the given median and p99.
    expect(value(logNormalPercentile(fit.mu, fit.sigma, 0.99))).toBeCloseTo(300, 9);
    // Any upper percentile: a median of 20 and a p90 of 40.
    const p90 = value(logNormalFit(20, 40, 0.9));
    expect(value(logNormalPercentile(p90.mu, p90.sigma, 0.9))).toBeCloseTo(40, 10);
  });

  it('the mean always sits above the median, and more so with a longer tail', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (mu, sigma) => {
          const s = value(logNormalSummary(mu, sigma));
          return s.mean > s.median && s.shareBelowMean > 0.5;
        },
      ),
    );
  });

  it('explains bad input', () => {
    expect(reason(logNormalSummary(0, 0))).toMatch(/σ/);
    expect(reason(logNormalSummary(Number.NaN, 1))).toMatch(/μ/);
    expect(reason(logNormalPercentile(0, 1, 1))).toMatch(/strictly between/);
    expect(reason(logNormalFit(50, 40))).toMatch(/above the median/);
    expect(reason(logNormalFit(0, 40))).toMatch(/median/);
    expect(reason(logNormalFit(50, 300, 0.3))).toMatch(/between 0.5 and 1/);
  });
});

describe('percentiles cannot be averaged across hosts', () => {
  it('one host, or identical hosts, give that host’s p99 back', () => {
    expect(value(fleetPercentile([{ weight: 1, median: 50, p99: 200 }], 0.99))).toBeCloseTo(200, 6);
    const twins = [
      { weight: 0.5, median: 50, p99: 200 },
      { weight: 0.5, median: 50, p99: 200 },
    ];
    expect(value(fleetPercentile(twins, 0.99))).toBeCloseTo(200, 6);
  });

  it('the fleet p99 is not the traffic-weighted mean of the hosts’ p99s', () => {
    const hosts = [
      { weight: 0.9, median: 50, p99: 200 },
      { weight: 0.1, median: 200, p99: 2000 },
    ];
    const fleet = value(fleetPercentile(hosts, 0.99));
    const averaged = 0.9 * 200 + 0.1 * 2000;
    expect(fleet).toBeGreaterThan(1.5 * averaged);
    // Check by the definition: the share of all requests below the answer is 0.99.
    const below = hosts.reduce((sum, h) => {
      const fit = value(logNormalFit(h.median, h.p99));
      const p = value(logNormalPercentile(fit.mu, fit.sigma, 0.5)); // median, for sanity
      expect(p).toBeCloseTo(h.median, 9);
      const z = (Math.log(fleet) - fit.mu) / fit.sigma;
      // Φ(z) through the log-normal percentile's inverse: bisection-free check via erf symmetry.
      return sum + h.weight * phi(z);
    }, 0);
    expect(below).toBeCloseTo(0.99, 9);
  });

  it('explains bad fleets', () => {
    expect(reason(fleetPercentile([], 0.99))).toMatch(/at least one host/);
    expect(reason(fleetPercentile([{ weight: 1, median: 50, p99: 20 }], 0.99))).toMatch(/Host 1/);
    expect(reason(fleetPercentile([{ weight: 0.5, median: 50, p99: 200 }], 0.99))).toMatch(
      /host weights/,
    );
    expect(reason(fleetPercentile([{ weight: 1, median: 50, p99: 200 }], 0))).toMatch(/strictly/);
  });
});

/** Φ(z) by a series independent of the module's own normal CDF (Abramowitz–Stegun 26.2.11 style). */
function phi(z: number): number {
  // erf by its Taylor series, good to ~1e-15 for |z| < 6.
  const x = z / Math.SQRT2;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-18) break;
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe('Poisson counts', () => {
  it('pmf and tails by hand', () => {
    expect(value(poissonPmf(0, 3))).toBeCloseTo(Math.exp(-3), 15);
    expect(value(poissonPmf(2, 3))).toBeCloseTo((9 / 2) * Math.exp(-3), 15);
    // P(N ≥ 5 | λ = 1) = 1 − e⁻¹(1 + 1 + 1/2 + 1/6 + 1/24).
    const byHand = 1 - Math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6 + 1 / 24);
    expect(value(poissonUpperTail(5, 1))).toBeCloseTo(byHand, 15);
    expect(value(poissonLowerTail(1, 2))).toBeCloseTo(3 * Math.exp(-2), 15);
    expect(value(poissonUpperTail(0, 5))).toBe(1);
  });

  it('the two tails add up to 1, on both sides of the mean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.integer({ min: 1, max: 10000 }),
        (lambda, k) =>
          Math.abs(
            value(poissonLowerTail(k - 1, lambda)) + value(poissonUpperTail(k, lambda)) - 1,
          ) < 1e-12,
      ),
    );
  });

  it('variance equals the mean: a count of 100 wobbles by ±10', () => {
    const noise = value(poissonNoise(100));
    expect(noise.sd).toBe(10);
    expect(noise.relative).toBe(0.1);
    expect(value(poissonNoise(10_000)).relative).toBe(0.01);
    let mean = 0;
    let second = 0;
    for (let k = 0; k < 400; k++) {
      const p = value(poissonPmf(k, 100));
      mean += k * p;
      second += k * k * p;
    }
    expect(mean).toBeCloseTo(100, 10);
    expect(second - mean * mean).toBeCloseTo(100, 8);
  });

  it('the normal approximation is close in the middle and poor far out with few counts', () => {
    // Large λ: a count of 10,200 or more when 10,000 are expected (z ≈ 2).
    const exact = value(poissonUpperTail(10_200, 10_000));
    const approx = value(poissonNormalTail(10_200, 10_000, 'upper'));
    expect(Math.abs(approx / exact - 1)).toBeLessThan(0.05);
    // Small λ: five or more when one is expected; the normal curve is out by more than 10×.
    expect(value(poissonUpperTail(5, 1)) / value(poissonNormalTail(5, 1, 'upper'))).toBeGreaterThan(
      10,
    );
    expect(value(poissonNormalTail(100, 100, 'lower'))).toBeGreaterThan(0.5);
  });

  it('far tails keep their digits, and never loop forever', () => {
    expect(value(poissonLowerTail(7000, 10_000))).toBeLessThan(1e-200);
    expect(value(poissonLowerTail(7000, 10_000))).toBeGreaterThan(0);
    expect(value(poissonUpperTail(100_000, 10))).toBe(0);
  });

  it('explains bad input', () => {
    expect(reason(poissonPmf(1.5, 3))).toMatch(/whole number/);
    expect(reason(poissonUpperTail(3, 0))).toMatch(/above 0/);
    expect(reason(poissonLowerTail(-1, 3))).toMatch(/at least 0/);
    expect(reason(poissonNoise(-4))).toMatch(/positive/);
  });
});

describe('error ratios', () => {
  it('standard error √(p(1 − p)/n)', () => {
    expect(value(errorRatioStandardError(0.01, 500))).toBeCloseTo(Math.sqrt(0.0099 / 500), 15);
    expect(value(errorRatioStandardError(0.5, 100))).toBeCloseTo(0.05, 15);
    expect(value(errorRatioStandardError(0, 100))).toBe(0);
    expect(reason(errorRatioStandardError(1.2, 100))).toMatch(/from 0 to 1/);
    expect(reason(errorRatioStandardError(0.1, 0))).toMatch(/at least 1/);
  });

  it('Wilson: zero errors in 200 gives an upper bound of z²/(n + z²)', () => {
    const z = 1.959963984540054;
    const w = value(wilsonInterval(0, 200));
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo((z * z) / (200 + z * z), 14);
    expect(value(wilsonInterval(200, 200)).high).toBe(1);
  });

  it('Wilson bounds solve (p̂ − p)² = z²·p(1 − p)/n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const errors = Math.round(share * n);
          const w = value(wilsonInterval(errors, n));
          const z = 1.959963984540054;
          const p = errors / n;
          const check = (b: number) =>
            Math.abs((p - b) ** 2 - (z * z * b * (1 - b)) / n) < 1e-12 || b === 0 || b === 1;
          return w.low <= p && p <= w.high && check(w.low) && check(w.high);
        },
      ),
    );
  });

  it('explains bad counts', () => {
    expect(reason(wilsonInterval(5, 0))).toMatch(/at least 1/);
    expect(reason(wilsonInterval(6, 5))).toMatch(/at most 5/);
    expect(reason(wilsonInterval(1, 5, 1))).toMatch(/confidence level/);
  });
});

describe('false alarms of a z-score rule', () => {
  it('P(|Z| > 3) = 0.0026998 per check (published), about 3.9 a day at one check a minute', () => {
    const f = value(falseAlarms(3));
    expect(f.perCheck).toBeCloseTo(0.0026998, 7);
    // Exceedances per day are 1440·p ≈ 3.888; alerts (starts of runs) 1440·(1 − p)·p ≈ 3.877.
    expect(1440 * f.perCheck).toBeCloseTo(3.8877, 3);
    expect(f.perDay).toBeCloseTo(1440 * (1 - 0.0026997960632601) * 0.0026997960632601, 10);
    expect(f.daysBetween).toBeCloseTo(1 / f.perDay, 12);
    // One-sided, as an "above" rule: half as many.
    expect(value(falseAlarms(3, 1440, 1, 1)).perCheck).toBeCloseTo(0.0013499, 7);
  });

  it('k consecutive exceedances: (1 − p)·pᵏ per check', () => {
    const p = 0.0026997960632601;
    for (const k of [2, 3, 5, 6]) {
      const f = value(falseAlarms(3, 1440, k));
      expect(f.perCheckAlert / ((1 - p) * p ** k)).toBeCloseTo(1, 10);
    }
    // Five in a row: about 2·10⁻¹⁰ a day, once in billions of days.
    expect(value(falseAlarms(3, 1440, 5)).perDay).toBeCloseTo(2.0599e-10, 13);
    expect(value(falseAlarms(3, 1440, 5)).daysBetween).toBeGreaterThan(4e9);
  });

  it('explains bad rules', () => {
    expect(reason(falseAlarms(0))).toMatch(/threshold/);
    expect(reason(falseAlarms(3, 0))).toMatch(/checks per day/);
    expect(reason(falseAlarms(3, 1440, 0))).toMatch(/at least 1/);
    expect(reason(falseAlarms(3, 1440, 1, 3 as 1))).toMatch(/sides/);
  });
});

describe('percentiles from samples and histograms', () => {
  const five = [15, 20, 35, 40, 50];

  it('nearest rank and linear interpolation (published examples)', () => {
    // Nearest rank on {15, 20, 35, 40, 50}: p30 = 20, p40 = 20, p50 = 35, p100-ish = 50.
    expect(value(samplePercentile(five, 0.3))).toBe(20);
    expect(value(samplePercentile(five, 0.4))).toBe(20);
    expect(value(samplePercentile(five, 0.5))).toBe(35);
    expect(value(samplePercentile(five, 0.99))).toBe(50);
    // numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0.
    expect(value(samplePercentile(five, 0.4, 'linear'))).toBeCloseTo(29, 12);
    expect(value(samplePercentile([3, 1, 2], 0.5, 'linear'))).toBe(2);
  });

  it('both methods stay within the sample', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (xs, q) => {
          const lo = Math.min(...xs);
          const hi = Math.max(...xs);
          const a = value(samplePercentile(xs, q));
          const b = value(samplePercentile(xs, q, 'linear'));
          return a >= lo && a <= hi && b >= lo - 1e-9 && b <= hi + 1e-9 && xs.includes(a);
        },
      ),
    );
  });

  it('histogram percentiles interpolate inside the bucket', () => {
    expect(value(histogramPercentile([1, 2], [50, 50], 0.5))).toBe(1);
    expect(value(histogramPercentile([1, 2], [50, 50], 0.75))).toBe(1.5);
    expect(value(histogramPercentile([1, 2], [50, 50], 0.25))).toBe(0.5);
    // Rank 990 of 1,000 falls 10/20 of the way into the 250–500 bucket.
    expect(value(histogramPercentile([100, 250, 500], [900, 80, 20], 0.99))).toBe(375);
    // Ranks among the overflow return the last bound.
    expect(value(histogramPercentile([100], [90], 0.99, 10))).toBe(100);
    // Empty buckets are skipped.
    expect(value(histogramPercentile([1, 2, 3], [10, 0, 10], 0.5))).toBe(1);
  });

  it('explains bad samples and histograms', () => {
    expect(reason(samplePercentile([], 0.5))).toMatch(/at least one/);
    expect(reason(samplePercentile([1, Number.NaN], 0.5))).toMatch(/number/);
    expect(reason(samplePercentile([1, 2], 1))).toMatch(/strictly between/);
    expect(reason(histogramPercentile([], [], 0.5))).toMatch(/at least one bucket/);
    expect(reason(histogramPercentile([1, 2], [1], 0.5))).toMatch(/one count per bucket/);
    expect(reason(histogramPercentile([2, 1], [1, 1], 0.5))).toMatch(/increase/);
    expect(reason(histogramPercentile([1, 2], [1, -1], 0.5))).toMatch(/whole number/);
    expect(reason(histogramPercentile([1, 2], [0, 0], 0.5))).toMatch(/empty/);
    expect(reason(histogramPercentile([0, 2], [1, 1], 0.5))).toMatch(/positive/);
  });
});

describe('Tukey fences', () => {
  it('quartiles by interpolation and the fences 1.5 IQR beyond them', () => {
    const f = value(tukeyFences([1, 2, 3, 4, 5, 6, 7, 8, 100]));
    expect(f.q1).toBe(3);
    expect(f.q3).toBe(7);
    expect(f.iqr).toBe(4);
    expect(f.lower).toBe(-3);
    expect(f.upper).toBe(13);
    expect(f.outliers).toEqual([100]);
    expect(value(tukeyFences([1, 2, 3, 4, 5, 6, 7, 8, 100], 3)).upper).toBe(19);
  });

  it('on normal data the fences sit at ±2.698σ and flag 0.70 % (published)', () => {
    const n = value(normalFences(1.5));
    expect(n.z).toBeCloseTo(2.698, 3);
    expect(n.shareOutside).toBeCloseTo(0.006977, 6);
    expect(value(normalFences(3)).z).toBeCloseTo(4.7214, 4);
  });

  it('explains bad input', () => {
    expect(reason(tukeyFences([1, 2, 3]))).toMatch(/at least 4/);
    expect(reason(tukeyFences([1, 2, 3, 4], -1))).toMatch(/k must be/);
    expect(reason(normalFences(Number.NaN))).toMatch(/k must be/);
  });
});
