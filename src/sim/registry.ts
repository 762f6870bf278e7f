import { alertComparisonModel } from '../widgets/alerting/model';
import { autoscalerModel } from '../widgets/autoscaler/model';
import { bloomExperimentModel } from '../widgets/bloom/model';
import { birthdayModel } from '../widgets/birthday/model';
import { countMinModel, hllModel } from '../widgets/sketches/model';
import { cascadeModel } from '../widgets/cascade/model';
import { circuitBreakerModel } from '../widgets/circuit-breaker/model';
import { queueModel, queuePlanModel, queueSweepModel } from '../widgets/queue/model';
import { retryStormModel } from '../widgets/retry-storm/model';
import { sagaModel } from '../widgets/saga/model';
import { consensusModel } from '../widgets/consensus/model';
import { killSwitchModel } from '../widgets/kill-switch/model';
import type { Registry } from './host';

/** Every simulation the worker can run, by widget type. Pure models only. */
export const registry = {
  'circuit-breaker': circuitBreakerModel,
  queue: queueModel,
  'queue-sweep': queueSweepModel,
  'queue-plan': queuePlanModel,
  'bloom-experiment': bloomExperimentModel,
  'count-min': countMinModel,
  hyperloglog: hllModel,
  birthday: birthdayModel,
  'alert-comparison': alertComparisonModel,
  'retry-storm': retryStormModel,
  autoscaler: autoscalerModel,
  saga: sagaModel,
  consensus: consensusModel,
  cascade: cascadeModel,
  'kill-switch': killSwitchModel,
} as unknown as Registry;
