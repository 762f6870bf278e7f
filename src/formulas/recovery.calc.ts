import { fmtInt, fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { PERIODS } from './availability.ts';
import type { Period } from './availability.ts';
import { fmtAvailability, fmtDowntime, fmtShare } from './availability.calc.ts';
import {
  expectedDowntimeCost,
  incidentLoad,
  mtbfAvailability,
  outageCost,
  restoreSeconds,
  rpoFromSchedule,
  rtoBudget,
  RTO_PHASES,
} from './recovery.ts';
import type { OutageCost, RecoveryResult } from './recovery.ts';
import { fmtSpan, parseDuration } from './slo.calc.ts';

/**
 * Numbers the recovery lesson states, computed from src/formulas/recovery.ts when the lesson is
 * built, e.g. `:calc{of="recovery.availability" mtbf="30d" mttr="1h"}` → 99.861 %. Durations take
 * a unit (90s, 15m, 1h, 30d); money is a plain number in whatever currency the lesson names.
 */

function done<T>(r: RecoveryResult<T>, text: (value: T) => string): Calculated {
  return r.ok ? { ok: true, text: text(r.value) } : { ok: false, problems: [r.reason] };
}

/** A duration attribute (90s, 15m, 1h, 30d); `zero` allows "0". */
function durationAttr(
  attrs: Attrs,
  name: string,
  problems: string[],
  options: { fallback?: number; zero?: boolean } = {},
): number | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    if (options.fallback === undefined) problems.push(`needs ${name}="…"`);
    return options.fallback;
  }
  if (options.zero && raw.trim() === '0') return 0;
  const seconds = parseDuration(raw);
  if (seconds === null) {
    problems.push(`${name} must be a duration such as 90s, 5m, 1h or 30d, not "${raw}"`);
    return undefined;
  }
  return seconds;
}

/** Money: whole units with thousands separators. */
const fmtMoney = (x: number) => fmtInt(x);

const AVAILABILITY_SHOWS = ['availability', 'unavailability', 'incidents', 'downtime', 'cost'];

/**
 * `recovery.availability`: `mtbf`, `mttr` (durations) → `show` = availability (default),
 * unavailability, incidents (expected per `per`, default year), downtime (expected per `per`) or
 * cost (expected downtime cost per `per`, with `cost` per minute of downtime).
 */
export function calcAvailability(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['mtbf', 'mttr', 'show', 'per', 'cost'], problems);
  const mtbf = durationAttr(attrs, 'mtbf', problems);
  const mttr = durationAttr(attrs, 'mttr', problems);
  const show = choice(attrs, 'show', AVAILABILITY_SHOWS, 'availability', problems);
  const per = choice<Period>(attrs, 'per', PERIODS, 'year', problems);
  const cost = show === 'cost' ? numberAttr(attrs, 'cost', problems, { atLeast: 0 }) : undefined;
  if (show !== 'cost' && attrs.cost !== undefined)
    problems.push('cost="…" only goes with show="cost"');
  if ((show === 'availability' || show === 'unavailability') && attrs.per !== undefined)
    problems.push('per="…" goes with show="incidents", "downtime" or "cost"');
  if (problems.length || mtbf === undefined || mttr === undefined || !show || !per)
    return { ok: false, problems };
  if (show === 'availability') return done(mtbfAvailability(mtbf, mttr), fmtAvailability);
  if (show === 'unavailability')
    return done(mtbfAvailability(mtbf, mttr), (a) => fmtShare(a.unavailability));
  if (show === 'cost') return done(expectedDowntimeCost(mtbf, mttr, cost!, per), fmtMoney);
  return done(incidentLoad(mtbf, mttr, per), (l) =>
    show === 'incidents' ? fmtNum(l.incidents) : fmtDowntime(l.downtime),
  );
}

/**
 * `recovery.rpo`: copies every `interval`, safe after `lag` (default 0) → `metric` = worst
 * (default) or mean data loss, as time.
 */
export function calcRpo(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['interval', 'lag', 'metric'], problems);
  const interval = durationAttr(attrs, 'interval', problems, { zero: true });
  const lag = durationAttr(attrs, 'lag', problems, { fallback: 0, zero: true });
  const metric = choice(attrs, 'metric', ['worst', 'mean'] as const, 'worst', problems);
  if (problems.length || interval === undefined || lag === undefined || !metric)
    return { ok: false, problems };
  return done(rpoFromSchedule(interval, lag), (r) => fmtSpan(r[metric]));
}

