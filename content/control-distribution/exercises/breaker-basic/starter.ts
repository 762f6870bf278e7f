import type { Clock } from 'kit';

// A circuit breaker sits between your code and a dependency that might be struggling.
//
//   closed     Calls go straight through. Count failures in a row; a success sets the count
//              back to zero. When the count reaches failureThreshold, switch to open.
//   open       Refuse every call at once with a BreakerOpenError, without calling fn.
//   half-open  Once the open period has passed, let ONE trial call through and refuse the rest
//              while it is in flight. Trial succeeds: close. Trial fails: open again at once.
//
// The open period grows each time a failed trial re-opens the breaker: openMs · 2^k, where k
// counts re-openings since the breaker last closed, and never more than maxOpenMs. Closing sets
// k back to 0, so the first trip after a close lasts openMs again.
//
// Read the time only from options.clock (clock.now()); the checks move a fake clock by hand.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures (while closed) that trip the breaker. */
  failureThreshold: number;
  /** How long the first opening lasts, in ms. */
  openMs: number;
  /** The longest an opening may last, however often the breaker re-opens. */
  maxOpenMs: number;
  clock: Clock;
}

export interface BreakerMetrics {
  /** Every call to call(), refused ones included. */
  calls: number;
  /** Calls that reached fn and resolved. */
  successes: number;
  /** Calls that reached fn and rejected. */
  failures: number;
  /** Calls refused without running fn. */
  rejected: number;
  /** Switches to open, re-openings included. */
  opened: number;
}

/** The error a refused call rejects with, so callers can tell "refused" from "failed". */
export class BreakerOpenError extends Error {
  constructor(message = 'circuit breaker is open') {
    super(message);
    this.name = 'BreakerOpenError';
  }
}

export class CircuitBreaker {
  readonly metrics: BreakerMetrics = { calls: 0, successes: 0, failures: 0, rejected: 0, opened: 0 };

  constructor(private readonly options: BreakerOptions) {}

  /**
   * The state a call arriving now would meet. Once the open period is over this already says
   * 'half-open', even if no call has arrived since (compute it from the clock).
   */
  get state(): BreakerState {
    return 'closed';
  }

  /**
   * Runs fn through the breaker: resolves with fn's value, rejects with fn's own error, or
   * rejects with a BreakerOpenError when the call is refused.
   */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    // So far this only passes calls through. Add the three states described at the top,
    // and keep the metrics up to date.
    void this.options;
    return fn();
  }
}
