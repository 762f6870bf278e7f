import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice } from '../../calc/attrs.ts';
import { fmtInt, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { simulateConsensusAll } from './simulate.ts';
import { SCHEMES } from './types.ts';
import type { ConsensusResult, SchemeRun } from './types.ts';

/**
 * Numbers a lesson states about the split brain lab, from the same simulation the widget runs,
 * when the lesson is built: `:calc{of="consensus.run" preset="clean-partition" scheme="naive"
 * metric="lost"}`, with the widget's own overrides (layout, mode, steps, timeoutMin, timeoutMax,
 * faultEvery, seed). `lossShare` is the current placement's measured share of writes
 * acknowledged during the zone loss.
 */

const metrics: Record<string, (s: SchemeRun, r: ConsensusResult) => string> = {
  offered: (s) => fmtInt(s.totals.offered),
  acked: (s) => fmtInt(s.totals.acked),
  refused: (s) => fmtInt(s.totals.refused),
  ackedShare: (s) => fmtPct(s.totals.acked / s.totals.offered),
  conflicting: (s) => fmtInt(s.totals.conflicting),
  lost: (s) => fmtInt(s.totals.lost),
  splitBrainSteps: (s) => fmtInt(s.totals.splitBrainSteps),
  maxLeaders: (s) => fmtInt(s.totals.maxLeaders),
  elections: (s) => fmtInt(s.totals.elections),
  maxTerm: (s) => fmtInt(s.totals.maxTerm),
  lossShare: (s, r) => fmtPct(r.placements.find((p) => p.current)!.measured[s.scheme].mean),
};

const cache = new Map<string, ConsensusResult>();

export function calcConsensus(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'scheme', 'metric'].includes(key)),
  );
  const scheme = choice(attrs, 'scheme', SCHEMES, 'quorum', problems);
  const metric = attrs.metric;
  if (metric === undefined || !(metric in metrics))
    problems.push(
      `metric must be one of ${Object.keys(metrics).join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || scheme === null || metric === undefined)
    return { ok: false, problems };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateConsensusAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  return { ok: true, text: metrics[metric]!(result.runs[scheme], result) };
}

export const consensusCalculations = { 'consensus.run': calcConsensus };
