import { describe, expect, it } from 'vitest';
import { checkRetryStormForm, paramsToForm } from './form';
import { presets } from './params';

describe('retry storm form', () => {
  it('round-trips every preset', () => {
    for (const preset of Object.values(presets)) {
      const check = checkRetryStormForm(paramsToForm(preset.params));
      expect(check.params).toEqual(preset.params);
      expect(check.fieldErrors).toEqual({});
      expect(check.formErrors).toEqual([]);
    }
  });

  const form = paramsToForm(presets['thundering-herd'].params);

  it('asks for a value in an empty field, and for a number in a field that holds none', () => {
    expect(checkRetryStormForm({ ...form, clients: '' }).fieldErrors).toEqual({
      clients: 'Enter a value.',
    });
    expect(checkRetryStormForm({ ...form, outageS: '  ' }).fieldErrors).toEqual({
      outageS: 'Enter a value.',
    });
    expect(checkRetryStormForm({ ...form, baseMs: 'abc' }).fieldErrors).toEqual({
      baseMs: 'Enter a number, like 12 or 0.5.',
    });
  });

  it('puts the schema’s words on the field they are about', () => {
    const problem = (key: keyof typeof form, value: string) => {
      const check = checkRetryStormForm({ ...form, [key]: value });
      expect(check.params).toBeNull();
      expect(Object.keys(check.fieldErrors)).toEqual([key]);
      expect(check.formErrors).toEqual([]);
      return check.fieldErrors[key];
    };
    expect(problem('clients', '2.5')).toBe('The number of clients must be a whole number');
    expect(problem('clients', '0')).toBe('The number of clients must be at least 1');
    expect(problem('clients', '20001')).toBe('The number of clients must be at most 20,000');
    expect(problem('retries', '1.5')).toBe('The number of retries must be a whole number');
    expect(problem('retries', '-1')).toBe('The number of retries must be at least 0');
    expect(problem('retries', '21')).toBe('The number of retries must be at most 20');
    expect(problem('outageS', '-1')).toBe('The outage must be at least 0 s');
    expect(problem('capacity', '-5')).toBe('The capacity must be at least 10 requests a second');
    expect(problem('baseMs', '0')).toBe('The base delay must be at least 1 ms');
    expect(problem('capMs', '-10')).toBe('The cap must be at least 1 ms');
  });

  it('accepts fractions where the schema does: seconds, rates and delays', () => {
    const check = checkRetryStormForm({ ...form, outageS: '0.25', baseMs: '12.5' });
    expect(check.params).toEqual({
      ...presets['thundering-herd'].params,
      outageS: 0.25,
      baseMs: 12.5,
    });
  });

  it('puts a cap below the base delay on the cap', () => {
    const check = checkRetryStormForm({ ...form, baseMs: '500', capMs: '200' });
    expect(check.params).toBeNull();
    expect(check.fieldErrors).toEqual({
      capMs: 'The cap (200 ms) must be at least the base delay (500 ms)',
    });
    expect(check.formErrors).toEqual([]);
    // Said at once even while another field is out of range.
    const both = checkRetryStormForm({ ...form, outageS: '9000', baseMs: '500', capMs: '200' });
    expect(both.fieldErrors).toEqual({
      outageS: 'The outage must be at most 600 s',
      capMs: 'The cap (200 ms) must be at least the base delay (500 ms)',
    });
  });

  it('lets a cap equal to the base delay through', () => {
    const check = checkRetryStormForm({ ...form, baseMs: '250', capMs: '250' });
    expect(check.params).toEqual({ ...presets['thundering-herd'].params, baseMs: 250, capMs: 250 });
  });
});
