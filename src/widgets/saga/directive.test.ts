import { describe, expect, it } from 'vitest';
import { calcSaga } from './calc';
import { fromDirective } from './directive';
import { presets } from './params';

describe('saga directive', () => {
  it('starts from the checkout preset, with overrides', () => {
    const d = fromDirective({ type: 'saga', crashAt: '2', crashPct: '10', seed: '7' });
    expect(d).toEqual({
      ok: true,
      presetName: 'checkout',
      params: { ...presets.checkout.params, crashAt: 2, crashPct: 10 },
      seed: 7,
    });
  });

  it('explains what is wrong, in words', () => {
    expect(fromDirective({ type: 'saga', preset: 'nope' })).toEqual({
      ok: false,
      problems: [
        'unknown preset "nope" (known: checkout, clean-failures, late-charges, flaky-refunds, orchestrator-crash)',
      ],
    });
    expect(fromDirective({ type: 'saga', crashAt: '9', steps: '3' })).toEqual({
      ok: false,
      problems: [
        'unknown attribute "steps" (known: type, preset, seed, id, sagas, attempts, compAttempts, crashAt, crashPct)',
        'The step the orchestrator crashes at must be at most 8',
        'The orchestrator can crash only at one of the 4 steps',
      ],
    });
    expect(fromDirective({ type: 'saga', crashAt: '5' })).toEqual({
      ok: false,
      problems: ['The orchestrator can crash only at one of the 4 steps'],
    });
  });
});

describe('saga.run calculations', () => {
  it('states the simulation’s numbers for a policy', () => {
    const naive = calcSaga({ of: 'saga.run', preset: 'clean-failures', metric: 'inconsistent' });
    expect(naive).toEqual({ ok: true, text: '0' });
    const crashed = calcSaga({
      of: 'saga.run',
      preset: 'checkout',
      sagas: '1000',
      crashAt: '1',
      crashPct: '100',
      policy: 'correct',
      metric: 'crashed',
    });
    // Every saga reaches step 1, so the orchestrator crashes in all of them.
    expect(crashed).toEqual({ ok: true, text: '1,000' });
  });

  it('explains a bad metric or policy', () => {
    expect(calcSaga({ of: 'saga.run', policy: 'lazy', metric: 'x' })).toEqual({
      ok: false,
      problems: [
        'policy must be one of naive, correct, not "lazy"',
        'metric must be one of completed, completedShare, undone, undoneShare, inconsistent, inconsistentShare, deadLetter, deadLetterShare, compensations, crashed, not "x"',
      ],
    });
  });
});
