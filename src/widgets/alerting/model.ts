import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { comparisonSchema } from './params';
import { simulateComparison } from './simulate';
import type { ComparisonParams, ComparisonResult } from './simulate';

/** The settings by the names the editor gives them, for problems a tampered link can cause. */
const labels = {
  world: 'the world',
  a: 'policy A',
  b: 'policy B',
  'rules[]': 'rule',
  rules: 'the list of rules',
  name: 'the name',
  id: 'the id',
  kind: 'the kind of rule',
  severity: 'what it sends',
  quiet: 'the choice whether it can wait for morning',
  metric: 'what it watches',
  above: 'the firing threshold',
  resolveAt: 'the resolve threshold',
  forMinutes: 'the “for” duration',
  method: 'the method',
  windowMinutes: 'the baseline window',
  k: 'k',
  slo: 'the SLO',
  longWindowMinutes: 'the long window',
  shortWindowMinutes: 'the short window',
  factor: 'the burn rate',
  grouping: 'the grouping',
  groupWaitMinutes: 'the group wait',
  repeatMinutes: 'the repeat interval',
  inhibit: 'the choice whether to inhibit',
  quietHours: 'the choice of quiet hours',
  days: 'the on-call period',
  services: 'the number of services',
  incidentsPerWeek: 'the incidents per week',
  spikesPerDay: 'the harmless spikes per day',
};

/** Two alerting policies on the same seeded on-call period, for src/sim/registry.ts. */
export const alertComparisonModel: SimModel<ComparisonParams, ComparisonResult> = {
  validate: validateWith<ComparisonParams>(comparisonSchema, labels),
  run: simulateComparison,
  transferables: (r) =>
    r.runs.flatMap((run) => [
      run.pageMinute.buffer,
      run.pageActionable.buffer,
      run.pageIgnored.buffer,
      run.pageRule.buffer,
      run.fatigue.buffer,
    ]),
};
