/**
 * The statistics of fault injection: how many experiment runs it takes before "it survived every
 * time" means much, the zero-failure upper bound and its "rule of three" shortcut, the expected
 * blast radius of an experiment in users and requests, latency faults drawn from a log-normal
 * distribution, and abort thresholds checked once a minute as a sequence of tests.
 *
 * Every function checks its input and returns a reason in words instead of NaN or Infinity.
 * Probabilities near 0 and 1 are computed through log1p/expm1 so they keep their digits.
 */

import { betaQuantile, normalCdf, normalQuantile } from './canary.ts';
import { exposedShare } from './slo.ts';
import { logNormalFromMedianP99 } from '../sim/rng.ts';

export type FaultResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

function probabilityProblem(name: string, x: number, open = false): string | null {
  const inRange = open ? x > 0 && x < 1 : x >= 0 && x <= 1;
  return Number.isFinite(x) && inRange
    ? null
    : `${name} must be a probability ${open ? 'strictly between 0 and 1' : 'from 0 to 1'} (such as 0.05), not ${String(x)}`;
}

function wholeProblem(name: string, x: number, min: number, max: number): string | null {
  if (!Number.isFinite(x) || !Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min) return `${name} must be at least ${min}`;
  if (x > max) return `${name} must be at most ${max.toLocaleString('en')}`;
  return null;
}

function positiveProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 ? null : `${name} must be a positive number, not ${String(x)}`;
}

/** The most runs or checks the functions below accept. */
export const MAX_RUNS = 10_000_000;

// ——— Runs and detection ———

/**
 * P(no failure in n independent runs) when each run fails with probability p: (1 − p)ⁿ,
 * computed as exp(n·log1p(−p)) so that tiny p keeps its digits.
 */
export function missProbability(p: number, n: number): FaultResult<number> {
  const problem = probabilityProblem('p', p) ?? wholeProblem('n', n, 0, MAX_RUNS);
  if (problem) return fail(problem);
  if (p === 1) return ok(n === 0 ? 1 : 0);
  return ok(Math.exp(n * Math.log1p(-p)));
}

/** P(at least one failure in n runs) = 1 − (1 − p)ⁿ: the chance the experiment shows the weakness. */
export function detectionProbability(p: number, n: number): FaultResult<number> {
  const problem = probabilityProblem('p', p) ?? wholeProblem('n', n, 0, MAX_RUNS);
  if (problem) return fail(problem);
  if (p === 1) return ok(n === 0 ? 0 : 1);
  return ok(-Math.expm1(n * Math.log1p(-p)));
}

/**
 * The fewest runs n with 1 − (1 − p)ⁿ ≥ confidence: n = ⌈ln(1 − c) / ln(1 − p)⌉.
 *
 * The same number answers the mirror question: after n runs with no failure at all, a failure
 * rate of p or more is ruled out at this confidence (if it were p, seeing n clean runs would have
 * had a chance of at most 1 − c).
 */
export function runsNeeded(p: number, confidence: number): FaultResult<number> {
  const problem =
    probabilityProblem('p', p) ?? probabilityProblem('The confidence', confidence, true);
  if (problem) return fail(problem);
  if (p === 0) return fail('p is 0: a failure that never happens is never seen, however many runs');
  if (p === 1) return ok(1);
  const exact = Math.log1p(-confidence) / Math.log1p(-p);
  let n = Math.max(1, Math.ceil(exact));
  // Guard the ceiling against rounding in the logarithms: step to the true smallest n.
  const reaches = (k: number) => -Math.expm1(k * Math.log1p(-p)) >= confidence;
  while (n > 1 && reaches(n - 1)) n--;
  while (!reaches(n)) n++;
  if (n > MAX_RUNS) return fail(`that needs more than ${MAX_RUNS.toLocaleString('en')} runs`);
  return ok(n);
}