/** `recovery.restore`: `size` in GB, `rate` in MB/s, optional `overhead` duration → time. */
export function calcRestore(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['size', 'rate', 'overhead'], problems);
  const size = numberAttr(attrs, 'size', problems, { atLeast: 0 });
  const rate = numberAttr(attrs, 'rate', problems);
  const overhead = durationAttr(attrs, 'overhead', problems, { fallback: 0, zero: true });
  if (problems.length || size === undefined || rate === undefined || overhead === undefined)
    return { ok: false, problems };
  return done(restoreSeconds(size * 1e9, rate * 1e6, overhead), fmtSpan);
}

const RTO_METRICS = ['total', 'slack', 'largest', ...RTO_PHASES.map((p) => `share-${p}`)];

/**
 * `recovery.rto`: `detect`, `acknowledge`, `diagnose`, `restore` (durations, "0" allowed) and an
 * optional `target` → `metric` = total (default), slack (target − total; "over by …" when
 * negative), largest (the longest phase's name) or share-<phase>.
 */
export function calcRto(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, [...RTO_PHASES, 'target', 'metric'], problems);
  const phases = RTO_PHASES.map((p) => durationAttr(attrs, p, problems, { zero: true }));
  const target = attrs.target === undefined ? undefined : durationAttr(attrs, 'target', problems);
  const metric = choice(attrs, 'metric', RTO_METRICS, 'total', problems);
  if (metric === 'slack' && attrs.target === undefined)
    problems.push('metric="slack" needs target="…"');
  if (problems.length || phases.some((p) => p === undefined) || !metric)
    return { ok: false, problems };
  const [detect, acknowledge, diagnose, restore] = phases as number[];
  const budget = rtoBudget(
    { detect: detect!, acknowledge: acknowledge!, diagnose: diagnose!, restore: restore! },
    target,
  );
  return done(budget, (b) => {
    if (metric === 'total') return fmtSpan(b.total);
    if (metric === 'largest') return b.largest;
    if (metric === 'slack') {
      const slack = b.slack!;
      return slack >= 0 ? fmtSpan(slack) : `over by ${fmtSpan(-slack)}`;
    }
    const phase = metric.slice('share-'.length) as (typeof RTO_PHASES)[number];
    return fmtShare(b.shares[phase]);
  });
}

const costMetrics: Record<string, (c: OutageCost) => string> = {
  total: (c) => fmtMoney(c.total),
  revenue: (c) => fmtMoney(c.lostRevenue),
  response: (c) => fmtMoney(c.response),
  churn: (c) => fmtMoney(c.churn),
  'revenue-share': (c) => fmtShare(c.total === 0 ? 0 : c.lostRevenue / c.total),
};

/**
 * `recovery.cost`: `revenue` per minute, `minutes`, `affected` share, optional `recaptured`
 * share, `responders`, `hours`, `rate` (per hour), `churn` (customers lost), `value` (per
 * customer), `other` → `metric` = total (default), revenue, response, churn or revenue-share.
 */
export function calcCost(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const names = ['revenue', 'minutes', 'affected', 'recaptured', 'responders', 'hours', 'rate'];
  unknownAttributes(attrs, [...names, 'churn', 'value', 'other', 'metric'], problems);
  const money = { atLeast: 0 } as const;
  const optional = { atLeast: 0, fallback: 0 } as const;
  const revenue = numberAttr(attrs, 'revenue', problems, money);
  const minutes = numberAttr(attrs, 'minutes', problems, money);
  const affected = numberAttr(attrs, 'affected', problems, money);
  const recaptured = numberAttr(attrs, 'recaptured', problems, optional);
  const responders = numberAttr(attrs, 'responders', problems, optional);
  const hours = numberAttr(attrs, 'hours', problems, optional);
  const rate = numberAttr(attrs, 'rate', problems, optional);
  const churn = numberAttr(attrs, 'churn', problems, optional);
  const value = numberAttr(attrs, 'value', problems, optional);
  const other = numberAttr(attrs, 'other', problems, optional);
  const metric = choice(attrs, 'metric', Object.keys(costMetrics), 'total', problems);
  if (
    problems.length ||
    revenue === undefined ||
    minutes === undefined ||
    affected === undefined ||
    !metric
  )
    return { ok: false, problems };
  return done(
    outageCost({
      revenuePerMinute: revenue,
      minutes,
      shareAffected: affected,
      recaptured: recaptured ?? 0,
      responders: responders ?? 0,
      responseHours: hours ?? 0,
      hourlyCost: rate ?? 0,
      churnedCustomers: churn ?? 0,
      customerValue: value ?? 0,
      other: other ?? 0,
    }),
    costMetrics[metric]!,
  );
}

/** This module's entries for src/calc/registry.ts. */
export const recoveryCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'recovery.availability': calcAvailability,
  'recovery.rpo': calcRpo,
  'recovery.restore': calcRestore,
  'recovery.rto': calcRto,
  'recovery.cost': calcCost,
};
