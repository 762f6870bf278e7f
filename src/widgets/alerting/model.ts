import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { comparisonSchema } from './params';
import { simulateComparison } from './simulate';
import type { ComparisonParams, ComparisonResult } from './simulate';

/** Two alerting policies on the same seeded on-call period, for src/sim/registry.ts. */
export const alertComparisonModel: SimModel<ComparisonParams, ComparisonResult> = {
  validate: validateWith<ComparisonParams>(comparisonSchema),
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
