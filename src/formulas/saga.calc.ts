import { fmtNum, fmtPct } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { sagaOdds } from './saga.ts';
import type { SagaOdds } from './saga.ts';

/**
 * Saga numbers for lessons, computed when the lesson is built:
 * `:calc{of="saga.odds" p="0.99" n="4" metric="complete"}` → 96.1 %.
 */

const oddsFormat: Record<string, (o: SagaOdds, runs: number | undefined) => string | null> = {
  complete: (o) => fmtPct(o.complete),
  fail: (o) => fmtPct(o.fail),
  perStep: (o) => fmtPct(o.perStep),
  compensations: (o) => fmtNum(o.expectedCompensations),
  needsCompensation: (o) => fmtPct(o.needsCompensation),
  failures: (o, runs) => (runs === undefined ? null : fmtNum(runs * o.fail)),
};

/**
 * `saga.odds`: `p` (one attempt's chance of success), `n` steps, optional `attempts` (default 1)
 * and `runs` (needed for metric="failures") → `metric`: complete (default), fail, perStep,
 * compensations (expected per saga), needsCompensation, failures (expected among `runs`).
 */
export function calcSagaOdds(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p', 'n', 'attempts', 'runs', 'metric'], problems);
  const p = numberAttr(attrs, 'p', problems, { atLeast: 0 });
  if (p !== undefined && p > 1) problems.push(`p must be at most 1, not "${attrs.p}"`);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const attempts = numberAttr(attrs, 'attempts', problems, {
    atLeast: 1,
    whole: true,
    fallback: 1,
  });
  const runs =
    attrs.runs === undefined ? undefined : numberAttr(attrs, 'runs', problems, { atLeast: 0 });
  const metric = choice(attrs, 'metric', Object.keys(oddsFormat), 'complete', problems);
  if (metric === 'failures' && attrs.runs === undefined)
    problems.push('metric="failures" needs runs="…" (how many sagas)');
  if (
    problems.length ||
    metric === null ||
    p === undefined ||
    n === undefined ||
    attempts === undefined
  )
    return { ok: false, problems };
  const r = sagaOdds(p, n, attempts);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  const text = oddsFormat[metric]!(r.value, runs);
  return text === null ? { ok: false, problems: ['runs is missing'] } : { ok: true, text };
}

/** This module's entries for src/calc/registry.ts. */
export const sagaCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'saga.odds': calcSagaOdds,
};
