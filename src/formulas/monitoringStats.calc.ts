import { fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { fmtProbability, fmtShare } from './availability.calc.ts';
import {
  errorRatioStandardError,
  falseAlarms,
  fleetPercentile,
  histogramPercentile,
  logNormalFit,
  logNormalPercentile,
  logNormalSummary,
  normalFences,
  PERCENTILE_METHODS,
  poissonLowerTail,
  poissonNoise,
  poissonNormalTail,
  poissonUpperTail,
  samplePercentile,
  tukeyFences,
  wilsonInterval,
} from './monitoringStats.ts';
import type { StatsResult } from './monitoringStats.ts';

/**
 * Monitoring statistics for lessons, computed when the lesson is built:
 * `:calc{of="monitoring.falseAlarms" z="3" metric="perDay"}` → 3.88.
 */

function numberList(attrs: Attrs, name: string, problems: string[]): number[] | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    problems.push(`needs ${name}="…" (a comma-separated list)`);
    return undefined;
  }
  const parts = raw.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  if (parts.some((s) => s === '') || values.some((v) => !Number.isFinite(v))) {
    problems.push(`${name} must be a comma-separated list of numbers, not "${raw}"`);
    return undefined;
  }
  return values;
}

/** A value with an optional unit: "67.3 ms". */
const withUnit = (attrs: Attrs) => (x: number) =>
  attrs.unit === undefined ? fmtNum(x) : `${fmtNum(x)} ${attrs.unit}`;

function result<T>(r: StatsResult<T>, show: (x: T) => string): Calculated {
  return r.ok ? { ok: true, text: show(r.value) } : { ok: false, problems: [r.reason] };
}

const UNITS = ['ms', 's', 'µs'];

/** A rate or a waiting time that can be tiny or huge: 3.88, 2.06 × 10⁻¹⁰, 13.3 million. */
export function fmtScale(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1e12) return fmtProbability(x);
  if (x >= 1e9) return `${fmtNum(x / 1e9)} billion`;
  if (x >= 1e6) return `${fmtNum(x / 1e6)} million`;
  return x < 1e-4 ? fmtProbability(x) : fmtNum(x);
}

function checkUnit(attrs: Attrs, problems: string[]) {
  if (attrs.unit !== undefined && !UNITS.includes(attrs.unit))
    problems.push(`unit must be one of ${UNITS.join(', ')}, not "${attrs.unit}"`);
}

const PERCENTILE_METRICS: Record<string, number> = {
  p50: 0.5,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
  p999: 0.999,
};

/**
 * `monitoring.lognormal`: `mu` and `sigma`, or `median` and `p99` (fitted) → metric: median
 * (default), mean, sd, p50, p90, p95, p99, p999, mu, sigma, meanOverMedian ("1.35×"),
 * shareBelowMean (a percentage); `unit` (ms, s, µs) labels the times.
 */
export function calcLogNormal(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['mu', 'sigma', 'median', 'p99', 'metric', 'unit'], problems);
  checkUnit(attrs, problems);
  const metrics = [
    'median',
    'mean',
    'sd',
    ...Object.keys(PERCENTILE_METRICS),
    'mu',
    'sigma',
    'meanOverMedian',
    'shareBelowMean',
  ];
  const metric = choice(attrs, 'metric', metrics, 'median', problems);
  const fitted = attrs.median !== undefined || attrs.p99 !== undefined;
  if (fitted && (attrs.mu !== undefined || attrs.sigma !== undefined))
    problems.push('give mu and sigma, or median and p99, not both');
  let params: { mu: number; sigma: number } | undefined;
  if (fitted) {
    const median = numberAttr(attrs, 'median', problems);
    const p99 = numberAttr(attrs, 'p99', problems);
    if (median !== undefined && p99 !== undefined && !problems.length) {
      const fit = logNormalFit(median, p99);
      if (fit.ok) params = fit.value;
      else problems.push(fit.reason);
    }
  } else {
    const mu = numberAttr(attrs, 'mu', problems, { atLeast: -1e6 });
    const sigma = numberAttr(attrs, 'sigma', problems);
    if (mu !== undefined && sigma !== undefined) params = { mu, sigma };
  }
  if (problems.length || !params || metric === null) return { ok: false, problems };
  const time = withUnit(attrs);
  const q = PERCENTILE_METRICS[metric];
  if (q !== undefined) return result(logNormalPercentile(params.mu, params.sigma, q), time);
  return result(logNormalSummary(params.mu, params.sigma), (s) => {
    switch (metric) {
      case 'mu':
      case 'sigma':
        return fmtNum(s[metric]);
      case 'meanOverMedian':
        return `${fmtNum(s.meanOverMedian)}×`;
      case 'shareBelowMean':
        return fmtShare(s.shareBelowMean);
      default:
        return time(s[metric as 'median' | 'mean' | 'sd']);
    }
  });
}

