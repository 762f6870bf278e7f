import { describe, expect, it } from 'vitest';
import { checkSagaForm, fieldOf, paramsToForm } from './form';
import { presets } from './params';

describe('saga form', () => {
  it('round-trips every preset', () => {
    for (const preset of Object.values(presets)) {
      const check = checkSagaForm(paramsToForm(preset.params));
      expect(check.params).toEqual(preset.params);
      expect(check.fieldErrors).toEqual({});
      expect(check.formErrors).toEqual([]);
    }
  });

  const form = paramsToForm(presets.checkout.params);

  it('asks for a value or a number in a step’s field', () => {
    expect(checkSagaForm({ ...form, 's1.failPct': '' }).fieldErrors).toEqual({
      's1.failPct': 'Enter a value.',
    });
    expect(checkSagaForm({ ...form, sagas: 'many' }).fieldErrors).toEqual({
      sagas: 'Enter a number, like 12 or 0.5.',
    });
  });

  it('puts the schema’s words on the field they are about', () => {
    expect(checkSagaForm({ ...form, 's0.failPct': '120' }).fieldErrors['s0.failPct']).toBe(
      'The chance it fails cleanly must be at most 100 %',
    );
    expect(checkSagaForm({ ...form, 's2.latePct': '99' }).fieldErrors).toEqual({
      's2.latePct': 'Failing, timing out and taking effect late add up to 102 %, more than 100 %',
    });
    expect(checkSagaForm({ ...form, attempts: '2.5' }).fieldErrors).toEqual({
      attempts: 'The attempts at a retriable step must be a whole number',
    });
  });

  it('explains a step order that cannot work', () => {
    expect(checkSagaForm({ ...form, 's2.kind': 'compensatable' }).fieldErrors).toEqual({
      's2.kind':
        'Step 3 (book courier) is compensatable, but it comes after the pivot: after the pivot a saga only moves forward, so every later step must be retriable',
    });
    expect(checkSagaForm({ ...form, 's0.kind': 'pivot' }).fieldErrors).toEqual({
      's1.kind': 'Step 2 (charge card): a saga has only one pivot',
    });
    expect(checkSagaForm({ ...form, 's0.kind': 'retriable' }).fieldErrors).toEqual({
      's1.kind': 'Step 2 (charge card): the pivot must come before the retriable steps',
    });
  });

  it('maps schema paths to form fields', () => {
    expect(fieldOf(['steps', 3, 'compFailPct'])).toBe('s3.compFailPct');
    expect(fieldOf(['crashPct'])).toBe('crashPct');
    expect(fieldOf(['steps'])).toBeNull();
    expect(fieldOf(['elsewhere'])).toBeNull();
  });
});
