import { createRng, exponential, logNormalFromMedianP99, standardNormal } from '../../sim/rng.ts';
import { EventHeap } from '../../sim/heap.ts';
import { initialState, transition } from './machine.ts';
import type { BreakerConfig, BreakerState, StateName, Transition } from './machine.ts';
import type { CircuitBreakerParams, Fault } from './params.ts';

/**
 * Discrete-event simulation of callers → breaker → dependency.
 *
 * Arrivals are Poisson at `rate`. Each arrival's randomness (gap, latency, failure draw) is
 * drawn up front from one seeded stream, so the run with a breaker and the run without see
 * exactly the same traffic and the same dependency behaviour: the only difference is the
 * breaker. A forwarded call's outcome reaches the breaker when the call finishes
 * (arrival + min(latency, timeout)); finishes at the same instant as an arrival are processed
 * first. Refused calls are served a fallback at once (0 ms) and counted apart from errors.
 */

export const OUTCOME = { success: 0, failure: 1, timeout: 2, rejected: 3 } as const;
export type OutcomeCode = (typeof OUTCOME)[keyof typeof OUTCOME];

export interface RunSummary {
  total: number;
  forwarded: number;
  rejected: number;
  successes: number;
  failures: number;
  timeouts: number;
  /** (failures + timeouts) / total: what users saw fail. Fallbacks are not counted here. */
  userErrorRate: number;
  /** rejected / total: answered by the fallback. */
  fallbackRate: number;
  /** Share of calls the dependency never had to handle. */
  loadSpared: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  /** Most calls waiting on the dependency at once (threads or connections held). */
  peakInFlight: number;
  /** Calls that arrived during a fault, and how many of them reached the dependency. */
  callsDuringFaults: number;
  forwardedDuringFaults: number;
  /** Seconds from the end of the last fault to the first call that succeeded through the dependency; null if none did. */
  recoveryS: number | null;
  /** Outside faults: calls and how many the user saw fail (for the theory check). */
  healthyCalls: number;
  healthyErrors: number;
}

export interface RunSeries {
  /** Per call, in arrival order. */
  arrivalMs: Float64Array;
  outcome: Uint8Array;
  latencyMs: Float32Array;
  /** Per whole second of simulated time, by arrival time. */
  bins: {
    success: Uint32Array;
    failure: Uint32Array;
    timeout: Uint32Array;
    rejected: Uint32Array;
    meanLatencyMs: Float32Array;
    peakInFlight: Uint32Array;
  };
  summary: RunSummary;
}

export interface BinTotals {
  success: number;
  failure: number;
  timeout: number;
  rejected: number;
  total: number;
  /** Mean latency users saw over these seconds (0 when there were no calls). */
  meanLatencyMs: number;
}

/** Totals over the whole seconds [from, to) of a run's per-second bins. */
export function sumBins(bins: RunSeries['bins'], from: number, to: number): BinTotals {
  let success = 0;
  let failure = 0;
  let timeout = 0;
  let rejected = 0;
  let latencyWeighted = 0;
  const end = Math.min(bins.success.length, to);
  for (let i = Math.max(0, from); i < end; i++) {
    const n = bins.success[i]! + bins.failure[i]! + bins.timeout[i]! + bins.rejected[i]!;
    success += bins.success[i]!;
    failure += bins.failure[i]!;
    timeout += bins.timeout[i]!;
    rejected += bins.rejected[i]!;
    latencyWeighted += bins.meanLatencyMs[i]! * n;
  }
  const total = success + failure + timeout + rejected;
  return {
    success,
    failure,
    timeout,
    rejected,
    total,
    meanLatencyMs: total ? latencyWeighted / total : 0,
  };
}

export interface StateSpan {
  state: StateName;
  fromMs: number;
  toMs: number;
}

export interface CircuitBreakerRun {
  durationS: number;
  seed: number;
  withBreaker: RunSeries & { band: StateSpan[]; log: Transition[]; closedAgainAtS: number | null };
  withoutBreaker: RunSeries;
}

