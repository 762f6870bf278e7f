import type { Clock } from 'kit';

export type Jitter = 'none' | 'full' | 'decorrelated';

export class RetryBudget {
  requests = 0;
  retries = 0;

  constructor(
    readonly ratio: number,
    readonly minRetries = 0,
  ) {}

  recordRequest(): void {
    this.requests++;
  }

  tryRetry(): boolean {
    if (this.retries + 1 > this.minRetries + this.ratio * this.requests) return false;
    this.retries++;
    return true;
  }
}

export interface RetryOptions {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  jitter: Jitter;
  random: () => number;
  clock: Clock;
  budget?: RetryBudget;
}

export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { maxAttempts, baseMs, capMs, jitter, random, clock, budget } = options;
  budget?.recordRequest();
  let previous = baseMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      if (budget && !budget.tryRetry()) throw error;
      const r = attempt - 1; // 0 before the first retry
      let delay: number;
      if (jitter === 'none') delay = Math.min(capMs, baseMs * 2 ** r);
      else if (jitter === 'full') delay = random() * Math.min(capMs, baseMs * 2 ** r);
      else delay = Math.min(capMs, baseMs + random() * (previous * 3 - baseMs));
      previous = delay;
      await clock.sleep(delay);
    }
  }
}
