/**
 * The circuit breaker as a pure state machine: `transition(state, event, now, config)` returns
 * the next state and, when the state changes, a named transition with its reason in words.
 *
 * Semantics follow Resilience4j for tripping (failure rate over a count- or time-based window,
 * judged only once a minimum number of calls is recorded; slow calls may count as failures) and
 * the stricter rule for half-open used by Polly and by this workbook: a fixed number of trial
 * calls, ANY failed trial re-opens, all trials succeeding closes.
 *
 * Open → half-open happens when the first call arrives at or after the end of the wait
 * (Resilience4j's default, without a background timer). A call arriving exactly at
 * `openedAt + wait` is admitted as the first trial.
 */

export type StateName = 'closed' | 'open' | 'half_open';

export type Policy =
  | { kind: 'consecutive'; threshold: number }
  | { kind: 'count'; size: number; failureRate: number; minimumCalls: number }
  | { kind: 'time'; windowMs: number; failureRate: number; minimumCalls: number };

export interface BreakerConfig {
  policy: Policy;
  /** Calls slower than this count as failures; null turns slow-call counting off. */
  slowCallMs: number | null;
  waitMs: number;
  trialCalls: number;
}

/**
 * The closed state's memory. Count policy: the last outcomes, oldest first (true = failed).
 * Time policy: per-second buckets, as Resilience4j aggregates them, so memory and work depend
 * on the window's length in seconds, not on the call rate.
 */
export interface Bucket {
  second: number;
  calls: number;
  failures: number;
}

interface WindowRecord {
  recent: readonly boolean[];
  buckets: readonly Bucket[];
  /** Calls and failures currently in the window. */
  calls: number;
  failures: number;
}

export type BreakerState =
  | { name: 'closed'; epoch: number; window: WindowRecord; consecutive: number }
  | { name: 'open'; epoch: number; openedAt: number }
  | { name: 'half_open'; epoch: number; admitted: number; succeeded: number };

export type TransitionName = 'trip' | 'probe' | 'reopen' | 'close';

export interface Transition {
  name: TransitionName;
  from: StateName;
  to: StateName;
  at: number;
  reason: string;
}

/**
 * `request`: a call asks to go through. `result`: a call that was let through finished. The
 * result carries the epoch it was admitted in, so a late answer to a call admitted before the
 * state changed is not mistaken for a trial (or counted in a fresh window).
 */
export type BreakerEvent =
  | { type: 'request' }
  | {
      type: 'result';
      epoch: number;
      outcome: 'success' | 'failure' | 'timeout';
      durationMs: number;
    };

export interface Step {
  state: BreakerState;
  /** For `request`: whether the call may go to the dependency. */
  permitted: boolean;
  /** Epoch the call was admitted in (for its later `result`). */
  epoch: number;
  transitions: Transition[];
}

const emptyWindow: WindowRecord = { recent: [], buckets: [], calls: 0, failures: 0 };

export const initialState = (): BreakerState => ({
  name: 'closed',
  epoch: 0,
  window: emptyWindow,
  consecutive: 0,
});

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function isFailure(
  event: Extract<BreakerEvent, { type: 'result' }>,
  config: BreakerConfig,
): boolean {
  if (event.outcome !== 'success') return true;
  return config.slowCallMs !== null && event.durationMs >= config.slowCallMs;
}

function closed(epoch: number): BreakerState {
  return { name: 'closed', epoch, window: emptyWindow, consecutive: 0 };
}

/** Judges the closed state's record after a new outcome; returns a trip reason or null. */
function tripReason(
  state: Extract<BreakerState, { name: 'closed' }>,
  policy: Policy,
): string | null {
  if (policy.kind === 'consecutive') {
    return state.consecutive >= policy.threshold
      ? `${state.consecutive} consecutive failures (threshold ${policy.threshold})`
      : null;
  }
  const n = state.window.calls;
  if (n < policy.minimumCalls) return null;
  const f = state.window.failures;
  const rate = f / n;
  if (rate < policy.failureRate) return null;
  const scope =
    policy.kind === 'count'
      ? `last ${n} calls`
      : `${n} calls in the last ${seconds(policy.windowMs)}`;
  return `${f} of ${scope} failed (${pct(rate)} ≥ ${pct(policy.failureRate)} threshold; ${n} calls ≥ minimum ${policy.minimumCalls})`;
}

