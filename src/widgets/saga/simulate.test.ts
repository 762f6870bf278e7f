import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets, sagaSchema, STEP_KINDS } from './params';
import type { SagaParams, SagaStep } from './params';
import { countOf } from './report';
import { drawOf, layoutOf, simulateSagasAll, traceSaga } from './simulate';
import { POLICIES } from './types';

const step = (over: Partial<SagaStep>): SagaStep => ({
  name: 'reserve stock',
  service: 'inventory',
  failPct: 0,
  timeoutPct: 0,
  latePct: 0,
  compFailPct: 0,
  kind: 'compensatable',
  ...over,
});

/** Two steps: reserve stock (always works), then charge card with the given behaviour. */
const twoSteps = (charge: Partial<SagaStep>, over: Partial<SagaParams> = {}): SagaParams => ({
  sagas: 1,
  steps: [step({}), step({ name: 'charge card', service: 'payment', kind: 'pivot', ...charge })],
  attempts: 3,
  compAttempts: 2,
  crashAt: 0,
  crashPct: 0,
  ...over,
});

/** One saga's uniforms, every slot `fill` but the ones given: [index, value]. */
function draws(p: SagaParams, fill: number, set: [number, number][] = []): Float64Array {
  const u = new Float64Array(layoutOf(p).size).fill(fill);
  for (const [i, v] of set) u[i] = v;
  return u;
}
// Slots for two steps and attempts = 3, compAttempts = 2: crash 0; step 1 calls 1–4; step 2
// calls 5–8 (three tries and the resend after a crash); step 1 undos 9–10; step 2 undos 11–12.

describe('one call', () => {
  it('splits [0, 1) into done, late, lost and failed, in that order', () => {
    const s = step({ failPct: 10, timeoutPct: 20, latePct: 30 });
    expect([0, 0.39, 0.4, 0.69, 0.7, 0.89, 0.9, 0.999].map((u) => drawOf(u, s))).toEqual([
      'ok',
      'ok',
      'late',
      'late',
      'lost',
      'lost',
      'fail',
      'fail',
    ]);
  });
});

describe('hand-worked sagas', () => {
  it('a charge that lands late: naive leaves the money taken, correct refunds it', () => {
    const p = twoSteps({ latePct: 100 });
    const u = draws(p, 0.5);
    const naive = traceSaga(p, u, 'naive');
    expect(naive.outcome).toBe('inconsistent');
    expect([...naive.effects]).toEqual([0, 1]);
    expect(naive.compensations).toBe(1);
    expect(naive.events.map((e) => [e.atMs, e.lane, e.text])).toEqual([
      [0, -1, 'asks inventory to reserve stock (no key)'],
      [100, 0, 'reserve stock: done'],
      [100, -1, 'asks payment to charge card (no key)'],
      [1100, -1, 'no answer from payment: treats it as failed, compensates the confirmed steps'],
      [1200, 0, 'undo reserve stock: done'],
      [1200, -1, 'saga ended with effects left behind that nobody tracks: inconsistent'],
      [1600, 1, 'charge card: took effect late, answer too late'],
    ]);
    const correct = traceSaga(p, u, 'correct');
    expect(correct.outcome).toBe('undone');
    expect([...correct.effects]).toEqual([0, 0]);
    expect(correct.compensations).toBe(2);
    expect(correct.calls).toBe(4);
  });

  it('a lost charge is harmless to both: nothing happened', () => {
    const p = twoSteps({ timeoutPct: 100 });
    const u = draws(p, 0.5);
    expect(traceSaga(p, u, 'naive').outcome).toBe('undone');
    const correct = traceSaga(p, u, 'correct');
    expect(correct.outcome).toBe('undone');
    // The refund with the key finds nothing to undo.
    expect(correct.events.some((e) => e.text === 'undo charge card: nothing to undo, done')).toBe(
      true,
    );
  });

  it('an undo that keeps failing: naive gives up silently, correct parks it and carries on', () => {
    const p = twoSteps({ failPct: 100 }, { steps: [step({ compFailPct: 100 }), step({})] });
    p.steps[1] = step({ name: 'charge card', service: 'payment', kind: 'pivot', failPct: 100 });
    const u = draws(p, 0.5);
    const naive = traceSaga(p, u, 'naive');
    expect(naive.outcome).toBe('inconsistent');
    expect(naive.calls).toBe(2 + 1);
    const correct = traceSaga(p, u, 'correct');
    expect(correct.outcome).toBe('deadLetter');
    expect(correct.calls).toBe(2 + 2);
    expect(correct.events.at(-2)?.text).toBe(
      'undo reserve stock failed 2 times: to the dead-letter queue, and carries on',
    );
  });

  it('a crash while charging: naive forgets the saga, correct asks again with the same key', () => {
    const p = twoSteps({ timeoutPct: 50 }, { crashAt: 2, crashPct: 100 });
    // The charge's first call is lost (0.6 is in the lost band); the resend after the restart
    // (slot 8) goes through.
    const u = draws(p, 0.1, [[5, 0.6]]);
    const naive = traceSaga(p, u, 'naive');
    expect(naive.outcome).toBe('inconsistent'); // the stock stays reserved
    expect([...naive.effects]).toEqual([1, 0]);
    const correct = traceSaga(p, u, 'correct');
    expect(correct.outcome).toBe('completed');
    expect(correct.calls).toBe(3);
    // A charge that did go through before the crash is found under its key, not made twice.
    const done = draws(p, 0.1);
    const again = traceSaga(p, done, 'correct');
    expect(again.outcome).toBe('completed');
    expect(again.events.map((e) => e.text)).toContain('same key: returns the stored result (done)');
  });

  it('a retriable step that landed late is done on the next try, not done twice', () => {
    const p: SagaParams = {
      ...twoSteps({}),
      steps: [
        step({ kind: 'pivot' }),
        step({ name: 'book courier', service: 'shipping', kind: 'retriable', latePct: 100 }),
      ],
    };
    const correct = traceSaga(p, draws(p, 0.5), 'correct');
    expect(correct.outcome).toBe('completed');
    expect(correct.calls).toBe(3);
    expect(correct.events.map((e) => e.text)).toContain(
      'same key: already done, returns the stored result',
    );
    // Never done: after three tries it goes to the dead-letter queue, with nothing undone.
    const never = { ...p, steps: [p.steps[0]!, { ...p.steps[1]!, latePct: 0, failPct: 100 }] };
    const stuck = traceSaga(never, draws(never, 0.5), 'correct');
    expect(stuck.outcome).toBe('deadLetter');
    expect(stuck.calls).toBe(4);
    expect(stuck.compensations).toBe(0);
  });
});

