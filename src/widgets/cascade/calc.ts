import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { outcomeWords } from './report.ts';
import { simulateCascadeAll } from './simulate.ts';
import type { CascadeResult } from './types.ts';

/**
 * Numbers a lesson states about a run of the cascade lab, from the same simulation the widget
 * runs, when the lesson is built: `:calc{of="cascade.run" preset="metastable-blip"
 * metric="finalAttempts"}`, with the widget's own overrides (and `seed`, `fix`) allowed.
 */

const none = (what: string) => `no ${what} in this run`;

const metrics: Record<string, (r: CascadeResult) => string> = {
  outcome: (r) => outcomeWords[r.outcome],
  finalAnswered: (r) => fmtPct(Math.min(1, r.final.answeredShare)),
  finalAttempts: (r) => fmtNum(r.final.attemptsPerS),
  finalServing: (r) => fmtNum(r.final.serving),
  survivorsFirst: (r) => (r.survivors ? fmtPct(r.survivors.first.mean) : none('survivors window')),
  survivorsAll: (r) => (r.survivors ? fmtPct(r.survivors.all.mean) : none('survivors window')),
  ejections: (r) => fmtInt(r.totals.ejections),
  recoveredAt: (r) => (r.recoveredAtS === null ? none('recovery') : fmtDuration(r.recoveredAtS)),
  gaveUp: (r) => fmtInt(Math.round(r.totals.gaveUp)),
  lyapunovPair: (r) =>
    r.logistic.pair.ok ? fmtNum(r.logistic.pair.value.mean) : r.logistic.pair.reason,
};

/** Runs are deterministic and a lesson asks about the same run many times: run each once. */
const cache = new Map<string, CascadeResult>();

export function calcCascadeRun(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'metric'].includes(key)),
  );
  const metric = attrs.metric;
  if (metric === undefined || !(metric in metrics))
    problems.push(
      `metric must be one of ${Object.keys(metrics).join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || metric === undefined) return { ok: false, problems };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateCascadeAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  return { ok: true, text: metrics[metric]!(result) };
}

export const cascadeRunCalculations = { 'cascade.run': calcCascadeRun };
