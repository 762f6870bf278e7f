import { fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { PERIODS } from './availability.ts';
import type { Period } from './availability.ts';
import { fmtProbability, fmtShare } from './availability.calc.ts';
import { fmtScale } from './monitoringStats.calc.ts';
import {
  capacityAtRisk,
  DISTRIBUTION_KINDS,
  matchMoments,
  minutesOverCapacity,
  mixtureCdf,
  mixtureMoments,
  mixturePdf,
  mixtureQuantile,
  riskForMinutes,
  tailProbability,
} from './loadRisk.ts';
import type { Distribution, LoadResult, NormalComponent } from './loadRisk.ts';

/**
 * Load-risk numbers for lessons, computed when the lesson is built:
 * `:calc{of="load.tail" dist="pareto" mean="1" sd="0.5" x="5"}` → 0.165 %.
 *
 * A load distribution is given either as a mixture of normals (`weights`, `means`, `sds`, three
 * comma-separated lists of the same length) or as `dist` (normal, lognormal or pareto) matched to
 * a `mean` and `sd`.
 */

const MIXTURE_ATTRS = ['weights', 'means', 'sds'];
const MATCHED_ATTRS = ['dist', 'mean', 'sd'];

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

function readMixture(attrs: Attrs, problems: string[]): NormalComponent[] | undefined {
  const weights = numberList(attrs, 'weights', problems);
  const means = numberList(attrs, 'means', problems);
  const sds = numberList(attrs, 'sds', problems);
  if (!weights || !means || !sds) return undefined;
  if (weights.length !== means.length || means.length !== sds.length) {
    problems.push('weights, means and sds must list the same number of components');
    return undefined;
  }
  return weights.map((weight, i) => ({ weight, mean: means[i]!, sd: sds[i]! }));
}

/** The distribution the attributes describe, or undefined with its problems noted. */
function readDistribution(attrs: Attrs, problems: string[]): Distribution | undefined {
  if (attrs.weights !== undefined || attrs.means !== undefined || attrs.sds !== undefined) {
    for (const a of MATCHED_ATTRS)
      if (attrs[a] !== undefined) problems.push(`give a mixture or dist="…", not both (${a})`);
    const components = readMixture(attrs, problems);
    return components && { kind: 'mixture', components };
  }
  const dist = choice(attrs, 'dist', DISTRIBUTION_KINDS, 'normal', problems);
  if (attrs.dist === undefined)
    problems.push('needs dist="normal|lognormal|pareto" with mean and sd, or weights, means, sds');
  const mean = numberAttr(attrs, 'mean', problems);
  const sd = numberAttr(attrs, 'sd', problems);
  if (dist === null || mean === undefined || sd === undefined || problems.length) return undefined;
  const d = matchMoments(dist, mean, sd);
  if (!d.ok) {
    problems.push(d.reason);
    return undefined;
  }
  return d.value;
}

function result(r: LoadResult<number>, show: (x: number) => string): Calculated {
  return r.ok ? { ok: true, text: show(r.value) } : { ok: false, problems: [r.reason] };
}

const probabilityFormats = { percent: fmtShare, probability: fmtProbability };

/**
 * `load.mixture`: weights, means, sds → metric: mean (default), sd, q (the q-quantile), cdf or
 * tail (at x, as percent or probability), between (P(x < X ≤ y)), densityRatio (the density at y
 * over the density at x).
 */
export function calcMixture(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, [...MIXTURE_ATTRS, 'metric', 'q', 'x', 'y', 'as'], problems);
  const components = readMixture(attrs, problems);
  const metric = choice(
    attrs,
    'metric',
    ['mean', 'sd', 'q', 'cdf', 'tail', 'between', 'densityRatio'] as const,
    'mean',
    problems,
  );
  const as = choice(attrs, 'as', ['percent', 'probability'] as const, 'percent', problems);
  const needs = (name: string, ok: boolean) => {
    if (ok && attrs[name] === undefined) problems.push(`metric="${metric}" needs ${name}="…"`);
  };
  needs('q', metric === 'q');
  needs('x', metric !== 'mean' && metric !== 'sd' && metric !== 'q');
  needs('y', metric === 'densityRatio' || metric === 'between');
  const q = attrs.q === undefined ? 0.5 : numberAttr(attrs, 'q', problems, { above: 0, below: 1 });
  const num = (name: string) => {
    if (attrs[name] === undefined) return 0;
    const v = Number(attrs[name]);
    if (attrs[name].trim() === '' || !Number.isFinite(v)) {
      problems.push(`${name} must be a number, not "${attrs[name]}"`);
      return 0;
    }
    return v;
  };
  const x = num('x');
  const y = num('y');
  if (problems.length || !components || metric === null || as === null || q === undefined)
    return { ok: false, problems };
  const share = probabilityFormats[as];
  switch (metric) {
    case 'mean':
    case 'sd': {
      const m = mixtureMoments(components);
      return m.ok
        ? { ok: true, text: fmtNum(m.value[metric]) }
        : { ok: false, problems: [m.reason] };
    }
    case 'q':
      return result(mixtureQuantile(components, q), fmtNum);
    case 'cdf':
      return result(mixtureCdf(components, x), share);
    case 'tail': {
      const c = tailProbability({ kind: 'mixture', components }, x);
      return result(c, share);
    }
    case 'between': {
      const low = mixtureCdf(components, x);
      const high = mixtureCdf(components, y);
      if (!low.ok) return { ok: false, problems: [low.reason] };
      if (!high.ok) return { ok: false, problems: [high.reason] };
      if (y <= x) return { ok: false, problems: ['y must be above x'] };
      return { ok: true, text: share(high.value - low.value) };
    }
    case 'densityRatio': {
      const below = mixturePdf(components, x);
      const above = mixturePdf(components, y);
      if (!below.ok) return { ok: false, problems: [below.reason] };
      if (!above.ok) return { ok: false, problems: [above.reason] };
      if (below.value === 0) return { ok: false, problems: ['the density at x is 0'] };
      return { ok: true, text: `${fmtNum(above.value / below.value)}×` };
    }
  }
}

