import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { autoscalerSchema } from './params';
import type { AutoscalerParams } from './params';
import { simulateAutoscaler } from './simulate';
import type { AutoscalerResult } from './types';

/** One traffic curve, three autoscaling strategies, and the ramp arithmetic beside them. */
export const autoscalerModel: SimModel<AutoscalerParams, AutoscalerResult> = {
  validate: validateWith(autoscalerSchema),
  run: simulateAutoscaler,
  transferables: (r) => [
    r.load.buffer,
    r.needed.buffer,
    ...r.runs.flatMap((s) => [s.ready.buffer, s.pending.buffer, s.utilisation.buffer]),
  ],
};
