import { createRng, standardNormal } from '../../sim/rng.ts';
import type { Rng } from '../../sim/rng.ts';
import { logisticRun } from './logistic.ts';
import { batchInterval } from './logistic.ts';
import { BACKOFF_CAP_S, BUDGET_RATIO, stepOf } from './params.ts';
import type { CascadeParams } from './params.ts';
import type { CascadeResult, CascadeSeries, Interval, Outcome, SurvivorWindow } from './types.ts';

/**
 * The pool, step by step (the step is half the client timeout, at most 0.1 s). The model, as the
 * widget states it:
 *
 * - Users send requests as a Poisson stream (the only randomness, with the restart times). The
 *   cache answers a share h of them; the misses and every retry go to the load balancer, which
 *   splits them evenly over the servers in rotation.
 * - Counts after the arrivals are fluid (fractions of a request allowed): the pool's servers are
 *   identical, so an even split is exact for them.
 * - A server completes `perServer` requests a second, first come, first served. An attempt
 *   still queued when its client's timeout runs out has failed, but stays in the queue: the
 *   server does its work later, for nobody (it cannot know the client left).
 * - A failed attempt is retried after a backoff sleep drawn evenly from 0 to
 *   min(30 s, base·2^(k−1)) before retry k (full jitter; no sleep when the base is 0); after the
 *   last retry the user gives up.
 * - The cache is refilled only by answers: its hit ratio moves toward h* × (the share of
 *   attempts answered), with the refill time as time constant. A flush empties it.
 * - A server's queue holds at most `queueS` seconds of its work (0: no limit); attempts that
 *   do not fit are turned away at once and count as failed.
 * - The health check takes a server out of rotation when its queue holds more than `ejectS`
 *   seconds of work; it restarts empty after `restartS` × a uniform draw from 0.5 to 1.5.
 * - Shedding: a server turns away at once (no work) whatever would wait longer than the
 *   timeout. A retry budget lets through at most one retry per ten first attempts.
 */

/** How many chart buckets a run is averaged into, at most. */
export const MAX_BUCKETS = 300;
/** A stretch counts as healthy when at least this share of user requests is answered. */
export const HEALTHY_SHARE = 0.9;

/**
 * A Poisson count with mean `mean`: Knuth's product of uniforms below 30, a rounded normal
 * above (the error is negligible beside the model's own simplifications at such means).
 */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
}

/** Whole steps in `s` seconds (at least `min`). */
const stepsIn = (s: number, dt: number, min = 0) => Math.max(min, Math.round(s / dt));

export type PoolResult = Omit<CascadeResult, 'logistic'>;

/** The pool and the logistic panel: what the worker runs. */
export function* simulateCascade(p: CascadeParams, seed: number): Generator<number, CascadeResult> {
  const pool = yield* simulatePool(p, seed);
  return { ...pool, logistic: logisticRun(p.r, p.x0, p.gap) };
}

