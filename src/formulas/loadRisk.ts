/**
 * Load that is not normal: mixtures of normal distributions (a quiet night, a lunchtime peak and an
 * evening peak in one picture of "a random minute"), heavier-tailed alternatives (log-normal and
 * Pareto) matched to the same mean and standard deviation, the capacity that is exceeded with a
 * chosen probability, and the expected number of minutes a period spends above a capacity.
 *
 * Every function checks its input and explains a problem in words instead of returning NaN or
 * Infinity. Upper tails are computed directly (never as 1 − CDF) so that small risks keep their
 * digits.
 */

import { normalCdf, normalQuantile } from './canary.ts';
import { PERIOD_SECONDS, PERIODS } from './availability.ts';
import type { Period } from './availability.ts';

export type LoadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

const finite = (x: number) => Number.isFinite(x);

function positiveProblem(name: string, x: number): string | null {
  return finite(x) && x > 0 ? null : `${name} must be a positive number, not ${String(x)}`;
}

function riskProblem(name: string, p: number): string | null {
  return finite(p) && p > 0 && p < 1
    ? null
    : `${name} must be a probability strictly between 0 and 1 (such as 0.001), not ${String(p)}`;
}

// ——— Mixtures of normal distributions ———

/** One regime of the load: its share of the time, and its mean and standard deviation. */
export interface NormalComponent {
  weight: number;
  mean: number;
  sd: number;
}

/** The most components a mixture accepts. */
export const MAX_COMPONENTS = 20;

/** Checks a mixture; the weights must add up to 1 (within 10⁻⁶). */
export function mixtureProblem(components: readonly NormalComponent[]): string | null {
  if (components.length === 0) return 'A mixture needs at least one component';
  if (components.length > MAX_COMPONENTS)
    return `A mixture has at most ${MAX_COMPONENTS} components`;
  for (const [i, c] of components.entries()) {
    const name = `Component ${i + 1}`;
    if (!(finite(c.weight) && c.weight > 0 && c.weight <= 1))
      return `${name}'s weight must be above 0 and at most 1, not ${String(c.weight)}`;
    if (!finite(c.mean)) return `${name}'s mean must be a number`;
    if (!(finite(c.sd) && c.sd > 0))
      return `${name}'s standard deviation must be a positive number, not ${String(c.sd)}`;
  }
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - 1) > 1e-6)
    return `The weights must add up to 1 (they are shares of the time), not ${String(Number(total.toPrecision(6)))}`;
  return null;
}

const normalDensity = (x: number, mean: number, sd: number) =>
  Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));

function pdfUnchecked(components: readonly NormalComponent[], x: number): number {
  return components.reduce((sum, c) => sum + c.weight * normalDensity(x, c.mean, c.sd), 0);
}

function cdfUnchecked(components: readonly NormalComponent[], x: number): number {
  return components.reduce((sum, c) => sum + c.weight * normalCdf((x - c.mean) / c.sd), 0);
}

/** P(X > x), each component's upper tail computed directly. */
function tailUnchecked(components: readonly NormalComponent[], x: number): number {
  return components.reduce((sum, c) => sum + c.weight * normalCdf((c.mean - x) / c.sd), 0);
}

/** The density of the mixture at x: Σ wᵢ φ((x − μᵢ)/σᵢ)/σᵢ. */
export function mixturePdf(components: readonly NormalComponent[], x: number): LoadResult<number> {
  const problem = mixtureProblem(components) ?? (finite(x) ? null : 'x must be a number');
  return problem ? fail(problem) : ok(pdfUnchecked(components, x));
}

/** P(X ≤ x) = Σ wᵢ Φ((x − μᵢ)/σᵢ). */
export function mixtureCdf(components: readonly NormalComponent[], x: number): LoadResult<number> {
  const problem = mixtureProblem(components) ?? (finite(x) ? null : 'x must be a number');
  return problem ? fail(problem) : ok(cdfUnchecked(components, x));
}

/** P(X > x) = Σ wᵢ Φ((μᵢ − x)/σᵢ), accurate far into the upper tail. */
export function mixtureTail(components: readonly NormalComponent[], x: number): LoadResult<number> {
  const problem = mixtureProblem(components) ?? (finite(x) ? null : 'x must be a number');
  return problem ? fail(problem) : ok(tailUnchecked(components, x));
}

export interface Moments {
  mean: number;
  sd: number;
}