/**
 * `load.tail`: a distribution and x → P(demand > x), as percent (default) or probability. With
 * dist/mean/sd, `multiple` may replace x: the chance of a spike of that many times the mean.
 */
export function calcTail(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, [...MIXTURE_ATTRS, ...MATCHED_ATTRS, 'x', 'multiple', 'as'], problems);
  const as = choice(attrs, 'as', ['percent', 'probability'] as const, 'percent', problems);
  if ((attrs.x === undefined) === (attrs.multiple === undefined))
    problems.push('give exactly one of x="…" or multiple="…"');
  if (attrs.multiple !== undefined && attrs.mean === undefined)
    problems.push('multiple="…" needs dist, mean and sd');
  const x =
    attrs.x === undefined ? undefined : numberAttr(attrs, 'x', problems, { atLeast: -1e15 });
  const multiple =
    attrs.multiple === undefined ? undefined : numberAttr(attrs, 'multiple', problems);
  const d = problems.length ? undefined : readDistribution(attrs, problems);
  if (problems.length || !d || as === null) return { ok: false, problems };
  const at = x ?? (multiple ?? 1) * Number(attrs.mean);
  return result(tailProbability(d, at), probabilityFormats[as]);
}

/** `load.params`: dist (lognormal or pareto), mean, sd → metric: mu, sigma, xm or alpha. */
export function calcParams(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, [...MATCHED_ATTRS, 'metric'], problems);
  const metric = choice(attrs, 'metric', ['mu', 'sigma', 'xm', 'alpha'] as const, 'mu', problems);
  const d = problems.length ? undefined : readDistribution(attrs, problems);
  if (problems.length || !d || metric === null) return { ok: false, problems };
  if (d.kind === 'lognormal' && (metric === 'mu' || metric === 'sigma'))
    return { ok: true, text: fmtNum(d[metric]) };
  if (d.kind === 'pareto' && (metric === 'xm' || metric === 'alpha'))
    return { ok: true, text: fmtNum(d[metric]) };
  return { ok: false, problems: [`metric="${metric}" does not belong to dist="${d.kind}"`] };
}

function readPeriod(attrs: Attrs, problems: string[]): Period | null {
  return choice(attrs, 'per', PERIODS, '30days', problems);
}

/**
 * `load.capacity`: a distribution and either `risk` (the chance a minute is above capacity) or
 * `minutes` (expected minutes over capacity per `per`, default 30days) → the capacity.
 */
export function calcCapacity(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(
    attrs,
    [...MIXTURE_ATTRS, ...MATCHED_ATTRS, 'risk', 'minutes', 'per'],
    problems,
  );
  const per = readPeriod(attrs, problems);
  if ((attrs.risk === undefined) === (attrs.minutes === undefined))
    problems.push('give exactly one of risk="…" or minutes="…"');
  const risk =
    attrs.risk === undefined
      ? undefined
      : numberAttr(attrs, 'risk', problems, { above: 0, below: 1 });
  const minutes = attrs.minutes === undefined ? undefined : numberAttr(attrs, 'minutes', problems);
  const d = problems.length ? undefined : readDistribution(attrs, problems);
  if (problems.length || !d || per === null) return { ok: false, problems };
  const r = risk !== undefined ? { ok: true as const, value: risk } : riskForMinutes(minutes!, per);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  return result(capacityAtRisk(d, r.value), fmtNum);
}

/** `load.minutes`: a distribution and a `capacity` → expected minutes above it per `per`. */
export function calcMinutes(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, [...MIXTURE_ATTRS, ...MATCHED_ATTRS, 'capacity', 'per'], problems);
  const per = readPeriod(attrs, problems);
  const capacity = numberAttr(attrs, 'capacity', problems);
  const d = problems.length ? undefined : readDistribution(attrs, problems);
  if (problems.length || !d || per === null || capacity === undefined)
    return { ok: false, problems };
  return result(minutesOverCapacity(d, capacity, per), fmtScale);
}

/** This module's entries for src/calc/registry.ts. */
export const loadRiskCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'load.mixture': calcMixture,
  'load.tail': calcTail,
  'load.params': calcParams,
  'load.capacity': calcCapacity,
  'load.minutes': calcMinutes,
};
