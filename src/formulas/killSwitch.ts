/**
 * How long a kill switch takes to reach a fleet, when hosts learn it by polling.
 *
 * Each of n hosts polls the flag service every P seconds, at its own phase, drawn uniformly:
 * after the value changes, a host's next poll comes U(0, P) later, independently of the others.
 * In front of the flag service sits one shared cache (an edge or relay) that keeps an answer for
 * up to T seconds (its TTL), refreshed at a phase of its own: the new value appears there
 * A ~ U(0, T) after the flip, the same A for every host. So host i learns the switch at
 * A + U_i, and the whole fleet at A + max(U_1 … U_n).
 *
 * The maximum of n independent U(0, P) has CDF (x/P)^n, mean nP/(n + 1) and q-quantile
 * P·q^(1/n) (order statistics of the uniform: the largest of n is Beta(n, 1) scaled by P). With
 * the shared cache, E[fleet] = T/2 + nP/(n + 1) and the worst case is T + P. Pure functions;
 * bad input returns a reason, never NaN.
 */

import { normalCdf } from './canary.ts';

export type SwitchResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): SwitchResult<T> => ({ ok: true, value });

function checkFleet(n: number, ttl: number, poll: number): string | null {
  if (!Number.isInteger(n) || n < 1)
    return `n = ${n}: a fleet has a whole number of hosts, at least 1`;
  if (!Number.isFinite(ttl) || ttl < 0) return `TTL = ${ttl}: a cache TTL is 0 s or more`;
  if (!Number.isFinite(poll) || poll <= 0)
    return `P = ${poll}: a polling interval is more than 0 s`;
  return null;
}

/** E[max of n U(0, P)] = nP/(n + 1). */
export function uniformMaxMean(n: number, poll: number): SwitchResult<number> {
  const problem = checkFleet(n, 0, poll);
  return problem ? fail(problem) : ok((n * poll) / (n + 1));
}

/** The q-quantile of the max of n U(0, P): P·q^(1/n). */
export function uniformMaxQuantile(n: number, poll: number, q: number): SwitchResult<number> {
  const problem = checkFleet(n, 0, poll);
  if (problem) return fail(problem);
  if (!(q >= 0 && q <= 1)) return fail(`q = ${q}: a quantile is between 0 and 1`);
  return ok(poll * q ** (1 / n));
}

/** ∫_lo^hi (x/P)^n dx, for 0 ≤ lo ≤ hi ≤ P. */
const powerIntegral = (lo: number, hi: number, n: number, poll: number) =>
  (poll / (n + 1)) * ((hi / poll) ** (n + 1) - (lo / poll) ** (n + 1));

/** P(A + max U ≤ t), A ~ U(0, T), the max of n U(0, P): the CDF of the fleet's time. */
function fleetCdfUnchecked(t: number, n: number, ttl: number, poll: number): number {
  if (t <= 0) return 0;
  if (t >= ttl + poll) return 1;
  const maxCdf = (x: number) => (x <= 0 ? 0 : x >= poll ? 1 : (x / poll) ** n);
  if (ttl === 0) return maxCdf(t);
  // (1/T) ∫_0^T F(t − a) da = (1/T) ∫_{t−T}^{t} F(x) dx, split where F is 0, (x/P)^n and 1.
  const lo = Math.max(0, t - ttl);
  const hi = Math.min(poll, t);
  const curved = hi > lo ? powerIntegral(lo, hi, n, poll) : 0;
  const flat = Math.max(0, t - Math.max(poll, t - ttl));
  return Math.min(1, Math.max(0, (curved + flat) / ttl));
}

/** P(the whole fleet has the switch within t seconds of the flip). */
export function fleetCdf(t: number, n: number, ttl: number, poll: number): SwitchResult<number> {
  const problem = checkFleet(n, ttl, poll);
  if (problem) return fail(problem);
  if (Number.isNaN(t)) return fail('t must be a number');
  return ok(fleetCdfUnchecked(t, n, ttl, poll));
}

