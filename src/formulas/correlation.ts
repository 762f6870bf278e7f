/**
 * Correlation between metric series: the mean, Pearson's r, a correlation matrix, lagged
 * cross-correlation (which series moves first), Spearman's rank correlation (ties get the average
 * of their ranks) and the partial correlation of two series with a third held fixed.
 *
 * Every function checks its input and explains a problem in words instead of returning NaN: a
 * series with no variation has no correlation with anything, and that is said, not hidden.
 */

export type CorrelationResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** The longest series the functions accept. */
export const MAX_POINTS = 1_000_000;

function seriesProblem(name: string, xs: readonly number[], min: number): string | null {
  if (xs.length < min) return `${name} needs at least ${min} values, not ${xs.length}`;
  if (xs.length > MAX_POINTS) return `${name} has more than ${MAX_POINTS} values`;
  for (const [i, x] of xs.entries())
    if (!Number.isFinite(x)) return `${name}[${i}] is not a finite number (${String(x)})`;
  return null;
}

function pairProblem(xs: readonly number[], ys: readonly number[]): string | null {
  return (
    seriesProblem('x', xs, 2) ??
    seriesProblem('y', ys, 2) ??
    (xs.length === ys.length
      ? null
      : `x and y must be the same length (pairs of readings), not ${xs.length} and ${ys.length}`)
  );
}

/** The arithmetic mean, Σx/n. */
export function mean(xs: readonly number[]): CorrelationResult<number> {
  const problem = seriesProblem('The series', xs, 1);
  if (problem) return fail(problem);
  // Compensated (Kahan) summation keeps long series exact to rounding.
  let sum = 0;
  let carry = 0;
  for (const x of xs) {
    const y = x - carry;
    const t = sum + y;
    carry = t - sum - y;
    sum = t;
  }
  return ok(sum / xs.length);
}

/**
 * Pearson's correlation coefficient:
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²), from −1 to 1. Computed from deviations about
 * the means (not from Σxy − n·x̄·ȳ, which cancels badly for large values). Undefined, and said so,
 * when either series is constant.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): CorrelationResult<number> {
  const problem = pairProblem(xs, ys);
  if (problem) return fail(problem);
  const mx = mean(xs);
  const my = mean(ys);
  if (!mx.ok) return mx;
  if (!my.ok) return my;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx.value;
    const dy = ys[i]! - my.value;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0) return fail('x does not vary (every value is the same), so it has no correlation');
  if (syy === 0) return fail('y does not vary (every value is the same), so it has no correlation');
  // Rounding can push |r| a hair past 1 for perfectly linear data.
  return ok(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))));
}

export interface NamedSeries {
  name: string;
  values: readonly number[];
}

export interface CorrelationMatrix {
  names: string[];
  /** matrix[i][j] = r between series i and j; 1 on the diagonal, symmetric. */
  matrix: number[][];
}

/** Pearson's r between every pair of series (all the same length). */
export function correlationMatrix(
  series: readonly NamedSeries[],
): CorrelationResult<CorrelationMatrix> {
  if (series.length < 2) return fail('A correlation matrix needs at least two series');
  const names = series.map((s) => s.name);
  if (new Set(names).size !== names.length) return fail('Every series needs a different name');
  const matrix = series.map(() => series.map(() => 1));
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const r = pearson(series[i]!.values, series[j]!.values);
      if (!r.ok) return fail(`${series[i]!.name} and ${series[j]!.name}: ${r.reason}`);
      matrix[i]![j] = r.value;
      matrix[j]![i] = r.value;
    }
  }
  return ok({ names, matrix });
}

/**
 * The correlation of x now with y `lag` steps later: Pearson's r over the pairs
 * (x[t], y[t + lag]). A positive lag at which r peaks means x moves first; a negative one, y.
 * Needs at least 3 overlapping pairs.
 */
export function laggedCorrelation(
  xs: readonly number[],
  ys: readonly number[],
  lag: number,
): CorrelationResult<number> {
  const problem = pairProblem(xs, ys);
  if (problem) return fail(problem);
  if (!Number.isInteger(lag)) return fail('The lag must be a whole number of steps');
  const n = xs.length - Math.abs(lag);
  if (n < 3)
    return fail(
      `A lag of ${lag} leaves ${Math.max(0, n)} overlapping pairs; at least 3 are needed`,
    );
  const a = lag >= 0 ? xs.slice(0, n) : xs.slice(-lag, -lag + n);
  const b = lag >= 0 ? ys.slice(lag, lag + n) : ys.slice(0, n);
  return pearson(a, b);
}

