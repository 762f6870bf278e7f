import { attemptOdds } from './retries.ts';

/**
 * Cascades and sensitivity in numbers: how losing nodes raises the survivors' utilisation, how
 * retries multiply the load on a service that is failing, a deterministic toy of the feedback
 * loop between the two (which can stay broken after its trigger is gone: a metastable failure),
 * and the logistic map with its Lyapunov exponent as a picture of sensitivity to small changes.
 *
 * The logistic map is a picture, not a model of any real system. Every function checks its input
 * and explains a problem in words instead of returning NaN or Infinity.
 */

export type CascadeResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

function wholeProblem(name: string, x: number, min: number, max: number): string | null {
  if (!Number.isFinite(x) || !Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min) return `${name} must be at least ${min}`;
  if (x > max) return `${name} must be at most ${max}`;
  return null;
}

function positiveProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 ? null : `${name} must be a positive number`;
}

function probabilityProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x >= 0 && x <= 1
    ? null
    : `${name} must be a probability from 0 to 1 (such as 0.2 for 20 %)`;
}

// ——— Load shifting onto survivors ———

export interface Survivors {
  /** Each survivor's utilisation: u·n/(n − k). */
  utilisation: number;
  /** How much each survivor's load grew: n/(n − k). */
  growth: number;
  /** True when the survivors are asked for more than they can do (utilisation ≥ 1). */
  overloaded: boolean;
}

/** The largest cluster the functions below accept. */
export const MAX_NODES = 100_000;

/**
 * `n` identical nodes share the load evenly, each at utilisation `u`. When `k` of them die and
 * the same total load is spread over the n − k survivors, each survivor runs at u·n/(n − k).
 * Utilisation at or above 1 means the survivors cannot keep up at all: queues grow without bound.
 */
export function survivorUtilisation(n: number, u: number, k: number): CascadeResult<Survivors> {
  const problem =
    wholeProblem('The number of nodes n', n, 1, MAX_NODES) ??
    (Number.isFinite(u) && u >= 0
      ? null
      : 'The utilisation u must be a number at least 0 (such as 0.6 for 60 %)') ??
    wholeProblem('The number of lost nodes k', k, 0, MAX_NODES);
  if (problem) return fail(problem);
  if (k >= n)
    return fail(
      `Losing ${k} of ${n} nodes leaves no survivors to carry the load: k must be below n`,
    );
  const growth = n / (n - k);
  const utilisation = u * growth;
  return ok({ utilisation, growth, overloaded: utilisation >= 1 });
}

/**
 * The most nodes a cluster of `n` at utilisation `u` can lose while every survivor stays at or
 * below `target` utilisation: the largest k with u·n/(n − k) ≤ target, which is
 * ⌊n·(1 − u/target)⌋. Returns 0 when even the full cluster is above the target.
 */
export function tolerableLosses(n: number, u: number, target: number): CascadeResult<number> {
  const problem =
    wholeProblem('The number of nodes n', n, 1, MAX_NODES) ??
    (Number.isFinite(u) && u > 0
      ? null
      : 'The utilisation u must be a positive number (such as 0.6 for 60 %)') ??
    positiveProblem('The target utilisation', target);
  if (problem) return fail(problem);
  if (u > target) return ok(0);
  // Float dust aside (1e-9), the largest whole k with n − k ≥ u·n/target.
  const k = Math.floor(n * (1 - u / target) + 1e-9);
  return ok(Math.max(0, Math.min(n - 1, k)));
}

/**
 * The highest utilisation `n` nodes may run at so that after losing `k` the survivors stay at or
 * below `target`: target·(n − k)/n (the survivors formula solved for u).
 */
export function safeUtilisation(n: number, k: number, target: number): CascadeResult<number> {
  const problem =
    wholeProblem('The number of nodes n', n, 1, MAX_NODES) ??
    wholeProblem('The number of lost nodes k', k, 0, MAX_NODES) ??
    positiveProblem('The target utilisation', target);
  if (problem) return fail(problem);
  if (k >= n) return fail(`Losing ${k} of ${n} nodes leaves no survivors: k must be below n`);
  return ok((target * (n - k)) / n);
}

// ——— Cache stampedes ———

