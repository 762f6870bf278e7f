/**
 * Service-level objectives, error budgets and burn-rate alerts, as pure functions.
 *
 * Conventions, the same for every function here:
 * - an SLO is a fraction strictly between 0 and 1 (0.999 for "99.9 %");
 * - an error ratio is the share of bad events (failed or too-slow requests), from 0 to 1;
 * - every duration is in **seconds** (a 30-day period is 2,592,000 s);
 * - a burn rate is a plain multiple: 1 spends the budget exactly over the period, 14.4 spends it
 *   14.4 times as fast.
 *
 * The burn-rate model follows the "Alerting on SLOs" chapter of Google's SRE Workbook: the burn
 * rate is the observed error ratio divided by the allowed one (1 − SLO), and an alert that should
 * fire once a fraction f of a period P's budget has been spent within a window w uses the
 * threshold b = f·P/w. Traffic is assumed steady, so "a share of the budget" and "a share of the
 * period's allowed bad events" are the same thing.
 *
 * Every function checks its input and returns a reason in words instead of NaN or Infinity.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Seconds in common periods, for callers and tests. */
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** Relative slack for comparing a burn rate with a threshold: 0.0144 / 0.001 is 14.399999…. */
const ROUNDING = 1e-9;

function sloCheck(slo: number): string | null {
  return Number.isFinite(slo) && slo > 0 && slo < 1
    ? null
    : `The SLO must be a fraction strictly between 0 and 1 (such as 0.999 for 99.9 %), not ${String(slo)}`;
}

function ratioCheck(name: string, x: number): string | null {
  return Number.isFinite(x) && x >= 0 && x <= 1
    ? null
    : `${name} must be a fraction from 0 to 1 (such as 0.02 for 2 %), not ${String(x)}`;
}

function shareCheck(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 && x <= 1
    ? null
    : `${name} must be a fraction above 0 and at most 1 (such as 0.02 for 2 %), not ${String(x)}`;
}

function durationCheck(name: string, s: number): string | null {
  return Number.isFinite(s) && s > 0
    ? null
    : `${name} must be a positive number of seconds, not ${String(s)}`;
}

function burnCheck(name: string, b: number): string | null {
  return Number.isFinite(b) && b > 0 ? null : `${name} must be a positive number, not ${String(b)}`;
}

// ——— Budgets ———

export interface ErrorBudget {
  /** The allowed share of bad events, 1 − SLO. */
  fraction: number;
  /** The same budget as time of total outage within the period: (1 − SLO)·P. */
  seconds: number;
}

/**
 * The error budget of an SLO over a period: the share of events allowed to be bad, and how long
 * a complete outage could last before the period's SLO is missed. 99.9 % over 30 days gives
 * 0.001 and 2,592 s (43.2 min).
 */
export function errorBudget(slo: number, periodSeconds: number): Result<ErrorBudget> {
  const bad = sloCheck(slo) ?? durationCheck('The SLO period', periodSeconds);
  if (bad) return fail(bad);
  const fraction = 1 - slo;
  return ok({ fraction, seconds: fraction * periodSeconds });
}

/** How many of `totalEvents` may be bad under the SLO: (1 − SLO)·N, not rounded. */
export function allowedBadEvents(slo: number, totalEvents: number): Result<number> {
  const bad =
    sloCheck(slo) ??
    (Number.isFinite(totalEvents) && totalEvents >= 0
      ? null
      : `The number of events must be zero or more, not ${String(totalEvents)}`);
  return bad ? fail(bad) : ok((1 - slo) * totalEvents);
}

// ——— Burn rate ———

/** Burn rate of an observed error ratio: errorRatio / (1 − SLO). 1.44 % errors at 99.9 % is 14.4. */
export function burnRate(errorRatio: number, slo: number): Result<number> {
  const bad = ratioCheck('The error ratio', errorRatio) ?? sloCheck(slo);
  return bad ? fail(bad) : ok(errorRatio / (1 - slo));
}

/**
 * The error ratio that burns at `burn` times the sustainable rate: burn·(1 − SLO). A burn rate
 * above 1/(1 − SLO) would need more than 100 % errors, so it is refused.
 */
export function errorRatioAtBurn(burn: number, slo: number): Result<number> {
  const bad = burnCheck('The burn rate', burn) ?? sloCheck(slo);
  if (bad) return fail(bad);
  const ratio = burn * (1 - slo);
  if (ratio > 1 + 1e-12)
    return fail(
      `A burn rate of ${String(burn)} at this SLO needs more than 100 % errors; the most is ${String(1 / (1 - slo))}`,
    );
  return ok(Math.min(1, ratio));
}

