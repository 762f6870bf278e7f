import { describe, expect, it } from 'vitest';
import { fromDirective } from './directive';
import { checkKillSwitchForm, paramsToForm } from './form';
import { presets } from './params';
import { calcDrill } from './calc';

describe('the kill-switch directive', () => {
  it('takes a preset, a seed, choices and overrides', () => {
    const r = fromDirective({
      preset: 'dead-code',
      seed: '5',
      alert: 'on',
      pollS: '2',
      approval: 'one',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.seed).toBe(5);
    expect(r.params.alert).toBe(true);
    expect(r.params.pollS).toBe(2);
    expect(r.params.approval).toBe('one');
  });

  it('explains bad attributes in words', () => {
    const r = fromDirective({
      preset: 'dead-code',
      failMode: 'sideways',
      hosts: 'many',
      colour: 'red',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('failMode must be one of open, closed, not "sideways"');
    expect(r.problems).toContain('hosts must be a number, not "many"');
    expect(r.problems[0]).toMatch(/^unknown attribute "colour"/);
    const bad = fromDirective({ affected: '50' });
    expect(bad.ok ? [] : bad.problems).toContain(
      '50 misbehaving hosts is more than the 20 hosts running it',
    );
  });
});

describe('the kill-switch form', () => {
  it('round-trips every preset', () => {
    for (const preset of Object.values(presets))
      expect(checkKillSwitchForm(paramsToForm(preset.params)).params).toEqual(preset.params);
  });

  it('puts a problem next to its field', () => {
    const form = { ...paramsToForm(presets['capacity-tool'].params), staleS: '5', hosts: '' };
    const check = checkKillSwitchForm(form);
    expect(check.params).toBeNull();
    expect(check.fieldErrors.hosts).toBe('Enter a value.');
    const again = checkKillSwitchForm({ ...form, hosts: '20' });
    expect(again.fieldErrors.staleS).toMatch(/expires before the next poll/);
  });
});

describe('lesson numbers', () => {
  it('come from the same simulation, by design and metric', () => {
    expect(calcDrill({ preset: 'dead-code', design: 'noSwitch', metric: 'costMean' })).toEqual({
      ok: true,
      text: '$446 million',
    });
    expect(calcDrill({ preset: 'dead-code', design: 'otherGuards', metric: 'harmMean' })).toEqual({
      ok: true,
      text: '20,000',
    });
    const bad = calcDrill({ preset: 'capacity-tool', metric: 'costMean' });
    expect(bad).toEqual({
      ok: false,
      problems: ['metric="costMean" needs a cost per action above 0'],
    });
    const worse = calcDrill({ design: 'mine', metric: 'speed' });
    expect(worse.ok ? [] : worse.problems).toEqual([
      'design must be one of yours, otherFail, otherApproval, otherGuards, noSwitch, not "mine"',
      expect.stringMatching(/^metric must be one of harmMean, .*, not "speed"$/),
    ]);
  });
});
