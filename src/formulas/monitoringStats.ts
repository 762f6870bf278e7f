/**
 * The statistics of monitoring: log-normal latency (median, mean and percentiles from μ and σ, and
 * μ and σ from a median and a p99), why percentiles cannot be averaged across hosts, the Poisson
 * noise of request counts, the standard error of an error ratio and its Wilson interval, the
 * false-alarm rate of a z-score rule per day (and after k consecutive exceedances), sample and
 * histogram percentiles, and Tukey's fences.
 *
 * Every function checks its input and explains a problem in words instead of returning NaN or
 * Infinity. Small tail probabilities are computed directly so they keep their digits.
 */

import { lnGamma, normalCdf, normalQuantile, normalUpperTail } from './canary.ts';
import { mixtureQuantile } from './loadRisk.ts';
import { nearestRankPercentile as nearestRank, sortedQuantile } from './quantiles.ts';

export type StatsResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

const finite = (x: number) => Number.isFinite(x);

function positiveProblem(name: string, x: number): string | null {
  return finite(x) && x > 0 ? null : `${name} must be a positive number, not ${String(x)}`;
}

function quantileProblem(q: number): string | null {
  return finite(q) && q > 0 && q < 1
    ? null
    : `The percentile must be a share strictly between 0 and 1 (0.99 for p99), not ${String(q)}`;
}

function wholeProblem(name: string, x: number, min: number, max: number): string | null {
  if (!finite(x) || !Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min) return `${name} must be at least ${min}`;
  if (x > max) return `${name} must be at most ${max.toLocaleString('en')}`;
  return null;
}

// ——— Log-normal latency ———

export interface LogNormalSummary {
  mu: number;
  sigma: number;
  /** e^μ */
  median: number;
  /** e^(μ + σ²/2): above the median, pulled up by the tail. */
  mean: number;
  /** mean · √(e^(σ²) − 1) */
  sd: number;
  /** e^σ²/2: how far the mean sits above the median. */
  meanOverMedian: number;
  /** P(X ≤ mean) = Φ(σ/2): the share of requests faster than the mean. */
  shareBelowMean: number;
}

function logNormalProblem(mu: number, sigma: number): string | null {
  return finite(mu) ? positiveProblem('σ', sigma) : `μ must be a number, not ${String(mu)}`;
}

/** Median, mean, standard deviation and the share below the mean of a log-normal(μ, σ). */
export function logNormalSummary(mu: number, sigma: number): StatsResult<LogNormalSummary> {
  const problem = logNormalProblem(mu, sigma);
  if (problem) return fail(problem);
  const median = Math.exp(mu);
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  return ok({
    mu,
    sigma,
    median,
    mean,
    sd: mean * Math.sqrt(Math.expm1(sigma * sigma)),
    meanOverMedian: Math.exp((sigma * sigma) / 2),
    shareBelowMean: normalCdf(sigma / 2),
  });
}

/** The q-quantile of a log-normal(μ, σ): e^(μ + σ·z_q); p99 is e^(μ + 2.326σ). */
export function logNormalPercentile(mu: number, sigma: number, q: number): StatsResult<number> {
  const problem = logNormalProblem(mu, sigma) ?? quantileProblem(q);
  if (problem) return fail(problem);
  const z = normalQuantile(q);
  return z.ok ? ok(Math.exp(mu + sigma * z.value)) : z;
}

/**
 * μ and σ from a median and one upper percentile (the p99 by default): μ = ln(median),
 * σ = ln(x_q / median) / z_q. The same fit as `logNormalFromMedianP99` in src/sim/rng.ts, with its
 * input checked and any percentile above the median allowed.
 */
export function logNormalFit(
  median: number,
  upper: number,
  q = 0.99,
): StatsResult<{ mu: number; sigma: number }> {
  const problem =
    positiveProblem('The median', median) ??
    positiveProblem('The upper percentile', upper) ??
    (finite(q) && q > 0.5 && q < 1
      ? null
      : `The upper percentile's rank must be between 0.5 and 1 (0.99 for p99), not ${String(q)}`);
  if (problem) return fail(problem);
  if (upper <= median)
    return fail('The upper percentile must be above the median: a log-normal always has a tail');
  const z = normalQuantile(q);
  if (!z.ok) return z;
  return ok({ mu: Math.log(median), sigma: Math.log(upper / median) / z.value });
}

/** One host's latency for the fleet calculation: its share of requests and its log-normal. */
export interface HostLatency {
  weight: number;
  median: number;
  p99: number;
}