interface Draws {
  n: number;
  arrivalMs: Float64Array;
  /** Latency the dependency would take, before faults. */
  latencyMs: Float64Array;
  /** Uniform in [0, 1) deciding a base failure. */
  failU: Float64Array;
}

function drawArrivals(params: CircuitBreakerParams, seed: number): Draws {
  const rng = createRng(seed);
  const { mu, sigma } = logNormalFromMedianP99(params.medianMs, params.p99Ms);
  const horizonMs = params.durationS * 1000;
  let capacity = Math.ceil(params.rate * params.durationS * 1.1 + 64);
  let arrivalMs = new Float64Array(capacity);
  let latencyMs = new Float64Array(capacity);
  let failU = new Float64Array(capacity);
  let n = 0;
  let t = 0;
  for (;;) {
    t += exponential(rng, params.rate / 1000);
    if (t >= horizonMs) break;
    if (n === capacity) {
      capacity *= 2;
      const grow = (a: Float64Array) => {
        const b = new Float64Array(capacity);
        b.set(a);
        return b;
      };
      arrivalMs = grow(arrivalMs);
      latencyMs = grow(latencyMs);
      failU = grow(failU);
    }
    arrivalMs[n] = t;
    latencyMs[n] = Math.exp(mu + sigma * standardNormal(rng));
    failU[n] = rng.next();
    n++;
  }
  return {
    n,
    arrivalMs: arrivalMs.subarray(0, n),
    latencyMs: latencyMs.subarray(0, n),
    failU: failU.subarray(0, n),
  };
}

/** What the dependency does to a call arriving at `atMs`, given the faults in force. */
function dependencyAnswer(
  faults: readonly Fault[],
  atMs: number,
  latency: number,
  failU: number,
  baseFailure: number,
  timeoutMs: number,
): { code: OutcomeCode; ms: number } {
  let failed = failU < baseFailure;
  let hang = false;
  const s = atMs / 1000;
  for (const f of faults) {
    if (s < f.startS || s >= f.endS) continue;
    if (f.kind === 'outage') {
      failed = true;
      hang ||= f.hang;
    } else if (f.kind === 'slow') {
      latency *= f.factor;
    } else if ((s - f.startS) % f.periodS < f.periodS / 2) {
      failed = true;
    }
  }
  if (hang || latency >= timeoutMs) return { code: OUTCOME.timeout, ms: timeoutMs };
  return { code: failed ? OUTCOME.failure : OUTCOME.success, ms: latency };
}

function inFault(faults: readonly Fault[], atMs: number): boolean {
  const s = atMs / 1000;
  return faults.some((f) => s >= f.startS && s < f.endS);
}

