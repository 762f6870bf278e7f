import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { planParamsSchema, queueParamsSchema, sweepParamsSchema } from './params';
import type { PlanParams, QueueParams, SweepParams } from './params';
import { simulateQueue } from './simulate';
import type { QueueSimResult } from './simulate';
import { planServers, sweepUtilisation } from './studies';
import type { PlanResult, SweepPoint } from './studies';

/** One run of the queue calculator's settings. */
export const queueModel: SimModel<QueueParams, QueueSimResult> = {
  validate: validateWith(queueParamsSchema),
  run: simulateQueue,
  transferables: (r) => [
    r.inSystem.buffer,
    r.waiting.buffer,
    r.waitEdges.buffer,
    r.waitCounts.buffer,
  ],
};

/** The wait at a ladder of utilisations, for the hockey-stick chart. */
export const queueSweepModel: SimModel<SweepParams, SweepPoint[]> = {
  validate: validateWith(sweepParamsSchema),
  run: sweepUtilisation,
};

/** The capacity planner's scan over server counts. */
export const queuePlanModel: SimModel<PlanParams, PlanResult> = {
  validate: validateWith(planParamsSchema),
  run: planServers,
};
