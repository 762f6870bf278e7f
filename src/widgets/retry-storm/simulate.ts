import { JITTERS, retrySleep } from '../../formulas/retries.ts';
import type { Jitter } from '../../formulas/retries.ts';
import { EventHeap } from '../../sim/heap.ts';
import { WINDOW_S } from './params.ts';
import type { RetryStormParams } from './params.ts';
import type { NoJitterTheory, RetryStormResult, StrategyRun, Wave } from './types.ts';

/**
 * The retry storm: every client's request fails at time 0 as the dependency goes down for
 * `outageS`; each client then retries with capped exponential backoff and the chosen jitter.
 * A retry before the dependency is back fails at once; after, the dependency serves the first
 * `perWindow` attempts of each 100 ms window and turns the rest away, which the client treats as
 * one more failure. A client gives up when its last retry fails.
 *
 * Attempts are processed in time order from an event heap (ties by client number), so capacity
 * goes first come, first served. The four strategies run on the same seed (common random
 * numbers: each client's retries draw the same uniforms under every strategy). Without jitter every client retries at the
 * same instants, and `noJitterWaves` works the run out wave by wave; the simulation's `none` run
 * must agree with it exactly.
 */

/** Requests the dependency serves in one capacity window (at least one). */
export const perWindowOf = (capacity: number) => Math.max(1, Math.floor(capacity * WINDOW_S));

/** The capacity window holding time t; the nudge puts 6.3 s in window 63 despite 6.3 / 0.1 = 62.999…. */
export const windowOf = (t: number) => Math.floor(t / WINDOW_S + 1e-9);

/**
 * Whether the dependency is still down at time t. Landing times are running sums of sleeps, so
 * 0.3 + 0.6 s is 0.8999…: a retry within a nanosecond of the end of the outage counts as after it.
 */
export const isDown = (t: number, outageS: number) => t < outageS - 1e-9;

/** Chart bucket widths to choose from, seconds. */
// Never narrower than a capacity window, so the capacity per bucket is a whole number.
const NICE_BUCKETS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
const MAX_BUCKETS = 240;

/** The chart bucket holding time t, nudged like windowOf so 100 ms buckets are the capacity windows. */
const bucketOf = (t: number, bucketS: number) => Math.floor(t / bucketS + 1e-9);

/** The smallest nice bucket width that shows [0, horizon] in at most MAX_BUCKETS buckets. */
export function bucketFor(horizonS: number): { bucketS: number; buckets: number } {
  const count = (b: number) => bucketOf(horizonS, b) + 1;
  const bucketS =
    NICE_BUCKETS.find((b) => count(b) <= MAX_BUCKETS) ?? Math.ceil(horizonS / (MAX_BUCKETS - 1));
  return { bucketS, buckets: count(bucketS) };
}

/** No jitter, worked out by hand: all clients still waiting retry together at Σ ceilings. */
export function noJitterWaves(p: RetryStormParams): NoJitterTheory {
  const base = p.baseMs / 1000;
  const cap = p.capMs / 1000;
  const perWindow = perWindowOf(p.capacity);
  const waves: Wave[] = [];
  let waiting = p.clients;
  let at = 0;
  let window = -1;
  let used = 0;
  let attempts = p.clients; // the first tries, all failed at time 0
  let lastServedS: number | null = null;
  for (let k = 1; k <= p.retries && waiting > 0; k++) {
    at += Math.min(cap, base * 2 ** (k - 1));
    let served = 0;
    if (!isDown(at, p.outageS)) {
      const w = windowOf(at);
      if (w !== window) {
        window = w;
        used = 0;
      }
      served = Math.min(waiting, perWindow - used);
      used += served;
    }
    waves.push({ k, atS: at, retrying: waiting, served });
    attempts += waiting;
    waiting -= served;
    if (served > 0) lastServedS = at;
  }
  return { waves, succeeded: p.clients - waiting, gaveUp: waiting, attempts, lastServedS };
}

/** The MurmurHash3 finaliser: a bijection on 32-bit words that mixes every bit into every other. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The uniform client `id` draws for its retry k, in [0, 1): a hash of (seed, id, k) rather than
 * a stream, so each client's k-th retry draws the same number under every strategy (common
 * random numbers) whatever order the events come in.
 */
export function clientUniform(seed: number, id: number, k: number): number {
  const h = fmix32((seed + Math.imul(id + 1, 0x9e3779b9)) >>> 0);
  return fmix32((h ^ Math.imul(k, 0x27d4eb2f)) >>> 0) / 4294967296;
}

const DOWN = 0;
const REJECTED = 1;
const SERVED = 2;

/** Every attempt of one strategy's run: when it landed and what became of it. */
interface Attempts {
  times: Float64Array;
  fates: Uint8Array;
  count: number;
}

interface RunTotals {
  succeeded: number;
  gaveUp: number;
  gaveUpWhileDown: number;
  rejectedTotal: number;
  peakWindow: number;
  peakWindowAtS: number;
  servedTimes: Float64Array;
}

/** Events between yields, so a cancel is noticed quickly. */
const SLICE = 50_000;