/** The highest burn rate possible at an SLO (every event bad): 1/(1 − SLO), 1,000 at 99.9 %. */
export function maxBurnRate(slo: number): Result<number> {
  const bad = sloCheck(slo);
  return bad ? fail(bad) : ok(1 / (1 - slo));
}

/**
 * The burn-rate threshold that spends `budgetFraction` of a period's budget within `windowSeconds`:
 * b = f·P/w. The SRE Workbook's pages are 2 % in 1 h (14.4) and 5 % in 6 h (6) of a 30-day
 * budget, and its ticket 10 % in 3 days (1).
 */
export function burnRateThreshold(
  budgetFraction: number,
  periodSeconds: number,
  windowSeconds: number,
): Result<number> {
  const bad =
    shareCheck('The budget fraction', budgetFraction) ??
    durationCheck('The SLO period', periodSeconds) ??
    durationCheck('The alert window', windowSeconds);
  if (bad) return fail(bad);
  if (windowSeconds > periodSeconds)
    return fail('The alert window must not be longer than the SLO period');
  return ok((budgetFraction * periodSeconds) / windowSeconds);
}

/**
 * Time until the budget runs out at a steady burn rate: remaining·P/b. With the whole budget left
 * (the default), a burn rate of 14.4 empties a 30-day budget in 50 hours and 1 takes the full 30
 * days.
 */
export function timeToExhaust(
  burn: number,
  periodSeconds: number,
  remainingFraction = 1,
): Result<number> {
  const bad =
    burnCheck('The burn rate', burn) ??
    durationCheck('The SLO period', periodSeconds) ??
    ratioCheck('The remaining share of the budget', remainingFraction);
  return bad ? fail(bad) : ok((remainingFraction * periodSeconds) / burn);
}

// ——— Incidents and experiments ———

/**
 * The share of a period's budget an incident spends: errorRatio·duration / ((1 − SLO)·P), with
 * steady traffic. 5 % errors for 30 minutes against 99.9 % over 30 days spends about 3.5 %. The
 * result can exceed 1: the SLO is then missed for the period.
 */
export function budgetConsumed(
  errorRatio: number,
  durationSeconds: number,
  slo: number,
  periodSeconds: number,
): Result<number> {
  const bad =
    ratioCheck('The error ratio', errorRatio) ??
    (Number.isFinite(durationSeconds) && durationSeconds >= 0
      ? null
      : `The incident duration must be zero or more seconds, not ${String(durationSeconds)}`) ??
    sloCheck(slo) ??
    durationCheck('The SLO period', periodSeconds);
  if (bad) return fail(bad);
  return ok((errorRatio * durationSeconds) / ((1 - slo) * periodSeconds));
}

/**
 * The longest an error ratio may last before it spends `budgetFraction` of the budget — the
 * inverse of {@link budgetConsumed}: f·(1 − SLO)·P / errorRatio. Used to size a chaos experiment.
 */
export function durationForBudget(
  budgetFraction: number,
  errorRatio: number,
  slo: number,
  periodSeconds: number,
): Result<number> {
  const bad =
    shareCheck('The budget fraction', budgetFraction) ??
    shareCheck('The error ratio', errorRatio) ??
    sloCheck(slo) ??
    durationCheck('The SLO period', periodSeconds);
  if (bad) return fail(bad);
  return ok((budgetFraction * (1 - slo) * periodSeconds) / errorRatio);
}

/**
 * The share of all requests a fault reaches when it is injected only for a cohort of traffic and
 * only on some hosts, with requests spread evenly over hosts: trafficShare × hostShare.
 * 1 % of traffic on 10 % of hosts is 0.1 % of requests.
 */
export function exposedShare(trafficShare: number, hostShare: number): Result<number> {
  const bad =
    ratioCheck('The share of traffic', trafficShare) ?? ratioCheck('The share of hosts', hostShare);
  return bad ? fail(bad) : ok(trafficShare * hostShare);
}

// ——— How a burn-rate alert behaves ———

export interface Detection {
  /** The burn rate of the error ratio. */
  burn: number;
  /** Seconds from the start of the errors until the window's average reaches the threshold. */
  seconds: number;
  /** The share of the period's budget spent by then: threshold·w/P, whatever the error ratio. */
  budgetSpent: number;
}

