import { bench, describe } from 'vitest';
import { presets } from '../src/widgets/circuit-breaker/params';
import type { CircuitBreakerParams } from '../src/widgets/circuit-breaker/params';
import { simulateAll } from '../src/widgets/circuit-breaker/simulate';

/**
 * Peer: the same experiment with the breaker switched off — traffic generation, the
 * dependency model and the event queue, but no state machine. The ratio is what the breaker
 * model costs. 400 000 calls per pass; each experiment runs two passes.
 */
const base: CircuitBreakerParams = {
  ...presets.flapping.params,
  rate: 2000,
  durationS: 200,
  faults: [{ kind: 'flapping', startS: 20, endS: 180, periodS: 10 }],
};

describe('circuit breaker experiment, 2 × 400 000 calls', () => {
  bench('breaker off (peer)', () => {
    simulateAll({ ...base, breaker: { ...base.breaker, enabled: false } }, 1);
  });

  bench('breaker on, count window of 20', () => {
    simulateAll(base, 1);
  });

  bench('breaker on, time window of 10 s (about 20 000 calls in the window)', () => {
    simulateAll(
      {
        ...base,
        breaker: {
          ...base.breaker,
          policy: { kind: 'time', windowMs: 10_000, failureRate: 0.5, minimumCalls: 100 },
        },
      },
      1,
    );
  });
});
