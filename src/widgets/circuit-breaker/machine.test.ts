import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState, transition } from './machine';
import type { BreakerConfig, BreakerEvent, BreakerState, Policy, StateName, Step } from './machine';

const config = (policy: Policy, extra: Partial<BreakerConfig> = {}): BreakerConfig => ({
  policy,
  slowCallMs: null,
  waitMs: 10_000,
  trialCalls: 2,
  ...extra,
});
const consecutive3 = config({ kind: 'consecutive', threshold: 3 });
const count5 = config({ kind: 'count', size: 5, failureRate: 0.6, minimumCalls: 5 });

/** Drives a breaker through calls that finish instantly; returns every step and the state path. */
function drive(cfg: BreakerConfig, calls: [number, 'S' | 'F' | 'T', number?][]) {
  let state: BreakerState = initialState();
  const path: StateName[] = [state.name];
  const permitted: boolean[] = [];
  const steps: Step[] = [];
  for (const [at, outcome, durationMs = 10] of calls) {
    const req = transition(state, { type: 'request' }, at, cfg);
    steps.push(req);
    state = req.state;
    for (const t of req.transitions) path.push(t.to);
    permitted.push(req.permitted);
    if (!req.permitted) continue;
    const res = transition(
      state,
      {
        type: 'result',
        epoch: req.epoch,
        outcome: outcome === 'S' ? 'success' : outcome === 'F' ? 'failure' : 'timeout',
        durationMs,
      },
      at,
      cfg,
    );
    steps.push(res);
    state = res.state;
    for (const t of res.transitions) path.push(t.to);
  }
  return { state, path, permitted, transitions: steps.flatMap((s) => s.transitions) };
}

describe('transition table', () => {
  it('closed + request → closed, permitted', () => {
    const s = transition(initialState(), { type: 'request' }, 0, consecutive3);
    expect(s).toMatchObject({ permitted: true, state: { name: 'closed' }, transitions: [] });
  });

  it('closed + success → closed; closed + failure below threshold → closed', () => {
    expect(
      drive(consecutive3, [
        [0, 'S'],
        [1, 'F'],
        [2, 'F'],
      ]).path,
    ).toEqual(['closed']);
  });

  it('closed + failure reaching the threshold → open (trip)', () => {
    const run = drive(consecutive3, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
    ]);
    expect(run.path).toEqual(['closed', 'open']);
    expect(run.transitions[0]).toEqual({
      name: 'trip',
      from: 'closed',
      to: 'open',
      at: 2,
      reason: '3 consecutive failures (threshold 3)',
    });
  });

  it('open + request before the wait ends → open, refused', () => {
    const run = drive(consecutive3, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
      [9_999, 'S'],
    ]);
    expect(run.permitted.at(-1)).toBe(false);
    expect(run.state.name).toBe('open');
  });

  it('open + request exactly when the wait ends → half-open, admitted as the first trial', () => {
    const run = drive(consecutive3, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
      [10_002, 'S'],
    ]);
    expect(run.permitted.at(-1)).toBe(true);
    expect(run.transitions[1]).toMatchObject({
      name: 'probe',
      from: 'open',
      to: 'half_open',
      at: 10_002,
    });
    expect(run.state).toMatchObject({ name: 'half_open', admitted: 1, succeeded: 1 });
  });

  it('half-open + any failed trial → open (reopen), and the wait restarts', () => {
    const run = drive(consecutive3, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
      [10_002, 'S'],
      [10_003, 'T'],
      [20_002, 'S'],
    ]);
    expect(run.path).toEqual(['closed', 'open', 'half_open', 'open']);
    expect(run.transitions[2]).toMatchObject({
      name: 'reopen',
      reason: 'trial call timed out',
      at: 10_003,
    });
    expect(run.permitted.at(-1)).toBe(false); // 20_002 < 10_003 + 10_000
  });

  it('half-open + all trials succeeding → closed (close) with an empty record', () => {
    const run = drive(consecutive3, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
      [10_002, 'S'],
      [10_003, 'S'],
      [10_004, 'F'],
      [10_005, 'F'],
    ]);
    expect(run.path).toEqual(['closed', 'open', 'half_open', 'closed']);
    expect(run.transitions[2]).toMatchObject({
      name: 'close',
      reason: '2 of 2 trial calls succeeded',
    });
    expect(run.state).toMatchObject({ name: 'closed', consecutive: 2 });
  });

  it('half-open refuses calls beyond the permitted trials while they are in flight', () => {
    let state: BreakerState = { name: 'half_open', epoch: 3, admitted: 0, succeeded: 0 };
    const admitted: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const s = transition(state, { type: 'request' }, 100 + i, count5);
      admitted.push(s.permitted);
      state = s.state;
    }
    expect(admitted).toEqual([true, true, false, false, false]);
  });

  it('ignores a late result from a call admitted before the state changed', () => {
    const cfg = consecutive3;
    let state = initialState();
    const early = transition(state, { type: 'request' }, 0, cfg);
    state = early.state;
    for (let i = 1; i <= 3; i++) {
      const r = transition(state, { type: 'request' }, i, cfg);
      state = transition(
        r.state,
        { type: 'result', epoch: r.epoch, outcome: 'failure', durationMs: 1 },
        i,
        cfg,
      ).state;
    }
    expect(state.name).toBe('open');
    const late = transition(
      state,
      { type: 'result', epoch: early.epoch, outcome: 'success', durationMs: 1 },
      4,
      cfg,
    );
    expect(late.state).toBe(state);
    expect(late.transitions).toEqual([]);
  });
});

