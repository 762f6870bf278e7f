import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { paramsSchema } from './params';
import type { CircuitBreakerParams } from './params';
import { simulate, transferables } from './simulate';
import type { CircuitBreakerRun } from './simulate';

/** The settings by the names the form gives them, for problems a tampered link can cause. */
const labels = {
  rate: 'the request rate',
  durationS: 'the run length',
  medianMs: 'the median latency',
  p99Ms: 'the p99 latency',
  baseFailure: 'the base failure rate',
  timeoutMs: 'the client timeout',
  'faults[]': 'fault',
  faults: 'the list of faults',
  kind: 'the kind',
  startS: 'the start',
  endS: 'the end',
  hang: 'the choice whether calls hang',
  factor: 'the latency factor',
  periodS: 'the flap period',
  breaker: 'the breaker',
  enabled: 'the choice whether to use a breaker',
  policy: 'the trip policy',
  threshold: 'the failures in a row',
  size: 'the window',
  windowMs: 'the window',
  failureRate: 'the failure rate to trip at',
  minimumCalls: 'the minimum calls',
  slowCallMs: 'the slow-call threshold',
  waitMs: 'the wait in open',
  trialCalls: 'the trial calls in half-open',
};

/** The circuit breaker as the worker sees it: validate, run in slices, transfer arrays. */
export const circuitBreakerModel: SimModel<CircuitBreakerParams, CircuitBreakerRun> = {
  validate: validateWith(paramsSchema, labels),
  run: simulate,
  transferables,
};
