import type { Clock } from 'kit';

// retryWithBackoff(fn, options) calls fn until it succeeds, at most maxAttempts times in all.
// Between two attempts it sleeps on options.clock (never setTimeout), for a delay that grows:
//
//   retry number r = 0 for the first retry, 1 for the second, ...
//   'none'          delay = min(capMs, baseMs · 2^r)                     100, 200, 400, ...
//   'full'          delay = random() · min(capMs, baseMs · 2^r)          anywhere in [0, that)
//   'decorrelated'  delay = min(capMs, baseMs + random() · (prev · 3 − baseMs))
//                   where prev is the previous delay (baseMs before the first retry)
//
// Call random() exactly once per delay with jitter, and never with 'none'. Jitter spreads out
// clients that failed together, so their retries do not arrive together.
//
// If the last attempt fails, reject with that attempt's error (the last one, not the first).
//
// A RetryBudget, if given, is shared by many callers and limits retries to a share of traffic:
// each retryWithBackoff call counts one request (recordRequest) when it starts, and before each
// retry asks tryRetry(). A retry is allowed while  retries + 1 ≤ minRetries + ratio · requests;
// an allowed retry is counted. When the budget says no, stop and reject with the last error.

export type Jitter = 'none' | 'full' | 'decorrelated';

export class RetryBudget {
  requests = 0;
  retries = 0;

  constructor(
    readonly ratio: number,
    readonly minRetries = 0,
  ) {}

  recordRequest(): void {
    throw new Error('RetryBudget.recordRequest is yours to write: see the comment above it');
  }

  /** Spends one retry and returns true if the budget allows it; otherwise returns false. */
  tryRetry(): boolean {
    throw new Error('RetryBudget.tryRetry is yours to write: see the comment above it');
  }
}

export interface RetryOptions {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  jitter: Jitter;
  /** Uniform in [0, 1). */
  random: () => number;
  clock: Clock;
  budget?: RetryBudget;
}

export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  // For now: one attempt, no retries.
  void options;
  return fn();
}
