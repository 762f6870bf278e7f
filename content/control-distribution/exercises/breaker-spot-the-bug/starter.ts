import type { Clock } from 'kit';

// A colleague's circuit breaker. Its unit tests made one call at a time, and they all passed.
// In production it misbehaves in two ways. Find both bugs and fix them, keeping the behaviour
// the checks describe:
//
//   closed     calls go through; failureThreshold failures in a row open the breaker
//   open       calls are refused at once with a BreakerOpenError, for openMs
//   half-open  one trial call goes through (others are refused while it runs);
//              the trial succeeds: close; the trial fails: open again for another openMs
//
// Two questions to ask while reading:
//   - When 50 requests arrive in the same millisecond, how many reach the service together?
//   - In half-open, how many failed trials does it take to open the breaker again?

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  clock: Clock;
}

export class BreakerOpenError extends Error {
  constructor() {
    super('circuit breaker is open');
    this.name = 'BreakerOpenError';
  }
}

/** A first-come, first-served lock: acquire() waits its turn, then gives you a release(). */
class Lock {
  private queue: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    const turn = this.queue.then(() => release);
    this.queue = this.queue.then(() => done);
    return turn;
  }
}

export class CircuitBreaker {
  private mode: 'closed' | 'open' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly lock = new Lock();

  constructor(private readonly options: BreakerOptions) {}

  get state(): BreakerState {
    if (this.mode === 'closed') return 'closed';
    const waited = this.options.clock.now() - this.openedAt;
    return waited >= this.options.openMs ? 'half-open' : 'open';
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    // Take the lock so that two calls never update the counters at the same moment.
    const release = await this.lock.acquire();
    try {
      const state = this.state;
      if (state === 'open' || (state === 'half-open' && this.trialInFlight))
        throw new BreakerOpenError();
      const isTrial = state === 'half-open';
      if (isTrial) {
        this.trialInFlight = true;
        this.failures = 0; // a fresh start for the trial
      }
      try {
        const value = await fn();
        this.recordSuccess(isTrial);
        return value;
      } catch (error) {
        this.recordFailure(isTrial);
        throw error;
      } finally {
        if (isTrial) this.trialInFlight = false;
      }
    } finally {
      release();
    }
  }

  private recordSuccess(isTrial: boolean): void {
    if (isTrial) this.mode = 'closed';
    if (this.mode === 'closed') this.failures = 0;
  }

  private recordFailure(isTrial: boolean): void {
    if (this.mode !== 'closed' && !isTrial) return; // a late answer from before the breaker opened
    this.failures++;
    if (this.failures >= this.options.failureThreshold) {
      this.mode = 'open';
      this.openedAt = this.options.clock.now();
    }
  }
}