const anyStep = fc.record({
  name: fc.constantFrom('reserve stock', 'charge card', 'book courier'),
  service: fc.constantFrom('inventory', 'payment', 'shipping'),
  failPct: fc.integer({ min: 0, max: 40 }),
  timeoutPct: fc.integer({ min: 0, max: 30 }),
  latePct: fc.integer({ min: 0, max: 30 }),
  compFailPct: fc.integer({ min: 0, max: 100 }),
  kind: fc.constantFrom(...STEP_KINDS),
});

/** Valid params: kinds sorted into compensatable, at most one pivot, then retriable. */
const anyParams = fc
  .record({
    steps: fc.array(anyStep, { minLength: 1, maxLength: 5 }),
    attempts: fc.integer({ min: 1, max: 4 }),
    compAttempts: fc.integer({ min: 1, max: 4 }),
    crashAt: fc.integer({ min: 0, max: 5 }),
    crashPct: fc.integer({ min: 0, max: 100 }),
  })
  .map((r): SagaParams => {
    const rank = { compensatable: 0, pivot: 1, retriable: 2 } as const;
    let pivots = 0;
    const steps = [...r.steps]
      .sort((a, b) => rank[a.kind] - rank[b.kind])
      .map((s) => (s.kind === 'pivot' && pivots++ > 0 ? { ...s, kind: 'retriable' as const } : s));
    return { ...r, sagas: 300, steps, crashAt: Math.min(r.crashAt, steps.length) };
  });

describe('properties', () => {
  it('the generated params are valid', () => {
    fc.assert(fc.property(anyParams, (p) => sagaSchema.safeParse(p).success));
  });

  it('every saga ends exactly one way, under both policies', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const r = simulateSagasAll(p, seed);
        for (const policy of POLICIES)
          expect(r.runs[policy].counts.reduce((a, b) => a + b, 0)).toBe(p.sagas);
      }),
      { numRuns: 40 },
    );
  });

  it('the correct orchestrator never leaves a saga silently inconsistent', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        expect(countOf(simulateSagasAll(p, seed).runs.correct, 'inconsistent')).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('when undos always work and no step is retriable, nothing reaches the dead-letter queue', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        // Every step compensatable (so nothing is retriable) and every undo working.
        const valid = {
          ...p,
          steps: p.steps.map((s) => ({ ...s, compFailPct: 0, kind: 'compensatable' as const })),
        };
        const r = simulateSagasAll(valid, seed);
        expect(countOf(r.runs.correct, 'deadLetter')).toBe(0);
        expect(countOf(r.runs.correct, 'inconsistent')).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('with only clean failures, working undos and no crash, naive is never inconsistent either', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const clean = {
          ...p,
          crashPct: 0,
          steps: p.steps.map((s) => ({ ...s, timeoutPct: 0, latePct: 0, compFailPct: 0 })),
        };
        expect(countOf(simulateSagasAll(clean, seed).runs.naive, 'inconsistent')).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic: the same seed gives the same run', () => {
    const p = presets.checkout.params;
    expect(simulateSagasAll({ ...p, sagas: 2000 }, 9)).toEqual(
      simulateSagasAll({ ...p, sagas: 2000 }, 9),
    );
  });
});

describe('examples', () => {
  it('keeps one saga per pair of endings, disagreements first, each trace ending as counted', () => {
    const r = simulateSagasAll(presets['orchestrator-crash'].params, 4);
    const pairs = r.examples.map((e) => `${e.outcomes.naive}/${e.outcomes.correct}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const firstSame = r.examples.findIndex((e) => e.outcomes.naive === e.outcomes.correct);
    expect(r.examples.slice(firstSame).every((e) => e.outcomes.naive === e.outcomes.correct)).toBe(
      true,
    );
    expect(pairs).toContain('inconsistent/completed');
    for (const e of r.examples)
      for (const policy of POLICIES) {
        const last = e.traces[policy].filter((t) => t.lane === -1).at(-1)!;
        expect(last.text.startsWith('saga ')).toBe(true);
      }
  });
});
