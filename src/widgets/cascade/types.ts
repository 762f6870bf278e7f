/** What the cascade lab's run returns: the pool's timeline, its outcome and the logistic panel. */

/** The pool over time, averaged over chart buckets of `bucketS` seconds (a few hundred at most). */
export interface CascadeSeries {
  /** Start of each bucket, seconds. */
  t: Float64Array;
  /** Attempts offered to each server in rotation ÷ its capacity (above 1: more than it can do). */
  offeredUtil: Float64Array;
  /** The same for first attempts only (cache misses, no retries): the survivors formula's load. */
  firstUtil: Float64Array;
  /** User requests a second, and those answered (by the cache or in time by a server). */
  users: Float64Array;
  answered: Float64Array;
  /** Attempts a second reaching the pool, first tries and retries. */
  attempts: Float64Array;
  /** Servers in rotation (mean over the bucket). */
  serving: Float64Array;
  /** The cache's hit ratio, 0–1. */
  hit: Float64Array;
  /** The mean server's queue, as seconds of its work. */
  queueS: Float64Array;
}

export type Outcome = 'held' | 'recovered' | 'metastable' | 'overloaded';

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

/** The survivors' load while the trigger's servers are out, measured beside the formula. */
export interface SurvivorWindow {
  fromS: number;
  toS: number;
  failed: number;
  /** First attempts only per surviving server ÷ capacity, batch means with a 95 % interval. */
  first: Interval;
  /** Every attempt, retries included. */
  all: Interval;
}

export interface PairEstimate {
  ok: true;
  /** The exponent from the two runs, renormalised each step, with a 95 % batch-means interval. */
  value: Interval;
  steps: number;
}

export interface LogisticRun {
  r: number;
  x0: number;
  gap: number;
  /** x₀ … x_n from x0 and from x0 + gap, and their distance, for the chart. */
  a: Float64Array;
  b: Float64Array;
  distance: Float64Array;
  /** The first step at which the two runs are more than 0.1 apart (null: not within the chart). */
  apartAt: number | null;
  /** Measured from the two nearby runs. */
  pair: PairEstimate | { ok: false; reason: string };
  /** `lyapunovExponent(r, x0)` from src/formulas/cascade.ts. */
  formula: { ok: true; value: number } | { ok: false; reason: string };
  /** The pair measurement from other starts at the same r: the exponent belongs to r. */
  starts: { x0: number; value: number | null; reason: string | null }[];
}

export interface CascadeResult {
  /** The simulation's step and the chart's bucket, seconds. */
  stepS: number;
  bucketS: number;
  series: CascadeSeries;
  outcome: Outcome;
  /** When the last trigger ended, seconds; null when one lasts the whole run. */
  triggerEndS: number | null;
  /** From when the pool stayed healthy to the end, after trouble; null if it never did. */
  recoveredAtS: number | null;
  /** The last tenth of the run. */
  final: {
    fromS: number;
    /** Answered ÷ sent, user requests. */
    answeredShare: number;
    attemptsPerS: number;
    usersPerS: number;
    serving: number;
    hit: number;
  };
  survivors: SurvivorWindow | null;
  /** Over the whole run. */
  totals: {
    users: number;
    answered: number;
    gaveUp: number;
    attempts: number;
    rejected: number;
    /** Work done on attempts whose client had already timed out. */
    wasted: number;
    /** Servers the health check took out. */
    ejections: number;
  };
  logistic: LogisticRun;
}
