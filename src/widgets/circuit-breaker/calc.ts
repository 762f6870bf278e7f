import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice, numberAttr } from '../../calc/attrs.ts';
import { fmtDuration, fmtInt } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { paramsSchema } from './params.ts';
import type { CircuitBreakerParams } from './params.ts';
import { simulateAll } from './simulate.ts';
import type { CircuitBreakerRun } from './simulate.ts';

/**
 * Numbers a lesson states about a breaker run, from the same simulation the widget runs, when
 * the lesson is built: `:calc{of="circuit-breaker.run" preset="blip-then-outage"
 * policy="consecutive" threshold="20" metric="tripDelay" fault="2"}` → 1.53 s. The widget
 * directive's scenario (preset, seed and overrides) is allowed, plus the trip policy a learner
 * sets in the widget's form:
 *
 * - `policy` = consecutive (needs `threshold`), count (`windowSize`, `failureRate`,
 *   `minimumCalls`) or time (`windowS`, `failureRate`, `minimumCalls`); every setting of the
 *   named policy is required. Without `policy`, those settings change the preset's own policy.
 *   `failureRate` is a share (0.5), as in the model.
 * - `metric` = firstTrip (when the breaker first opens from closed), tripDelay (seconds from the
 *   start of fault `fault`, counted from 1 and 1 by default, to the first trip at or after it) or
 *   trips (how many times it opens from closed over the run).
 */

const POLICY_FIELDS = {
  consecutive: ['threshold'],
  count: ['windowSize', 'failureRate', 'minimumCalls'],
  time: ['windowS', 'failureRate', 'minimumCalls'],
} as const;
type PolicyKind = keyof typeof POLICY_FIELDS;
const KINDS = Object.keys(POLICY_FIELDS) as PolicyKind[];
const FIELDS = ['threshold', 'windowSize', 'windowS', 'failureRate', 'minimumCalls'] as const;
type Field = (typeof FIELDS)[number];
type Policy = CircuitBreakerParams['breaker']['policy'];

const METRICS = ['firstTrip', 'tripDelay', 'trips'] as const;
const OWN = ['of', 'metric', 'fault', 'policy', ...FIELDS];

/** The policy the attributes describe, or null with the problems noted. */
function policyFrom(attrs: Attrs, current: Policy, problems: string[]): Policy | null {
  const named = choice(attrs, 'policy', KINDS, current.kind, problems);
  if (named === null) return null;
  const allowed: readonly Field[] = POLICY_FIELDS[named];
  for (const field of FIELDS) {
    if (attrs[field] !== undefined && !allowed.includes(field))
      problems.push(
        `${field} does not apply to the ${named} policy (it takes ${allowed.join(', ')})`,
      );
  }
  const fresh = attrs.policy !== undefined;
  const values: Partial<Record<Field, number>> = {};
  for (const field of allowed) {
    const raw = attrs[field];
    if (raw === undefined) {
      if (fresh) problems.push(`policy="${named}" needs ${field}="…"`);
      continue;
    }
    // Range checks are the widget's own (paramsSchema); here only "is it a number".
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v))
      problems.push(`${field} must be a number, not "${raw}"`);
    else values[field] = v;
  }
  if (problems.length > 0) return null;
  const base: Record<string, unknown> = current.kind === named ? { ...current } : { kind: named };
  if (values.threshold !== undefined) base.threshold = values.threshold;
  if (values.windowSize !== undefined) base.size = values.windowSize;
  if (values.windowS !== undefined) base.windowMs = values.windowS * 1000;
  if (values.failureRate !== undefined) base.failureRate = values.failureRate;
  if (values.minimumCalls !== undefined) base.minimumCalls = values.minimumCalls;
  return base as Policy;
}

const cache = new Map<string, CircuitBreakerRun>();

export function calcBreaker(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(Object.entries(attrs).filter(([k]) => !OWN.includes(k)));
  const metric = attrs.metric;
  if (metric === undefined || !(METRICS as readonly string[]).includes(metric))
    problems.push(
      `metric must be one of ${METRICS.join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const faultNo = numberAttr(attrs, 'fault', problems, { atLeast: 1, whole: true, fallback: 1 });
  const directive = fromDirective(scenario);
  if (!directive.ok) return { ok: false, problems: [...problems, ...directive.problems] };
  const policy = policyFrom(attrs, directive.params.breaker.policy, problems);
  const parsed = paramsSchema.safeParse({
    ...directive.params,
    breaker: { ...directive.params.breaker, policy },
  });
  if (policy !== null && !parsed.success)
    for (const issue of parsed.error.issues) problems.push(issue.message);
  const fault = faultNo === undefined ? undefined : directive.params.faults[faultNo - 1];
  if (faultNo !== undefined && metric === 'tripDelay' && fault === undefined)
    problems.push(
      `fault must name one of the scenario's ${directive.params.faults.length} faults, not ${faultNo}`,
    );
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const params = parsed.data;
  const key = JSON.stringify([params, directive.seed]);
  let run = cache.get(key);
  if (!run) {
    run = simulateAll(params, directive.seed);
    cache.set(key, run);
  }
  const trips = run.withBreaker.log.filter((t) => t.name === 'trip');
  if (metric === 'trips') return { ok: true, text: fmtInt(trips.length) };
  const fromMs = metric === 'tripDelay' && fault ? fault.startS * 1000 : 0;
  const trip = trips.find((t) => t.at >= fromMs);
  if (!trip)
    return {
      ok: false,
      problems: [
        `the breaker never trips${fromMs > 0 ? ` after fault ${faultNo} starts` : ''} in this run, so there is no time to give`,
      ],
    };
  return { ok: true, text: fmtDuration((trip.at - fromMs) / 1000) };
}

export const circuitBreakerCalculations = { 'circuit-breaker.run': calcBreaker };
