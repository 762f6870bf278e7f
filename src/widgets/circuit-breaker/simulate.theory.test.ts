import { describe, expect, it } from 'vitest';
import { bernoulli, createRng } from '../../sim/rng';
import { initialState, transition } from './machine';
import type { BreakerConfig, BreakerState } from './machine';
import { paramsSchema } from './params';
import { OUTCOME, simulateAll } from './simulate';
import { callsUntilFailureRun, outageCycle } from './theory';

/*
 * Closed forms against long seeded runs. Each bound is 4 standard deviations of the estimator
 * (derived in the test), so with a fixed seed these are deterministic and not flaky by design.
 *
 * Trip rate, consecutive policy. Calls fail independently with probability q. Every trip
 * clears the closed record, so the closed periods are renewal cycles whose lengths (calls
 * recorded) are the waiting time T for n failures in a row. By the renewal central limit
 * theorem, the trips N seen over M recorded calls are about Normal(M/E[T], M·Var[T]/E[T]³).
 * q = 1/2, n = 3: E[T] = 14, Var[T] = 142.
 */
const q = 0.5;
const n = 3;
const { mean, variance } = callsUntilFailureRun(q, n);
const tripBound = (recorded: number) => ({
  expected: recorded / mean,
  fourSd: 4 * Math.sqrt((recorded * variance) / mean ** 3),
});

describe('trips per call, consecutive policy: renewal theory vs simulation', () => {
  it('the state machine alone, fed independent outcomes (seed 2024, 400 000 closed calls)', () => {
    const cfg: BreakerConfig = {
      policy: { kind: 'consecutive', threshold: n },
      slowCallMs: null,
      waitMs: 1,
      trialCalls: 1,
    };
    const rng = createRng(2024);
    let state: BreakerState = initialState();
    let now = 0;
    let recorded = 0;
    let trips = 0;
    while (recorded < 400_000) {
      now += 1;
      const wasClosed = state.name === 'closed';
      const req = transition(state, { type: 'request' }, now, cfg);
      state = req.state;
      if (!req.permitted) continue;
      if (wasClosed) recorded++;
      const outcome = bernoulli(rng, q) ? 'failure' : 'success';
      const res = transition(
        state,
        { type: 'result', epoch: req.epoch, outcome, durationMs: 1 },
        now,
        cfg,
      );
      if (res.transitions[0]?.name === 'trip') trips++;
      state = res.state;
    }
    const { expected, fourSd } = tripBound(recorded);
    expect(Math.abs(trips - expected)).toBeLessThan(fourSd);
  });

  it('the full simulation with Poisson callers, no faults (seed 99, ≈ 360 000 calls)', () => {
    // Latency (median 0.1 ms) is far below the timeout and failures are drawn apart from
    // latency, so outcomes in completion order are still independent with probability q; a
    // call still in flight when the breaker trips is ignored (stale) and is not recorded.
    const params = paramsSchema.parse({
      rate: 100,
      durationS: 3600,
      medianMs: 0.1,
      p99Ms: 0.2,
      baseFailure: q,
      timeoutMs: 1000,
      faults: [],
      breaker: {
        enabled: true,
        policy: { kind: 'consecutive', threshold: n },
        slowCallMs: null,
        waitMs: 100,
        trialCalls: 1,
      },
    });
    const run = simulateAll(params, 99).withBreaker;
    // Closed periods run from 0 or a close to the next trip.
    const periods: [number, number][] = [];
    let from: number | null = 0;
    for (const t of run.log) {
      if (t.name === 'trip' && from !== null) {
        periods.push([from, t.at]);
        from = null;
      }
      if (t.name === 'close') from = t.at;
    }
    if (from !== null) periods.push([from, Number.POSITIVE_INFINITY]);

    let recorded = 0;
    let p = 0;
    for (let i = 0; i < run.arrivalMs.length; i++) {
      const at = run.arrivalMs[i]!;
      while (p < periods.length && at >= periods[p]![1]) p++;
      const period = periods[p];
      if (!period || at < period[0] || run.outcome[i] === OUTCOME.rejected) continue;
      // Float32 latencies: allow a microsecond for the call whose result is the trip itself.
      if (at + run.latencyMs[i]! <= period[1] + 1e-3) recorded++;
    }
    const trips = run.log.filter((t) => t.name === 'trip').length;
    const { expected, fourSd } = tripBound(recorded);
    expect(recorded).toBeGreaterThan(100_000);
    expect(Math.abs(trips - expected)).toBeLessThan(fourSd);
  });
});

describe('load on a dependency that is down: outage-cycle theory vs simulation', () => {
  it('forwards E[min(m, 1 + Poisson(λd))] of every 1 + λ(d + W) calls (seed 31)', () => {
    // λ = 4/s, calls hang until the 250 ms timeout (λd = 1), W = 1 s, m = 3 trials:
    // share = (3 − 3/e) / 6 ≈ 0.3161. Per-cycle delta method over ≈ 2 380 cycles gives a
    // standard deviation of 0.0028 for the measured share; 4 of them plus one cycle at each
    // end of the measuring window stay under 0.012.
    const params = paramsSchema.parse({
      rate: 4,
      durationS: 3600,
      medianMs: 20,
      p99Ms: 100,
      baseFailure: 0.01,
      timeoutMs: 250,
      faults: [{ kind: 'outage', startS: 10, endS: 3590, hang: true }],
      breaker: {
        enabled: true,
        policy: { kind: 'consecutive', threshold: 3 },
        slowCallMs: null,
        waitMs: 1000,
        trialCalls: 3,
      },
    });
    const theory = outageCycle({ ratePerS: 4, waitMs: 1000, failAfterMs: 250, trialCalls: 3 });
    const run = simulateAll(params, 31).withBreaker;
    const firstTrip = run.log.find((t) => t.name === 'trip')!.at;
    let calls = 0;
    let forwarded = 0;
    for (let i = 0; i < run.arrivalMs.length; i++) {
      const at = run.arrivalMs[i]!;
      if (at < firstTrip || at >= 3_590_000) continue;
      calls++;
      if (run.outcome[i] !== OUTCOME.rejected) forwarded++;
    }
    expect(Math.abs(forwarded / calls - theory.forwardedShare)).toBeLessThan(0.012);
  });
});
