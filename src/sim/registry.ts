import { circuitBreakerModel } from '../widgets/circuit-breaker/model';
import type { Registry } from './host';

/** Every simulation the worker can run, by widget type. Pure models only. */
export const registry = {
  'circuit-breaker': circuitBreakerModel,
} as unknown as Registry;