/**
 * `monitoring.fleet`: `weights` (each host's share of requests), `medians`, `p99s` (lists), `q`
 * (default 0.99), `unit` → the true percentile of the fleet's pooled latency; metric="averaged"
 * gives the traffic-weighted mean of the hosts' p99s instead (the wrong answer, for comparison).
 */
export function calcFleet(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['weights', 'medians', 'p99s', 'q', 'unit', 'metric'], problems);
  checkUnit(attrs, problems);
  const weights = numberList(attrs, 'weights', problems);
  const medians = numberList(attrs, 'medians', problems);
  const p99s = numberList(attrs, 'p99s', problems);
  const q = numberAttr(attrs, 'q', problems, { above: 0, below: 1, fallback: 0.99 });
  const metric = choice(attrs, 'metric', ['true', 'averaged'] as const, 'true', problems);
  if (
    weights &&
    medians &&
    p99s &&
    (weights.length !== medians.length || medians.length !== p99s.length)
  )
    problems.push('weights, medians and p99s must list the same number of hosts');
  if (problems.length || !weights || !medians || !p99s || q === undefined || metric === null)
    return { ok: false, problems };
  const time = withUnit(attrs);
  if (metric === 'averaged') {
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) return { ok: false, problems: ['the weights must add up to more than 0'] };
    return { ok: true, text: time(weights.reduce((s, w, i) => s + w * p99s[i]!, 0) / total) };
  }
  const hosts = weights.map((weight, i) => ({ weight, median: medians[i]!, p99: p99s[i]! }));
  return result(fleetPercentile(hosts, q), time);
}

const probabilityFormats = { percent: fmtShare, probability: fmtProbability };
type ProbabilityFormat = keyof typeof probabilityFormats;
const PROBABILITY_FORMATS = Object.keys(probabilityFormats) as ProbabilityFormat[];

/**
 * `monitoring.poisson`: `lambda` (expected count), `k`, `side` (upper: P(N ≥ k), the default;
 * lower: P(N ≤ k)), `method` (exact, the default, or normal: the approximation with a continuity
 * correction), `as` (percent or probability).
 */
export function calcPoisson(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['lambda', 'k', 'side', 'method', 'as'], problems);
  const lambda = numberAttr(attrs, 'lambda', problems);
  const k = numberAttr(attrs, 'k', problems, { atLeast: 0, whole: true });
  const side = choice(attrs, 'side', ['upper', 'lower'] as const, 'upper', problems);
  const method = choice(attrs, 'method', ['exact', 'normal'] as const, 'exact', problems);
  const as = choice(attrs, 'as', PROBABILITY_FORMATS, 'percent', problems);
  if (problems.length || lambda === undefined || k === undefined || !side || !method || !as)
    return { ok: false, problems };
  const r =
    method === 'normal'
      ? poissonNormalTail(k, lambda, side)
      : side === 'upper'
        ? poissonUpperTail(k, lambda)
        : poissonLowerTail(k, lambda);
  return result(r, probabilityFormats[as]);
}

