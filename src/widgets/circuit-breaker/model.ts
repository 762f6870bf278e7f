import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { paramsSchema } from './params';
import type { CircuitBreakerParams } from './params';
import { simulate, transferables } from './simulate';
import type { CircuitBreakerRun } from './simulate';

/** The circuit breaker as the worker sees it: validate, run in slices, transfer arrays. */
export const circuitBreakerModel: SimModel<CircuitBreakerParams, CircuitBreakerRun> = {
  validate: validateWith(paramsSchema),
  run: simulate,
  transferables,
};