/**
 * The true q-percentile of a fleet's pooled latency, when each host's latency is log-normal (fitted
 * from its median and p99) and it serves `weight` of the requests. ln X is then a mixture of
 * normals, so the answer is exp(mixture quantile of the logs): the right way to combine
 * percentiles, which averaging them is not.
 */
export function fleetPercentile(hosts: readonly HostLatency[], q: number): StatsResult<number> {
  const qProblem = quantileProblem(q);
  if (qProblem) return fail(qProblem);
  if (hosts.length === 0) return fail('The fleet needs at least one host');
  const components = [];
  for (const [i, h] of hosts.entries()) {
    const fit = logNormalFit(h.median, h.p99);
    if (!fit.ok) return fail(`Host ${i + 1}: ${fit.reason}`);
    components.push({ weight: h.weight, mean: fit.value.mu, sd: fit.value.sigma });
  }
  const logQ = mixtureQuantile(components, q);
  return logQ.ok ? ok(Math.exp(logQ.value)) : fail(logQ.reason.replace('weights', 'host weights'));
}

// ——— Poisson counts ———

/** The largest expected count the exact Poisson sums accept. */
export const MAX_POISSON_MEAN = 1e7;

function poissonProblem(k: number, lambda: number): string | null {
  return (
    (finite(lambda) && lambda > 0 && lambda <= MAX_POISSON_MEAN
      ? null
      : `The expected count λ must be above 0 and at most ${MAX_POISSON_MEAN.toLocaleString('en')}, not ${String(lambda)}`) ??
    wholeProblem('The count k', k, 0, 10 * MAX_POISSON_MEAN)
  );
}

const lnPmf = (k: number, lambda: number) => k * Math.log(lambda) - lambda - lnGamma(k + 1);

/** P(N = k) = λᵏ e^(−λ) / k!, computed through logarithms. */
export function poissonPmf(k: number, lambda: number): StatsResult<number> {
  const problem = poissonProblem(k, lambda);
  return problem ? fail(problem) : ok(Math.exp(lnPmf(k, lambda)));
}

/** Σ of pmf terms from `from` stepping by `step` while they matter (they fall away from the mode). */
function sumTerms(lambda: number, from: number, step: 1 | -1, stop: number): number {
  let term = Math.exp(lnPmf(from, lambda));
  let sum = term;
  for (let i = from; step === 1 ? true : i > stop; i += step) {
    term *= step === 1 ? lambda / (i + 1) : i / lambda;
    sum += term;
    if (term === 0 || (term < sum * 1e-17 && (step === -1 || i > lambda))) break;
  }
  return sum;
}

/** P(N ≥ k): the chance of a count of at least k when λ are expected. */
export function poissonUpperTail(k: number, lambda: number): StatsResult<number> {
  const problem = poissonProblem(k, lambda);
  if (problem) return fail(problem);
  if (k === 0) return ok(1);
  // Sum the smaller side directly: upwards from k above the mean, downwards from k − 1 below it.
  if (k > lambda) return ok(Math.min(1, sumTerms(lambda, k, 1, 0)));
  return ok(Math.max(0, 1 - sumTerms(lambda, k - 1, -1, 0)));
}

/** P(N ≤ k): the chance of a count of at most k when λ are expected. */
export function poissonLowerTail(k: number, lambda: number): StatsResult<number> {
  const problem = poissonProblem(k, lambda);
  if (problem) return fail(problem);
  if (k < lambda) return ok(Math.min(1, sumTerms(lambda, k, -1, 0)));
  return ok(Math.max(0, 1 - sumTerms(lambda, k + 1, 1, 0)));
}

/**
 * The normal approximation to the Poisson tails, with a continuity correction:
 * P(N ≥ k) ≈ P(Z > (k − ½ − λ)/√λ), P(N ≤ k) ≈ P(Z < (k + ½ − λ)/√λ). Good when λ is large.
 */
export function poissonNormalTail(
  k: number,
  lambda: number,
  side: 'upper' | 'lower',
): StatsResult<number> {
  const problem = poissonProblem(k, lambda);
  if (problem) return fail(problem);
  const sd = Math.sqrt(lambda);
  return ok(
    side === 'upper'
      ? normalUpperTail((k - 0.5 - lambda) / sd)
      : normalCdf((k + 0.5 - lambda) / sd),
  );
}

/** A Poisson count's natural wobble: standard deviation √λ, and relative to the mean 1/√λ. */
export function poissonNoise(lambda: number): StatsResult<{ sd: number; relative: number }> {
  const problem = positiveProblem('The expected count λ', lambda);
  return problem ? fail(problem) : ok({ sd: Math.sqrt(lambda), relative: 1 / Math.sqrt(lambda) });
}

