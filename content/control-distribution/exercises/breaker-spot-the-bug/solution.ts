import type { Clock } from 'kit';

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

export class CircuitBreaker {
  private mode: 'closed' | 'open' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  get state(): BreakerState {
    if (this.mode === 'closed') return 'closed';
    const waited = this.options.clock.now() - this.openedAt;
    return waited >= this.options.openMs ? 'half-open' : 'open';
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    // Fix 1: no lock. JavaScript runs the code between two awaits without interruption, so the
    // bookkeeping below is safe, and calls to the service can overlap as they should.
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight))
      throw new BreakerOpenError();
    const isTrial = state === 'half-open';
    if (isTrial) this.trialInFlight = true;
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
  }

  private recordSuccess(isTrial: boolean): void {
    if (isTrial) this.mode = 'closed';
    if (this.mode === 'closed') this.failures = 0;
  }

  private recordFailure(isTrial: boolean): void {
    // Fix 2: one failed trial is enough to open again; the threshold is for the closed state.
    if (isTrial) return this.open();
    if (this.mode !== 'closed') return; // a late answer from before the breaker opened
    this.failures++;
    if (this.failures >= this.options.failureThreshold) this.open();
  }

  private open(): void {
    this.mode = 'open';
    this.openedAt = this.options.clock.now();
  }
}