export interface ZeroFailureBound {
  /** The exact one-sided upper bound: the p at which n clean runs have chance 1 − c, 1 − (1 − c)^(1/n). */
  exact: number;
  /** Its small-p approximation, −ln(1 − c)/n (2.9957…/n at 95 %). */
  approx: number;
  /** The rule of three, 3/n, which is the approximation rounded, meant for 95 %. */
  ruleOfThree: number;
  /** ruleOfThree / exact − 1: how far the rule overstates the exact bound. */
  ruleError: number;
}

/**
 * n runs, zero failures: how large could the failure rate still be? The exact upper confidence
 * bound (Clopper–Pearson with no failures) solves (1 − p)ⁿ = 1 − c. For large n it is close to
 * −ln(1 − c)/n, which at 95 % is 2.996/n: the "rule of three", 3/n.
 */
export function zeroFailureBound(n: number, confidence = 0.95): FaultResult<ZeroFailureBound> {
  const problem =
    wholeProblem('n', n, 1, MAX_RUNS) ?? probabilityProblem('The confidence', confidence, true);
  if (problem) return fail(problem);
  const lnMiss = Math.log1p(-confidence);
  const exact = -Math.expm1(lnMiss / n);
  const approx = -lnMiss / n;
  const ruleOfThree = 3 / n;
  return ok({ exact, approx, ruleOfThree, ruleError: ruleOfThree / exact - 1 });
}

/**
 * The exact one-sided upper bound on the failure rate after `failures` failures in n runs
 * (Clopper–Pearson): the c-quantile of Beta(failures + 1, n − failures). With no failures it is
 * 1 − (1 − c)^(1/n), the bound above; one failure in 201 runs gives about 2.34 % at 95 %.
 */
export function failureRateBound(
  failures: number,
  n: number,
  confidence = 0.95,
): FaultResult<number> {
  const problem =
    wholeProblem('n', n, 1, MAX_RUNS) ??
    wholeProblem('The number of failures', failures, 0, MAX_RUNS) ??
    probabilityProblem('The confidence', confidence, true);
  if (problem) return fail(problem);
  if (failures > n) return fail('There cannot be more failures than runs');
  if (failures === n) return ok(1);
  if (failures === 0) {
    const zero = zeroFailureBound(n, confidence);
    return zero.ok ? ok(zero.value.exact) : zero;
  }
  return betaQuantile(confidence, failures + 1, n - failures);
}

// ——— Blast radius ———

export type Sampling = 'user' | 'request';

export interface BlastInput {
  /** New users (or sessions) arriving per minute during the experiment. */
  usersPerMinute: number;
  /** How long the fault is active, in minutes. */
  minutes: number;
  /** The share of users (sampling "user") or of requests ("request") put in the experiment. */
  trafficShare: number;
  /** The share of hosts (instances, pods) that carry the fault. */
  hostShare: number;
  /** Requests each user makes, spread evenly over hosts (1 by default). */
  requestsPerUser?: number;
  /** The chance an exposed request actually gets the fault (1 by default: every one). */
  faultRate?: number;
  /** Whether the cohort is chosen per user (sticky) or per request (independently). */
  sampling?: Sampling;
}

export interface Blast {
  /** Users in the window: usersPerMinute × minutes. */
  users: number;
  /** The share of requests that meet the fault: trafficShare × hostShare × faultRate. */
  requestShare: number;
  /** Expected requests that meet the fault. */
  requests: number;
  /** The chance that one user meets the fault at least once. */
  userChance: number;
  /** Expected users who meet it at least once: users × userChance. */
  affectedUsers: number;
}

/**
 * The expected blast radius of a fault, counted in requests and in people. A request meets the
 * fault when it is in the cohort, lands on a faulty host and the fault fires:
 * s_traffic × s_hosts × f (with requests spread evenly over hosts). A user who makes k requests
 * meets it at least once with probability
 *   per-user sampling:    s_traffic × (1 − (1 − s_hosts·f)^k)
 *   per-request sampling: 1 − (1 − s_traffic·s_hosts·f)^k
 * Both give the same number of faulty requests; per-request sampling spreads them over far more
 * people.
 */
