import { fmtDuration, fmtInt, fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { fmtShare } from './availability.calc.ts';
import {
  abortBehaviour,
  blastRadius,
  detectionProbability,
  failureRateBound,
  logNormalDelay,
  logNormalQuantile,
  missProbability,
  runsNeeded,
  zeroFailureBound,
} from './faultInjection.ts';
import type {
  AbortBehaviour,
  Blast,
  FaultResult,
  Sampling,
  ZeroFailureBound,
} from './faultInjection.ts';

/**
 * Numbers the fault-injection lesson states, computed from src/formulas/faultInjection.ts when
 * the lesson is built, e.g. `:calc{of="faultInjection.runs" p="0.05"}` → 59. Probabilities are
 * fractions (p="0.05"); delays are in milliseconds. Each returns its text or its problems.
 */

const probability = { atLeast: 0 } as const;
const count = { atLeast: 0, whole: true } as const;
const positiveWhole = { atLeast: 1, whole: true } as const;

function done<T>(r: FaultResult<T>, text: (value: T) => string): Calculated {
  return r.ok ? { ok: true, text: text(r.value) } : { ok: false, problems: [r.reason] };
}

/** A count that may be fractional: 30, 8.78, 1,234. */
const fmtCount = (x: number) => (x >= 1000 ? fmtInt(x) : fmtNum(x));

/**
 * `faultInjection.detect`: `p` (failure chance per run), `n` runs → `metric` = detect (default:
 * P(at least one failure seen)) or miss (P(every run passes)).
 */
export function calcDetect(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p', 'n', 'metric'], problems);
  const p = numberAttr(attrs, 'p', problems, probability);
  const n = numberAttr(attrs, 'n', problems, count);
  const metric = choice(attrs, 'metric', ['detect', 'miss'] as const, 'detect', problems);
  if (problems.length || p === undefined || n === undefined || metric === null)
    return { ok: false, problems };
  return done(metric === 'detect' ? detectionProbability(p, n) : missProbability(p, n), fmtShare);
}

/** `faultInjection.runs`: `p`, `confidence` (default 0.95) → the fewest runs. */
export function calcRuns(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p', 'confidence'], problems);
  const p = numberAttr(attrs, 'p', problems, probability);
  const c = numberAttr(attrs, 'confidence', problems, { atLeast: 0, fallback: 0.95 });
  if (problems.length || p === undefined || c === undefined) return { ok: false, problems };
  return done(runsNeeded(p, c), fmtInt);
}

const boundMetrics: Record<string, (b: ZeroFailureBound) => string> = {
  exact: (b) => fmtShare(b.exact),
  approx: (b) => fmtShare(b.approx),
  rule: (b) => fmtShare(b.ruleOfThree),
  error: (b) => fmtShare(b.ruleError),
};

/**
 * `faultInjection.bound`: `n` runs, `failures` (default 0), `confidence` (default 0.95) →
 * `metric` = exact (default: the Clopper–Pearson upper bound); with no failures also approx
 * (−ln(1 − c)/n), rule (3/n) or error (how far 3/n overstates the exact bound).
 */
export function calcBound(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'failures', 'confidence', 'metric'], problems);
  const n = numberAttr(attrs, 'n', problems, positiveWhole);
  const failures = numberAttr(attrs, 'failures', problems, { ...count, fallback: 0 });
  const c = numberAttr(attrs, 'confidence', problems, { atLeast: 0, fallback: 0.95 });
  const metric = choice(attrs, 'metric', Object.keys(boundMetrics), 'exact', problems);
  if (failures !== undefined && failures > 0 && metric !== 'exact')
    problems.push('with failures="…" above 0, only metric="exact" is defined');
  if (problems.length || n === undefined || failures === undefined || c === undefined || !metric)
    return { ok: false, problems };
  if (failures > 0) return done(failureRateBound(failures, n, c), fmtShare);
  return done(zeroFailureBound(n, c), boundMetrics[metric]!);
}

const blastMetrics: Record<string, (b: Blast) => string> = {
  users: (b) => fmtCount(b.affectedUsers),
  requests: (b) => fmtCount(b.requests),
  share: (b) => fmtShare(b.requestShare),
  chance: (b) => fmtShare(b.userChance),
  total: (b) => fmtCount(b.users),
};

/**
 * `faultInjection.blast`: `users` (arriving per minute), `minutes`, `traffic` and `hosts` shares,
 * `requests` per user (default 1), `fault` rate (default 1), `sampling` = user (default) or
 * request → `metric` = users (default: expected users affected), requests, share (of requests),
 * chance (per user) or total (users in the window).
 */
