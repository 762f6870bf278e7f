import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice } from '../../calc/attrs.ts';
import { fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { simulateAutoscalerAll } from './simulate.ts';
import { STRATEGIES } from './types.ts';
import type { AutoscalerResult, StrategyRun } from './types.ts';

/**
 * Numbers a lesson states about the autoscaler, from the same simulation the widget runs, when
 * the lesson is built: `:calc{of="autoscaler.run" preset="flash-sale" strategy="predictive"
 * metric="unservedShare"}`, with the widget directive's overrides allowed. Theory metrics
 * (growth, lag, rampUtilisation, followableGrowth, peakReplicas) need no strategy.
 */

const runMetrics: Record<string, (s: StrategyRun) => string> = {
  unservedShare: (s) => fmtPct(s.unservedShare),
  unserved: (s) => fmtInt(s.unserved),
  overloadedMinutes: (s) => fmtInt(s.overloadedMinutes),
  peakUtilisation: (s) => fmtPct(s.peakUtilisation),
  replicaMinutes: (s) => fmtInt(s.replicaMinutes),
  actions: (s) => fmtInt(s.actions),
  reversals: (s) => fmtInt(s.reversals),
};

const theoryMetrics: Record<string, (t: AutoscalerResult['theory']) => string> = {
  growth: (t) => fmtPct(t.growthPerMinute),
  lag: (t) => `${fmtNum(t.lagMinutes)} min`,
  rampUtilisation: (t) => fmtPct(t.rampUtilisation),
  followableGrowth: (t) => fmtPct(t.followableGrowth),
  peakReplicas: (t) => fmtInt(t.peakReplicas),
};

const cache = new Map<string, AutoscalerResult>();

export function calcAutoscaler(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'strategy', 'metric'].includes(key)),
  );
  const strategy = choice(attrs, 'strategy', STRATEGIES, 'reactive', problems);
  const metric = attrs.metric;
  const known = [...Object.keys(runMetrics), ...Object.keys(theoryMetrics)];
  if (metric === undefined || !known.includes(metric))
    problems.push(`metric must be one of ${known.join(', ')}${metric ? `, not "${metric}"` : ''}`);
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || strategy === null || metric === undefined)
    return { ok: false, problems };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateAutoscalerAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  const theory = theoryMetrics[metric];
  if (theory) return { ok: true, text: theory(result.theory) };
  const run = result.runs.find((r) => r.strategy === strategy)!;
  return { ok: true, text: runMetrics[metric]!(run) };
}

export const autoscalerCalculations = { 'autoscaler.run': calcAutoscaler };