/** `monitoring.noise`: `lambda` → metric: sd (√λ, the default) or relative (1/√λ, a percentage). */
export function calcNoise(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['lambda', 'metric'], problems);
  const lambda = numberAttr(attrs, 'lambda', problems);
  const metric = choice(attrs, 'metric', ['sd', 'relative'] as const, 'sd', problems);
  if (problems.length || lambda === undefined || !metric) return { ok: false, problems };
  return result(poissonNoise(lambda), (n) =>
    metric === 'sd' ? fmtNum(n.sd) : fmtShare(n.relative),
  );
}

/**
 * `monitoring.errorRatio`: `errors` in `n` requests, `level` (default 0.95) → metric: se (the
 * standard error of the ratio, the default), estimate, low, high, interval (Wilson), as percentages.
 * With `p` (a true error rate) instead of `errors`: the standard error √(p(1 − p)/n) only.
 */
export function calcErrorRatio(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['errors', 'p', 'n', 'level', 'metric'], problems);
  if (attrs.p !== undefined) {
    // A true rate p instead of a count: only the standard error √(p(1 − p)/n) makes sense.
    if (attrs.errors !== undefined) problems.push('give errors="…" or p="…", not both');
    if (attrs.metric !== undefined && attrs.metric !== 'se')
      problems.push('p="…" gives only metric="se"; give errors="…" for an interval');
    const p = numberAttr(attrs, 'p', problems, { atLeast: 0 });
    const n = numberAttr(attrs, 'n', problems, { atLeast: 1 });
    if (problems.length || p === undefined || n === undefined) return { ok: false, problems };
    return result(errorRatioStandardError(p, n), fmtShare);
  }
  const errors = numberAttr(attrs, 'errors', problems, { atLeast: 0, whole: true });
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const level = numberAttr(attrs, 'level', problems, { above: 0, below: 1, fallback: 0.95 });
  const metric = choice(
    attrs,
    'metric',
    ['se', 'estimate', 'low', 'high', 'interval'] as const,
    'se',
    problems,
  );
  if (problems.length || errors === undefined || n === undefined || !level || !metric)
    return { ok: false, problems };
  if (errors > n) return { ok: false, problems: ['errors cannot exceed n'] };
  if (metric === 'se') return result(errorRatioStandardError(errors / n, n), fmtShare);
  return result(wilsonInterval(errors, n, level), (w) =>
    metric === 'interval' ? `${fmtShare(w.low)} to ${fmtShare(w.high)}` : fmtShare(w[metric]),
  );
}

/**
 * `monitoring.falseAlarms`: `z` (the threshold in standard deviations), `checks` per day (default
 * 1440, once a minute), `consecutive` exceedances needed (default 1), `sides` (2, the default, for
 * |z|; 1 for "above") → metric: perCheck (percentage), perDay (default), perYear, daysBetween,
 * yearsBetween.
 */
export function calcFalseAlarms(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['z', 'checks', 'consecutive', 'sides', 'metric'], problems);
  const z = numberAttr(attrs, 'z', problems);
  const checks = numberAttr(attrs, 'checks', problems, { fallback: 1440 });
  const consecutive = numberAttr(attrs, 'consecutive', problems, {
    atLeast: 1,
    whole: true,
    fallback: 1,
  });
  const sides = choice(attrs, 'sides', ['2', '1'] as const, '2', problems);
  const metric = choice(
    attrs,
    'metric',
    ['perCheck', 'perDay', 'perYear', 'daysBetween', 'yearsBetween'] as const,
    'perDay',
    problems,
  );
  if (problems.length || z === undefined || !checks || !consecutive || !sides || !metric)
    return { ok: false, problems };
  return result(falseAlarms(z, checks, consecutive, sides === '1' ? 1 : 2), (f) => {
    switch (metric) {
      case 'perCheck':
        return fmtShare(f.perCheck);
      case 'perDay':
        return fmtScale(f.perDay);
      case 'perYear':
        return fmtScale(f.perDay * 365.25);
      case 'daysBetween':
        return fmtScale(f.daysBetween);
      case 'yearsBetween':
        return fmtScale(f.daysBetween / 365.25);
    }
  });
}

