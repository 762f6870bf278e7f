import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compensationOrder, expectedFailures, sagaOdds, sagaOddsOfSteps } from './saga.ts';
import type { SagaResult } from './saga.ts';
import { calcSagaOdds, sagaCalculations } from './saga.calc.ts';

describe('saga odds', () => {
  it('completes with p^n when steps are independent', () => {
    const r = sagaOdds(0.99, 4);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.complete).toBeCloseTo(0.96059601, 12);
    expect(r.value.fail).toBeCloseTo(1 - 0.96059601, 12);
    expect(r.value.perStep).toBe(0.99);
  });

  it('counts expected compensations from the failure position', () => {
    // Hand-derived for n = 3, q = 0.5: fail at 2 (p 0.25) undoes 1, fail at 3 (p 0.125) undoes 2.
    const r = sagaOdds(0.5, 3);
    expect(r.ok && r.value.expectedCompensations).toBeCloseTo(0.25 + 0.25, 12);
    expect(r.ok && r.value.needsCompensation).toBeCloseTo(0.375, 12);
    // n = 4, q = 0.99: 0.01 × (0.99 + 2 × 0.99² + 3 × 0.99³).
    const s = sagaOdds(0.99, 4);
    expect(s.ok && s.value.expectedCompensations).toBeCloseTo(0.05861097, 10);
  });

  it('retries raise the per-step chance to 1 − (1 − p)^attempts', () => {
    const r = sagaOdds(0.99, 4, 2);
    expect(r.ok && r.value.perStep).toBeCloseTo(0.9999, 12);
    expect(r.ok && r.value.complete).toBeCloseTo(0.9999 ** 4, 12);
  });

  it('handles the edges', () => {
    const sure = sagaOdds(1, 10);
    expect(sure.ok && sure.value.complete).toBe(1);
    expect(sure.ok && sure.value.expectedCompensations).toBe(0);
    const never = sagaOdds(0, 5);
    expect(never.ok && never.value.complete).toBe(0);
    // The first step always fails, so nothing was done and nothing needs undoing.
    expect(never.ok && never.value.expectedCompensations).toBe(0);
    expect(never.ok && never.value.needsCompensation).toBe(0);
    const one = sagaOdds(0.9, 1);
    expect(one.ok && one.value.expectedCompensations).toBe(0);
  });

  it('explains bad input instead of returning NaN', () => {
    const reason = (r: SagaResult<unknown>) => (r.ok ? '' : r.reason);
    expect(reason(sagaOdds(1.2, 3))).toContain('between 0 and 1');
    expect(sagaOdds(Number.NaN, 3).ok).toBe(false);
    expect(reason(sagaOdds(0.9, 0))).toContain('at least 1');
    expect(sagaOdds(0.9, 2.5).ok).toBe(false);
    expect(reason(sagaOdds(0.9, 3, 0))).toContain('attempts');
    expect(expectedFailures(0.9, 3, -1).ok).toBe(false);
  });

  it('gives the lesson quiz answer: 5 steps at 0.98 complete 90.39 % of the time', () => {
    const r = sagaOdds(0.98, 5);
    expect(r.ok && r.value.complete * 100).toBeCloseTo(90.39, 2);
  });

  it('expects runs × (1 − p^n) failures', () => {
    const r = expectedFailures(0.999, 4, 1_000_000);
    expect(r.ok && r.value).toBeCloseTo(1_000_000 * (1 - 0.999 ** 4), 6);
  });
});

describe('compensation order', () => {
  const steps = [
    { name: 'validate order', compensation: null },
    { name: 'reserve inventory', compensation: 'release inventory' },
    { name: 'charge payment', compensation: 'refund payment' },
    { name: 'create shipment', compensation: 'cancel shipment' },
    { name: 'send confirmation', compensation: 'send correction email' },
  ];

  it('undoes completed steps newest first, skipping steps with nothing to undo', () => {
    expect(compensationOrder(steps, 4)).toEqual({
      ok: true,
      value: ['refund payment', 'release inventory'],
    });
    expect(compensationOrder(steps, 5)).toEqual({
      ok: true,
      value: ['cancel shipment', 'refund payment', 'release inventory'],
    });
    expect(compensationOrder(steps, 1)).toEqual({ ok: true, value: [] });
  });

  it('rejects a failure point outside the saga', () => {
    expect(compensationOrder(steps, 0).ok).toBe(false);
    expect(compensationOrder(steps, 6).ok).toBe(false);
    expect(compensationOrder(steps, 2.5).ok).toBe(false);
  });
});

