import { createRng } from '../../sim/rng.ts';
import type { SagaParams, SagaStep } from './params.ts';
import { OUTCOMES, POLICIES } from './types.ts';
import type { Example, Outcome, Policy, PolicyRun, SagaResult, TraceEvent, Tone } from './types.ts';

/**
 * Many order sagas, each run under two orchestrators on the same random numbers (common random
 * numbers: call k of step i draws the same uniform under both, so a difference in outcome is
 * the policy's doing, not luck).
 *
 * - **naive**: one call per step, no idempotency keys; on the first step that does not answer
 *   "done" it compensates the steps it saw confirmed, newest first, one call each; its state is
 *   in memory, so a crash forgets the saga.
 * - **correct**: idempotency keys (a repeated key gets the stored result), retriable steps
 *   retried with backoff, a step whose outcome is unknown (timed out) compensated too, each
 *   compensation retried and parked in the dead-letter queue if it keeps failing (the rest still
 *   run), and a persisted log, so after a crash it asks again with the same key and carries on.
 *
 * Timelines use fixed durations (a call answers in 100 ms, a timeout is 1 s, a late success lands
 * 1.5 s after the call, backoff doubles from 200 ms, a restart takes 5 s): only the order of
 * events and the counts matter to the outcome.
 */

export const CALL_MS = 100;
export const TIMEOUT_MS = 1000;
export const LATE_MS = 1500;
export const BACKOFF_MS = 200;
export const RESTART_MS = 5000;

/** What one call to a step does: done, failed cleanly, lost (timed out, nothing done), or done late. */
type Draw = 'ok' | 'fail' | 'lost' | 'late';

export function drawOf(u: number, s: SagaStep): Draw {
  const ok = 1 - (s.failPct + s.timeoutPct + s.latePct) / 100;
  if (u < ok) return 'ok';
  if (u < ok + s.latePct / 100) return 'late';
  if (u < ok + (s.latePct + s.timeoutPct) / 100) return 'lost';
  return 'fail';
}

/** Where a saga's uniforms live: [crash, per step (attempts + 1 resend), per step compensations]. */
export interface Layout {
  attempts: number;
  compAttempts: number;
  n: number;
  size: number;
}

export function layoutOf(p: SagaParams): Layout {
  const n = p.steps.length;
  return {
    attempts: p.attempts,
    compAttempts: p.compAttempts,
    n,
    size: 1 + n * (p.attempts + 1) + n * p.compAttempts,
  };
}

const callSlot = (l: Layout, step: number, attempt: number) =>
  1 + step * (l.attempts + 1) + attempt;
const compSlot = (l: Layout, step: number, attempt: number) =>
  1 + l.n * (l.attempts + 1) + step * l.compAttempts + attempt;

interface SagaEnd {
  outcome: Outcome;
  /** Whether the orchestrator crashed during this saga. */
  crashed: boolean;
  compensations: number;
  calls: number;
}

class Tracer {
  readonly events: TraceEvent[] = [];
  add(atMs: number, lane: number, text: string, tone: Tone) {
    this.events.push({ atMs, lane, text, tone });
  }
  sorted(): TraceEvent[] {
    return this.events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
      .map(({ e }) => e);
  }
}

const anyEffect = (effects: Uint8Array) => effects.includes(1);

/** The naive orchestrator on one saga's uniforms `u`; `effects` is left as the services hold it. */
export function runNaive(
  p: SagaParams,
  l: Layout,
  u: Float64Array,
  effects: Uint8Array,
  tr: Tracer | null,
): SagaEnd {
  effects.fill(0);
  const crashStep = u[0]! < p.crashPct / 100 ? p.crashAt - 1 : -1;
  let t = 0;
  let calls = 0;
  for (let k = 0; k < l.n; k++) {
    const s = p.steps[k]!;
    tr?.add(t, -1, `asks ${s.service} to ${s.name} (no key)`, 'note');
    const r = drawOf(u[callSlot(l, k, 0)]!, s);
    calls++;
    if (r === 'ok' || r === 'late') effects[k] = 1;
    if (tr) traceCall(tr, t, k, s, r);
    if (k === crashStep) {
      tr?.add(
        t + CALL_MS / 2,
        -1,
        'crashes; its state was in memory, so this saga is forgotten',
        'bad',
      );
      return end(
        tr,
        t + RESTART_MS,
        anyEffect(effects) ? 'inconsistent' : 'undone',
        0,
        calls,
        true,
      );
    }
    if (r === 'ok') {
      t += CALL_MS;
      continue;
    }
    t += r === 'fail' ? CALL_MS : TIMEOUT_MS;
    tr?.add(
      t,
      -1,
      r === 'fail'
        ? `${s.name} failed: compensates the confirmed steps`
        : `no answer from ${s.service}: treats it as failed, compensates the confirmed steps`,
      'bad',
    );
    let compensations = 0;
    for (let j = k - 1; j >= 0; j--) {
      const c = p.steps[j]!;
      compensations++;
      calls++;
      const failed = u[compSlot(l, j, 0)]! < c.compFailPct / 100;
      if (!failed) effects[j] = 0;
      tr?.add(
        t + CALL_MS,
        j,
        failed ? `undo ${c.name}: failed, never tried again` : `undo ${c.name}: done`,
        failed ? 'bad' : 'ok',
      );
      t += CALL_MS;
    }
    return end(tr, t, anyEffect(effects) ? 'inconsistent' : 'undone', compensations, calls);
  }
  return end(tr, t, 'completed', 0, calls);
}