export function blastRadius(input: BlastInput): FaultResult<Blast> {
  const k = input.requestsPerUser ?? 1;
  const f = input.faultRate ?? 1;
  const sampling = input.sampling ?? 'user';
  const problem =
    positiveProblem('Users per minute', input.usersPerMinute) ??
    positiveProblem('The duration in minutes', input.minutes) ??
    probabilityProblem('The share of traffic', input.trafficShare) ??
    probabilityProblem('The share of hosts', input.hostShare) ??
    wholeProblem('Requests per user', k, 1, 100_000) ??
    probabilityProblem('The fault rate', f) ??
    (sampling === 'user' || sampling === 'request' ? null : 'Sampling must be "user" or "request"');
  if (problem) return fail(problem);
  const exposed = exposedShare(input.trafficShare, input.hostShare);
  if (!exposed.ok) return exposed;
  const requestShare = exposed.value * f;
  const users = input.usersPerMinute * input.minutes;
  const atLeastOnce = (q: number) => (q === 1 ? 1 : -Math.expm1(k * Math.log1p(-q)));
  const userChance =
    sampling === 'user'
      ? input.trafficShare * atLeastOnce(input.hostShare * f)
      : atLeastOnce(requestShare);
  return ok({
    users,
    requestShare,
    requests: users * k * requestShare,
    userChance,
    affectedUsers: users * userChance,
  });
}

// ——— Latency faults ———

export interface LatencyFault {
  /** ln X ~ N(mu, sigma²). */
  mu: number;
  sigma: number;
  /** Mean delay, median·exp(σ²/2): above the median, pulled up by the tail. */
  mean: number;
  /** P(delay > threshold). */
  shareAbove: number;
}

/**
 * A latency fault drawn from a log-normal distribution described by its median and p99 (both in
 * the same unit), and the share of injected delays above a threshold such as a client timeout:
 * P(X > T) = 1 − Φ((ln T − μ)/σ).
 */
export function logNormalDelay(
  median: number,
  p99: number,
  threshold: number,
): FaultResult<LatencyFault> {
  const problem =
    positiveProblem('The median delay', median) ??
    positiveProblem('The p99 delay', p99) ??
    positiveProblem('The threshold', threshold);
  if (problem) return fail(problem);
  if (p99 <= median)
    return fail('The p99 delay must be above the median (a spread of zero is a fixed delay)');
  const { mu, sigma } = logNormalFromMedianP99(median, p99);
  const z = (Math.log(threshold) - mu) / sigma;
  return ok({ mu, sigma, mean: median * Math.exp((sigma * sigma) / 2), shareAbove: normalCdf(-z) });
}

/** The q-quantile of that log-normal delay: median · exp(σ·z_q). */
export function logNormalQuantile(median: number, p99: number, q: number): FaultResult<number> {
  const problem =
    positiveProblem('The median delay', median) ??
    positiveProblem('The p99 delay', p99) ??
    probabilityProblem('The quantile', q, true);
  if (problem) return fail(problem);
  if (p99 <= median) return fail('The p99 delay must be above the median');
  const z = normalQuantile(q);
  if (!z.ok) return z;
  const { sigma } = logNormalFromMedianP99(median, p99);
  return ok(median * Math.exp(sigma * z.value));
}

// ——— Abort thresholds checked every minute ———

/** ln C(n, k), by a sum of logarithms (exact enough for the sizes accepted here). */
function lnChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let sum = 0;
  for (let j = 1; j <= m; j++) sum += Math.log((n - m + j) / j);
  return sum;
}

/** The most requests per check the binomial tail accepts. */
export const MAX_TRIALS = 1_000_000;

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the chance that a check sees at least k errors among n
 * requests. Sums outwards from the boundary term towards whichever tail is smaller, so neither
 * a tiny tail nor one near 1 loses its digits.
 */
