import { fmtDuration, fmtInt, fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  allowedBadEvents,
  budgetConsumed,
  burnRate,
  burnRateThreshold,
  detectionTime,
  durationForBudget,
  errorBudget,
  errorRatioAtBurn,
  exposedShare,
  resetTime,
  timeToExhaust,
} from './slo.ts';
import type { Result } from './slo.ts';

/**
 * Numbers the lessons state about SLOs, error budgets and burn-rate alerts, computed from
 * src/formulas/slo.ts when the lesson is built, e.g.
 * `:calc{of="slo.threshold" fraction="0.02" window="1h" period="30d"}` → 14.4×.
 *
 * Ratios are fractions (slo="0.999", error="0.02"); durations take a unit: 90s, 5m, 1h, 30d
 * (a bare number is seconds). Each calculation returns its text or its problems in words.
 */

const UNIT_SECONDS: Record<string, number> = {
  '': 1,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
};

/** "90s", "5m", "1.5h", "30d" or "90" (seconds) → seconds; null unless positive and finite. */
export function parseDuration(raw: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?$/.exec(raw.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] ?? '']!;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function durationAttr(
  attrs: Attrs,
  name: string,
  problems: string[],
  fallback?: number,
): number | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    if (fallback === undefined) problems.push(`needs ${name}="…"`);
    return fallback;
  }
  const seconds = parseDuration(raw);
  if (seconds === null) {
    problems.push(`${name} must be a duration such as 90s, 5m, 1h or 30d, not "${raw}"`);
    return undefined;
  }
  return seconds;
}

/** A span in the unit that reads best, up to days: 51.8 s, 43.2 min, 50 h, 30 days. */
export function fmtSpan(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 120) return fmtDuration(s);
  if (s < 7200) return `${fmtNum(s / 60)} min`;
  if (s < 72 * 3600) return `${fmtNum(s / 3600)} h`;
  return `${fmtNum(s / 86_400)} days`;
}

/** 14.4×, 6×, 0.933×; from 100 up, whole and grouped (1,000×). */
const fmtBurn = (b: number) => `${b >= 100 ? fmtInt(b) : fmtNum(b)}×`;

/** A share with three significant figures: 1.44 %, 0.1 %, 3.47 %. */
export const fmtShare = (x: number) => (x === 0 ? '0 %' : `${fmtNum(x * 100)} %`);

const THIRTY_DAYS = 30 * 86_400;

function done<T>(r: Result<T>, text: (value: T) => string): Calculated {
  return r.ok ? { ok: true, text: text(r.value) } : { ok: false, problems: [r.reason] };
}

const sloRule = { above: 0, below: 1 } as const;
// Upper bounds of ratios and shares are checked in slo.ts, which explains them in words.
const ratioRule = { atLeast: 0 } as const;
const shareRule = {} as const;

/**
 * The error budget (`slo.budget`): `slo`, `period` → `metric` = duration (default: the budget as
 * time of full outage), fraction (1 − SLO) or requests (allowed bad events of `requests`).
 */
export function calcSloBudget(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['slo', 'period', 'metric', 'requests'], problems);
  const slo = numberAttr(attrs, 'slo', problems, sloRule);
  const period = durationAttr(attrs, 'period', problems);
  const metric = choice(
    attrs,
    'metric',
    ['duration', 'fraction', 'requests'],
    'duration',
    problems,
  );
  const requests =
    attrs.requests !== undefined
      ? numberAttr(attrs, 'requests', problems, { atLeast: 0 })
      : undefined;
  if (metric === 'requests' && attrs.requests === undefined)
    problems.push('metric="requests" needs requests="…"');
  if (problems.length || slo === undefined || period === undefined || metric === null)
    return { ok: false, problems };
  if (metric === 'requests') return done(allowedBadEvents(slo, requests ?? 0), fmtInt);
  return done(errorBudget(slo, period), (b) =>
    metric === 'fraction' ? fmtShare(b.fraction) : fmtSpan(b.seconds),
  );
}

/**
 * A burn rate (`slo.burn`): `error` ratio at `slo` → `metric` = burn (default) or exhaust (time
 * to empty the budget of `period`, default 30d, with `remaining` of it left, default 1).
 */
export function calcSloBurn(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['error', 'slo', 'metric', 'period', 'remaining'], problems);
  const error = numberAttr(attrs, 'error', problems, ratioRule);
  const slo = numberAttr(attrs, 'slo', problems, sloRule);
  const metric = choice(attrs, 'metric', ['burn', 'exhaust'], 'burn', problems);
  const period = durationAttr(attrs, 'period', problems, THIRTY_DAYS);
  const remaining = numberAttr(attrs, 'remaining', problems, { ...ratioRule, fallback: 1 });
  if (
    problems.length ||
    error === undefined ||
    slo === undefined ||
    metric === null ||
    period === undefined ||
    remaining === undefined
  )
    return { ok: false, problems };
  const burn = burnRate(error, slo);
  if (!burn.ok || metric === 'burn') return done(burn, fmtBurn);
  return done(timeToExhaust(burn.value, period, remaining), fmtSpan);
}

