import { describe, expect, it } from 'vitest';
import { initialState, transition } from './machine';
import type { BreakerConfig, BreakerEvent, BreakerState, TransitionName } from './machine';

/**
 * Every state × every event, one row each: the breaker's whole contract in one table. States are
 * taken at their edges (one failure short of the threshold, the last trial, the wait's last
 * millisecond), since that is where an off-by-one hides.
 */
const cfg: BreakerConfig = {
  policy: { kind: 'consecutive', threshold: 2 },
  slowCallMs: 500,
  waitMs: 1000,
  trialCalls: 2,
};

function closed(consecutive: number): BreakerState {
  const s = initialState();
  if (s.name !== 'closed') throw new Error('the initial state is closed');
  return { ...s, epoch: 4, consecutive };
}
const open: BreakerState = { name: 'open', epoch: 5, openedAt: 10_000 };
const halfOpen = (admitted: number, succeeded: number): BreakerState => ({
  name: 'half_open',
  epoch: 6,
  admitted,
  succeeded,
});

const request: BreakerEvent = { type: 'request' };
const result = (
  epoch: number,
  outcome: 'success' | 'failure' | 'timeout',
  durationMs = 20,
): BreakerEvent => ({ type: 'result', epoch, outcome, durationMs });

interface Row {
  state: BreakerState;
  event: BreakerEvent;
  now: number;
  to: BreakerState['name'];
  permitted: boolean;
  via: TransitionName | null;
  reason?: string;
  /** The state object comes back untouched: the event is ignored. */
  same?: boolean;
}

const rows: Record<string, Row> = {
  // closed
  'closed + request → admitted': {
    state: closed(1),
    event: request,
    now: 0,
    to: 'closed',
    permitted: true,
    via: null,
  },
  'closed + success → closed, run reset': {
    state: closed(1),
    event: result(4, 'success'),
    now: 0,
    to: 'closed',
    permitted: false,
    via: null,
  },
  'closed + failure below threshold → closed': {
    state: closed(0),
    event: result(4, 'failure'),
    now: 0,
    to: 'closed',
    permitted: false,
    via: null,
  },
  'closed + failure reaching threshold → open': {
    state: closed(1),
    event: result(4, 'failure'),
    now: 7,
    to: 'open',
    permitted: false,
    via: 'trip',
    reason: '2 consecutive failures (threshold 2)',
  },
  'closed + timeout reaching threshold → open': {
    state: closed(1),
    event: result(4, 'timeout', 2000),
    now: 7,
    to: 'open',
    permitted: false,
    via: 'trip',
  },
  'closed + slow success reaching threshold → open': {
    state: closed(1),
    event: result(4, 'success', 500),
    now: 7,
    to: 'open',
    permitted: false,
    via: 'trip',
  },
  'closed + success just under the slow threshold → closed': {
    state: closed(1),
    event: result(4, 'success', 499.9),
    now: 7,
    to: 'closed',
    permitted: false,
    via: null,
  },
  'closed + stale result → ignored': {
    state: closed(1),
    event: result(3, 'failure'),
    now: 7,
    to: 'closed',
    permitted: false,
    via: null,
    same: true,
  },
  // open
  'open + request before the wait ends → refused': {
    state: open,
    event: request,
    now: 10_999,
    to: 'open',
    permitted: false,
    via: null,
    same: true,
  },
  'open + request exactly as the wait ends → half-open, admitted as first trial': {
    state: open,
    event: request,
    now: 11_000,
    to: 'half_open',
    permitted: true,
    via: 'probe',
    reason: 'wait of 1.0 s elapsed; letting 2 trial calls through',
  },
  'open + request long after the wait → half-open, admitted': {
    state: open,
    event: request,
    now: 99_000,
    to: 'half_open',
    permitted: true,
    via: 'probe',
  },
  'open + stale success → ignored': {
    state: open,
    event: result(4, 'success'),
    now: 10_500,
    to: 'open',
    permitted: false,
    via: null,
    same: true,
  },
  'open + stale failure → ignored (the wait does not restart)': {
    state: open,
    event: result(4, 'failure'),
    now: 10_500,
    to: 'open',
    permitted: false,
    via: null,
    same: true,
  },
  'open + result carrying its own epoch (no call is ever admitted in open) → ignored': {
    state: open,
    event: result(5, 'failure'),
    now: 10_500,
    to: 'open',
    permitted: false,
    via: null,
    same: true,
  },
  // half-open
  'half-open + request with trials left → admitted': {
    state: halfOpen(1, 0),
    event: request,
    now: 11_001,
    to: 'half_open',
    permitted: true,
    via: null,
  },
  'half-open + request with every trial admitted → refused': {
    state: halfOpen(2, 0),
    event: request,
    now: 11_001,
    to: 'half_open',
    permitted: false,
    via: null,
    same: true,
  },
  'half-open + success, not the last → half-open': {
    state: halfOpen(2, 0),
    event: result(6, 'success'),
    now: 11_020,
    to: 'half_open',
    permitted: false,
    via: null,
  },
  'half-open + success completing the trials → closed': {
    state: halfOpen(2, 1),
    event: result(6, 'success'),
    now: 11_020,
    to: 'closed',
    permitted: false,
    via: 'close',
    reason: '2 of 2 trial calls succeeded',
  },
  'half-open + failure → open at once': {
    state: halfOpen(2, 1),
    event: result(6, 'failure'),
    now: 11_020,
    to: 'open',
    permitted: false,
    via: 'reopen',
    reason: 'trial call failed',
  },
  'half-open + timeout → open at once': {
    state: halfOpen(1, 0),
    event: result(6, 'timeout', 2000),
    now: 13_000,
    to: 'open',
    permitted: false,
    via: 'reopen',
    reason: 'trial call timed out',
  },
  'half-open + slow success → open at once': {
    state: halfOpen(1, 0),
    event: result(6, 'success', 750),
    now: 11_750,
    to: 'open',
    permitted: false,
    via: 'reopen',
    reason: 'trial call was slow (750 ms)',
  },
  'half-open + stale failure from before the trip → ignored': {
    state: halfOpen(2, 1),
    event: result(4, 'failure'),
    now: 11_020,
    to: 'half_open',
    permitted: false,
    via: null,
    same: true,
  },
};