// ——— Error ratios: binomial counts ———

/** The standard error of an error ratio p measured over n requests: √(p(1 − p)/n). */
export function errorRatioStandardError(p: number, n: number): StatsResult<number> {
  const problem =
    (finite(p) && p >= 0 && p <= 1
      ? null
      : `The error ratio must be from 0 to 1, not ${String(p)}`) ??
    (finite(n) && n >= 1 ? null : `The number of requests must be at least 1, not ${String(n)}`);
  return problem ? fail(problem) : ok(Math.sqrt((p * (1 - p)) / n));
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/**
 * The Wilson score interval for an error ratio from `errors` in `n` requests, at `level`
 * (two-sided): (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Unlike p̂ ± z·SE it never
 * leaves [0, 1] and is not zero-width when there are no errors.
 */
export function wilsonInterval(errors: number, n: number, level = 0.95): StatsResult<Interval> {
  const problem =
    wholeProblem('The number of requests', n, 1, Number.MAX_SAFE_INTEGER) ??
    wholeProblem('The number of errors', errors, 0, Number.isInteger(n) ? n : 0) ??
    (finite(level) && level > 0 && level < 1
      ? null
      : `The confidence level must be between 0 and 1 (such as 0.95), not ${String(level)}`);
  if (problem) return fail(problem);
  const z = normalQuantile(1 - (1 - level) / 2);
  if (!z.ok) return z;
  const p = errors / n;
  const z2 = z.value * z.value;
  const centre = p + z2 / (2 * n);
  const half = z.value * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return ok({
    estimate: p,
    low: errors === 0 ? 0 : Math.max(0, (centre - half) / scale),
    high: errors === n ? 1 : Math.min(1, (centre + half) / scale),
  });
}

// ——— False alarms of a z-score rule ———

export interface FalseAlarms {
  /** P(one check exceeds the threshold) on normal, in-control data. */
  perCheck: number;
  /** P(an alert starts at a given check): the check is the k-th exceedance in a row. */
  perCheckAlert: number;
  /** Expected alerts per day. */
  perDay: number;
  /** Expected days between false alarms: 1 / perDay. */
  daysBetween: number;
}

/** The most consecutive exceedances and checks per day accepted. */
export const MAX_CONSECUTIVE = 1440;

/**
 * False alarms of a rule "value more than z standard deviations from the mean" on a metric that is
 * in fact normal and in control. One check exceeds with p = P(|Z| > z) (two-sided) or P(Z > z)
 * (one-sided). Requiring `consecutive` = k exceedances in a row, on independent checks, an alert
 * starts at a check when it is the k-th of a run: probability (1 − p)·pᵏ (for k = 1 that is the
 * start of every run of exceedances). Expected alerts per day = checks per day × that.
 */
export function falseAlarms(
  z: number,
  checksPerDay = 1440,
  consecutive = 1,
  sides: 1 | 2 = 2,
): StatsResult<FalseAlarms> {
  const problem =
    positiveProblem('The threshold z', z) ??
    (finite(checksPerDay) && checksPerDay > 0 && checksPerDay <= 1e9
      ? null
      : `The checks per day (across every metric watched) must be above 0 and at most 10⁹, not ${String(checksPerDay)}`) ??
    wholeProblem('The consecutive exceedances', consecutive, 1, MAX_CONSECUTIVE) ??
    (sides === 1 || sides === 2 ? null : 'sides must be 1 or 2');
  if (problem) return fail(problem);
  const perCheck = sides * normalUpperTail(z);
  // pᵏ through logarithms so that 0.0027⁶ does not lose its digits.
  const perCheckAlert = Math.exp(consecutive * Math.log(perCheck) + Math.log1p(-perCheck));
  const perDay = checksPerDay * perCheckAlert;
  return ok({ perCheck, perCheckAlert, perDay, daysBetween: 1 / perDay });
}

// ——— Percentiles from samples and histograms ———

/** The most samples the percentile functions accept. */
export const MAX_SAMPLES = 1_000_000;

function samplesProblem(values: readonly number[]): string | null {
  if (values.length === 0) return 'A percentile needs at least one value';
  if (values.length > MAX_SAMPLES) return `At most ${MAX_SAMPLES.toLocaleString('en')} values`;
  return values.every(finite) ? null : 'Every value must be a number';
}

export const PERCENTILE_METHODS = ['nearest-rank', 'linear'] as const;
export type PercentileMethod = (typeof PERCENTILE_METHODS)[number];

/**
 * The q-percentile of a sample. Nearest rank: the ⌈q·n⌉-th smallest value, always one of the
 * values. Linear: the value at position (n − 1)·q between neighbours, interpolated (numpy's and
 * the alert simulator's default). They differ most for small samples and high percentiles.
 */
export function samplePercentile(
  values: readonly number[],
  q: number,
  method: PercentileMethod = 'nearest-rank',
): StatsResult<number> {
  const problem = samplesProblem(values) ?? quantileProblem(q);
  if (problem) return fail(problem);
  if (method === 'nearest-rank') return ok(nearestRank(values, q)!);
  const sorted = [...values].sort((a, b) => a - b);
  return ok(sortedQuantile(sorted, sorted.length, q));
}

/**
 * The q-percentile from a latency histogram, as Prometheus's histogram_quantile estimates it:
 * find the bucket that holds rank q·total and interpolate linearly inside it, assuming its
 * requests are spread evenly between its lower and upper bound. `bounds` are the buckets' upper
 * bounds (ascending; the first bucket starts at 0), `counts` the requests in each (not
 * cumulative), `overflow` the requests above the last bound. A rank that falls among the
 * overflow returns the last bound: the histogram cannot say how far beyond it they are.
 */
export function histogramPercentile(
  bounds: readonly number[],
  counts: readonly number[],
  q: number,
  overflow = 0,
): StatsResult<number> {
  if (bounds.length === 0) return fail('A histogram needs at least one bucket');
  if (bounds.length !== counts.length)
    return fail('Give one count per bucket bound (the counts are per bucket, not cumulative)');
  for (const [i, b] of bounds.entries()) {
    if (!(finite(b) && b > 0)) return fail('Every bucket bound must be a positive number');
    if (i > 0 && b <= bounds[i - 1]!) return fail('The bucket bounds must increase');
  }
  if (![...counts, overflow].every((c) => Number.isInteger(c) && c >= 0))
    return fail('Every count must be a whole number, 0 or more');
  const qProblem = quantileProblem(q);
  if (qProblem) return fail(qProblem);
  const total = counts.reduce((s, c) => s + c, 0) + overflow;
  if (total === 0) return fail('The histogram is empty');
  const rank = q * total;
  let below = 0;
  for (const [i, c] of counts.entries()) {
    if (below + c >= rank && c > 0) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      return ok(lower + ((bounds[i]! - lower) * (rank - below)) / c);
    }
    below += c;
  }
  return ok(bounds[bounds.length - 1]!);
}