/**
 * How many times more requests reach the database behind a cache when its hit ratio falls from
 * `hitBefore` to `hitAfter` (both from 0 to 1): the database sees the misses, (1 − h) of the
 * traffic, so the factor is (1 − hitAfter)/(1 − hitBefore). A flush (hitAfter = 0) in front of a
 * 95 % cache multiplies the database's load by 20.
 */
export function cacheMissAmplification(hitBefore: number, hitAfter: number): CascadeResult<number> {
  const problem =
    probabilityProblem('The hit ratio before', hitBefore) ??
    probabilityProblem('The hit ratio after', hitAfter);
  if (problem) return fail(problem);
  if (hitBefore === 1)
    return fail('A hit ratio of exactly 1 sends the database nothing, so the factor is undefined');
  return ok((1 - hitAfter) / (1 - hitBefore));
}

// ——— Retry amplification as a feedback loop ———

/**
 * The load a service receives when each call that fails is retried, up to `retries` times, and
 * each attempt fails independently with probability `pFail`:
 * offered = base × (1 + p + p² + … + p^R). This is the expected number of attempts from
 * `attemptOdds` in retries.ts with R + 1 attempts allowed.
 */
export function retryLoad(base: number, pFail: number, retries: number): CascadeResult<number> {
  const problem =
    (Number.isFinite(base) && base >= 0 ? null : 'The base load must be a number at least 0') ??
    probabilityProblem('The failure probability', pFail) ??
    wholeProblem('The number of retries R', retries, 0, 60);
  if (problem) return fail(problem);
  const odds = attemptOdds(pFail, retries + 1);
  return odds.ok ? ok(base * odds.value.expectedAttempts) : odds;
}

export interface FeedbackOptions {
  /** Requests per second the users send (first attempts only). */
  base: number;
  /** Requests per second the service can complete (μ). */
  capacity: number;
  /** The client's timeout, seconds: an attempt slower than this counts as failed. */
  timeout: number;
  /** Retries per request after a failure (R); 0 for none. */
  retries: number;
  /** The failure probability the loop starts from: 0 for a healthy start, 1 right after an outage. */
  start: number;
  /** Rounds to run (default 200). */
  rounds?: number;
}

export interface FeedbackRun {
  /** The failure probability after each round, starting with `start`. */
  pFail: number[];
  /** The offered load (attempts per second) in each round. */
  load: number[];
  /** Where the loop ended. */
  finalPFail: number;
  finalLoad: number;
  /** True when the last rounds stopped changing (a fixed point was reached). */
  settled: boolean;
  /** True when the loop ended in the broken state: every attempt fails. */
  stuck: boolean;
}

/**
 * The failure probability of an attempt when attempts arrive at `load` per second at a service
 * that completes `capacity` per second, in the M/M/1 picture: the time in the system is
 * exponential with rate μ − λ, so P(slower than the timeout) = e^(−(μ − λ)·timeout). At or above
 * capacity the queue grows without bound and every attempt eventually times out: 1.
 */
export function timeoutProbability(load: number, capacity: number, timeout: number): number {
  if (load >= capacity) return 1;
  return Math.exp(-(capacity - load) * timeout);
}

export const MAX_ROUNDS = 10_000;

function feedbackProblem(o: FeedbackOptions): string | null {
  return (
    (Number.isFinite(o.base) && o.base >= 0 ? null : 'The base load must be a number at least 0') ??
    positiveProblem('The capacity', o.capacity) ??
    positiveProblem('The timeout', o.timeout) ??
    wholeProblem('The number of retries R', o.retries, 0, 60) ??
    probabilityProblem('The starting failure probability', o.start) ??
    (o.rounds === undefined ? null : wholeProblem('The number of rounds', o.rounds, 1, MAX_ROUNDS))
  );
}

/**
 * A deterministic toy of the retry feedback loop, in rounds. In each round clients see the
 * failure probability p of the round before and retry accordingly, so the service is offered
 * base × (1 + p + … + p^R) attempts per second (every attempt costs the service work, even one
 * whose client has already given up). That load sets the next round's p through the timeout
 * probability above. Not a simulation of any real system: a picture of how retries can hold a
 * service in overload after whatever pushed it there has gone.
 */
