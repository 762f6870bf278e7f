import { createRng } from '../sim/rng.ts';
import type { Rng } from '../sim/rng.ts';

/**
 * Retries, backoff and jitter in numbers: the capped exponential schedule, what each jitter
 * strategy sleeps on average, worst-case waits, how retries multiply through layers, how many
 * attempts a request makes when attempts fail independently, what a retry budget bounds the load
 * to, and a seeded simulation of many clients retrying after one shared failure.
 *
 * Conventions. Retry k (k = 1, 2, …) follows the k-th failure. Its ceiling is
 * min(cap, base·2^(k−1)), so the first retry waits at most `base` (gRPC's retry design counts the
 * same way; the AWS post writes base·2^attempt, which only moves where the counting starts).
 * Jitter strategies, as in "Exponential Backoff And Jitter" (Marc Brooker, AWS Architecture Blog):
 * - none: sleep = ceiling
 * - full: sleep = uniform(0, ceiling)
 * - equal: sleep = ceiling/2 + uniform(0, ceiling/2)
 * - decorrelated: sleep = min(cap, uniform(base, 3·previous sleep)), starting from previous = base
 *
 * Every function checks its input and explains a problem in words instead of returning NaN.
 */

export type RetryResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;
export type Jitter = (typeof JITTERS)[number];

/** The most retries the functions accept: enough for any real policy, small enough to stay exact. */
export const MAX_RETRIES = 60;

function positive(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 ? null : `${name} must be a positive number`;
}

function wholeInRange(name: string, x: number, min: number, max: number): string | null {
  if (!Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min || x > max) return `${name} must be between ${min} and ${max}`;
  return null;
}

function checkSchedule(base: number, cap: number, retries: number): string | null {
  return (
    positive('The base delay', base) ??
    positive('The cap', cap) ??
    (cap < base ? 'The cap must be at least the base delay' : null) ??
    wholeInRange('The number of retries', retries, 1, MAX_RETRIES)
  );
}

/** The ceiling of each retry's sleep: min(cap, base·2^(k−1)) for k = 1 … retries. */
export function backoffCeilings(base: number, cap: number, retries: number): RetryResult<number[]> {
  const problem = checkSchedule(base, cap, retries);
  if (problem) return fail(problem);
  return ok(Array.from({ length: retries }, (_, i) => Math.min(cap, base * 2 ** i)));
}

/**
 * The mean sleep for one retry with the given ceiling: the ceiling itself without jitter, half of
 * it with full jitter (the mean of uniform(0, c)), three quarters with equal jitter
 * (c/2 + the mean of uniform(0, c/2)).
 */
export function meanSleepForCeiling(jitter: 'none' | 'full' | 'equal', ceiling: number): number {
  if (jitter === 'none') return ceiling;
  return jitter === 'full' ? ceiling / 2 : (3 * ceiling) / 4;
}

/**
 * Decorrelated jitter's mean sleeps while the cap cannot bind. E[uniform(base, 3s)] = (base + 3s)/2
 * is linear in s, so the means follow E_k = (base + 3·E_{k−1})/2 from E_0 = base, which solves to
 * E_k = base·(2·1.5^k − 1): 2, 3.5, 5.75, … times the base.
 */
export function decorrelatedMeanSleep(base: number, k: number): number {
  return base * (2 * 1.5 ** k - 1);
}