/**
 * The mixture's overall mean and standard deviation: mean = Σ wᵢμᵢ, and by the law of total
 * variance, variance = Σ wᵢσᵢ² (spread inside each regime) + Σ wᵢ(μᵢ − mean)² (spread between them).
 */
export function mixtureMoments(components: readonly NormalComponent[]): LoadResult<Moments> {
  const problem = mixtureProblem(components);
  if (problem) return fail(problem);
  const mean = components.reduce((sum, c) => sum + c.weight * c.mean, 0);
  const variance = components.reduce(
    (sum, c) => sum + c.weight * (c.sd * c.sd + (c.mean - mean) ** 2),
    0,
  );
  return ok({ mean, sd: Math.sqrt(variance) });
}

/** Bisection for x with f(x) = target, f decreasing (an upper tail), to the last bit. */
function bisectDecreasing(f: (x: number) => number, target: number, lo: number, hi: number) {
  for (let i = 0; i < 400; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function bracket(components: readonly NormalComponent[]): [number, number] {
  // 40 standard deviations beyond every component: Φ(−40) ≈ 4·10⁻³⁵⁰ underflows to 0.
  const lo = Math.min(...components.map((c) => c.mean - 40 * c.sd));
  const hi = Math.max(...components.map((c) => c.mean + 40 * c.sd));
  return [lo, hi];
}

/** The x with P(X > x) = risk, by bisection on the upper tail. */
function upperMixtureQuantile(components: readonly NormalComponent[], risk: number): number {
  const [lo, hi] = bracket(components);
  return bisectDecreasing((x) => tailUnchecked(components, x), risk, lo, hi);
}

/** The q-quantile of the mixture (P(X ≤ x) = q), by bisection: mixtures have no closed form. */
export function mixtureQuantile(
  components: readonly NormalComponent[],
  q: number,
): LoadResult<number> {
  const problem =
    mixtureProblem(components) ??
    (finite(q) && q > 0 && q < 1 ? null : `q must be strictly between 0 and 1, not ${String(q)}`);
  if (problem) return fail(problem);
  if (q <= 0.5) {
    const [lo, hi] = bracket(components);
    // The CDF is increasing, so bisect on 1 − CDF's mirror: keep lo where CDF < q.
    return ok(bisectDecreasing((x) => -cdfUnchecked(components, x), -q, lo, hi));
  }
  return ok(upperMixtureQuantile(components, 1 - q));
}

// ——— Single distributions, and matching them to a mean and standard deviation ———

export type Distribution =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  | { kind: 'pareto'; xm: number; alpha: number }
  | { kind: 'mixture'; components: readonly NormalComponent[] };

export const DISTRIBUTION_KINDS = ['normal', 'lognormal', 'pareto'] as const;
export type MatchedKind = (typeof DISTRIBUTION_KINDS)[number];

function distributionProblem(d: Distribution): string | null {
  switch (d.kind) {
    case 'normal':
      return finite(d.mean)
        ? positiveProblem('The standard deviation', d.sd)
        : 'The mean must be a number';
    case 'lognormal':
      return finite(d.mu) ? positiveProblem('σ', d.sigma) : 'μ must be a number';
    case 'pareto':
      return positiveProblem('The scale xₘ', d.xm) ?? positiveProblem('The tail index α', d.alpha);
    case 'mixture':
      return mixtureProblem(d.components);
  }
}

/**
 * A log-normal with a given mean and standard deviation: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2,
 * where cv = sd/mean.
 */
export function logNormalFromMoments(
  mean: number,
  sd: number,
): LoadResult<{ mu: number; sigma: number }> {
  const problem =
    positiveProblem('The mean', mean) ?? positiveProblem('The standard deviation', sd);
  if (problem) return fail(problem);
  const s2 = Math.log1p((sd / mean) ** 2);
  return ok({ mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) });
}

/**
 * A Pareto (type I) distribution with a given mean and standard deviation. Its tail is
 * P(X > x) = (xₘ/x)^α for x ≥ xₘ; the mean is αxₘ/(α − 1) and cv² = 1/(α(α − 2)), so
 * α = 1 + √(1 + 1/cv²) (always above 2, where the variance exists) and xₘ = mean·(α − 1)/α.
 */
export function paretoFromMoments(
  mean: number,
  sd: number,
): LoadResult<{ xm: number; alpha: number }> {
  const problem =
    positiveProblem('The mean', mean) ?? positiveProblem('The standard deviation', sd);
  if (problem) return fail(problem);
  const alpha = 1 + Math.sqrt(1 + (mean / sd) ** 2);
  return ok({ xm: (mean * (alpha - 1)) / alpha, alpha });
}

/** The normal, log-normal or Pareto distribution with this mean and standard deviation. */
export function matchMoments(
  kind: MatchedKind,
  mean: number,
  sd: number,
): LoadResult<Distribution> {
  if (kind === 'normal') {
    const problem =
      (finite(mean) ? null : 'The mean must be a number') ??
      positiveProblem('The standard deviation', sd);
    return problem ? fail(problem) : ok({ kind, mean, sd });
  }
  if (kind === 'lognormal') {
    const r = logNormalFromMoments(mean, sd);
    return r.ok ? ok({ kind, ...r.value }) : r;
  }
  if ((kind as string) !== 'pareto')
    return fail(`kind must be one of ${DISTRIBUTION_KINDS.join(', ')}`);
  const r = paretoFromMoments(mean, sd);
  return r.ok ? ok({ kind, ...r.value }) : r;
}

function tailOf(d: Distribution, x: number): number {
  switch (d.kind) {
    case 'normal':
      return normalCdf((d.mean - x) / d.sd);
    case 'lognormal':
      return x <= 0 ? 1 : normalCdf((d.mu - Math.log(x)) / d.sigma);
    case 'pareto':
      return x <= d.xm ? 1 : Math.exp(d.alpha * Math.log(d.xm / x));
    case 'mixture':
      return tailUnchecked(d.components, x);
  }
}

/** P(X > x): the chance a minute's demand is above x. */
export function tailProbability(d: Distribution, x: number): LoadResult<number> {
  const problem = distributionProblem(d) ?? (finite(x) ? null : 'x must be a number');
  return problem ? fail(problem) : ok(tailOf(d, x));
}

/**
 * The capacity exceeded with probability `risk`: the x with P(X > x) = risk, the (1 − risk)
 * quantile (VaR at level 1 − risk). Closed forms for the single distributions, computed from the
 * risk itself so that 10⁻⁶ keeps its digits; bisection for a mixture.
 */
export function capacityAtRisk(d: Distribution, risk: number): LoadResult<number> {
  const problem = distributionProblem(d) ?? riskProblem('The risk', risk);
  if (problem) return fail(problem);
  if (d.kind === 'mixture') return ok(upperMixtureQuantile(d.components, risk));
  if (d.kind === 'pareto') return ok(d.xm * Math.exp(-Math.log(risk) / d.alpha));
  const z = normalQuantile(risk);
  if (!z.ok) return z;
  // P(X > x) = risk ⇔ x = mean − sd·z_risk (z_risk is negative for a small risk).
  return ok(d.kind === 'normal' ? d.mean - d.sd * z.value : Math.exp(d.mu - d.sigma * z.value));
}

// ——— Minutes above capacity ———

/** Minutes in one of availability.ts's periods: 43,200 in 30 days, 43,830 in an average month. */
export function periodMinutes(period: Period): LoadResult<number> {
  if (!(PERIODS as string[]).includes(period))
    return fail(`The period must be one of ${PERIODS.join(', ')}`);
  return ok(PERIOD_SECONDS[period] / 60);
}

/**
 * Expected minutes in a period whose demand is above `capacity`, when each minute's demand is a
 * draw from `d`: P(X > capacity) × minutes in the period. This is an expectation: it needs no
 * independence between minutes (linearity of expectation), but in real load the bad minutes
 * cluster together on the busiest days rather than spreading out.
 */
export function minutesOverCapacity(
  d: Distribution,
  capacity: number,
  period: Period = '30days',
): LoadResult<number> {
  const minutes = periodMinutes(period);
  if (!minutes.ok) return minutes;
  const tail = tailProbability(d, capacity);
  return tail.ok ? ok(tail.value * minutes.value) : tail;
}

/** The risk that gives at most `minutes` expected minutes over capacity per period. */
export function riskForMinutes(minutes: number, period: Period = '30days'): LoadResult<number> {
  const total = periodMinutes(period);
  if (!total.ok) return total;
  if (!(finite(minutes) && minutes > 0 && minutes < total.value))
    return fail(
      `The minutes must be above 0 and below the whole ${period} (${total.value} minutes)`,
    );
  return ok(minutes / total.value);
}
