/**
 * Recovery arithmetic: availability from the mean time between failures and the mean time to
 * recover, expected incidents and downtime per period, the data a backup schedule can lose (RPO),
 * the time a recovery takes phase by phase (RTO), how long a restore takes, and a model of what
 * an outage costs.
 *
 * Durations are in seconds throughout. Every function checks its input and returns a reason in
 * words instead of NaN or Infinity.
 */

import { downtimeFromUnavailability, PERIOD_SECONDS, PERIODS } from './availability.ts';
import type { Availability, Period } from './availability.ts';

export type RecoveryResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

function positiveProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 ? null : `${name} must be a positive number, not ${String(x)}`;
}

function nonNegativeProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x >= 0 ? null : `${name} must be zero or more, not ${String(x)}`;
}

function shareProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x >= 0 && x <= 1
    ? null
    : `${name} must be a share from 0 to 1 (such as 0.4 for 40 %), not ${String(x)}`;
}

function periodProblem(period: Period): string | null {
  return period in PERIOD_SECONDS ? null : `period must be one of ${PERIODS.join(', ')}`;
}

// ——— MTBF, MTTR and availability ———

/**
 * Steady-state availability of something that runs for MTBF on average between failures and
 * takes MTTR on average to recover: A = MTBF / (MTBF + MTTR), U = MTTR / (MTBF + MTTR). Each
 * failure-and-repair cycle lasts MTBF + MTTR, of which MTTR is down. (MTBF here is measured from
 * the end of one repair to the next failure, sometimes called MTTF.)
 */
export function mtbfAvailability(mtbf: number, mttr: number): RecoveryResult<Availability> {
  const problem = positiveProblem('MTBF', mtbf) ?? nonNegativeProblem('MTTR', mttr);
  if (problem) return fail(problem);
  const cycle = mtbf + mttr;
  return ok({ availability: mtbf / cycle, unavailability: mttr / cycle });
}

export interface IncidentLoad {
  /** Expected failures in the period: period / (MTBF + MTTR). */
  incidents: number;
  /** Expected downtime in the period, seconds: U × period (= incidents × MTTR). */
  downtime: number;
}

/** Expected incidents and downtime in a period (a year by default) for a given MTBF and MTTR. */
export function incidentLoad(
  mtbf: number,
  mttr: number,
  period: Period = 'year',
): RecoveryResult<IncidentLoad> {
  const problem = periodProblem(period);
  if (problem) return fail(problem);
  const a = mtbfAvailability(mtbf, mttr);
  if (!a.ok) return a;
  const downtime = downtimeFromUnavailability(a.value.unavailability, period);
  if (!downtime.ok) return downtime;
  return ok({ incidents: PERIOD_SECONDS[period] / (mtbf + mttr), downtime: downtime.value });
}

// ——— RPO: how much data can be lost ———

export interface Rpo {
  /** The most data (as time) a failure can lose: the interval plus the lag. */
  worst: number;
  /** The average loss when failures strike at a uniformly random moment: interval / 2 + lag. */
  mean: number;
}

/**
 * Data lost by a failure when copies are taken every `interval` seconds and each copy becomes safe
 * (complete and stored away from the failing system) `lag` seconds after the moment it captures.
 * A failure just before a copy becomes safe loses everything since the previous copy's moment:
 * interval + lag. For a replica that streams changes, the interval is 0 and the lag is the
 * replication lag.
 */
export function rpoFromSchedule(interval: number, lag = 0): RecoveryResult<Rpo> {
  const problem =
    nonNegativeProblem('The copy interval', interval) ?? nonNegativeProblem('The lag', lag);
  if (problem) return fail(problem);
  return ok({ worst: interval + lag, mean: interval / 2 + lag });
}

/** The longest copy interval that meets an RPO target with a given lag: target − lag. */
export function intervalForRpo(target: number, lag = 0): RecoveryResult<number> {
  const problem = positiveProblem('The RPO target', target) ?? nonNegativeProblem('The lag', lag);
  if (problem) return fail(problem);
  if (lag >= target)
    return fail(
      'The lag alone is as long as the RPO target: no copy schedule can meet it; shorten the lag',
    );
  return ok(target - lag);
}

// ——— RTO: how long recovery takes ———

export const RTO_PHASES = ['detect', 'acknowledge', 'diagnose', 'restore'] as const;
export type RtoPhase = (typeof RTO_PHASES)[number];

export interface RtoBudget {
  /** Sum of the phases, seconds. */
  total: number;
  /** Each phase's share of the total. */
  shares: Record<RtoPhase, number>;
  /** The phase that takes longest. */
  largest: RtoPhase;
  /** target − total (negative when the plan misses the target); null without a target. */
  slack: number | null;
}

