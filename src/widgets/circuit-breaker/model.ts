import type { SimModel } from '../../sim/model';
import { describeIssues } from '../../sim/zodMessages';
import { paramsSchema } from './params';
import type { CircuitBreakerParams } from './params';
import { simulate, transferables } from './simulate';
import type { CircuitBreakerRun } from './simulate';

/** The circuit breaker as the worker sees it: validate, run in slices, transfer arrays. */
export const circuitBreakerModel: SimModel<CircuitBreakerParams, CircuitBreakerRun> = {
  validate(params) {
    const parsed = paramsSchema.safeParse(params);
    return parsed.success
      ? { ok: true, params: parsed.data }
      : { ok: false, message: describeIssues(parsed.error.issues) };
  },
  run: simulate,
  transferables,
};