describe('the full transition table', () => {
  it.each(Object.entries(rows))('%s', (_name, row) => {
    const step = transition(row.state, row.event, row.now, cfg);
    expect(step.state.name).toBe(row.to);
    expect(step.permitted).toBe(row.permitted);
    if (row.same) expect(step.state).toBe(row.state);
    if (row.via === null) {
      expect(step.transitions).toEqual([]);
      expect(step.state.epoch).toBe(row.state.epoch);
      return;
    }
    expect(step.transitions).toHaveLength(1);
    const t = step.transitions[0]!;
    expect(t).toMatchObject({ name: row.via, from: row.state.name, to: row.to, at: row.now });
    if (row.reason !== undefined) expect(t.reason).toBe(row.reason);
    // Every state change starts a new epoch, so results of calls from before it are recognised.
    expect(step.state.epoch).toBe(row.state.epoch + 1);
    if (row.event.type === 'request') expect(step.epoch).toBe(step.state.epoch);
    if (step.state.name === 'open') expect(step.state.openedAt).toBe(row.now);
    if (step.state.name === 'half_open')
      expect(step.state).toMatchObject({ admitted: 1, succeeded: 0 });
    if (step.state.name === 'closed') expect(step.state.consecutive).toBe(0);
  });

  it('covers every state with every kind of event', () => {
    const covered = new Set(
      Object.values(rows).map((r) => {
        const kind =
          r.event.type === 'request'
            ? 'request'
            : r.event.epoch !== r.state.epoch
              ? 'stale'
              : r.event.outcome;
        return `${r.state.name}:${kind}`;
      }),
    );
    for (const state of ['closed', 'half_open'])
      for (const kind of ['request', 'success', 'failure', 'timeout', 'stale'])
        expect(covered).toContain(`${state}:${kind}`);
    for (const kind of ['request', 'stale', 'failure']) expect(covered).toContain(`open:${kind}`);
  });
});