/**
 * Time to recover, phase by phase: detect (until an alert fires), acknowledge (until a person is
 * on it), diagnose (until the fix is known) and restore (until users are served again). The sum
 * is one incident's time to recover; compare it with the RTO.
 */
export function rtoBudget(
  phases: Record<RtoPhase, number>,
  target?: number,
): RecoveryResult<RtoBudget> {
  for (const phase of RTO_PHASES) {
    const problem = nonNegativeProblem(`The ${phase} time`, phases[phase]);
    if (problem) return fail(problem);
  }
  if (target !== undefined) {
    const problem = positiveProblem('The RTO target', target);
    if (problem) return fail(problem);
  }
  const total = RTO_PHASES.reduce((sum, p) => sum + phases[p], 0);
  if (total === 0) return fail('Every phase is zero: a recovery takes some time');
  const shares = Object.fromEntries(RTO_PHASES.map((p) => [p, phases[p] / total])) as Record<
    RtoPhase,
    number
  >;
  const largest = RTO_PHASES.reduce((a, b) => (phases[b] > phases[a] ? b : a));
  return ok({ total, shares, largest, slack: target === undefined ? null : target - total });
}

/** Time to restore `bytes` at `bytesPerSecond`, plus a fixed overhead (provisioning, checks). */
export function restoreSeconds(
  bytes: number,
  bytesPerSecond: number,
  overhead = 0,
): RecoveryResult<number> {
  const problem =
    nonNegativeProblem('The data size', bytes) ??
    positiveProblem('The restore rate', bytesPerSecond) ??
    nonNegativeProblem('The overhead', overhead);
  return problem ? fail(problem) : ok(bytes / bytesPerSecond + overhead);
}

// ——— What an outage costs ———

export interface OutageInput {
  /** Revenue normally earned per minute through the affected path. */
  revenuePerMinute: number;
  minutes: number;
  /** Share of that revenue the outage stops (0–1). */
  shareAffected: number;
  /** Share of the stopped revenue that comes back later (customers retry tomorrow), 0–1. */
  recaptured?: number;
  /** People pulled into the response, for how many hours each, at what cost per hour. */
  responders?: number;
  responseHours?: number;
  hourlyCost?: number;
  /** Customers expected to leave because of it, and what each one was worth. */
  churnedCustomers?: number;
  customerValue?: number;
  /** Anything else: SLA credits, penalties, overtime, a support surge. */
  other?: number;
}

export interface OutageCost {
  lostRevenue: number;
  response: number;
  churn: number;
  other: number;
  total: number;
}

/**
 * A simple, additive model of an outage's cost:
 * revenue per minute × minutes × share affected × (1 − share recaptured)
 * + responders × hours × hourly cost + churned customers × customer value + other costs.
 * Each term is an estimate with its own uncertainty; the model's value is in making them explicit.
 */
export function outageCost(input: OutageInput): RecoveryResult<OutageCost> {
  const recaptured = input.recaptured ?? 0;
  const responders = input.responders ?? 0;
  const hours = input.responseHours ?? 0;
  const hourly = input.hourlyCost ?? 0;
  const churned = input.churnedCustomers ?? 0;
  const value = input.customerValue ?? 0;
  const other = input.other ?? 0;
  const problem =
    nonNegativeProblem('Revenue per minute', input.revenuePerMinute) ??
    nonNegativeProblem('The outage length in minutes', input.minutes) ??
    shareProblem('The share affected', input.shareAffected) ??
    shareProblem('The share recaptured', recaptured) ??
    nonNegativeProblem('Responders', responders) ??
    nonNegativeProblem('Response hours', hours) ??
    nonNegativeProblem('The hourly cost', hourly) ??
    nonNegativeProblem('Churned customers', churned) ??
    nonNegativeProblem('The value of a customer', value) ??
    nonNegativeProblem('Other costs', other);
  if (problem) return fail(problem);
  const lostRevenue =
    input.revenuePerMinute * input.minutes * input.shareAffected * (1 - recaptured);
  const response = responders * hours * hourly;
  const churn = churned * value;
  return ok({ lostRevenue, response, churn, other, total: lostRevenue + response + churn + other });
}

/**
 * Expected yearly (or per-period) cost of downtime: expected downtime minutes × cost per minute
 * of downtime. Comparing it under two (MTBF, MTTR) plans prices an improvement.
 */
export function expectedDowntimeCost(
  mtbf: number,
  mttr: number,
  costPerMinute: number,
  period: Period = 'year',
): RecoveryResult<number> {
  const problem = nonNegativeProblem('The cost per minute', costPerMinute);
  if (problem) return fail(problem);
  const load = incidentLoad(mtbf, mttr, period);
  if (!load.ok) return load;
  return ok((load.value.downtime / 60) * costPerMinute);
}