/** The pool alone. */
export function* simulatePool(p: CascadeParams, seed: number): Generator<number, PoolResult> {
  const rng = createRng(seed);
  const dt = stepOf(p.timeoutMs);
  const tau = p.timeoutMs / 1000;
  const T = stepsIn(tau, dt, 1);
  const ticks = Math.max(1, Math.ceil(p.durationS / dt - 1e-9));
  const K = p.retries + 1;
  const servers = p.servers + (p.fix === 'capacity' ? p.fixServers : 0);
  const c = p.perServer;
  const cap = c * dt;
  const hStar = p.hitPct / 100;

  // Per server: the queue by arrival step (ring of T slots) and attempt number, the work whose
  // clients have already left (`stale`), and when it is back in rotation (-1: it is).
  const ring = new Float64Array(servers * T * K);
  const slotTotal = new Float64Array(servers * T);
  const stale = new Float64Array(servers);
  const downUntil = new Float64Array(servers).fill(-1);
  for (let s = p.servers; s < servers; s++) downUntil[s] = Number.POSITIVE_INFINITY;

  // Retries waiting to be sent, per attempt number, as a difference array over steps.
  const diff = new Float64Array(K * (ticks + 2));
  const rate = new Float64Array(K);
  const due = new Float64Array(K);
  const share = new Float64Array(K);
  // Counters the helpers below update, in one typed array: a captured `let` holding a double
  // is boxed on every write, and the garbage collector then costs more than the model.
  const acc = new Float64Array(10);
  const GAVE_UP = 0;
  const REJECTED = 1;
  const WASTED = 2;
  const EJECTIONS = 3;
  const FAILED_NOW = 4;
  const HIT = 5;
  const USERS = 6;
  const ANSWERED = 7;
  const ATTEMPTS = 8;
  const WINDOW_LAST = 9;

  const schedule = (k: number, amount: number, from: number) => {
    if (amount <= 0 || from > ticks) return;
    const ceiling =
      p.backoffMs === 0 ? 0 : Math.min(BACKOFF_CAP_S, (p.backoffMs / 1000) * 2 ** (k - 1));
    const m = stepsIn(ceiling, dt);
    const v = amount / (m + 1);
    const row = k * (ticks + 2);
    diff[row + from] = diff[row + from]! + v;
    const end = Math.min(ticks + 1, from + m + 1);
    diff[row + end] = diff[row + end]! - v;
  };
  /** Attempt number k (0 = first) failed, noticed at step `at`. */
  const failed = (k: number, amount: number, at: number) => {
    acc[FAILED_NOW] = acc[FAILED_NOW]! + amount;
    if (k + 1 < K) schedule(k + 1, amount, at + 1);
    else acc[GAVE_UP] = acc[GAVE_UP]! + amount;
  };
  /** A server leaves rotation: what it held times out at each attempt's own deadline. */
  const dump = (s: number, t: number) => {
    for (let i = 0; i < T; i++) {
      const slot = s * T + i;
      if (slotTotal[slot] === 0) continue;
      // Slot i holds arrivals from step a ≡ i (mod T) within the last T steps.
      const a = t - ((t - i + T * 4) % T);
      for (let k = 0; k < K; k++) {
        const amount = ring[slot * K + k]!;
        if (amount > 0) {
          failed(k, amount, a + T - 1);
          ring[slot * K + k] = 0;
        }
      }
      slotTotal[slot] = 0;
    }
    stale[s] = 0;
  };

  const failTick = stepsIn(p.failAtS, dt);
  const failBack =
    p.failForS > 0 ? failTick + stepsIn(p.failForS, dt, 1) : Number.POSITIVE_INFINITY;
  const spikeFrom = stepsIn(p.spikeAtS, dt);
  const spikeTo = spikeFrom + stepsIn(p.spikeForS, dt);
  const flushTick = p.flushAtS > 0 ? stepsIn(p.flushAtS, dt) : -1;
  const fixTick = p.fix === 'none' ? Number.POSITIVE_INFINITY : stepsIn(p.fixAtS, dt);

  // Chart buckets.
  const per = Math.ceil(ticks / MAX_BUCKETS);
  const buckets = Math.ceil(ticks / per);
  const bucketS = per * dt;
  const series: CascadeSeries = {
    t: new Float64Array(buckets),
    offeredUtil: new Float64Array(buckets),
    firstUtil: new Float64Array(buckets),
    users: new Float64Array(buckets),
    answered: new Float64Array(buckets),
    attempts: new Float64Array(buckets),
    serving: new Float64Array(buckets),
    hit: new Float64Array(buckets),
    queueS: new Float64Array(buckets),
  };
  const bucketSteps = new Float64Array(buckets);
  const utilSteps = new Float64Array(buckets);

  // The survivors' window: from the failure until it ends, while exactly the trigger's servers
  // are out (before the health check takes any other out, and before a corrective action).
  const windowFrom = p.failCount > 0 ? failTick : -1;
  const windowTo = p.failCount > 0 ? Math.min(failBack, ticks, fixTick) : -1;
  const survivorsServing = p.servers - p.failCount;
  acc[WINDOW_LAST] = -1;
  const windowFirst: number[] = [];
  const windowAll: number[] = [];

  acc[HIT] = hStar;

  // One step of the pool. A plain function, not the generator's body: a generator keeps its
  // locals in a heap context, where every double written is a new allocation.
  const step = (t: number) => {
    let h = acc[HIT]!;
    acc[FAILED_NOW] = 0;

    // The script: failures, returns, a flush, more servers.
    if (p.failCount > 0 && t === failTick)
      for (let s = 0; s < p.failCount; s++) {
        if (downUntil[s] === -1) dump(s, t);
        downUntil[s] = failBack;
      }
    for (let s = 0; s < servers; s++) if (downUntil[s] === t) downUntil[s] = -1;
    if (t === flushTick) h = 0;
    if (p.fix === 'capacity' && t === fixTick)
      for (let s = p.servers; s < servers; s++) downUntil[s] = -1;
    const shedding = p.fix === 'shed' && t >= fixTick;
    // A shedding server also drops the work whose clients have already left.
    if (shedding) stale.fill(0);
    const budget = p.fix === 'budget' && t >= fixTick;

    // Users, the cache, and the retries that fall due now.
    const spiking = t >= spikeFrom && t < spikeTo ? p.spikeRps : 0;
    const users = poisson(rng, (p.users + spiking) * dt);
    const misses = users * (1 - h);
    let retrying = 0;
    for (let k = 1; k < K; k++) {
      rate[k] = rate[k]! + diff[k * (ticks + 2) + t]!;
      due[k] = Math.max(0, rate[k]!);
      retrying += due[k]!;
    }
    if (budget && retrying > BUDGET_RATIO * misses) {
      const keep = (BUDGET_RATIO * misses) / retrying;
      for (let k = 1; k < K; k++) {
        const dropped = due[k]! * (1 - keep);
        due[k] = due[k]! * keep;
        // A retry the budget refuses is a failure the client sees at once.
        acc[FAILED_NOW] = acc[FAILED_NOW] + dropped;
        acc[GAVE_UP] = acc[GAVE_UP]! + dropped;
      }
      retrying *= keep;
    }
    due[0] = misses;
    const attempts = misses + retrying;

    let serving = 0;
    for (let s = 0; s < servers; s++) if (downUntil[s] === -1) serving++;

    let answered = 0;
    let queued = 0;
    if (serving === 0) {
      for (let k = 0; k < K; k++) failed(k, due[k]!, t);
      acc[REJECTED] = acc[REJECTED]! + attempts;
    } else {
      for (let k = 0; k < K; k++) share[k] = due[k]! / serving;
      const each = attempts / serving;
      const slotNow = t % T;
      const slotNext = (t + 1) % T;
      for (let s = 0; s < servers; s++) {
        if (downUntil[s] !== -1) continue;
        let backlog = stale[s]!;
        for (let i = 0; i < T; i++) backlog += slotTotal[s * T + i]!;
        // Admit what fits under the queue limit (the timeout's worth when shedding).
        let admit = 1;
        const limit = shedding ? c * tau : p.queueS > 0 ? c * p.queueS : Number.POSITIVE_INFINITY;
        if (each > 0 && backlog + each > limit) {
          admit = Math.min(1, Math.max(0, limit - backlog) / each);
          if (admit < 1) {
            for (let k = 0; k < K; k++) failed(k, share[k]! * (1 - admit), t);
            acc[REJECTED] = acc[REJECTED]! + each * (1 - admit);
          }
        }
        const base = (s * T + slotNow) * K;
        for (let k = 0; k < K; k++) ring[base + k] = ring[base + k]! + share[k]! * admit;
        slotTotal[s * T + slotNow] = slotTotal[s * T + slotNow]! + each * admit;
        backlog += each * admit;

        // Serve: work for clients who left first (it is older), then the slots, oldest first.
        let room = cap;
        const old = Math.min(room, stale[s]!);
        stale[s] = stale[s]! - old;
        acc[WASTED] = acc[WASTED]! + old;
        room -= old;
        for (let j = 1; j <= T && room > 0; j++) {
          const slot = s * T + ((t + j) % T);
          const held = slotTotal[slot]!;
          if (held <= 0) continue;
          const take = Math.min(room, held);
          const left = 1 - take / held;
          for (let k = 0; k < K; k++) ring[slot * K + k] = ring[slot * K + k]! * left;
          slotTotal[slot] = held - take;
          room -= take;
          answered += take;
        }
        backlog -= cap - room;

        // Attempts that arrived T − 1 steps ago and are still queued have now timed out.
        const expiring = s * T + slotNext;
        if (slotTotal[expiring]! > 0) {
          for (let k = 0; k < K; k++) {
            const amount = ring[expiring * K + k]!;
            if (amount > 0) failed(k, amount, t);
            ring[expiring * K + k] = 0;
          }
          stale[s] = stale[s]! + slotTotal[expiring]!;
          slotTotal[expiring] = 0;
        }
        queued += backlog;

        // The health check.
        if (p.ejectS > 0 && backlog / c > p.ejectS) {
          dump(s, t);
          downUntil[s] = t + stepsIn(p.restartS * (0.5 + rng.next()), dt, 1);
          acc[EJECTIONS] = acc[EJECTIONS]! + 1;
        }
      }
    }

    // The cache moves toward h* times the share of attempts answered now.
    const outcomes = answered + acc[FAILED_NOW];
    const success = outcomes > 0 ? Math.min(1, answered / outcomes) : 1;
    h += (dt / p.warmS) * (hStar * success - h);
    h = Math.min(1, Math.max(0, h));

    const answeredUsers = users - misses + answered;
    acc[HIT] = h;
    acc[USERS] = acc[USERS]! + users;
    acc[ANSWERED] = acc[ANSWERED]! + answeredUsers;
    acc[ATTEMPTS] = acc[ATTEMPTS]! + attempts;

    const b = Math.floor(t / per);
    series.users[b] = series.users[b]! + users;
    series.answered[b] = series.answered[b]! + answeredUsers;
    series.attempts[b] = series.attempts[b]! + attempts;
    series.serving[b] = series.serving[b]! + serving;
    series.hit[b] = series.hit[b]! + h;
    series.queueS[b] = series.queueS[b]! + (serving > 0 ? queued / serving / c : 0);
    if (serving > 0) {
      series.offeredUtil[b] = series.offeredUtil[b]! + attempts / (serving * cap);
      series.firstUtil[b] = series.firstUtil[b]! + misses / (serving * cap);
      utilSteps[b] = utilSteps[b]! + 1;
    }
    bucketSteps[b] = bucketSteps[b]! + 1;
    if (t >= windowFrom && t < windowTo && serving === survivorsServing) {
      acc[WINDOW_LAST] = (t + 1) * dt;
      windowFirst.push(misses / (serving * cap));
      windowAll.push(attempts / (serving * cap));
    }
  };

  for (let t = 0; t < ticks; t++) {
    if (t % 2000 === 0) yield t / ticks;
    step(t);
  }

  for (let b = 0; b < buckets; b++) {
    const n = bucketSteps[b]!;
    const seconds = n * dt;
    series.t[b] = b * bucketS;
    series.users[b] = series.users[b]! / seconds;
    series.answered[b] = series.answered[b]! / seconds;
    series.attempts[b] = series.attempts[b]! / seconds;
    series.serving[b] = series.serving[b]! / n;
    series.hit[b] = series.hit[b]! / n;
    series.queueS[b] = series.queueS[b]! / n;
    const u = utilSteps[b]!;
    series.offeredUtil[b] = u > 0 ? series.offeredUtil[b]! / u : 0;
    series.firstUtil[b] = u > 0 ? series.firstUtil[b]! / u : 0;
  }
  yield 1;

  const triggerEnds = [
    p.failCount > 0 ? (p.failForS > 0 ? p.failAtS + p.failForS : null) : 0,
    p.spikeRps > 0 && p.spikeForS > 0 ? p.spikeAtS + p.spikeForS : 0,
    p.flushAtS > 0 ? p.flushAtS : 0,
  ];
  const triggerEndS = triggerEnds.includes(null) ? null : Math.max(...(triggerEnds as number[]));
  const finalFrom = Math.min(buckets - 1, Math.floor(buckets * 0.9));
  const final = summarizeFinal(series, finalFrom);
  const healthy = (b: number) =>
    series.users[b]! === 0 || series.answered[b]! / series.users[b]! >= HEALTHY_SHARE;
  let lastSick = -1;
  for (let b = 0; b < buckets; b++) if (!healthy(b)) lastSick = b;
  const finalHealthy = final.answeredShare >= HEALTHY_SHARE;
  const outcome: Outcome = finalHealthy
    ? lastSick === -1
      ? 'held'
      : 'recovered'
    : triggerEndS !== null && triggerEndS < series.t[finalFrom]!
      ? 'metastable'
      : 'overloaded';
  const recoveredAtS = lastSick >= 0 && lastSick < buckets - 1 ? series.t[lastSick + 1]! : null;

  const survivors: SurvivorWindow | null =
    windowFirst.length >= 10
      ? {
          fromS: windowFrom * dt,
          toS: acc[WINDOW_LAST],
          failed: p.failCount,
          first: batchMeans(windowFirst),
          all: batchMeans(windowAll),
        }
      : null;

  return {
    stepS: dt,
    bucketS,
    series,
    outcome,
    triggerEndS,
    recoveredAtS: outcome === 'recovered' ? recoveredAtS : null,
    final,
    survivors,
    totals: {
      users: acc[USERS]!,
      answered: acc[ANSWERED]!,
      gaveUp: acc[GAVE_UP]!,
      attempts: acc[ATTEMPTS]!,
      rejected: acc[REJECTED]!,
      wasted: acc[WASTED]!,
      ejections: acc[EJECTIONS]!,
    },
  };
}