/**
 * When a burn-rate alert over one window fires, if the error ratio jumps from zero to a constant
 * `errorRatio` at t = 0. The window's average burn after t seconds (t ≤ w) is burn·t/w, so it
 * reaches the threshold at t = threshold·w/burn. An error ratio that burns below the threshold
 * never fires the alert, and the reason says so. Evaluation interval and `for` are ignored.
 */
export function detectionTime(
  errorRatio: number,
  slo: number,
  threshold: number,
  windowSeconds: number,
  periodSeconds: number,
): Result<Detection> {
  const bad =
    ratioCheck('The error ratio', errorRatio) ??
    sloCheck(slo) ??
    burnCheck('The burn-rate threshold', threshold) ??
    durationCheck('The alert window', windowSeconds) ??
    durationCheck('The SLO period', periodSeconds);
  if (bad) return fail(bad);
  const burn = errorRatio / (1 - slo);
  if (burn < threshold * (1 - ROUNDING))
    return fail(
      `A burn rate of ${burn.toPrecision(3)} is below the threshold ${String(threshold)}: this alert never fires`,
    );
  const seconds = Math.min(windowSeconds, (threshold * windowSeconds) / burn);
  return ok({ burn, seconds, budgetSpent: (burn * seconds) / periodSeconds });
}

/**
 * How long a burn-rate alert keeps firing after the errors stop, for an incident at a constant
 * burn rate that lasted long enough to fire it: the window must forget enough bad minutes that
 * its average falls below the threshold, which takes w·(1 − threshold/burn) whatever the
 * incident's length. This is why the SRE Workbook pairs each long window with a short one.
 */
export function resetTime(burn: number, threshold: number, windowSeconds: number): Result<number> {
  const bad =
    burnCheck('The burn rate', burn) ??
    burnCheck('The burn-rate threshold', threshold) ??
    durationCheck('The alert window', windowSeconds);
  if (bad) return fail(bad);
  if (burn < threshold * (1 - ROUNDING))
    return fail('The burn rate is below the threshold, so the alert never fired');
  return ok(Math.max(0, windowSeconds * (1 - threshold / burn)));
}

// ——— A `for` duration, evaluation by evaluation ———

export type AlertState = 'inactive' | 'pending' | 'firing';

export interface ForRule {
  /** Seconds between evaluations. */
  intervalSeconds: number;
  /** Prometheus's `for`: how long the condition must hold before pending becomes firing. */
  forSeconds: number;
  /**
   * Prometheus's `keep_firing_for`: a firing alert stays firing until this long has passed since
   * the first evaluation at which the condition was false (0, the default, resolves at once).
   */
  keepFiringForSeconds?: number;
}

/**
 * The state after each evaluation of an alerting rule whose condition was `conditions[i]` at
 * time i·interval, following Prometheus's rules: a true condition makes an inactive alert
 * pending; it fires at the first evaluation at least `for` after it became pending; any false
 * evaluation drops a pending alert at once; a firing alert resolves on a false evaluation, or
 * after `keep_firing_for` has passed since the condition first turned false.
 */
export function forRuleStates(conditions: readonly boolean[], rule: ForRule): Result<AlertState[]> {
  const keep = rule.keepFiringForSeconds ?? 0;
  const bad =
    durationCheck('The evaluation interval', rule.intervalSeconds) ??
    (Number.isFinite(rule.forSeconds) && rule.forSeconds >= 0
      ? null
      : 'The for duration must be zero or more seconds') ??
    (Number.isFinite(keep) && keep >= 0
      ? null
      : 'The keep-firing duration must be zero or more seconds');
  if (bad) return fail(bad);
  const states: AlertState[] = [];
  let state: AlertState = 'inactive';
  let activeAt = 0;
  let falseSince: number | null = null;
  conditions.forEach((condition, i) => {
    const t = i * rule.intervalSeconds;
    if (condition) {
      falseSince = null;
      if (state === 'inactive') {
        state = 'pending';
        activeAt = t;
      }
      if (state === 'pending' && t - activeAt >= rule.forSeconds) state = 'firing';
    } else if (state === 'firing' && keep > 0) {
      falseSince ??= t;
      if (t - falseSince >= keep) {
        state = 'inactive';
        falseSince = null;
      }
    } else {
      state = 'inactive';
    }
    states.push(state);
  });
  return ok(states);
}
