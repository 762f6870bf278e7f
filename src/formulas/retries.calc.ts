import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  amplification,
  attemptOdds,
  budgetBoundThroughLayers,
  budgetedLoad,
  JITTERS,
  MAX_RETRIES,
  retrySchedule,
  simulateRetryStorm,
} from './retries.ts';
import type {
  Amplification,
  AttemptOdds,
  BudgetedLoad,
  RetrySchedule,
  StormResult,
} from './retries.ts';

/**
 * Retry numbers for lessons, computed when the lesson is built:
 * `:calc{of="retries.amplification" attempts="3" layers="3"}` → 27.
 */

const times = (x: number) => `${fmtNum(x)}×`;

const scheduleFormat: Record<string, (s: RetrySchedule, k: number | undefined) => string | null> = {
  ceiling: (s, k) => (k === undefined ? null : fmtDuration(s.ceilings[k - 1]!)),
  meanSleep: (s, k) => (k === undefined ? null : fmtDuration(s.meanSleeps[k - 1]!)),
  ceilings: (s) => s.ceilings.map(fmtDuration).join(', '),
  meanSleeps: (s) => s.meanSleeps.map(fmtDuration).join(', '),
  worstTotal: (s) => fmtDuration(s.worstCaseTotal),
  meanTotal: (s) => fmtDuration(s.meanTotal),
};

/**
 * `retries.schedule`: `base` and `cap` (seconds), `retries`, `jitter` (none, full, equal,
 * decorrelated; default full) → `metric`: ceiling or meanSleep (of retry `k`), ceilings,
 * meanSleeps (lists), worstTotal, meanTotal (default).
 */
export function calcSchedule(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['base', 'cap', 'retries', 'jitter', 'metric', 'k'], problems);
  const base = numberAttr(attrs, 'base', problems);
  const cap = numberAttr(attrs, 'cap', problems);
  const retries = numberAttr(attrs, 'retries', problems, { atLeast: 1, whole: true });
  const jitter = choice(attrs, 'jitter', JITTERS, 'full', problems);
  const metric = choice(attrs, 'metric', Object.keys(scheduleFormat), 'meanTotal', problems);
  const k =
    attrs.k === undefined
      ? undefined
      : numberAttr(attrs, 'k', problems, { atLeast: 1, whole: true });
  if ((metric === 'ceiling' || metric === 'meanSleep') && attrs.k === undefined)
    problems.push(`metric="${metric}" needs k="…" (which retry, from 1)`);
  if (k !== undefined && retries !== undefined && k > retries)
    problems.push(`k must be at most the number of retries (${retries}), not "${attrs.k}"`);
  if (
    problems.length ||
    base === undefined ||
    cap === undefined ||
    retries === undefined ||
    jitter === null ||
    metric === null
  )
    return { ok: false, problems };
  const r = retrySchedule(base, cap, retries, jitter);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  const text = scheduleFormat[metric]!(r.value, k);
  return text === null ? { ok: false, problems: ['needs k="…"'] } : { ok: true, text };
}

const amplificationFormat: Record<string, (a: Amplification) => string> = {
  bottom: (a) => fmtInt(a.bottom),
  total: (a) => fmtInt(a.total),
};