// ——— Tukey's fences ———

export interface Fences {
  q1: number;
  q3: number;
  iqr: number;
  /** Q1 − k·IQR */
  lower: number;
  /** Q3 + k·IQR */
  upper: number;
  /** The values outside the fences, in their original order. */
  outliers: number[];
}

/**
 * Tukey's fences: Q1 − k·IQR and Q3 + k·IQR (k = 1.5 flags "outliers", 3 "far out"), with the
 * quartiles by linear interpolation, as the alert simulator's IQR rule computes them.
 */
export function tukeyFences(values: readonly number[], k = 1.5): StatsResult<Fences> {
  const problem =
    samplesProblem(values) ??
    (finite(k) && k >= 0 ? null : `k must be 0 or more, not ${String(k)}`);
  if (problem) return fail(problem);
  if (values.length < 4) return fail('Quartiles need at least 4 values');
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = sortedQuantile(sorted, sorted.length, 0.25);
  const q3 = sortedQuantile(sorted, sorted.length, 0.75);
  const iqr = q3 - q1;
  const lower = q1 - k * iqr;
  const upper = q3 + k * iqr;
  return ok({ q1, q3, iqr, lower, upper, outliers: values.filter((v) => v < lower || v > upper) });
}

/**
 * Where Tukey's fences sit on a normal distribution, in standard deviations from the mean
 * (z₀.₇₅·(1 + 2k), 2.698 for k = 1.5), and the share of normal data outside them (two-sided).
 */
export function normalFences(k = 1.5): StatsResult<{ z: number; shareOutside: number }> {
  if (!(finite(k) && k >= 0)) return fail(`k must be 0 or more, not ${String(k)}`);
  const q3 = normalQuantile(0.75);
  if (!q3.ok) return q3;
  const z = q3.value * (1 + 2 * k);
  return ok({ z, shareOutside: 2 * normalUpperTail(z) });
}