/** The careful orchestrator on the same uniforms. */
export function runCorrect(
  p: SagaParams,
  l: Layout,
  u: Float64Array,
  effects: Uint8Array,
  tr: Tracer | null,
): SagaEnd {
  effects.fill(0);
  const crashStep = u[0]! < p.crashPct / 100 ? p.crashAt - 1 : -1;
  let t = 0;
  let calls = 0;
  let crashed = false;
  for (let k = 0; k < l.n; k++) {
    const s = p.steps[k]!;
    const maxA = s.kind === 'retriable' ? l.attempts : 1;
    let seen: 'ok' | 'fail' | 'unknown' = 'unknown';
    for (let a = 0; a < maxA; a++) {
      if (a > 0) {
        const wait = BACKOFF_MS * 2 ** (a - 1);
        tr?.add(t, -1, `retries ${s.name} in ${wait} ms with the same key`, 'note');
        t += wait;
      }
      tr?.add(
        t,
        -1,
        `logs, then asks ${s.service} to ${s.name} (key ${k + 1}/${s.service})`,
        'note',
      );
      let r: Draw;
      calls++;
      if (effects[k]) {
        r = 'ok';
        tr?.add(t + CALL_MS, k, 'same key: already done, returns the stored result', 'ok');
      } else {
        r = drawOf(u[callSlot(l, k, a)]!, s);
        if (r === 'ok' || r === 'late') effects[k] = 1;
        if (tr) traceCall(tr, t, k, s, r);
      }
      if (k === crashStep && a === 0) {
        crashed = true;
        tr?.add(
          t + CALL_MS / 2,
          -1,
          'crashes; restarts and reads its log: this call is unfinished',
          'bad',
        );
        t += RESTART_MS;
        tr?.add(t, -1, `asks again with the same key ${k + 1}/${s.service}`, 'note');
        calls++;
        if (r === 'lost') {
          // The service never saw the key: this is a fresh call.
          r = drawOf(u[callSlot(l, k, l.attempts)]!, s);
          if (r === 'ok' || r === 'late') effects[k] = 1;
          if (tr) traceCall(tr, t, k, s, r);
        } else {
          // The service has a result stored under the key (a late one has landed by now).
          if (r === 'late') r = 'ok';
          tr?.add(
            t + CALL_MS,
            k,
            `same key: returns the stored result (${r === 'ok' ? 'done' : 'failed'})`,
            r === 'ok' ? 'ok' : 'bad',
          );
        }
      }
      seen = r === 'ok' ? 'ok' : r === 'fail' ? 'fail' : 'unknown';
      t += seen === 'unknown' ? TIMEOUT_MS : CALL_MS;
      if (seen === 'ok') break;
      if (seen === 'unknown')
        tr?.add(t, -1, `no answer from ${s.service}: outcome unknown`, 'unknown');
    }
    if (seen === 'ok') continue;
    if (s.kind === 'retriable') {
      tr?.add(
        t,
        -1,
        `${s.name} still not done after ${maxA} ${maxA === 1 ? 'try' : 'tries'}: to the dead-letter queue for a person to finish`,
        'bad',
      );
      return end(tr, t, 'deadLetter', 0, calls, crashed);
    }
    tr?.add(
      t,
      -1,
      seen === 'fail'
        ? `${s.name} failed: compensates, newest first`
        : `${s.name} may have happened: compensates it too, newest first`,
      'bad',
    );
    let compensations = 0;
    let parked = false;
    for (let j = seen === 'unknown' ? k : k - 1; j >= 0; j--) {
      const c = p.steps[j]!;
      compensations++;
      let undone = false;
      for (let a = 0; a < l.compAttempts && !undone; a++) {
        if (a > 0) t += BACKOFF_MS * 2 ** (a - 1);
        calls++;
        const failed = u[compSlot(l, j, a)]! < c.compFailPct / 100;
        t += CALL_MS;
        if (failed) {
          tr?.add(t, j, `undo ${c.name} (key ${j + 1}/${c.service}/undo): failed`, 'bad');
          continue;
        }
        tr?.add(t, j, `undo ${c.name}: ${effects[j] ? 'done' : 'nothing to undo, done'}`, 'ok');
        effects[j] = 0;
        undone = true;
      }
      if (!undone) {
        parked = true;
        tr?.add(
          t,
          -1,
          `undo ${c.name} failed ${l.compAttempts} times: to the dead-letter queue, and carries on`,
          'bad',
        );
      }
    }
    const outcome = parked ? 'deadLetter' : anyEffect(effects) ? 'inconsistent' : 'undone';
    return end(tr, t, outcome, compensations, calls, crashed);
  }
  return end(tr, t, 'completed', 0, calls, crashed);
}