export function calcBlast(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(
    attrs,
    ['users', 'minutes', 'traffic', 'hosts', 'requests', 'fault', 'sampling', 'metric'],
    problems,
  );
  const users = numberAttr(attrs, 'users', problems);
  const minutes = numberAttr(attrs, 'minutes', problems);
  const traffic = numberAttr(attrs, 'traffic', problems, probability);
  const hosts = numberAttr(attrs, 'hosts', problems, probability);
  const requests = numberAttr(attrs, 'requests', problems, { ...positiveWhole, fallback: 1 });
  const fault = numberAttr(attrs, 'fault', problems, { atLeast: 0, fallback: 1 });
  const sampling = choice<Sampling>(attrs, 'sampling', ['user', 'request'], 'user', problems);
  const metric = choice(attrs, 'metric', Object.keys(blastMetrics), 'users', problems);
  if (
    problems.length ||
    users === undefined ||
    minutes === undefined ||
    traffic === undefined ||
    hosts === undefined ||
    requests === undefined ||
    fault === undefined ||
    sampling === null ||
    metric === null
  )
    return { ok: false, problems };
  return done(
    blastRadius({
      usersPerMinute: users,
      minutes,
      trafficShare: traffic,
      hostShare: hosts,
      requestsPerUser: requests,
      faultRate: fault,
      sampling,
    }),
    blastMetrics[metric]!,
  );
}

/**
 * `faultInjection.delay`: a log-normal delay with `median` and `p99` in ms → `metric` = above
 * (default: the share above `threshold` ms), mean, or quantile (the `q` quantile).
 */
export function calcDelay(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['median', 'p99', 'threshold', 'q', 'metric'], problems);
  const median = numberAttr(attrs, 'median', problems);
  const p99 = numberAttr(attrs, 'p99', problems);
  const metric = choice(attrs, 'metric', ['above', 'mean', 'quantile'] as const, 'above', problems);
  const threshold = metric === 'above' ? numberAttr(attrs, 'threshold', problems) : undefined;
  const q = metric === 'quantile' ? numberAttr(attrs, 'q', problems, probability) : undefined;
  if (metric !== 'above' && attrs.threshold !== undefined)
    problems.push('threshold="…" only goes with metric="above"');
  if (metric !== 'quantile' && attrs.q !== undefined)
    problems.push('q="…" only goes with metric="quantile"');
  if (problems.length || median === undefined || p99 === undefined || metric === null)
    return { ok: false, problems };
  const ms = (x: number) => fmtDuration(x / 1000);
  if (metric === 'quantile') return done(logNormalQuantile(median, p99, q!), ms);
  const fault = logNormalDelay(median, p99, threshold ?? median);
  return done(fault, (f) => (metric === 'above' ? fmtShare(f.shareAbove) : ms(f.mean)));
}

const abortMetrics: Record<string, (a: AbortBehaviour) => string> = {
  'false-check': (a) => fmtShare(a.falseAbortPerCheck),
  'false-run': (a) => fmtShare(a.falseAbortPerRun),
  detect: (a) => fmtShare(a.detectPerCheck),
  miss: (a) => fmtShare(a.missWholeRun),
  checks: (a) => fmtNum(a.checksToAbort),
  errors: (a) => fmtCount(a.errorsBeforeAbort),
};

/**
 * `faultInjection.abort`: `requests` per check, `baseline` and `fault` error ratios, abort `at`
 * errors in one check, over `checks` checks → `metric` = false-run (default), false-check,
 * detect, miss, checks (expected until the abort) or errors (expected failures until then).
 */
export function calcAbort(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['requests', 'baseline', 'fault', 'at', 'checks', 'metric'], problems);
  const requests = numberAttr(attrs, 'requests', problems, positiveWhole);
  const baseline = numberAttr(attrs, 'baseline', problems, probability);
  const fault = numberAttr(attrs, 'fault', problems, probability);
  const at = numberAttr(attrs, 'at', problems, positiveWhole);
  const checks = numberAttr(attrs, 'checks', problems, positiveWhole);
  const metric = choice(attrs, 'metric', Object.keys(abortMetrics), 'false-run', problems);
  if (
    problems.length ||
    requests === undefined ||
    baseline === undefined ||
    fault === undefined ||
    at === undefined ||
    checks === undefined ||
    metric === null
  )
    return { ok: false, problems };
  return done(
    abortBehaviour({
      requestsPerCheck: requests,
      baselineError: baseline,
      faultError: fault,
      abortAt: at,
      checks,
    }),
    abortMetrics[metric]!,
  );
}

/** This module's entries for src/calc/registry.ts. */
export const faultInjectionCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'faultInjection.detect': calcDetect,
  'faultInjection.runs': calcRuns,
  'faultInjection.bound': calcBound,
  'faultInjection.blast': calcBlast,
  'faultInjection.delay': calcDelay,
  'faultInjection.abort': calcAbort,
};
