import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { queueParamsSchema } from './params';
import type { QueueParams } from './params';
import { simulateQueue } from './simulate';
import type { QueueSimResult } from './simulate';

/** The queue simulation as the worker sees it (the calculator's view is still to come). */
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