describe('policies', () => {
  it('count window: trips when the rate reaches the threshold exactly, with the numbers in the reason', () => {
    const run = drive(count5, [
      [0, 'S'],
      [1, 'S'],
      [2, 'F'],
      [3, 'S'],
      [4, 'F'],
      [5, 'F'],
    ]);
    expect(run.transitions).toEqual([
      {
        name: 'trip',
        from: 'closed',
        to: 'open',
        at: 5,
        reason: '3 of last 5 calls failed (60% ≥ 60% threshold; 5 calls ≥ minimum 5)',
      },
    ]);
  });

  it('count window: does not judge before the minimum number of calls, even at 100% failures', () => {
    const run = drive(count5, [
      [0, 'F'],
      [1, 'F'],
      [2, 'F'],
      [3, 'F'],
    ]);
    expect(run.path).toEqual(['closed']);
    expect(
      drive(count5, [
        [0, 'F'],
        [1, 'F'],
        [2, 'F'],
        [3, 'F'],
        [4, 'F'],
      ]).path,
    ).toEqual(['closed', 'open']);
  });

  it('count window: only the last n calls count', () => {
    // F F S S S S S F F: at the end the last five are S S S F F = 40%.
    const calls = ['F', 'F', 'S', 'S', 'S', 'S', 'S', 'F', 'F'].map(
      (o, i) => [i, o] as [number, 'S' | 'F'],
    );
    expect(drive(count5, calls).path).toEqual(['closed']);
  });

  it('time window: outcomes older than the window fall out, at the exact boundary', () => {
    const cfg = config({ kind: 'time', windowMs: 1000, failureRate: 0.5, minimumCalls: 3 });
    // Failures at 0 and 500; at 1000 the failure from t = 0 is exactly one window old and is gone.
    expect(
      drive(cfg, [
        [0, 'F'],
        [500, 'F'],
        [1000, 'S'],
      ]).path,
    ).toEqual(['closed']);
    const tripped = drive(cfg, [
      [0, 'F'],
      [500, 'F'],
      [999, 'S'],
    ]);
    expect(tripped.path).toEqual(['closed', 'open']);
    expect(tripped.transitions[0]?.reason).toBe(
      '2 of 3 calls in the last 1.0 s failed (66.7% ≥ 50% threshold; 3 calls ≥ minimum 3)',
    );
  });

  it('slow calls count as failures only when slow-call counting is on', () => {
    const slow: [number, 'S', number][] = [
      [0, 'S', 3000],
      [1, 'S', 3000],
      [2, 'S', 3000],
    ];
    expect(drive(consecutive3, slow).path).toEqual(['closed']);
    const withSlow = drive({ ...consecutive3, slowCallMs: 2000 }, slow);
    expect(withSlow.path).toEqual(['closed', 'open']);
    // A call exactly at the slow threshold is slow.
    expect(drive({ ...consecutive3, slowCallMs: 3000 }, slow).path).toEqual(['closed', 'open']);
    const probe = drive({ ...consecutive3, slowCallMs: 2000 }, [...slow, [10_002, 'S', 2500]]);
    expect(probe.transitions.at(-1)?.reason).toBe('trial call was slow (2500 ms)');
  });

  it('replays the hand-traced exercise from the lesson', () => {
    const run = drive(count5, [
      [0, 'S'],
      [1_000, 'S'],
      [2_000, 'F'],
      [3_000, 'S'],
      [4_000, 'F'],
      [5_000, 'F'],
      [6_000, 'S'],
      [9_000, 'S'],
      [14_000, 'S'],
      [15_000, 'S'],
      [15_500, 'F'],
      [20_000, 'S'],
      [26_000, 'S'],
      [27_000, 'S'],
      [28_000, 'F'],
      [29_000, 'F'],
    ]);
    expect(run.path).toEqual(['closed', 'open', 'half_open', 'open', 'half_open', 'closed']);
    expect(run.permitted.map((p, i) => (p ? null : i + 1)).filter((x) => x !== null)).toEqual([
      7, 8, 9, 12,
    ]);
    expect(run.transitions.map((t) => [t.name, t.at])).toEqual([
      ['trip', 5_000],
      ['probe', 15_000],
      ['reopen', 15_500],
      ['probe', 26_000],
      ['close', 27_000],
    ]);
  });
});