describe('lesson calculations: saga.odds', () => {
  const base = { of: 'saga.odds', p: '0.99', n: '4' };

  it('formats each metric', () => {
    expect(calcSagaOdds(base)).toEqual({ ok: true, text: '96.1 %' });
    expect(calcSagaOdds({ ...base, metric: 'fail' })).toEqual({ ok: true, text: '3.9 %' });
    expect(calcSagaOdds({ ...base, metric: 'compensations' })).toEqual({
      ok: true,
      text: '0.0586',
    });
    expect(calcSagaOdds({ ...base, attempts: '2', metric: 'perStep' })).toEqual({
      ok: true,
      text: '100.0 %',
    });
    expect(calcSagaOdds({ ...base, attempts: '2', metric: 'fail' })).toEqual({
      ok: true,
      text: '0.040 %',
    });
    expect(calcSagaOdds({ ...base, metric: 'needsCompensation' })).toEqual({
      ok: true,
      text: '2.9 %',
    });
    expect(
      calcSagaOdds({ of: 'saga.odds', p: '0.999', n: '4', runs: '1000000', metric: 'failures' }),
    ).toEqual({
      ok: true,
      text: '3,994',
    });
    expect(sagaCalculations['saga.odds']).toBe(calcSagaOdds);
  });

  it('explains bad attributes in words', () => {
    expect(calcSagaOdds({ ...base, p: '1.5' })).toEqual({
      ok: false,
      problems: ['p must be at most 1, not "1.5"'],
    });
    expect(calcSagaOdds({ ...base, n: '0' })).toMatchObject({
      problems: ['n must be a whole number at least 1, not "0"'],
    });
    expect(calcSagaOdds({ ...base, metric: 'failures' })).toMatchObject({
      problems: [expect.stringContaining('needs runs')],
    });
    expect(calcSagaOdds({ ...base, colour: 'red', metric: 'speed' })).toMatchObject({
      problems: [
        expect.stringContaining('unknown attribute "colour"'),
        expect.stringContaining('metric must be one of'),
      ],
    });
    expect(calcSagaOdds({ of: 'saga.odds', n: '3' })).toMatchObject({ problems: ['needs p="…"'] });
  });
});

describe('saga odds with steps that differ', () => {
  it('multiplies the steps and counts compensations from where it fails', () => {
    // q = 0.9, 0.8, 0.5: complete 0.36; fail at 2 (0.9 × 0.2) undoes 1, at 3 (0.72 × 0.5) undoes 2.
    const r = sagaOddsOfSteps([0.9, 0.8, 0.5]);
    expect(r.ok && r.value.complete).toBeCloseTo(0.36, 12);
    expect(r.ok && r.value.expectedCompensations).toBeCloseTo(0.18 + 0.72, 12);
    expect(r.ok && r.value.needsCompensation).toBeCloseTo(1 - 0.36 - 0.1, 12);
  });

  it('is sagaOdds when every step is the same', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (q, n) => {
          const same = sagaOddsOfSteps(Array.from({ length: n }, () => q));
          const odds = sagaOdds(q, n);
          expect(same.ok && odds.ok).toBe(true);
          if (!same.ok || !odds.ok) return;
          expect(same.value.complete).toBeCloseTo(odds.value.complete, 12);
          expect(same.value.expectedCompensations).toBeCloseTo(
            odds.value.expectedCompensations,
            12,
          );
        },
      ),
    );
  });

  it('explains bad input in words', () => {
    expect(sagaOddsOfSteps([])).toEqual({ ok: false, reason: 'a saga needs at least one step' });
    const r = sagaOddsOfSteps([0.5, 1.5]);
    expect(r.ok ? '' : r.reason).toBe(
      'step 2: its chance of success (1.5) must be between 0 and 1',
    );
  });
});