export function binomialTail(n: number, p: number, k: number): FaultResult<number> {
  const problem =
    wholeProblem('The number of requests', n, 0, MAX_TRIALS) ??
    probabilityProblem('p', p) ??
    wholeProblem('k', k, 0, MAX_TRIALS);
  if (problem) return fail(problem);
  if (k === 0) return ok(1);
  if (k > n) return ok(0);
  if (p === 0) return ok(0);
  if (p === 1) return ok(1);
  const lnP = Math.log(p);
  const lnQ = Math.log1p(-p);
  const lnPmf = (i: number) => lnChoose(n, i) + i * lnP + (n - i) * lnQ;
  const ratio = p / (1 - p);
  if (k > n * p) {
    // Upper tail from k upwards; terms fall away once past the mean.
    let term = Math.exp(lnPmf(k));
    let sum = term;
    for (let i = k; i < n; i++) {
      term *= ((n - i) / (i + 1)) * ratio;
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return ok(Math.min(1, sum));
  }
  // Lower tail from k − 1 downwards, then the complement.
  let term = Math.exp(lnPmf(k - 1));
  let sum = term;
  for (let i = k - 1; i > 0; i--) {
    term *= i / (n - i + 1) / ratio;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return ok(Math.max(0, 1 - sum));
}

export interface AbortPlan {
  /** Requests in the cohort per check. */
  requestsPerCheck: number;
  /** The cohort's normal error ratio. */
  baselineError: number;
  /** The error ratio the fault would cause if the system does not cope. */
  faultError: number;
  /** Abort when one check sees at least this many errors. */
  abortAt: number;
  /** How many checks the experiment lasts (one a minute: its length in minutes). */
  checks: number;
}

export interface AbortBehaviour {
  /** P(one check aborts with nothing wrong): P(Binomial(n, p₀) ≥ k). */
  falseAbortPerCheck: number;
  /** P(at least one false abort over the whole run): 1 − (1 − α)^m. */
  falseAbortPerRun: number;
  /** P(one check aborts when the fault does harm): P(Binomial(n, p₁) ≥ k). */
  detectPerCheck: number;
  /** P(the harm goes unnoticed for the whole run): (1 − β)^m. */
  missWholeRun: number;
  /** Expected checks until the abort when the fault does harm: 1/β (geometric). */
  checksToAbort: number;
  /**
   * Expected failed requests until the abort, including the aborting check's: n·p₁/β. Exact by
   * Wald's identity, since the abort is a stopping time on independent checks.
   */
  errorsBeforeAbort: number;
}

/**
 * An abort rule checked once per interval on fresh, independent data: each check is a small
 * hypothesis test. Over m checks its false aborts add up like any repeated trial, and when the
 * fault does harm the wait for the abort is geometric.
 */
export function abortBehaviour(plan: AbortPlan): FaultResult<AbortBehaviour> {
  const problem =
    wholeProblem('Requests per check', plan.requestsPerCheck, 1, MAX_TRIALS) ??
    probabilityProblem('The baseline error ratio', plan.baselineError) ??
    probabilityProblem('The error ratio under the fault', plan.faultError) ??
    wholeProblem('The abort count', plan.abortAt, 1, MAX_TRIALS) ??
    wholeProblem('The number of checks', plan.checks, 1, MAX_RUNS);
  if (problem) return fail(problem);
  if (plan.faultError <= plan.baselineError)
    return fail('The error ratio under the fault must be above the baseline');
  const alpha = binomialTail(plan.requestsPerCheck, plan.baselineError, plan.abortAt);
  const beta = binomialTail(plan.requestsPerCheck, plan.faultError, plan.abortAt);
  if (!alpha.ok) return alpha;
  if (!beta.ok) return beta;
  if (beta.value === 0)
    return fail(
      `An abort at ${plan.abortAt} errors can never trigger with ${plan.requestsPerCheck} requests per check`,
    );
  const overRun = detectionProbability(alpha.value, plan.checks);
  const miss = missProbability(beta.value, plan.checks);
  if (!overRun.ok) return overRun;
  if (!miss.ok) return miss;
  return ok({
    falseAbortPerCheck: alpha.value,
    falseAbortPerRun: overRun.value,
    detectPerCheck: beta.value,
    missWholeRun: miss.value,
    checksToAbort: 1 / beta.value,
    errorsBeforeAbort: (plan.requestsPerCheck * plan.faultError) / beta.value,
  });
}
