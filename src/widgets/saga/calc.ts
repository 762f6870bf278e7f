import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice } from '../../calc/attrs.ts';
import { fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { countOf } from './report.ts';
import { simulateSagasAll } from './simulate.ts';
import { POLICIES } from './types.ts';
import type { PolicyRun, SagaResult } from './types.ts';

/**
 * Numbers a lesson states about sagas, from the same simulation the widget runs, when the lesson
 * is built: `:calc{of="saga.run" preset="checkout" policy="naive" metric="inconsistentShare"}`,
 * with the widget's own overrides (sagas, attempts, compAttempts, crashAt, crashPct, seed).
 */

const metrics: Record<string, (r: PolicyRun, n: number) => string> = {
  completed: (r) => fmtInt(countOf(r, 'completed')),
  completedShare: (r, n) => fmtPct(countOf(r, 'completed') / n),
  undone: (r) => fmtInt(countOf(r, 'undone')),
  undoneShare: (r, n) => fmtPct(countOf(r, 'undone') / n),
  inconsistent: (r) => fmtInt(countOf(r, 'inconsistent')),
  inconsistentShare: (r, n) => fmtPct(countOf(r, 'inconsistent') / n),
  deadLetter: (r) => fmtInt(countOf(r, 'deadLetter')),
  deadLetterShare: (r, n) => fmtPct(countOf(r, 'deadLetter') / n),
  compensations: (r, n) => fmtNum(r.compensations / n),
  crashed: (r) => fmtInt(r.crashed),
};

/** Runs are deterministic and a lesson asks about the same scenario many times: run each once. */
const cache = new Map<string, SagaResult>();

export function calcSaga(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'policy', 'metric'].includes(key)),
  );
  const policy = choice(attrs, 'policy', POLICIES, 'naive', problems);
  const metric = attrs.metric;
  if (metric === undefined || !(metric in metrics))
    problems.push(
      `metric must be one of ${Object.keys(metrics).join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || policy === null || metric === undefined)
    return { ok: false, problems };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateSagasAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  return { ok: true, text: metrics[metric]!(result.runs[policy], result.sagas) };
}

export const sagaRunCalculations = { 'saga.run': calcSaga };
