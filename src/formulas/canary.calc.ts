import { fmtDuration, fmtInt, fmtNum, fmtPct, fmtProb } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  bayesianCanary,
  betaPosterior,
  normalQuantile,
  peekingFalseAlarm,
  sampleSizePerArm,
  twoProportionZTest,
} from './canary.ts';
import type { Posterior, SampleSize, ZTest } from './canary.ts';

/**
 * Canary statistics for lessons, computed when the lesson is built:
 * `:calc{of="canary.sampleSize" p0="0.001" p1="0.002"}` → 23,511.
 */

/** A small rate as a percentage with three significant figures: "0.160 %", "0.0915 %". */
export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0 %';
  return `${(x * 100).toPrecision(3)} %`;
}

/** A probability as a percentage that never rounds a near-certainty to "100.0 %". */
export function fmtChance(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p > 0.999) return 'more than 99.9 %';
  if (p < 0.001) return 'less than 0.1 %';
  return fmtPct(p);
}

interface Arms {
  be: number;
  bn: number;
  ce: number;
  cn: number;
}

/** The four counts: be/bn (baseline errors and requests), ce/cn (the canary's). */
function arms(attrs: Attrs, problems: string[]): Arms | null {
  const be = numberAttr(attrs, 'be', problems, { atLeast: 0, whole: true });
  const bn = numberAttr(attrs, 'bn', problems, { atLeast: 1, whole: true });
  const ce = numberAttr(attrs, 'ce', problems, { atLeast: 0, whole: true });
  const cn = numberAttr(attrs, 'cn', problems, { atLeast: 1, whole: true });
  if (be === undefined || bn === undefined || ce === undefined || cn === undefined) return null;
  return { be, bn, ce, cn };
}

const zFormat: Record<string, (t: ZTest) => string> = {
  z: (t) => t.z.toFixed(2),
  pTwoSided: (t) => fmtProb(t.pTwoSided),
  pWorse: (t) => fmtProb(t.pCanaryWorse),
  baselineRate: (t) => fmtRate(t.baselineRate),
  canaryRate: (t) => fmtRate(t.canaryRate),
  pooled: (t) => fmtRate(t.pooledRate),
  se: (t) => fmtRate(t.standardError),
};

/**
 * `canary.ztest`: `be`, `bn`, `ce`, `cn` → `metric`: z (default), pTwoSided, pWorse (one-sided,
 * canary worse), baselineRate, canaryRate, pooled, se (the last four as percentages).
 */
export function calcZTest(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['be', 'bn', 'ce', 'cn', 'metric'], problems);
  const a = arms(attrs, problems);
  const metric = choice(attrs, 'metric', Object.keys(zFormat), 'z', problems);
  if (problems.length || a === null || metric === null) return { ok: false, problems };
  const r = twoProportionZTest(a.be, a.bn, a.ce, a.cn);
  return r.ok ? { ok: true, text: zFormat[metric]!(r.value) } : { ok: false, problems: [r.reason] };
}

const sizeFormat: Record<string, (s: SampleSize, rate: number | undefined) => string | null> = {
  perArm: (s) => fmtInt(s.perArm),
  exact: (s) => fmtNum(s.exact),
  time: (s, rate) => (rate === undefined ? null : fmtDuration(s.perArm / rate)),
};

/**
 * `canary.sampleSize`: `p0` → `p1` (error rates), `alpha` (default 0.05), `power` (default 0.8),
 * `sides` (2 or 1, default 2), `rate` (canary requests a second, for metric="time") → `metric`:
 * perArm (default), exact, time (how long the canary takes to collect perArm requests).
 */
export function calcSampleSize(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p0', 'p1', 'alpha', 'power', 'sides', 'rate', 'metric'], problems);
  const p0 = numberAttr(attrs, 'p0', problems, { above: 0, below: 1 });
  const p1 = numberAttr(attrs, 'p1', problems, { above: 0, below: 1 });
  const alpha = numberAttr(attrs, 'alpha', problems, { above: 0, below: 0.5, fallback: 0.05 });
  const power = numberAttr(attrs, 'power', problems, { above: 0.5, below: 1, fallback: 0.8 });
  const sides = choice(attrs, 'sides', ['2', '1'] as const, '2', problems);
  const rate = attrs.rate === undefined ? undefined : numberAttr(attrs, 'rate', problems);
  const metric = choice(attrs, 'metric', Object.keys(sizeFormat), 'perArm', problems);
  if (metric === 'time' && attrs.rate === undefined)
    problems.push('metric="time" needs rate="…" (canary requests a second)');
  if (
    problems.length ||
    p0 === undefined ||
    p1 === undefined ||
    alpha === undefined ||
    power === undefined ||
    sides === null ||
    metric === null
  )
    return { ok: false, problems };
  const r = sampleSizePerArm(p0, p1, alpha, power, sides === '1' ? 1 : 2);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  const text = sizeFormat[metric]!(r.value, rate);
  return text === null ? { ok: false, problems: ['needs rate="…"'] } : { ok: true, text };
}