function traceCall(tr: Tracer, t: number, k: number, s: SagaStep, r: Draw) {
  if (r === 'ok') tr.add(t + CALL_MS, k, `${s.name}: done`, 'ok');
  else if (r === 'fail') tr.add(t + CALL_MS, k, `${s.name}: failed cleanly, nothing done`, 'bad');
  else if (r === 'lost') tr.add(t + CALL_MS, k, 'request lost: nothing done, no answer', 'unknown');
  else tr.add(t + LATE_MS, k, `${s.name}: took effect late, answer too late`, 'unknown');
}

const endText: Record<Outcome, string> = {
  completed: 'saga completed',
  undone: 'saga ended with nothing left behind',
  inconsistent: 'saga ended with effects left behind that nobody tracks: inconsistent',
  deadLetter: 'saga waits in the dead-letter queue for a person',
};

function end(
  tr: Tracer | null,
  t: number,
  outcome: Outcome,
  compensations: number,
  calls: number,
  crashed = false,
): SagaEnd {
  tr?.add(t, -1, endText[outcome], outcome === 'completed' || outcome === 'undone' ? 'ok' : 'bad');
  return { outcome, compensations, calls, crashed };
}

const runners: Record<Policy, typeof runNaive> = { naive: runNaive, correct: runCorrect };

/** One saga under one policy, with its timeline: for the examples and for hand-worked tests. */
export function traceSaga(
  p: SagaParams,
  u: Float64Array,
  policy: Policy,
): {
  outcome: Outcome;
  compensations: number;
  calls: number;
  events: TraceEvent[];
  effects: Uint8Array;
} {
  const l = layoutOf(p);
  const effects = new Uint8Array(l.n);
  const tr = new Tracer();
  const r = runners[policy](p, l, u, effects, tr);
  return { ...r, events: tr.sorted(), effects };
}

export const MAX_EXAMPLES = 6;
const CHUNK = 1000;

/** Draws one saga's uniforms. */
export function fillDraws(next: () => number, u: Float64Array) {
  for (let i = 0; i < u.length; i++) u[i] = next();
}

export function* simulateSagas(p: SagaParams, seed: number): Generator<number, SagaResult, void> {
  const l = layoutOf(p);
  const rng = createRng(seed);
  const u = new Float64Array(l.size);
  const effects = new Uint8Array(l.n);
  const runs = Object.fromEntries(
    POLICIES.map((policy): [Policy, PolicyRun] => [
      policy,
      {
        policy,
        counts: OUTCOMES.map(() => 0),
        compensations: 0,
        compensationsSq: 0,
        leftovers: p.steps.map(() => 0),
        calls: 0,
        crashed: 0,
      },
    ]),
  ) as Record<Policy, PolicyRun>;
  const examples: Example[] = [];
  // Which (naive, correct) pairs of endings already have an example, by 4 × naive + correct.
  const seenPairs = new Uint8Array(OUTCOMES.length * OUTCOMES.length);
  const naive = runs.naive;
  const correct = runs.correct;
  for (let i = 0; i < p.sagas; i++) {
    fillDraws(rng.next, u);
    const a = tally(naive, runNaive(p, l, u, effects, null), effects);
    const b = tally(correct, runCorrect(p, l, u, effects, null), effects);
    const pair = a * OUTCOMES.length + b;
    if (examples.length < MAX_EXAMPLES && !seenPairs[pair]) {
      seenPairs[pair] = 1;
      const traces = Object.fromEntries(
        POLICIES.map((policy) => [policy, traceSaga(p, u, policy).events]),
      ) as Record<Policy, TraceEvent[]>;
      examples.push({
        saga: i + 1,
        outcomes: { naive: OUTCOMES[a]!, correct: OUTCOMES[b]! },
        traces,
      });
    }
    if ((i + 1) % CHUNK === 0) yield (i + 1) / p.sagas;
  }
  return { sagas: p.sagas, runs, examples: orderExamples(examples) };
}

/** Adds one saga's end to its policy's totals; returns the outcome's index in OUTCOMES. */
function tally(run: PolicyRun, r: SagaEnd, effects: Uint8Array): number {
  const o = OUTCOMES.indexOf(r.outcome);
  run.counts[o]!++;
  run.compensations += r.compensations;
  run.compensationsSq += r.compensations * r.compensations;
  run.calls += r.calls;
  if (r.crashed) run.crashed++;
  if (o !== 0) for (let k = 0; k < effects.length; k++) run.leftovers[k]! += effects[k]!;
  return o;
}

/** Examples where the policies disagree first, then the rest, each group in saga order. */
function orderExamples(examples: Example[]): Example[] {
  const differ = (e: Example) => (e.outcomes.naive === e.outcomes.correct ? 1 : 0);
  return [...examples].sort((a, b) => differ(a) - differ(b) || a.saga - b.saga);
}

/** Runs to the end without progress reports (tests, the build-time calculations, the bench). */
export function simulateSagasAll(p: SagaParams, seed: number): SagaResult {
  const it = simulateSagas(p, seed);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}