/**
 * A burn-rate threshold (`slo.threshold`): spend `fraction` of the budget of `period` within
 * `window` → `metric` = burn (default), error (the error ratio it means; needs `slo`) or exhaust
 * (time to empty the whole budget at that burn).
 */
export function calcSloThreshold(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['fraction', 'window', 'period', 'metric', 'slo'], problems);
  const fraction = numberAttr(attrs, 'fraction', problems, shareRule);
  const window = durationAttr(attrs, 'window', problems);
  const period = durationAttr(attrs, 'period', problems, THIRTY_DAYS);
  const metric = choice(attrs, 'metric', ['burn', 'error', 'exhaust'], 'burn', problems);
  const slo = attrs.slo !== undefined ? numberAttr(attrs, 'slo', problems, sloRule) : undefined;
  if (metric === 'error' && attrs.slo === undefined) problems.push('metric="error" needs slo="…"');
  if (
    problems.length ||
    fraction === undefined ||
    window === undefined ||
    period === undefined ||
    metric === null
  )
    return { ok: false, problems };
  const burn = burnRateThreshold(fraction, period, window);
  if (!burn.ok || metric === 'burn') return done(burn, fmtBurn);
  if (metric === 'exhaust') return done(timeToExhaust(burn.value, period), fmtSpan);
  return done(errorRatioAtBurn(burn.value, slo ?? 0), fmtShare);
}

/** Budget an incident spends (`slo.consumed`): `error` ratio for `duration`, `slo`, `period`. */
export function calcSloConsumed(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['error', 'duration', 'slo', 'period'], problems);
  const error = numberAttr(attrs, 'error', problems, ratioRule);
  const duration = durationAttr(attrs, 'duration', problems);
  const slo = numberAttr(attrs, 'slo', problems, sloRule);
  const period = durationAttr(attrs, 'period', problems, THIRTY_DAYS);
  if (
    problems.length ||
    error === undefined ||
    duration === undefined ||
    slo === undefined ||
    period === undefined
  )
    return { ok: false, problems };
  return done(budgetConsumed(error, duration, slo, period), fmtShare);
}

/**
 * How long an `error` ratio may last before it spends `fraction` of the budget (`slo.duration`),
 * with `slo` and `period`.
 */
export function calcSloDuration(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['fraction', 'error', 'slo', 'period'], problems);
  const fraction = numberAttr(attrs, 'fraction', problems, shareRule);
  const error = numberAttr(attrs, 'error', problems, shareRule);
  const slo = numberAttr(attrs, 'slo', problems, sloRule);
  const period = durationAttr(attrs, 'period', problems, THIRTY_DAYS);
  if (
    problems.length ||
    fraction === undefined ||
    error === undefined ||
    slo === undefined ||
    period === undefined
  )
    return { ok: false, problems };
  return done(durationForBudget(fraction, error, slo, period), fmtSpan);
}

/** Share of requests a fault reaches (`slo.exposure`): `traffic` share × `hosts` share. */
export function calcSloExposure(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['traffic', 'hosts'], problems);
  const traffic = numberAttr(attrs, 'traffic', problems, ratioRule);
  const hosts = numberAttr(attrs, 'hosts', problems, ratioRule);
  if (problems.length || traffic === undefined || hosts === undefined)
    return { ok: false, problems };
  return done(exposedShare(traffic, hosts), fmtShare);
}

/**
 * A burn-rate alert's timing (`slo.detect`): errors at `error` ratio start at t = 0 against
 * `slo`; the alert fires at `threshold` over `window` (budget of `period`, default 30d) →
 * `metric` = detect (default: time to fire), reset (time to clear after the errors stop) or
 * spent (share of the budget spent by the time it fires).
 */
export function calcSloDetect(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['error', 'slo', 'threshold', 'window', 'period', 'metric'], problems);
  const error = numberAttr(attrs, 'error', problems, ratioRule);
  const slo = numberAttr(attrs, 'slo', problems, sloRule);
  const threshold = numberAttr(attrs, 'threshold', problems);
  const window = durationAttr(attrs, 'window', problems);
  const period = durationAttr(attrs, 'period', problems, THIRTY_DAYS);
  const metric = choice(attrs, 'metric', ['detect', 'reset', 'spent'], 'detect', problems);
  if (
    problems.length ||
    error === undefined ||
    slo === undefined ||
    threshold === undefined ||
    window === undefined ||
    period === undefined ||
    metric === null
  )
    return { ok: false, problems };
  const d = detectionTime(error, slo, threshold, window, period);
  if (!d.ok || metric !== 'reset')
    return done(d, (v) => (metric === 'spent' ? fmtShare(v.budgetSpent) : fmtSpan(v.seconds)));
  return done(resetTime(d.value.burn, threshold, window), fmtSpan);
}

/** This module's entries for src/calc/registry.ts. */
export const sloCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'slo.budget': calcSloBudget,
  'slo.burn': calcSloBurn,
  'slo.threshold': calcSloThreshold,
  'slo.consumed': calcSloConsumed,
  'slo.duration': calcSloDuration,
  'slo.exposure': calcSloExposure,
  'slo.detect': calcSloDetect,
};