const policyArb: fc.Arbitrary<Policy> = fc.oneof(
  fc.record({
    kind: fc.constant('consecutive' as const),
    threshold: fc.integer({ min: 1, max: 6 }),
  }),
  fc.integer({ min: 1, max: 10 }).chain((size) =>
    fc.record({
      kind: fc.constant('count' as const),
      size: fc.constant(size),
      failureRate: fc.double({ min: 0.05, max: 1, noNaN: true }),
      minimumCalls: fc.integer({ min: 1, max: size }),
    }),
  ),
  fc.record({
    kind: fc.constant('time' as const),
    windowMs: fc.integer({ min: 1, max: 5 }).map((s) => s * 1000),
    failureRate: fc.double({ min: 0.05, max: 1, noNaN: true }),
    minimumCalls: fc.integer({ min: 1, max: 8 }),
  }),
);
const configArb = fc.record({
  policy: policyArb,
  slowCallMs: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  waitMs: fc.integer({ min: 1, max: 2000 }),
  trialCalls: fc.integer({ min: 1, max: 4 }),
});
/** Random interleavings: new requests, and results for calls still in flight. */
const opsArb = fc.array(
  fc.record({
    dt: fc.integer({ min: 0, max: 400 }),
    op: fc.constantFrom('request', 'result', 'result'),
    outcome: fc.constantFrom<'success' | 'failure' | 'timeout'>('success', 'failure', 'timeout'),
    durationMs: fc.integer({ min: 1, max: 1000 }),
    pick: fc.nat(),
  }),
  { maxLength: 120 },
);

describe('properties', () => {
  it('open never forwards a call, and half-open never admits more than its trial calls', () => {
    fc.assert(
      fc.property(configArb, opsArb, (cfg, ops) => {
        let state = initialState();
        let now = 0;
        const inFlight: number[] = [];
        let trialsThisEpoch = 0;
        for (const o of ops) {
          now += o.dt;
          if (o.op === 'request') {
            const before = state;
            const step = transition(state, { type: 'request' }, now, cfg);
            if (before.name === 'open' && now < before.openedAt + cfg.waitMs)
              expect(step.permitted).toBe(false);
            if (step.state.name === 'half_open') {
              if (step.state.epoch !== before.epoch) trialsThisEpoch = 0;
              if (step.permitted) trialsThisEpoch += 1;
              expect(trialsThisEpoch).toBeLessThanOrEqual(cfg.trialCalls);
            }
            if (step.state.name === 'open') expect(step.permitted).toBe(false);
            if (step.permitted) inFlight.push(step.epoch);
            state = step.state;
          } else if (inFlight.length > 0) {
            const [epoch] = inFlight.splice(o.pick % inFlight.length, 1);
            state = transition(
              state,
              { type: 'result', epoch: epoch!, outcome: o.outcome, durationMs: o.durationMs },
              now,
              cfg,
            ).state;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every transition follows an edge of the state diagram', () => {
    const edges = new Set([
      'closed>open:trip',
      'open>half_open:probe',
      'half_open>open:reopen',
      'half_open>closed:close',
    ]);
    fc.assert(
      fc.property(configArb, opsArb, (cfg, ops) => {
        let state: BreakerState = initialState();
        let now = 0;
        const inFlight: number[] = [];
        for (const o of ops) {
          now += o.dt;
          const event: BreakerEvent | null =
            o.op === 'request'
              ? { type: 'request' }
              : inFlight.length
                ? {
                    type: 'result',
                    epoch: inFlight.splice(o.pick % inFlight.length, 1)[0]!,
                    outcome: o.outcome,
                    durationMs: o.durationMs,
                  }
                : null;
          if (!event) continue;
          const step = transition(state, event, now, cfg);
          if (event.type === 'request' && step.permitted) inFlight.push(step.epoch);
          for (const t of step.transitions) {
            expect(edges.has(`${t.from}>${t.to}:${t.name}`)).toBe(true);
            expect(t.from).toBe(state.name);
          }
          state = step.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});
