import type { Clock } from 'kit';

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
  calls: number;
  successes: number;
  failures: number;
  rejected: number;
  opened: number;
}

export class BreakerOpenError extends Error {
  constructor(message = 'circuit breaker is open') {
    super(message);
    this.name = 'BreakerOpenError';
  }
}

export class CircuitBreaker {
  readonly metrics: BreakerMetrics = { calls: 0, successes: 0, failures: 0, rejected: 0, opened: 0 };
  private mode: 'closed' | 'open' = 'closed';
  private failuresInARow = 0;
  private openedAt = 0;
  private reopenings = 0; // k: re-openings since the breaker last closed
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  /** How long the current (or next) opening lasts: openMs·2^k, capped. */
  private get openDurationMs(): number {
    return Math.min(this.options.maxOpenMs, this.options.openMs * 2 ** this.reopenings);
  }

  get state(): BreakerState {
    if (this.mode === 'closed') return 'closed';
    const waited = this.options.clock.now() - this.openedAt;
    return waited >= this.openDurationMs ? 'half-open' : 'open';
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    this.metrics.calls++;
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      this.metrics.rejected++;
      throw new BreakerOpenError();
    }
    const isTrial = state === 'half-open';
    if (isTrial) this.trialInFlight = true;
    try {
      const value = await fn();
      this.metrics.successes++;
      if (isTrial) this.close();
      else if (this.mode === 'closed') this.failuresInARow = 0;
      return value;
    } catch (error) {
      this.metrics.failures++;
      if (isTrial) {
        this.reopenings++;
        this.open();
      } else if (this.mode === 'closed' && ++this.failuresInARow >= this.options.failureThreshold) {
        this.open();
      }
      throw error;
    } finally {
      if (isTrial) this.trialInFlight = false;
    }
  }

  private open(): void {
    this.mode = 'open';
    this.openedAt = this.options.clock.now();
    this.metrics.opened++;
  }

  private close(): void {
    this.mode = 'closed';
    this.failuresInARow = 0;
    this.reopenings = 0;
  }
}