const posteriorFormat: Record<string, (p: Posterior) => string> = {
  mean: (p) => fmtRate(p.mean),
  low: (p) => fmtRate(p.low),
  high: (p) => fmtRate(p.high),
  interval: (p) => `${fmtRate(p.low)} to ${fmtRate(p.high)}`,
  shape: (p) => `Beta(${fmtInt(p.a)}, ${fmtInt(p.b)})`,
};

/**
 * `canary.posterior`: `errors` in `requests`, `level` (default 0.95) → `metric`: mean (default),
 * low, high, interval, shape (the Beta parameters).
 */
export function calcPosterior(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['errors', 'requests', 'level', 'metric'], problems);
  const errors = numberAttr(attrs, 'errors', problems, { atLeast: 0, whole: true });
  const requests = numberAttr(attrs, 'requests', problems, { atLeast: 1, whole: true });
  const level = numberAttr(attrs, 'level', problems, { above: 0, below: 1, fallback: 0.95 });
  const metric = choice(attrs, 'metric', Object.keys(posteriorFormat), 'mean', problems);
  if (
    problems.length ||
    errors === undefined ||
    requests === undefined ||
    level === undefined ||
    metric === null
  )
    return { ok: false, problems };
  const r = betaPosterior(errors, requests, level);
  return r.ok
    ? { ok: true, text: posteriorFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason.replace('arm', 'sample')] };
}

/** `canary.worse`: `be`, `bn`, `ce`, `cn` → P(canary's error rate > baseline's), as a percentage. */
export function calcWorse(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['be', 'bn', 'ce', 'cn'], problems);
  const a = arms(attrs, problems);
  if (problems.length || a === null) return { ok: false, problems };
  const r = bayesianCanary(a.be, a.bn, a.ce, a.cn);
  return r.ok
    ? { ok: true, text: fmtChance(r.value.pCanaryWorse) }
    : { ok: false, problems: [r.reason] };
}

/** `canary.quantile`: `p` → z with Φ(z) = p, to `digits` decimals (default 3). */
export function calcQuantile(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p', 'digits'], problems);
  const p = numberAttr(attrs, 'p', problems, { above: 0, below: 1 });
  const digits = numberAttr(attrs, 'digits', problems, { atLeast: 0, whole: true, fallback: 3 });
  if (digits !== undefined && digits > 12)
    problems.push(`digits must be at most 12, not "${attrs.digits}"`);
  if (problems.length || p === undefined || digits === undefined) return { ok: false, problems };
  const r = normalQuantile(p);
  return r.ok ? { ok: true, text: r.value.toFixed(digits) } : { ok: false, problems: [r.reason] };
}

/**
 * `canary.peeking`: `looks` (equally spaced checks), `alpha` (default 0.05) → the false-alarm rate
 * when the first look that crosses raises the alarm, from a seeded simulation of 200,000 runs.
 */
export function calcPeeking(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['looks', 'alpha'], problems);
  const looks = numberAttr(attrs, 'looks', problems, { atLeast: 1, whole: true });
  const alpha = numberAttr(attrs, 'alpha', problems, { above: 0, below: 1, fallback: 0.05 });
  if (looks !== undefined && looks > 100)
    problems.push(`looks must be at most 100, not "${attrs.looks}"`);
  if (problems.length || looks === undefined || alpha === undefined) return { ok: false, problems };
  const r = peekingFalseAlarm(looks, alpha);
  return r.ok ? { ok: true, text: fmtPct(r.value) } : { ok: false, problems: [r.reason] };
}

/** This module's entries for src/calc/registry.ts. */
export const canaryCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'canary.ztest': calcZTest,
  'canary.sampleSize': calcSampleSize,
  'canary.posterior': calcPosterior,
  'canary.worse': calcWorse,
  'canary.quantile': calcQuantile,
  'canary.peeking': calcPeeking,
};