function summarizeFinal(series: CascadeSeries, from: number): CascadeResult['final'] {
  let users = 0;
  let answered = 0;
  let attempts = 0;
  let serving = 0;
  let hit = 0;
  const n = series.t.length - from;
  for (let b = from; b < series.t.length; b++) {
    users += series.users[b]!;
    answered += series.answered[b]!;
    attempts += series.attempts[b]!;
    serving += series.serving[b]!;
    hit += series.hit[b]!;
  }
  return {
    fromS: series.t[from]!,
    answeredShare: users > 0 ? answered / users : 1,
    attemptsPerS: attempts / n,
    usersPerS: users / n,
    serving: serving / n,
    hit: hit / n,
  };
}

/** Ten batch means of a window's per-step values, with a 95 % interval. */
function batchMeans(xs: readonly number[]): Interval {
  const size = Math.floor(xs.length / 10);
  const batches: number[] = [];
  for (let j = 0; j < 10; j++) {
    let sum = 0;
    for (let i = j * size; i < (j + 1) * size; i++) sum += xs[i]!;
    batches.push(sum / size);
  }
  return batchInterval(batches);
}

/** The pool alone, at once (the bench). */
export function simulatePoolAll(p: CascadeParams, seed: number): PoolResult {
  const run = simulatePool(p, seed);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/** The whole run at once (lessons' numbers, tests). */
export function simulateCascadeAll(p: CascadeParams, seed: number): CascadeResult {
  const run = simulateCascade(p, seed);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