/** `monitoring.percentile`: `values` (a list), `q`, `method` (nearest-rank or linear), `unit`. */
export function calcPercentile(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['values', 'q', 'method', 'unit'], problems);
  checkUnit(attrs, problems);
  const values = numberList(attrs, 'values', problems);
  const q = numberAttr(attrs, 'q', problems, { above: 0, below: 1 });
  const method = choice(attrs, 'method', PERCENTILE_METHODS, 'nearest-rank', problems);
  if (problems.length || !values || q === undefined || !method) return { ok: false, problems };
  return result(samplePercentile(values, q, method), withUnit(attrs));
}

/**
 * `monitoring.histogram`: `bounds` (bucket upper bounds), `counts` (per bucket), `overflow`
 * (above the last bound, default 0), `q`, `unit` → the interpolated percentile.
 */
export function calcHistogram(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['bounds', 'counts', 'overflow', 'q', 'unit'], problems);
  checkUnit(attrs, problems);
  const bounds = numberList(attrs, 'bounds', problems);
  const counts = numberList(attrs, 'counts', problems);
  const overflow = numberAttr(attrs, 'overflow', problems, {
    atLeast: 0,
    whole: true,
    fallback: 0,
  });
  const q = numberAttr(attrs, 'q', problems, { above: 0, below: 1 });
  if (problems.length || !bounds || !counts || overflow === undefined || q === undefined)
    return { ok: false, problems };
  return result(histogramPercentile(bounds, counts, q, overflow), withUnit(attrs));
}

/**
 * `monitoring.fences`: `values`, `k` (default 1.5) → metric: q1, q3, iqr, lower, upper (default),
 * outliers (the values outside, listed), `unit`.
 */
export function calcFences(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['values', 'k', 'metric', 'unit'], problems);
  checkUnit(attrs, problems);
  const values = numberList(attrs, 'values', problems);
  const k = numberAttr(attrs, 'k', problems, { atLeast: 0, fallback: 1.5 });
  const metric = choice(
    attrs,
    'metric',
    ['q1', 'q3', 'iqr', 'lower', 'upper', 'outliers'] as const,
    'upper',
    problems,
  );
  if (problems.length || !values || k === undefined || !metric) return { ok: false, problems };
  const time = withUnit(attrs);
  return result(tukeyFences(values, k), (f) =>
    metric === 'outliers'
      ? f.outliers.length
        ? f.outliers.map(time).join(', ')
        : 'none'
      : time(f[metric]),
  );
}

/**
 * `monitoring.normalFences`: `k` (default 1.5) → metric: z (where the fences sit on a normal
 * distribution, in standard deviations; the default) or share (of normal data outside them).
 */
export function calcNormalFences(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['k', 'metric'], problems);
  const k = numberAttr(attrs, 'k', problems, { atLeast: 0, fallback: 1.5 });
  const metric = choice(attrs, 'metric', ['z', 'share'] as const, 'z', problems);
  if (problems.length || k === undefined || !metric) return { ok: false, problems };
  return result(normalFences(k), (f) =>
    metric === 'z' ? f.z.toFixed(3) : fmtShare(f.shareOutside),
  );
}

/** This module's entries for src/calc/registry.ts. */
export const monitoringStatsCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'monitoring.lognormal': calcLogNormal,
  'monitoring.fleet': calcFleet,
  'monitoring.poisson': calcPoisson,
  'monitoring.noise': calcNoise,
  'monitoring.errorRatio': calcErrorRatio,
  'monitoring.falseAlarms': calcFalseAlarms,
  'monitoring.percentile': calcPercentile,
  'monitoring.histogram': calcHistogram,
  'monitoring.fences': calcFences,
  'monitoring.normalFences': calcNormalFences,
};
