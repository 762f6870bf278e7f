import { describe, expect, it } from 'vitest';
import { checkQueueForm, paramsToForm } from './form';
import { presets } from './params';

describe('queue calculator form', () => {
  it('round-trips every preset', () => {
    for (const preset of Object.values(presets)) {
      expect(checkQueueForm(paramsToForm(preset.params)).params).toEqual(preset.params);
    }
  });

  it('puts each problem next to its input, in the units the learner typed', () => {
    const form = paramsToForm(presets['normal-day'].params);
    expect(checkQueueForm({ ...form, meanServiceMs: '' }).fieldErrors).toEqual({
      meanServiceMs: 'Enter a value.',
    });
    expect(checkQueueForm({ ...form, meanServiceMs: '-3' }).fieldErrors).toEqual({
      meanServiceMs: 'Mean service time must be above 0',
    });
    expect(checkQueueForm({ ...form, servers: '2.5' }).fieldErrors.servers).toBe(
      'Servers must be a whole number',
    );
    expect(checkQueueForm({ ...form, roomOn: 'true', room: '10' }).fieldErrors.room).toBe(
      'The room (10) must hold at least the 25 servers',
    );
    const burst = checkQueueForm({
      ...form,
      burstOn: 'true',
      burstStartS: '300',
      burstEndS: '200',
    });
    expect(burst.fieldErrors.burstEndS).toBe('The burst must end after it starts');
  });

  it('ignores hidden inputs, even when they hold nonsense', () => {
    const form = { ...paramsToForm(presets['normal-day'].params), room: 'abc', cv: '' };
    expect(checkQueueForm(form).params).toEqual(presets['normal-day'].params);
  });
});