export interface LagScan {
  /** The lag with the largest |r| (the smaller |lag| on a tie, then the positive one). */
  bestLag: number;
  bestR: number;
  /** r at every lag from −maxLag to maxLag. */
  byLag: { lag: number; r: number }[];
}

/**
 * Lagged correlation at every lag from −maxLag to maxLag, and the lag where it is strongest.
 * Lags whose correlation is undefined (a constant stretch) are skipped; if none is defined,
 * the problem is reported.
 */
export function bestLag(
  xs: readonly number[],
  ys: readonly number[],
  maxLag: number,
): CorrelationResult<LagScan> {
  const problem = pairProblem(xs, ys);
  if (problem) return fail(problem);
  if (!Number.isInteger(maxLag) || maxLag < 0)
    return fail('The largest lag must be a whole number at least 0');
  if (xs.length - maxLag < 3)
    return fail(
      `Series of ${xs.length} values leave fewer than 3 pairs at a lag of ${maxLag}; use a smaller largest lag`,
    );
  const byLag: { lag: number; r: number }[] = [];
  let lastProblem = '';
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const r = laggedCorrelation(xs, ys, lag);
    if (r.ok) byLag.push({ lag, r: r.value });
    else lastProblem = r.reason;
  }
  if (byLag.length === 0) return fail(`No lag gives a defined correlation: ${lastProblem}`);
  let best = byLag[0]!;
  for (const point of byLag) {
    const stronger = Math.abs(point.r) > Math.abs(best.r) + 1e-12;
    const tie = Math.abs(Math.abs(point.r) - Math.abs(best.r)) <= 1e-12;
    const closer =
      Math.abs(point.lag) < Math.abs(best.lag) ||
      (Math.abs(point.lag) === Math.abs(best.lag) && point.lag > best.lag);
    if (stronger || (tie && closer)) best = point;
  }
  return ok({ bestLag: best.lag, bestR: best.r, byLag });
}

/**
 * Ranks from 1 (smallest) to n; tied values share the average of the ranks they span, so
 * [10, 20, 20, 30] ranks as [1, 2.5, 2.5, 4].
 */
export function ranks(xs: readonly number[]): CorrelationResult<number[]> {
  const problem = seriesProblem('The series', xs, 1);
  if (problem) return fail(problem);
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const result = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.x === order[start]!.x) end++;
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k]!.i] = average;
    start = end + 1;
  }
  return ok(result);
}

/**
 * Spearman's rank correlation: Pearson's r of the ranks (with averaged ranks for ties, which is
 * the standard definition and what the shortcut 1 − 6Σd²/(n(n² − 1)) only equals without ties).
 * It measures how monotonic the relation is, and one extreme value moves it far less than r.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): CorrelationResult<number> {
  const problem = pairProblem(xs, ys);
  if (problem) return fail(problem);
  const rx = ranks(xs);
  const ry = ranks(ys);
  if (!rx.ok) return rx;
  if (!ry.ok) return ry;
  return pearson(rx.value, ry.value);
}

/**
 * The correlation of x and y with z held fixed:
 * r_xy·z = (r_xy − r_xz·r_yz) / √((1 − r_xz²)(1 − r_yz²)). If x and y are correlated only
 * because both follow z (a confounder such as the daily traffic cycle), this falls towards 0.
 */
export function partialCorrelation(
  xs: readonly number[],
  ys: readonly number[],
  zs: readonly number[],
): CorrelationResult<number> {
  const rxy = pearson(xs, ys);
  if (!rxy.ok) return rxy;
  const rxz = pearson(xs, zs);
  if (!rxz.ok) return fail(`x and z: ${rxz.reason}`);
  const ryz = pearson(ys, zs);
  if (!ryz.ok) return fail(`y and z: ${ryz.reason}`);
  const denominator = (1 - rxz.value ** 2) * (1 - ryz.value ** 2);
  if (denominator <= 1e-15)
    return fail(
      'x or y is (almost) exactly a straight-line function of z, so nothing is left once z is held fixed',
    );
  const r = (rxy.value - rxz.value * ryz.value) / Math.sqrt(denominator);
  return ok(Math.max(-1, Math.min(1, r)));
}
