import { describe, expect, it } from 'vitest';
import { calcCascadeRun } from './calc';
import { fromDirective } from './directive';
import { checkCascadeForm, paramsToForm } from './form';
import { presets } from './params';

describe('the cascade directive, form and lesson numbers', () => {
  it('takes a preset, a fix and overrides, and explains bad ones in words', () => {
    const ok = fromDirective({ preset: 'metastable-blip', fix: 'shed', fixAtS: '200', seed: '9' });
    expect(ok.ok && ok.params.fix).toBe('shed');
    expect(ok.ok && ok.seed).toBe(9);
    const bad = fromDirective({
      preset: 'metastable-blip',
      fix: 'pray',
      servers: 'ten',
      colour: 'red',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems).toEqual([
        expect.stringMatching(/^unknown attribute "colour"/),
        'servers must be a number, not "ten"',
        'fix must be one of none, shed, budget, capacity, not "pray"',
      ]);
    const none = fromDirective({ failCount: '10' });
    expect(!none.ok && none.problems).toEqual([
      '10 of 10 servers failing leaves none: fewer than 10 may fail',
    ]);
    const long = fromDirective({ timeoutMs: '10', durationS: '1800' });
    expect(!long.ok && long.problems[0]).toMatch(/can last at most 200 s/);
  });

  it('round-trips every preset through the form', () => {
    for (const preset of Object.values(presets)) {
      const check = checkCascadeForm(paramsToForm(preset.params));
      expect(check.params).toEqual(preset.params);
    }
  });

  it('puts a bad value next to its field', () => {
    const values = { ...paramsToForm(presets.headroom.params), retries: '2.5', gap: '0' };
    const check = checkCascadeForm(values);
    expect(check.params).toBeNull();
    expect(check.fieldErrors.retries).toBe('The number of retries must be a whole number');
    expect(check.fieldErrors.gap).toMatch(/^The starting gap must be at least 1e-15/);
  });

  it('quotes a run for a lesson, and refuses a metric it does not know', () => {
    expect(calcCascadeRun({ preset: 'metastable-blip', metric: 'outcome' })).toEqual({
      ok: true,
      text: 'stuck after the trigger was gone (metastable)',
    });
    expect(calcCascadeRun({ preset: 'metastable-blip', metric: 'finalAttempts' })).toEqual({
      ok: true,
      text: '238',
    });
    const bad = calcCascadeRun({ preset: 'metastable-blip', metric: 'mood' });
    expect(bad.ok).toBe(false);
  });
});