export interface FleetPropagation {
  /** E[A + U]: one host's mean wait, (T + P)/2. */
  hostMean: number;
  /** E[A + max U] = T/2 + nP/(n + 1). */
  fleetMean: number;
  /** Median and 99th percentile of the fleet's time. */
  fleetP50: number;
  fleetP99: number;
  /** T + P: no host can take longer. */
  worst: number;
}

/** The q-quantile of the fleet's time, by bisection on the CDF (60 halvings: far below 1 µs). */
function fleetQuantile(q: number, n: number, ttl: number, poll: number): number {
  let lo = 0;
  let hi = ttl + poll;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (fleetCdfUnchecked(mid, n, ttl, poll) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Mean, median, p99 and worst case of the time for a switch to reach all n hosts. */
export function fleetPropagation(
  n: number,
  ttl: number,
  poll: number,
): SwitchResult<FleetPropagation> {
  const problem = checkFleet(n, ttl, poll);
  if (problem) return fail(problem);
  return ok({
    hostMean: (ttl + poll) / 2,
    fleetMean: ttl / 2 + (n * poll) / (n + 1),
    fleetP50: fleetQuantile(0.5, n, ttl, poll),
    fleetP99: fleetQuantile(0.99, n, ttl, poll),
    worst: ttl + poll,
  });
}

/**
 * Harm done while a switch travels, for harm at `rate` a second on each of `affected` hosts that
 * each stop when the switch reaches them: rate × Σ (flip + A + U_i), whose mean is
 * rate × affected × (flip + (T + P)/2). Only the hosts' mean wait counts, not the fleet's maximum.
 */
export function expectedHarm(
  rate: number,
  affected: number,
  flipS: number,
  ttl: number,
  poll: number,
): SwitchResult<number> {
  const problem = checkFleet(Math.max(1, affected), ttl, poll);
  if (problem) return fail(problem);
  if (!Number.isInteger(affected) || affected < 0)
    return fail(`affected = ${affected}: a whole number of hosts, 0 or more`);
  if (!Number.isFinite(rate) || rate < 0) return fail(`rate = ${rate}: harm a second is 0 or more`);
  if (!Number.isFinite(flipS) || flipS < 0) return fail(`flip = ${flipS}: a time of 0 s or more`);
  return ok(rate * affected * (flipS + (ttl + poll) / 2));
}

/**
 * A two-person rule with a fallback: the first approver answers after X; if X > `fallbackS`, a
 * second approver is asked at `fallbackS` and answers after Y. The approval comes at
 * min(X, fallbackS + Y). Both answer times are log-normal (median m, shape σ); this is its mean,
 * E[min(X, f + Y)] = ∫_0^∞ P(X > t) P(f + Y > t) dt, by the trapezoid rule in ln t.
 */
export function approvalMean(
  median: number,
  sigma: number,
  fallbackS: number,
): SwitchResult<number> {
  if (!(median > 0) || !Number.isFinite(median)) return fail(`median = ${median}: more than 0 s`);
  if (!(sigma > 0) || !Number.isFinite(sigma)) return fail(`σ = ${sigma}: more than 0`);
  if (!(fallbackS >= 0) || !Number.isFinite(fallbackS))
    return fail(`fallback = ${fallbackS}: 0 s or more`);
  const survival = (t: number) =>
    t <= 0 ? 1 : 1 - normalCdf((Math.log(t) - Math.log(median)) / sigma);
  // min(X, f + Y) ≤ X, so nothing is left beyond X's far tail. Integrate in u = ln t, where
  // the log-normal is a normal: ±9σ around ln m, and below that the survivals are 1.
  const lo = Math.log(median) - 9 * sigma;
  const steps = 20_000;
  const h = (18 * sigma) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const t = Math.exp(lo + i * h);
    const f = survival(t) * survival(t - fallbackS) * t;
    sum += i === 0 || i === steps ? f / 2 : f;
  }
  return ok(Math.exp(lo) + sum * h);
}
