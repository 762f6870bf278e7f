import type { Jitter } from '../../formulas/retries.ts';

/** What the retry storm simulation returns: one run per jitter strategy, and the exact waves without jitter. */

/** One jitter strategy's run of the same scenario. */
export interface StrategyRun {
  jitter: Jitter;
  /**
   * Attempts landing in each chart bucket (`bucketS` wide, from time 0), by what happened to
   * them: served, turned away because the window's capacity was used up, or failed because the
   * dependency was still down. The first attempts at time 0 count as `down`.
   */
  served: Uint32Array;
  rejected: Uint32Array;
  down: Uint32Array;
  /** Clients whose request was eventually served. */
  succeeded: number;
  /** Clients that failed their last retry and gave up. */
  gaveUp: number;
  /** Of those, the ones whose last retry came before the dependency was back: they never had a chance. */
  gaveUpWhileDown: number;
  /** Every attempt, first tries included: attempts ÷ clients is the load amplification. */
  attempts: number;
  /** Attempts turned away for want of capacity after the dependency came back. */
  rejectedTotal: number;
  /** The busiest 100 ms capacity window after recovery (attempts that landed in it), and when it starts (s). */
  peakWindow: number;
  peakWindowAtS: number;
  /** Time from the failure to success over the clients served, seconds; null when nobody was served. */
  medianServedS: number | null;
  p95ServedS: number | null;
  lastServedS: number | null;
  /** When the last attempt of any kind landed, seconds. */
  lastAttemptS: number;
}

/** Without jitter every waiting client retries at the same instant: retry k lands at Σ ceilings. */
export interface Wave {
  /** Retry number, from 1. */
  k: number;
  atS: number;
  /** Clients still waiting that retry together at `atS`. */
  retrying: number;
  /** How many the dependency serves: 0 while down, else what is left of that window's capacity. */
  served: number;
}

export interface NoJitterTheory {
  waves: Wave[];
  succeeded: number;
  gaveUp: number;
  attempts: number;
  lastServedS: number | null;
}

export interface RetryStormResult {
  /** Width of each chart bucket, seconds, and how many there are. */
  bucketS: number;
  buckets: number;
  /** Requests the dependency serves in one 100 ms window once it is back. */
  perWindow: number;
  /** In the order of JITTERS: none, full, equal, decorrelated. */
  runs: StrategyRun[];
  /** The waves worked out by hand for no jitter; the `none` run must agree with them exactly. */
  theory: NoJitterTheory;
}
