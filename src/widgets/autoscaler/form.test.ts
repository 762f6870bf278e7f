import { describe, expect, it } from 'vitest';
import { autoscalerFields, checkAutoscalerForm, paramsToForm } from './form';
import type { AutoscalerField } from './form';
import { presets } from './params';

const sale = presets['flash-sale'].params;
const form = paramsToForm(sale);

/** The one problem a single changed field causes, asserting that it lands on that field. */
function problem(key: AutoscalerField, value: string): string | undefined {
  const check = checkAutoscalerForm({ ...form, [key]: value });
  expect(check.params).toBeNull();
  expect(Object.keys(check.fieldErrors)).toEqual([key]);
  expect(check.formErrors).toEqual([]);
  return check.fieldErrors[key];
}

describe('autoscaler form', () => {
  it('round-trips every preset exactly', () => {
    for (const preset of Object.values(presets)) {
      const check = checkAutoscalerForm(paramsToForm(preset.params));
      expect(check.params).toEqual(preset.params);
      expect(check.fieldErrors).toEqual({});
      expect(check.formErrors).toEqual([]);
    }
  });

  it('shows the target, the tolerance and the noise in percent', () => {
    expect(form).toMatchObject({ targetPct: '60', tolerancePct: '10', noisePct: '3' });
    expect(form.baseRps).toBe('2000');
    expect(form.delayMin).toBe('5');
    expect(Object.keys(form).sort()).toEqual([...autoscalerFields].sort());
  });

  it('turns typed percent into shares without binary noise', () => {
    const check = checkAutoscalerForm({
      ...form,
      targetPct: '57.3',
      tolerancePct: '2.5',
      noisePct: '0.1',
    });
    expect(check.params).toEqual({ ...sale, target: 0.573, tolerance: 0.025, noiseCv: 0.001 });
    expect(paramsToForm(check.params!)).toMatchObject({
      targetPct: '57.3',
      tolerancePct: '2.5',
      noisePct: '0.1',
    });
  });

  it('asks for a value in an empty field, and for a number in one that holds none', () => {
    expect(checkAutoscalerForm({ ...form, targetPct: '' }).fieldErrors).toEqual({
      targetPct: 'Enter a value.',
    });
    expect(checkAutoscalerForm({ ...form, peakRps: 'lots' }).fieldErrors).toEqual({
      peakRps: 'Enter a number, like 12 or 0.5.',
    });
  });

  it('says the limits of a percent field in percent, on that field', () => {
    expect(problem('targetPct', '96')).toBe('The target utilisation must be at most 95 %');
    expect(problem('targetPct', '0.6')).toBe('The target utilisation must be at least 10 %');
    expect(problem('targetPct', '95.5')).toBe('The target utilisation must be at most 95 %');
    expect(problem('tolerancePct', '-1')).toBe('The tolerance must be at least 0 %');
    expect(problem('tolerancePct', '60')).toBe('The tolerance must be at most 50 %');
    expect(problem('noisePct', '51')).toBe('The noise must be at most 50 %');
    // The limits themselves are allowed.
    for (const [key, value] of [
      ['targetPct', '95'],
      ['targetPct', '10'],
      ['tolerancePct', '0'],
      ['tolerancePct', '50'],
      ['noisePct', '50'],
    ] as const)
      expect(checkAutoscalerForm({ ...form, [key]: value }).fieldErrors, `${key} ${value}`).toEqual(
        {},
      );
  });

  it('puts the schema’s words on the field they are about', () => {
    expect(problem('baseRps', '0')).toBe('The base traffic must be at least 1 request a second');
    expect(problem('rampMinutes', '2.5')).toBe('The ramp must be a whole number of minutes');
    expect(problem('durationMin', '5')).toBe('The run must be at least 10 minutes');
    expect(problem('capacityRps', '-3')).toBe(
      'A replica’s capacity must be at least 1 request a second',
    );
    expect(problem('minReplicas', '0')).toBe('The minimum must be at least 1 replica');
    expect(problem('delayMin', '61')).toBe('The start-up delay must be at most 60 minutes');
    expect(problem('downWindowMin', '121')).toBe(
      'The scale-down window must be at most 120 minutes',
    );
  });

  it('puts a maximum below the minimum on the maximum, even beside another problem', () => {
    expect(problem('maxReplicas', '5')).toBe('The maximum (5) must be at least the minimum (10)');
    const both = checkAutoscalerForm({ ...form, targetPct: '99', maxReplicas: '5' });
    expect(both.fieldErrors).toEqual({
      targetPct: 'The target utilisation must be at most 95 %',
      maxReplicas: 'The maximum (5) must be at least the minimum (10)',
    });
  });
});