function record(
  state: Extract<BreakerState, { name: 'closed' }>,
  failed: boolean,
  now: number,
  policy: Policy,
): Extract<BreakerState, { name: 'closed' }> {
  const consecutive = failed ? state.consecutive + 1 : 0;
  if (policy.kind === 'consecutive') return { ...state, consecutive };
  const w = state.window;
  if (policy.kind === 'count') {
    const recent = [...w.recent, failed];
    let failures = w.failures + (failed ? 1 : 0);
    if (recent.length > policy.size) failures -= recent.shift() ? 1 : 0;
    return { ...state, consecutive, window: { ...w, recent, calls: recent.length, failures } };
  }
  const aged = evict(w, now, policy.windowMs);
  const second = Math.floor(now / 1000);
  const last = aged.buckets.at(-1);
  const buckets =
    last && last.second === second
      ? [
          ...aged.buckets.slice(0, -1),
          { second, calls: last.calls + 1, failures: last.failures + (failed ? 1 : 0) },
        ]
      : [...aged.buckets, { second, calls: 1, failures: failed ? 1 : 0 }];
  return {
    ...state,
    consecutive,
    window: { ...aged, buckets, calls: aged.calls + 1, failures: aged.failures + (failed ? 1 : 0) },
  };
}

/**
 * Drops the buckets that have left a time window ending now: the window covers the current
 * second and the (T − 1) before it.
 */
function evict(w: WindowRecord, now: number, windowMs: number): WindowRecord {
  const oldest = Math.floor(now / 1000) - Math.round(windowMs / 1000) + 1;
  const first = w.buckets[0];
  if (!first || first.second >= oldest) return w;
  const buckets = w.buckets.filter((b) => b.second >= oldest);
  let calls = 0;
  let failures = 0;
  for (const b of buckets) {
    calls += b.calls;
    failures += b.failures;
  }
  return { ...w, buckets, calls, failures };
}

/** Lets outcomes age out of a time-based window before a call is judged (pure). */
function age(state: Extract<BreakerState, { name: 'closed' }>, now: number, policy: Policy) {
  if (policy.kind !== 'time') return state;
  const window = evict(state.window, now, policy.windowMs);
  return window === state.window ? state : { ...state, window };
}

export function transition(
  state: BreakerState,
  event: BreakerEvent,
  now: number,
  config: BreakerConfig,
): Step {
  if (event.type === 'request') return request(state, now, config);
  const stale = event.epoch !== state.epoch;
  if (stale || state.name === 'open')
    return { state, permitted: false, epoch: state.epoch, transitions: [] };
  const failed = isFailure(event, config);
  const what =
    event.outcome === 'timeout'
      ? 'timed out'
      : failed && event.outcome === 'success'
        ? `was slow (${Math.round(event.durationMs)} ms)`
        : 'failed';

  if (state.name === 'half_open') {
    if (failed) {
      const next: BreakerState = { name: 'open', epoch: state.epoch + 1, openedAt: now };
      return {
        state: next,
        permitted: false,
        epoch: next.epoch,
        transitions: [
          { name: 'reopen', from: 'half_open', to: 'open', at: now, reason: `trial call ${what}` },
        ],
      };
    }
    const succeeded = state.succeeded + 1;
    if (succeeded >= config.trialCalls) {
      const next = closed(state.epoch + 1);
      return {
        state: next,
        permitted: false,
        epoch: next.epoch,
        transitions: [
          {
            name: 'close',
            from: 'half_open',
            to: 'closed',
            at: now,
            reason: `${succeeded} of ${config.trialCalls} trial calls succeeded`,
          },
        ],
      };
    }
    return {
      state: { ...state, succeeded },
      permitted: false,
      epoch: state.epoch,
      transitions: [],
    };
  }

  const recorded = record(state, failed, now, config.policy);
  const reason = tripReason(recorded, config.policy);
  if (reason) {
    const next: BreakerState = { name: 'open', epoch: state.epoch + 1, openedAt: now };
    return {
      state: next,
      permitted: false,
      epoch: next.epoch,
      transitions: [{ name: 'trip', from: 'closed', to: 'open', at: now, reason }],
    };
  }
  return { state: recorded, permitted: false, epoch: state.epoch, transitions: [] };
}

function request(state: BreakerState, now: number, config: BreakerConfig): Step {
  switch (state.name) {
    case 'closed': {
      const aged = age(state, now, config.policy);
      return { state: aged, permitted: true, epoch: state.epoch, transitions: [] };
    }
    case 'open': {
      if (now < state.openedAt + config.waitMs)
        return { state, permitted: false, epoch: state.epoch, transitions: [] };
      const probing: BreakerState = {
        name: 'half_open',
        epoch: state.epoch + 1,
        admitted: 1,
        succeeded: 0,
      };
      return {
        state: probing,
        permitted: true,
        epoch: probing.epoch,
        transitions: [
          {
            name: 'probe',
            from: 'open',
            to: 'half_open',
            at: now,
            reason: `wait of ${seconds(config.waitMs)} elapsed; letting ${config.trialCalls} trial call${config.trialCalls === 1 ? '' : 's'} through`,
          },
        ],
      };
    }
    case 'half_open': {
      if (state.admitted >= config.trialCalls)
        return { state, permitted: false, epoch: state.epoch, transitions: [] };
      return {
        state: { ...state, admitted: state.admitted + 1 },
        permitted: true,
        epoch: state.epoch,
        transitions: [],
      };
    }
  }
}
