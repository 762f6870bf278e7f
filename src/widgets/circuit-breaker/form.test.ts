import { describe, expect, it } from 'vitest';
import { checkBreakerForm, paramsToForm } from './form';
import { presets } from './params';

describe('breaker form', () => {
  it('round-trips every preset through the form exactly', () => {
    for (const preset of Object.values(presets)) {
      const check = checkBreakerForm(paramsToForm(preset.params));
      expect(check.fieldErrors).toEqual({});
      expect(check.params).toEqual(preset.params);
    }
  });

  it('puts each problem next to its input, in words', () => {
    const form = paramsToForm(presets.outage.params);
    expect(checkBreakerForm({ ...form, rate: '' }).fieldErrors).toEqual({ rate: 'Enter a value.' });
    expect(checkBreakerForm({ ...form, rate: 'abc' }).fieldErrors).toEqual({
      rate: 'Enter a number, like 12 or 0.5.',
    });
    expect(checkBreakerForm({ ...form, failureRatePct: '0' }).fieldErrors).toEqual({
      failureRatePct: 'Failure-rate threshold must be between 1 % and 100 %',
    });
    expect(checkBreakerForm({ ...form, minimumCalls: '30' }).fieldErrors).toEqual({
      minimumCalls: 'The breaker can never trip: minimum calls (30) is larger than the window (20)',
    });
    expect(checkBreakerForm({ ...form, 'f0.endS': '500' }).fieldErrors).toEqual({
      'f0.endS': 'Fault 1 ends at 500 s, after the run ends (120 s)',
    });
    expect(checkBreakerForm({ ...form, trialCalls: '0' }).params).toBeNull();
  });

  it('ignores inputs that are hidden, such as breaker settings when it is off', () => {
    const form = paramsToForm(presets.outage.params);
    const check = checkBreakerForm({ ...form, breakerOn: 'false', windowSize: '' });
    expect(check.fieldErrors).toEqual({});
    expect(check.params?.breaker.enabled).toBe(false);
  });
});