function* runStrategy(
  p: RetryStormParams,
  jitter: Jitter,
  seed: number,
  log: Attempts,
): Generator<number, RunTotals, void> {
  const base = p.baseMs / 1000;
  const cap = p.capMs / 1000;
  const perWindow = perWindowOf(p.capacity);
  const n = p.clients;
  const retriesMade = new Uint8Array(n);
  const previous = new Float64Array(n).fill(base);
  const servedTimes = new Float64Array(n);
  const heap = new EventHeap();
  let succeeded = 0;
  let gaveUp = 0;
  let gaveUpWhileDown = 0;
  let rejectedTotal = 0;
  // The capacity window being filled, and the busiest one after recovery.
  let window = -1;
  let used = 0;
  let landed = 0;
  let peakWindow = 0;
  let peakWindowAtS = 0;

  const record = (t: number, fate: number) => {
    log.times[log.count] = t;
    log.fates[log.count++] = fate;
  };
  /** After a failure at t: the next retry, or giving up (`down`: the dependency was still down). */
  const retryOrGiveUp = (id: number, t: number, down: boolean) => {
    if (retriesMade[id]! >= p.retries) {
      gaveUp++;
      if (down) gaveUpWhileDown++;
      return;
    }
    const k = ++retriesMade[id]!;
    const sleep = retrySleep(jitter, base, cap, k, previous[id]!, clientUniform(seed, id, k));
    previous[id] = sleep;
    heap.push(t + sleep, id);
  };

  for (let id = 0; id < n; id++) {
    record(0, DOWN);
    retryOrGiveUp(id, 0, true);
  }
  let sinceYield = 0;
  while (heap.size > 0) {
    const t = heap.peekKey();
    const id = heap.pop();
    if (isDown(t, p.outageS)) {
      record(t, DOWN);
      retryOrGiveUp(id, t, true);
    } else {
      const w = windowOf(t);
      if (w !== window) {
        window = w;
        used = 0;
        landed = 0;
      }
      landed++;
      if (landed > peakWindow) {
        peakWindow = landed;
        peakWindowAtS = w * WINDOW_S;
      }
      if (used < perWindow) {
        used++;
        servedTimes[succeeded++] = t;
        record(t, SERVED);
      } else {
        rejectedTotal++;
        record(t, REJECTED);
        retryOrGiveUp(id, t, false);
      }
    }
    if (++sinceYield === SLICE) {
      sinceYield = 0;
      yield 0;
    }
  }
  return {
    succeeded,
    gaveUp,
    gaveUpWhileDown,
    rejectedTotal,
    peakWindow,
    peakWindowAtS,
    servedTimes: servedTimes.subarray(0, succeeded).sort(),
  };
}

/** Nearest-rank quantile of sorted values; null when there are none. */
function quantile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function* simulateStorm(
  p: RetryStormParams,
  seed: number,
): Generator<number, RetryStormResult, void> {
  const capacityPerClient = p.retries + 1;
  const logs: Attempts[] = [];
  const totals: RunTotals[] = [];
  for (const [i, jitter] of JITTERS.entries()) {
    const log: Attempts = {
      times: new Float64Array(p.clients * capacityPerClient),
      fates: new Uint8Array(p.clients * capacityPerClient),
      count: 0,
    };
    const run = runStrategy(p, jitter, seed, log);
    for (;;) {
      const step = run.next();
      if (step.done) {
        totals.push(step.value);
        break;
      }
      yield (i + 0.5) / JITTERS.length;
    }
    logs.push(log);
    yield (i + 1) / JITTERS.length;
  }
  // One time axis for all four, up to the last attempt of any.
  let horizon = 0;
  for (const log of logs)
    for (let j = 0; j < log.count; j++) horizon = Math.max(horizon, log.times[j]!);
  const { bucketS, buckets } = bucketFor(horizon);
  const runs: StrategyRun[] = JITTERS.map((jitter, i) => {
    const log = logs[i]!;
    const t = totals[i]!;
    const byFate = [new Uint32Array(buckets), new Uint32Array(buckets), new Uint32Array(buckets)];
    let lastAttemptS = 0;
    for (let j = 0; j < log.count; j++) {
      const time = log.times[j]!;
      byFate[log.fates[j]!]![Math.min(buckets - 1, bucketOf(time, bucketS))]!++;
      lastAttemptS = Math.max(lastAttemptS, time);
    }
    return {
      jitter,
      served: byFate[SERVED]!,
      rejected: byFate[REJECTED]!,
      down: byFate[DOWN]!,
      succeeded: t.succeeded,
      gaveUp: t.gaveUp,
      gaveUpWhileDown: t.gaveUpWhileDown,
      attempts: log.count,
      rejectedTotal: t.rejectedTotal,
      peakWindow: t.peakWindow,
      peakWindowAtS: t.peakWindowAtS,
      medianServedS: quantile(t.servedTimes, 0.5),
      p95ServedS: quantile(t.servedTimes, 0.95),
      lastServedS: t.servedTimes.length ? t.servedTimes[t.servedTimes.length - 1]! : null,
      lastAttemptS,
    };
  });
  return { bucketS, buckets, perWindow: perWindowOf(p.capacity), runs, theory: noJitterWaves(p) };
}

/** Runs the whole storm at once (tests, build-time numbers). */
export function simulateStormAll(p: RetryStormParams, seed: number): RetryStormResult {
  const it = simulateStorm(p, seed);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}