export function retryFeedback(o: FeedbackOptions): CascadeResult<FeedbackRun> {
  const problem = feedbackProblem(o);
  if (problem) return fail(problem);
  const rounds = o.rounds ?? 200;
  const pFail = [o.start];
  const load: number[] = [];
  let p = o.start;
  for (let i = 0; i < rounds; i++) {
    const offered = retryLoad(o.base, p, o.retries);
    if (!offered.ok) return offered;
    load.push(offered.value);
    p = timeoutProbability(offered.value, o.capacity, o.timeout);
    pFail.push(p);
  }
  const last = pFail[pFail.length - 1]!;
  const before = pFail[pFail.length - 2]!;
  return ok({
    pFail,
    load,
    finalPFail: last,
    finalLoad: load[load.length - 1]!,
    settled: Math.abs(last - before) < 1e-9,
    stuck: last === 1,
  });
}

export interface Bistability {
  /** The most base load at which a healthy service (starting from p = 0) stays healthy. */
  healthyUpTo: number;
  /**
   * The most base load from which the service recovers on its own after an outage (starting
   * from p = 1) to the same state a healthy start reaches. Below `healthyUpTo` whenever retries
   * can sustain the broken state.
   */
  recoversUpTo: number;
}

/** Where a run of the toy ends, from a given start. */
function settlesAt(o: FeedbackOptions): number {
  const run = retryFeedback({ ...o, rounds: 2000 });
  return run.ok ? run.value.finalPFail : 1;
}

