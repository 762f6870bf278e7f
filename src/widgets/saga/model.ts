import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { sagaSchema } from './params';
import type { SagaParams } from './params';
import { simulateSagas } from './simulate';
import type { SagaResult } from './types';

/** Many order sagas under the naive and the correct orchestrator, on common random numbers. */
export const sagaModel: SimModel<SagaParams, SagaResult> = {
  validate: validateWith(sagaSchema),
  run: simulateSagas,
};