export interface RetrySchedule {
  jitter: Jitter;
  /** The largest sleep each retry can draw (for decorrelated jitter: min(cap, base·3^k)). */
  ceilings: number[];
  /** The mean sleep before each retry. */
  meanSleeps: number[];
  /** The longest total a request can spend sleeping through all its retries. */
  worstCaseTotal: number;
  /** The mean total sleep through all its retries (every retry failing). */
  meanTotal: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The schedule of `retries` retries with `jitter`: ceilings, mean sleeps and totals, assuming
 * every attempt fails (the worst case for waiting). Decorrelated jitter has no closed-form mean
 * once the cap can bind, so it needs base·3^retries ≤ cap.
 */
export function retrySchedule(
  base: number,
  cap: number,
  retries: number,
  jitter: Jitter,
): RetryResult<RetrySchedule> {
  const problem = checkSchedule(base, cap, retries);
  if (problem) return fail(problem);
  if (jitter === 'decorrelated') {
    const ceilings = Array.from({ length: retries }, (_, i) => Math.min(cap, base * 3 ** (i + 1)));
    if (base * 3 ** retries > cap)
      return fail(
        `With decorrelated jitter the cap can bind after ${retries} retries (base·3^${retries} is more than the cap), and then the mean has no closed form: use fewer retries or a larger cap, or simulate`,
      );
    const meanSleeps = ceilings.map((_, i) => decorrelatedMeanSleep(base, i + 1));
    return ok({
      jitter,
      ceilings,
      meanSleeps,
      worstCaseTotal: sum(ceilings),
      meanTotal: sum(meanSleeps),
    });
  }
  const ceilings = Array.from({ length: retries }, (_, i) => Math.min(cap, base * 2 ** i));
  const meanSleeps = ceilings.map((c) => meanSleepForCeiling(jitter, c));
  return ok({
    jitter,
    ceilings,
    meanSleeps,
    worstCaseTotal: sum(ceilings),
    meanTotal: sum(meanSleeps),
  });
}

export interface Amplification {
  /** Calls that reach the bottom layer for one user request when every attempt fails: a^L. */
  bottom: number;
  /** Calls made across all layers together: a + a² + … + a^L. */
  total: number;
}

/**
 * Retry amplification: `layers` layers, each making up to `attempts` attempts (the first try plus
 * its retries) at the layer below, with every attempt failing.
 */
export function amplification(attempts: number, layers: number): RetryResult<Amplification> {
  const problem =
    wholeInRange('The attempts per layer', attempts, 1, 100) ??
    wholeInRange('The number of layers', layers, 1, 20);
  if (problem) return fail(problem);
  let bottom = 1;
  let total = 0;
  for (let l = 0; l < layers; l++) {
    bottom *= attempts;
    total += bottom;
  }
  return ok({ bottom, total });
}

function checkProbability(name: string, q: number): string | null {
  return Number.isFinite(q) && q >= 0 && q <= 1
    ? null
    : `${name} must be a probability from 0 to 1 (such as 0.2 for 20 %)`;
}

export interface AttemptOdds {
  /** Mean attempts per request: 1 + q + … + q^(n−1) = (1 − q^n)/(1 − q), or n when q = 1. */
  expectedAttempts: number;
  /** Mean retries per request: expectedAttempts − 1. */
  expectedRetries: number;
  /** The chance that some attempt succeeds: 1 − q^n. */
  success: number;
  /** The chance that every attempt fails: q^n. */
  allFail: number;
}

/**
 * Attempts per request when each attempt fails independently with probability `q` and a request
 * makes at most `maxAttempts` attempts: a geometric count truncated at the limit.
 */
export function attemptOdds(q: number, maxAttempts: number): RetryResult<AttemptOdds> {
  const problem =
    checkProbability('The failure probability q', q) ??
    wholeInRange('The maximum number of attempts', maxAttempts, 1, MAX_RETRIES + 1);
  if (problem) return fail(problem);
  const allFail = q ** maxAttempts;
  // The closed form loses precision as q → 1; the sum is exact enough and short.
  let expectedAttempts = 0;
  for (let k = 0; k < maxAttempts; k++) expectedAttempts += q ** k;
  return ok({
    expectedAttempts,
    expectedRetries: expectedAttempts - 1,
    success: 1 - allFail,
    allFail,
  });
}

export interface BudgetedLoad {
  /** Attempts per request with no budget: the expected attempts. */
  unbudgeted: number;
  /** Attempts per request when retries may be at most `budget` × first attempts. */
  budgeted: number;
  /** The ceiling a budget puts on load whatever happens downstream: 1 + budget. */
  bound: number;
  /** True when the budget, not the failure rate, sets the retries. */
  budgetBinds: boolean;
}

/**
 * The load multiplier on a dependency (attempts sent per original request) when each attempt
 * fails with probability `q`, requests make at most `maxAttempts` attempts, and a retry budget
 * lets retries be at most `budget` times the first attempts (0.1 for 10 %). Long-run averages:
 * retries = min(the retries failures would ask for, the budget).
 */
export function budgetedLoad(
  q: number,
  maxAttempts: number,
  budget: number,
): RetryResult<BudgetedLoad> {
  const odds = attemptOdds(q, maxAttempts);
  if (!odds.ok) return odds;
  if (!Number.isFinite(budget) || budget < 0)
    return fail('The retry budget must be a number at least 0 (such as 0.1 for 10 %)');
  const wanted = odds.value.expectedRetries;
  return ok({
    unbudgeted: odds.value.expectedAttempts,
    budgeted: 1 + Math.min(wanted, budget),
    bound: 1 + budget,
    budgetBinds: wanted > budget,
  });
}

/**
 * The most a budget of `budget` (0.1 for 10 %) at every one of `layers` layers can multiply the
 * calls reaching the bottom: each layer sends at most (1 + budget) calls per call it receives, so
 * (1 + budget)^layers, against attempts^layers without budgets.
 */
export function budgetBoundThroughLayers(budget: number, layers: number): RetryResult<number> {
  if (!Number.isFinite(budget) || budget < 0)
    return fail('The retry budget must be a number at least 0 (such as 0.1 for 10 %)');
  const problem = wholeInRange('The number of layers', layers, 1, 20);
  return problem ? fail(problem) : ok((1 + budget) ** layers);
}

export interface StormOptions {
  /** Clients that all see one failure at time 0. */
  clients: number;
  /** Retries each client makes; the dependency stays down, so each retry fails fast. */
  retries: number;
  /** Seconds. */
  base: number;
  cap: number;
  jitter: Jitter;
  /** The width of the buckets retries are counted in, seconds (0.1 for 100 ms). */
  bucket: number;
  seed: number;
}

export interface StormResult {
  /** The most retries landing in any one bucket. */
  peak: number;
  /** When that bucket starts, seconds after the failure. */
  peakAt: number;
  /** All retries sent: clients × retries. */
  totalRetries: number;
  /** When the last retry lands. */
  lastRetryAt: number;
}

/**
 * One client's sleep before retry k (1-based), given its previous sleep (the base delay before
 * the first retry) and a uniform u in [0, 1), in the units of base and cap. Without jitter u is
 * not used.
 */
export function retrySleep(
  jitter: Jitter,
  base: number,
  cap: number,
  k: number,
  previous: number,
  u: number,
): number {
  const ceiling = Math.min(cap, base * 2 ** (k - 1));
  switch (jitter) {
    case 'none':
      return ceiling;
    case 'full':
      return u * ceiling;
    case 'equal':
      return ceiling / 2 + (u * ceiling) / 2;
    case 'decorrelated':
      return Math.min(cap, base + u * (3 * previous - base));
  }
}

/** retrySleep with a uniform drawn from `rng` (none drawn without jitter). */
export function drawRetrySleep(
  rng: Rng,
  jitter: Jitter,
  base: number,
  cap: number,
  k: number,
  previous: number,
): number {
  return retrySleep(jitter, base, cap, k, previous, jitter === 'none' ? 0 : rng.next());
}

/**
 * A retry storm: `clients` clients fail together at time 0 and retry against a dependency that
 * is still down, so every retry fails at once and the next sleep starts. Counts how many retries
 * land in each `bucket`-wide slice of time and reports the busiest. Same seed → same result.
 */
export function simulateRetryStorm(o: StormOptions): RetryResult<StormResult> {
  const problem =
    wholeInRange('The number of clients', o.clients, 1, 1_000_000) ??
    checkSchedule(o.base, o.cap, o.retries) ??
    positive('The bucket width', o.bucket) ??
    (JITTERS.includes(o.jitter) ? null : `The jitter must be one of ${JITTERS.join(', ')}`);
  if (problem) return fail(problem);
  const rng = createRng(o.seed);
  const counts = new Map<number, number>();
  let lastRetryAt = 0;
  for (let c = 0; c < o.clients; c++) {
    let t = 0;
    let previous = o.base;
    for (let k = 1; k <= o.retries; k++) {
      const sleep = drawRetrySleep(rng, o.jitter, o.base, o.cap, k, previous);
      previous = sleep;
      t += sleep;
      // Round away float dust so a sleep of exactly 1 s lands in the bucket starting at 1 s.
      const index = Math.floor(t / o.bucket + 1e-9);
      counts.set(index, (counts.get(index) ?? 0) + 1);
      lastRetryAt = Math.max(lastRetryAt, t);
    }
  }
  let peak = 0;
  let peakIndex = 0;
  for (const [index, count] of counts) {
    if (count > peak || (count === peak && index < peakIndex)) {
      peak = count;
      peakIndex = index;
    }
  }
  return ok({
    peak,
    peakAt: peakIndex * o.bucket,
    totalRetries: o.clients * o.retries,
    lastRetryAt,
  });
}