function percentile(sorted: Float32Array, q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

const SLICE = 20_000;

/**
 * One pass over the arrivals, with or without a breaker. A generator: it yields the fraction of
 * arrivals done every SLICE calls so the worker can report progress and honour a cancel.
 */
function* pass(
  params: CircuitBreakerParams,
  draws: Draws,
  config: BreakerConfig | null,
  progressFrom: number,
  progressSpan: number,
): Generator<number, RunSeries & { log: Transition[] }, void> {
  const { n } = draws;
  const seconds = Math.ceil(params.durationS);
  const outcome = new Uint8Array(n);
  const latencyMs = new Float32Array(n);
  const epochOf = new Int32Array(n);
  const answerCode = new Uint8Array(n);
  const bins = {
    success: new Uint32Array(seconds),
    failure: new Uint32Array(seconds),
    timeout: new Uint32Array(seconds),
    rejected: new Uint32Array(seconds),
    meanLatencyMs: new Float32Array(seconds),
    peakInFlight: new Uint32Array(seconds),
  };
  const latencySum = new Float64Array(seconds);
  const log: Transition[] = [];
  const pending = new EventHeap();
  let state: BreakerState = initialState();
  let inFlight = 0;
  let peakInFlight = 0;

  const finish = (i: number, at: number) => {
    inFlight--;
    if (!config) return;
    const code = answerCode[i]!;
    const step = transition(
      state,
      {
        type: 'result',
        epoch: epochOf[i]!,
        outcome:
          code === OUTCOME.success ? 'success' : code === OUTCOME.failure ? 'failure' : 'timeout',
        durationMs: latencyMs[i]!,
      },
      at,
      config,
    );
    state = step.state;
    for (const t of step.transitions) log.push(t);
  };

  for (let i = 0; i < n; i++) {
    const at = draws.arrivalMs[i]!;
    while (pending.size > 0 && pending.peekKey() <= at) {
      const t = pending.peekKey();
      finish(pending.pop(), t);
    }
    let permitted = true;
    if (config) {
      const step = transition(state, { type: 'request' }, at, config);
      state = step.state;
      permitted = step.permitted;
      epochOf[i] = step.epoch;
      for (const t of step.transitions) log.push(t);
    }
    const bin = Math.min(seconds - 1, Math.floor(at / 1000));
    if (!permitted) {
      outcome[i] = OUTCOME.rejected;
      latencyMs[i] = 0;
      bins.rejected[bin]!++;
    } else {
      const answer = dependencyAnswer(
        params.faults,
        at,
        draws.latencyMs[i]!,
        draws.failU[i]!,
        params.baseFailure,
        params.timeoutMs,
      );
      outcome[i] = answer.code;
      answerCode[i] = answer.code;
      latencyMs[i] = answer.ms;
      if (answer.code === OUTCOME.success) bins.success[bin]!++;
      else if (answer.code === OUTCOME.failure) bins.failure[bin]!++;
      else bins.timeout[bin]!++;
      pending.push(at + answer.ms, i);
      inFlight++;
      if (inFlight > peakInFlight) peakInFlight = inFlight;
      if (inFlight > bins.peakInFlight[bin]!) bins.peakInFlight[bin] = inFlight;
    }
    latencySum[bin]! += latencyMs[i]!;
    if (i % SLICE === SLICE - 1) yield progressFrom + (progressSpan * i) / n;
  }
  while (pending.size > 0) {
    const t = pending.peekKey();
    finish(pending.pop(), t);
  }
  for (let b = 0; b < seconds; b++) {
    const count = bins.success[b]! + bins.failure[b]! + bins.timeout[b]! + bins.rejected[b]!;
    bins.meanLatencyMs[b] = count ? latencySum[b]! / count : 0;
  }
  return {
    arrivalMs: draws.arrivalMs,
    outcome,
    latencyMs,
    bins,
    summary: summarise(params, draws, outcome, latencyMs, peakInFlight),
    log,
  };
}

function summarise(
  params: CircuitBreakerParams,
  draws: Draws,
  outcome: Uint8Array,
  latencyMs: Float32Array,
  peakInFlight: number,
): RunSummary {
  const n = draws.n;
  let successes = 0;
  let failures = 0;
  let timeouts = 0;
  let rejected = 0;
  let latencyTotal = 0;
  let callsDuringFaults = 0;
  let forwardedDuringFaults = 0;
  let healthyCalls = 0;
  let healthyErrors = 0;
  const lastFaultEndMs = params.faults.reduce((m, f) => Math.max(m, f.endS * 1000), -1);
  let recoveryS: number | null = null;
  for (let i = 0; i < n; i++) {
    const o = outcome[i]!;
    const at = draws.arrivalMs[i]!;
    if (o === OUTCOME.success) successes++;
    else if (o === OUTCOME.failure) failures++;
    else if (o === OUTCOME.timeout) timeouts++;
    else rejected++;
    latencyTotal += latencyMs[i]!;
    if (inFault(params.faults, at)) {
      callsDuringFaults++;
      if (o !== OUTCOME.rejected) forwardedDuringFaults++;
    } else if (o !== OUTCOME.rejected) {
      healthyCalls++;
      if (o === OUTCOME.failure || o === OUTCOME.timeout) healthyErrors++;
    }
    if (
      recoveryS === null &&
      lastFaultEndMs >= 0 &&
      at >= lastFaultEndMs &&
      o === OUTCOME.success
    ) {
      recoveryS = (at - lastFaultEndMs) / 1000;
    }
  }
  const sorted = Float32Array.from(latencyMs).sort();
  const forwarded = n - rejected;
  return {
    total: n,
    forwarded,
    rejected,
    successes,
    failures,
    timeouts,
    userErrorRate: n ? (failures + timeouts) / n : 0,
    fallbackRate: n ? rejected / n : 0,
    loadSpared: n ? rejected / n : 0,
    latencyMeanMs: n ? latencyTotal / n : 0,
    latencyP50Ms: percentile(sorted, 0.5),
    latencyP95Ms: percentile(sorted, 0.95),
    latencyP99Ms: percentile(sorted, 0.99),
    peakInFlight,
    callsDuringFaults,
    forwardedDuringFaults,
    recoveryS: lastFaultEndMs < 0 ? null : recoveryS,
    healthyCalls,
    healthyErrors,
  };
}

function band(log: readonly Transition[], durationMs: number): StateSpan[] {
  const spans: StateSpan[] = [];
  let state: StateName = 'closed';
  let from = 0;
  for (const t of log) {
    const at = Math.min(t.at, durationMs);
    if (at > from) spans.push({ state, fromMs: from, toMs: at });
    state = t.to;
    from = at;
  }
  if (durationMs > from) spans.push({ state, fromMs: from, toMs: durationMs });
  return spans;
}

export function breakerConfig(params: CircuitBreakerParams): BreakerConfig {
  const b = params.breaker;
  return { policy: b.policy, slowCallMs: b.slowCallMs, waitMs: b.waitMs, trialCalls: b.trialCalls };
}

/** The whole experiment: the same traffic with and without the breaker. */
export function* simulate(
  params: CircuitBreakerParams,
  seed: number,
): Generator<number, CircuitBreakerRun, void> {
  const draws = drawArrivals(params, seed);
  yield 0.05;
  const config = params.breaker.enabled ? breakerConfig(params) : null;
  const withRun = yield* pass(params, draws, config, 0.05, 0.5);
  const withoutRun = yield* pass(params, draws, null, 0.55, 0.45);
  const durationMs = params.durationS * 1000;
  const lastFaultEndMs = params.faults.reduce((m, f) => Math.max(m, f.endS * 1000), -1);
  const closeAfter = withRun.log.find((t) => t.to === 'closed' && t.at >= lastFaultEndMs);
  const openAtEnd = withRun.log.filter((t) => t.at <= lastFaultEndMs).at(-1)?.to;
  const closedAgainAtS =
    lastFaultEndMs < 0
      ? null
      : openAtEnd === undefined || openAtEnd === 'closed'
        ? lastFaultEndMs / 1000
        : closeAfter
          ? closeAfter.at / 1000
          : null;
  const { log, ...series } = withRun;
  return {
    durationS: params.durationS,
    seed,
    withBreaker: { ...series, band: band(log, durationMs), log, closedAgainAtS },
    withoutBreaker: withoutSeries(withoutRun),
  };
}

/** The run without a breaker has no transitions to report. */
function withoutSeries(run: RunSeries & { log: Transition[] }): RunSeries {
  return {
    arrivalMs: run.arrivalMs,
    outcome: run.outcome,
    latencyMs: run.latencyMs,
    bins: run.bins,
    summary: run.summary,
  };
}

/** Runs the generator to the end (tests, benchmarks). */
export function simulateAll(params: CircuitBreakerParams, seed: number): CircuitBreakerRun {
  const it = simulate(params, seed);
  for (;;) {
    const next = it.next();
    if (next.done) return next.value;
  }
}

export function transferables(run: CircuitBreakerRun): Transferable[] {
  const out: Transferable[] = [];
  for (const s of [run.withBreaker, run.withoutBreaker]) {
    out.push(s.outcome.buffer, s.latencyMs.buffer);
    for (const b of Object.values(s.bins)) out.push(b.buffer);
  }
  // Both series share the arrival times; transfer the buffer once.
  out.push(run.withBreaker.arrivalMs.buffer);
  return [...new Set(out)];
}