/** `retries.amplification`: `attempts` per layer, `layers` → `metric`: bottom (default), total. */
export function calcAmplification(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['attempts', 'layers', 'metric'], problems);
  const attempts = numberAttr(attrs, 'attempts', problems, { atLeast: 1, whole: true });
  const layers = numberAttr(attrs, 'layers', problems, { atLeast: 1, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(amplificationFormat), 'bottom', problems);
  if (problems.length || attempts === undefined || layers === undefined || metric === null)
    return { ok: false, problems };
  const r = amplification(attempts, layers);
  return r.ok
    ? { ok: true, text: amplificationFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

const attemptsFormat: Record<string, (o: AttemptOdds) => string> = {
  expected: (o) => fmtNum(o.expectedAttempts),
  retries: (o) => fmtNum(o.expectedRetries),
  success: (o) => fmtPct(o.success),
  allFail: (o) => fmtPct(o.allFail),
};

function probabilityAttr(attrs: Attrs, problems: string[]): number | undefined {
  const q = numberAttr(attrs, 'q', problems, { atLeast: 0 });
  if (q !== undefined && q > 1) {
    problems.push(`q must be at most 1, not "${attrs.q}"`);
    return undefined;
  }
  return q;
}

/**
 * `retries.attempts`: `q` (each attempt's chance of failing), `max` attempts → `metric`: expected
 * (default), retries, success, allFail.
 */
export function calcAttempts(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['q', 'max', 'metric'], problems);
  const q = probabilityAttr(attrs, problems);
  const max = numberAttr(attrs, 'max', problems, { atLeast: 1, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(attemptsFormat), 'expected', problems);
  if (problems.length || q === undefined || max === undefined || metric === null)
    return { ok: false, problems };
  const r = attemptOdds(q, max);
  return r.ok
    ? { ok: true, text: attemptsFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

const budgetFormat: Record<string, (b: BudgetedLoad) => string> = {
  unbudgeted: (b) => times(b.unbudgeted),
  budgeted: (b) => times(b.budgeted),
  bound: (b) => times(b.bound),
};

/**
 * `retries.budget`: `q`, `max` attempts, `budget` (0.1 for 10 %) → `metric`: budgeted (default),
 * unbudgeted, bound; printed as a multiplier such as "1.1×". With `layers`, only metric="bound"
 * is allowed, and it gives the bound through that many budgeted layers, (1 + budget)^layers
 * (then `q` and `max` are not needed).
 */
export function calcBudget(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['q', 'max', 'budget', 'metric', 'layers'], problems);
  const budget = numberAttr(attrs, 'budget', problems, { atLeast: 0 });
  const metric = choice(attrs, 'metric', Object.keys(budgetFormat), 'budgeted', problems);
  if (attrs.layers !== undefined) {
    const layers = numberAttr(attrs, 'layers', problems, { atLeast: 1, whole: true });
    if (metric !== 'bound') problems.push('layers="…" goes with metric="bound" only');
    if (problems.length || budget === undefined || layers === undefined)
      return { ok: false, problems };
    const r = budgetBoundThroughLayers(budget, layers);
    return r.ok ? { ok: true, text: times(r.value) } : { ok: false, problems: [r.reason] };
  }
  const q = probabilityAttr(attrs, problems);
  const max = numberAttr(attrs, 'max', problems, { atLeast: 1, whole: true });
  if (
    problems.length ||
    q === undefined ||
    max === undefined ||
    budget === undefined ||
    metric === null
  )
    return { ok: false, problems };
  const r = budgetedLoad(q, max, budget);
  return r.ok
    ? { ok: true, text: budgetFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

const stormFormat: Record<string, (s: StormResult, clients: number, bucket: number) => string> = {
  peak: (s) => fmtInt(s.peak),
  share: (s, clients) => fmtPct(s.peak / clients),
  perSecond: (s, _clients, bucket) => fmtInt(s.peak / bucket),
  peakAt: (s) => fmtDuration(s.peakAt),
  last: (s) => fmtDuration(s.lastRetryAt),
  total: (s) => fmtInt(s.totalRetries),
};

/**
 * `retries.storm`: a seeded simulation of `clients` clients failing together and retrying
 * `retries` times against a dependency that stays down. `base`, `cap`, `bucket` (default 0.1) in
 * seconds, `jitter` (default full), `seed` (default 1) → `metric`: peak (default: the most retries
 * in one bucket), share (of clients), perSecond (the peak as a rate), peakAt, last, total.
 */
export function calcStorm(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(
    attrs,
    ['clients', 'retries', 'base', 'cap', 'jitter', 'bucket', 'seed', 'metric'],
    problems,
  );
  const clients = numberAttr(attrs, 'clients', problems, { atLeast: 1, whole: true });
  const retries = numberAttr(attrs, 'retries', problems, { atLeast: 1, whole: true });
  const base = numberAttr(attrs, 'base', problems);
  const cap = numberAttr(attrs, 'cap', problems);
  const bucket = numberAttr(attrs, 'bucket', problems, { fallback: 0.1 });
  const seed = numberAttr(attrs, 'seed', problems, { atLeast: 0, whole: true, fallback: 1 });
  const jitter = choice(attrs, 'jitter', JITTERS, 'full', problems);
  const metric = choice(attrs, 'metric', Object.keys(stormFormat), 'peak', problems);
  if (retries !== undefined && retries > MAX_RETRIES)
    problems.push(`retries must be at most ${MAX_RETRIES}, not "${attrs.retries}"`);
  if (
    problems.length ||
    clients === undefined ||
    retries === undefined ||
    base === undefined ||
    cap === undefined ||
    bucket === undefined ||
    seed === undefined ||
    jitter === null ||
    metric === null
  )
    return { ok: false, problems };
  const r = simulateRetryStorm({ clients, retries, base, cap, jitter, bucket, seed });
  return r.ok
    ? { ok: true, text: stormFormat[metric]!(r.value, clients, bucket) }
    : { ok: false, problems: [r.reason] };
}

/** This module's entries for src/calc/registry.ts. */
export const retriesCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'retries.schedule': calcSchedule,
  'retries.amplification': calcAmplification,
  'retries.attempts': calcAttempts,
  'retries.budget': calcBudget,
  'retries.storm': calcStorm,
};
