import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice } from '../../calc/attrs.ts';
import { fmtDuration, fmtInt, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { dollars } from './report.ts';
import { simulateDrillAll } from './simulate.ts';
import { DESIGNS } from './types.ts';
import type { DesignSummary, KillSwitchResult } from './types.ts';

/**
 * Numbers a lesson states about the kill switch drill, from the same simulation the widget runs,
 * when the lesson is built: `:calc{of="kill-switch.run" preset="dead-code" design="noSwitch"
 * metric="costMean"}`, with the widget directive's own overrides allowed. Designs: yours,
 * otherFail, otherApproval, otherGuards, noSwitch.
 */

type Metric = (d: DesignSummary, r: KillSwitchResult, costPerAction: number) => string;

const metrics: Record<string, Metric> = {
  harmMean: (d) => fmtInt(d.harm.mean),
  harmMedian: (d) => fmtInt(d.harm.p50),
  costMean: (d, _r, c) => dollars(d.harm.mean * c),
  detectMean: (d) => fmtDuration(d.detect.mean),
  detectMedian: (d) => fmtDuration(d.detect.p50),
  decideMean: (d) => fmtDuration(d.decide.mean),
  fleetMean: (d) => fmtDuration(d.fleet.mean),
  fleetMedian: (d) => fmtDuration(d.fleet.p50),
  stillGoingShare: (d, r) => fmtPct(d.stillGoing / r.runs),
  alertShare: (d, r) => fmtPct(d.byAlert / r.runs),
  sev1Share: (d, r) => fmtPct(d.sev1 / r.runs),
};

const cache = new Map<string, KillSwitchResult>();

export function calcDrill(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'design', 'metric'].includes(key)),
  );
  const design = choice(attrs, 'design', DESIGNS, 'yours', problems);
  const metric = attrs.metric;
  if (metric === undefined || !(metric in metrics))
    problems.push(
      `metric must be one of ${Object.keys(metrics).join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || design === null || metric === undefined)
    return { ok: false, problems };
  if (metric === 'costMean' && directive.params.costPerAction === 0)
    return { ok: false, problems: ['metric="costMean" needs a cost per action above 0'] };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateDrillAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  const d = result.designs.find((x) => x.design === design)!;
  return { ok: true, text: metrics[metric]!(d, result, directive.params.costPerAction) };
}

export const killSwitchCalculations = { 'kill-switch.run': calcDrill };
