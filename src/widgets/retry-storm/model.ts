import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { retryStormSchema } from './params';
import type { RetryStormParams } from './params';
import { simulateStorm } from './simulate';
import type { RetryStormResult } from './types';

/** The same storm under the four jitter strategies, with the no-jitter waves worked out exactly. */
export const retryStormModel: SimModel<RetryStormParams, RetryStormResult> = {
  validate: validateWith(retryStormSchema),
  run: simulateStorm,
  transferables: (r) => r.runs.flatMap((s) => [s.served.buffer, s.rejected.buffer, s.down.buffer]),
};