/** The largest base load in [0, capacity] for which `holds` is true, by bisection. */
function threshold(capacity: number, holds: (base: number) => boolean): number {
  let low = 0;
  let high = capacity;
  if (!holds(low)) return 0;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (holds(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * The two thresholds of the toy above. Between them the service has two stable states, healthy
 * and broken, and which one it is in depends on its history: a metastable failure. A higher base
 * load only ever raises the loop's failure rate (the loop is monotone in every input), so each
 * threshold is a single number, found by bisection. With R retries the broken state (p = 1,
 * offered load base·(R + 1)) sustains itself whenever base·(R + 1) ≥ capacity, so
 * `recoversUpTo` is at most capacity/(R + 1).
 */
export function bistability(
  capacity: number,
  timeout: number,
  retries: number,
): CascadeResult<Bistability> {
  const problem = feedbackProblem({ base: 0, capacity, timeout, retries, start: 1 });
  if (problem) return fail(problem);
  const healthy = (base: number) =>
    settlesAt({ base, capacity, timeout, retries, start: 0 }) < 1 - 1e-9;
  const recovers = (base: number) => {
    const fromHealthy = settlesAt({ base, capacity, timeout, retries, start: 0 });
    const fromBroken = settlesAt({ base, capacity, timeout, retries, start: 1 });
    return fromHealthy < 1 - 1e-9 && Math.abs(fromBroken - fromHealthy) < 1e-6;
  };
  return ok({
    healthyUpTo: threshold(capacity, healthy),
    recoversUpTo: threshold(capacity, recovers),
  });
}

// ——— The logistic map and its Lyapunov exponent ———

function logisticProblem(r: number, x0: number): string | null {
  if (!Number.isFinite(r) || r <= 0 || r > 4)
    return `r must be a number above 0 and at most 4 (beyond 4 the map leaves [0, 1]), not ${String(r)}`;
  if (!Number.isFinite(x0) || x0 < 0 || x0 > 1)
    return `The starting point x₀ must be between 0 and 1, not ${String(x0)}`;
  return null;
}

/** One step of the logistic map: x → r·x·(1 − x). */
export const logisticStep = (r: number, x: number): number => r * x * (1 - x);

/** x₀, x₁, …, x_steps of the logistic map. */
export function logisticOrbit(r: number, x0: number, steps: number): CascadeResult<number[]> {
  const problem =
    logisticProblem(r, x0) ?? wholeProblem('The number of steps', steps, 0, 1_000_000);
  if (problem) return fail(problem);
  const xs = [x0];
  let x = x0;
  for (let i = 0; i < steps; i++) {
    x = logisticStep(r, x);
    xs.push(x);
  }
  return ok(xs);
}

export interface LyapunovOptions {
  /** Steps thrown away first, so the orbit forgets where it started (default 1,000). */
  burnIn?: number;
  /** Steps averaged over (default 1,000,000). */
  iterations?: number;
}

/**
 * An estimate of the logistic map's Lyapunov exponent at parameter r:
 * λ ≈ (1/N) Σ ln|r·(1 − 2xₙ)| over N steps after a burn-in. It is a property of r: for the
 * logistic map almost every starting point gives the same value (≈ 0.49 at r = 3.9, ln 2 at
 * r = 4, ln|2 − r| below r = 3, where the orbit settles on the fixed point 1 − 1/r). The
 * exceptions are a set of measure zero, such as x₀ = 0 or a start exactly on an unstable cycle.
 */
export function lyapunovExponent(
  r: number,
  x0: number,
  options: LyapunovOptions = {},
): CascadeResult<number> {
  const burnIn = options.burnIn ?? 1000;
  const iterations = options.iterations ?? 1_000_000;
  const problem =
    logisticProblem(r, x0) ??
    wholeProblem('The burn-in', burnIn, 0, 10_000_000) ??
    wholeProblem('The number of iterations', iterations, 1, 10_000_000);
  if (problem) return fail(problem);
  let x = x0;
  for (let i = 0; i < burnIn; i++) x = logisticStep(r, x);
  let sum = 0;
  for (let i = 0; i < iterations; i++) {
    const slope = Math.abs(r * (1 - 2 * x));
    if (slope === 0)
      return fail(
        `The orbit landed exactly on x = 0.5, where the map's slope is 0, so ln|slope| is −∞: at r = ${r} from this start the exponent is −∞ (a superstable orbit); try another r or start`,
      );
    sum += Math.log(slope);
    x = logisticStep(r, x);
  }
  return ok(sum / iterations);
}

/**
 * The exponent in closed form where the orbit settles on a fixed point: below r = 1 the orbit
 * falls to 0, where the slope is r, so λ = ln r; for 1 < r < 3 it settles on x* = 1 − 1/r, where
 * the slope is r·(1 − 2x*) = 2 − r, so λ = ln|2 − r| (ln 0.8 ≈ −0.223 at r = 2.8). At r = 2 the
 * fixed point is superstable (slope 0) and λ = −∞; at r = 1 and r = 3 it is 0 (a bifurcation).
 */
export function fixedPointExponent(r: number): CascadeResult<number> {
  if (!Number.isFinite(r) || r <= 0 || r >= 3)
    return fail(
      `r must be above 0 and below 3, where the orbit settles on a fixed point, not ${String(r)}`,
    );
  if (r === 2) return fail('At r = 2 the fixed point is superstable (slope 0): the exponent is −∞');
  return ok(r <= 1 ? Math.log(r) : Math.log(Math.abs(2 - r)));
}

/**
 * How many steps it takes two runs that start `delta0` apart to drift `delta1` apart (on average)
 * when the exponent is λ: the gap grows like delta0·e^(λ·n), so n = ln(delta1/delta0)/λ.
 */
export function divergenceSteps(
  lambda: number,
  delta0: number,
  delta1: number,
): CascadeResult<number> {
  const problem =
    (Number.isFinite(lambda) ? null : 'λ must be a number') ??
    positiveProblem('The starting gap', delta0) ??
    positiveProblem('The final gap', delta1);
  if (problem) return fail(problem);
  if (lambda <= 0)
    return fail(
      `λ = ${lambda} is not positive: nearby runs do not drift apart exponentially (with λ < 0 they converge)`,
    );
  if (delta1 <= delta0) return fail('The final gap must be larger than the starting gap');
  return ok(Math.log(delta1 / delta0) / lambda);
}

/**
 * Runs the logistic map from x₀ and from x₀ + delta side by side and returns the first step at
 * which they are more than `threshold` apart, or null if they stay closer for `maxSteps` steps.
 */
export function firstStepApart(
  r: number,
  x0: number,
  delta: number,
  threshold: number,
  maxSteps = 10_000,
): CascadeResult<number | null> {
  const problem =
    logisticProblem(r, x0) ??
    positiveProblem('The starting gap', delta) ??
    (x0 + delta <= 1 ? null : 'x₀ + delta must be at most 1') ??
    positiveProblem('The threshold', threshold) ??
    wholeProblem('The most steps', maxSteps, 1, 10_000_000);
  if (problem) return fail(problem);
  let a = x0;
  let b = x0 + delta;
  for (let n = 1; n <= maxSteps; n++) {
    a = logisticStep(r, a);
    b = logisticStep(r, b);
    if (Math.abs(a - b) > threshold) return ok(n);
  }
  return ok(null);
}
