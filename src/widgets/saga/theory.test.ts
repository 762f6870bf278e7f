import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sagaOdds } from '../../formulas/saga';
import { presets } from './params';
import type { SagaParams, SagaStep } from './params';
import { theoryRows } from './report';
import { simulateSagasAll } from './simulate';
import { sagaTheory, seenDone } from './theory';

const step = (over: Partial<SagaStep>): SagaStep => ({
  name: 'book courier',
  service: 'shipping',
  failPct: 0,
  timeoutPct: 0,
  latePct: 0,
  compFailPct: 0,
  kind: 'retriable',
  ...over,
});

describe('theory', () => {
  it('a retriable step with nothing landing late is the lesson’s 1 − (1 − p)^attempts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        (failPct, timeoutPct, attempts) => {
          fc.pre(failPct + timeoutPct <= 100);
          const s = step({ failPct, timeoutPct });
          const p = 1 - (failPct + timeoutPct) / 100;
          const odds = sagaOdds(p, 1, attempts);
          expect(odds.ok && seenDone(s, 'correct', attempts)).toBeCloseTo(
            odds.ok ? odds.value.perStep : Number.NaN,
            12,
          );
        },
      ),
    );
  });

  it('a late success counts as done on the next try, but not after the last', () => {
    // s = 0.5, late 0.2, three tries: fails only if tries 1–2 are neither done nor late (0.3²)
    // and try 3 is not done (0.5).
    const s = step({ failPct: 30, latePct: 20 });
    expect(seenDone(s, 'correct', 3)).toBeCloseTo(1 - 0.09 * 0.5, 12);
    expect(seenDone(s, 'naive', 3)).toBeCloseTo(0.5, 12);
    expect(seenDone({ ...s, kind: 'pivot' }, 'correct', 3)).toBeCloseTo(0.5, 12);
  });

  it('stands aside when the orchestrator crashes', () => {
    expect(sagaTheory(presets['orchestrator-crash'].params)).toBeNull();
    expect(sagaTheory({ ...presets['orchestrator-crash'].params, crashPct: 0 })).not.toBeNull();
  });

  it('the checkout preset, by hand: naive completes 0.97 × 0.95 × 0.965 × 0.98', () => {
    const t = sagaTheory(presets.checkout.params)!;
    expect(t.naive.complete).toBeCloseTo(0.97 * 0.95 * 0.965 * 0.98, 12);
  });

  it('agrees with the simulation within its 95 % intervals on fixed seeds', () => {
    const cases: [SagaParams, number][] = [
      [presets.checkout.params, 1],
      [presets['clean-failures'].params, 2],
      [presets['late-charges'].params, 5],
      [presets['flaky-refunds'].params, 3],
      [{ ...presets.checkout.params, sagas: 50_000 }, 11],
    ];
    for (const [p, seed] of cases) {
      const rows = theoryRows(p, simulateSagasAll(p, seed))!;
      expect(rows).toHaveLength(3);
      expect(rows.filter((r) => !r.agrees)).toEqual([]);
    }
  });

  it('would notice a simulation that disagrees: half the sagas is far outside', () => {
    const p = presets.checkout.params;
    const r = simulateSagasAll(p, 1);
    const halved = {
      ...r,
      runs: { ...r.runs, naive: { ...r.runs.naive, counts: [5000, 5000, 0, 0] } },
    };
    expect(theoryRows(p, halved)![0]!.agrees).toBe(false);
  });
});
