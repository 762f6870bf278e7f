import { describe, expect, it } from 'vitest';
import { fromAlertDirective } from './directive';
import { checkPolicy, checkWorld, newRule, policyToForm, worldToForm } from './form';
import { defaultWorld, policyPresets, presetComparison } from './params';

describe('the policy form', () => {
  it('round-trips every preset exactly', () => {
    for (const p of Object.values(policyPresets)) {
      const checked = checkPolicy(policyToForm(structuredClone(p.policy)));
      expect(checked).toEqual({ ok: true, value: p.policy });
    }
    expect(checkWorld(worldToForm(defaultWorld))).toEqual({ ok: true, value: defaultWorld });
  });

  it('shows thresholds in % for errors and CPU and keeps them as shares', () => {
    const form = policyToForm(presetComparison('noisy-week').a);
    expect(form.rules[0]!.above).toBe('1');
    expect(form.rules[2]!.above).toBe('80');
    const burn = policyToForm(presetComparison('noisy-week').b);
    expect(burn.rules[0]!.slo).toBe('99.9');
  });

  it('explains a bad rule in words', () => {
    const form = policyToForm(presetComparison('noisy-week').a);
    const message = (edit: (f: typeof form) => void) => {
      const f = structuredClone(form);
      edit(f);
      const r = checkPolicy(f);
      return r.ok ? 'ok' : r.message;
    };
    expect(message((f) => (f.rules[0]!.above = ''))).toMatch(/threshold must be a number/);
    expect(message((f) => (f.rules[0]!.above = '150'))).toMatch(
      /Rule 1: an error-ratio threshold must be at least 0 % and below 100 %/,
    );
    expect(message((f) => (f.rules[0]!.resolveAt = '5'))).toMatch(
      /resolve threshold must be at most the firing threshold/,
    );
    expect(message((f) => (f.rules[0]!.forMinutes = '2.5'))).toMatch(
      /"for" duration must be a whole number/,
    );
    expect(message((f) => (f.rules = []))).toMatch(/at least one rule/);
    expect(message((f) => (f.rules[1]!.name = '  '))).toMatch(/needs a name/);
    const b = policyToForm(presetComparison('noisy-week').b);
    const burnMessage = (edit: (f: typeof b) => void) => {
      const f = structuredClone(b);
      edit(f);
      const r = checkPolicy(f);
      return r.ok ? 'ok' : r.message;
    };
    expect(burnMessage((f) => (f.rules[0]!.factor = '2000'))).toMatch(
      /needs an error ratio above 100 %, so it can never fire/,
    );
    // 1000× on 99.9 % is a 100 % error ratio: possible, so allowed (1000 × 0.001 rounds above 1).
    expect(burnMessage((f) => (f.rules[0]!.factor = '1000'))).toBe('ok');
    expect(burnMessage((f) => (f.rules[0]!.shortWindowMinutes = '60'))).toMatch(
      /short window must be shorter/,
    );
    expect(burnMessage((f) => (f.rules[0]!.slo = '100'))).toMatch(/SLO must be at most/);
  });

  it('puts each problem at its field, naming the rule', () => {
    const form = policyToForm(presetComparison('noisy-week').a);
    form.rules[1]!.forMinutes = '-5';
    form.rules[0]!.above = '-1';
    form.groupWaitMinutes = '';
    const checked = checkPolicy(form);
    expect(checked).toMatchObject({
      ok: false,
      fieldErrors: {
        'rules.1.forMinutes': 'Rule 2: a "for" duration must be at least 0 minutes',
        'rules.0.above': 'Rule 1: an error-ratio threshold must be at least 0 % and below 100 %',
        groupWaitMinutes: 'Group wait must be a whole number of minutes',
      },
      formErrors: [],
    });
    const cpu = policyToForm(presetComparison('noisy-week').a);
    cpu.rules[2]!.above = '120';
    expect(checkPolicy(cpu)).toMatchObject({
      fieldErrors: {
        'rules.2.above': 'Rule 3: a CPU threshold must be at least 0 % and below 100 %',
      },
    });
    const none = { ...form, rules: [] };
    expect(checkPolicy(none)).toMatchObject({
      fieldErrors: {},
      formErrors: ['A policy needs at least one rule'],
    });
  });

  it('puts the on-call period’s problem at its field', () => {
    expect(checkWorld({ ...worldToForm(defaultWorld), days: '99' })).toMatchObject({
      ok: false,
      fieldErrors: { days: 'The on-call period must be at most 30 days' },
      formErrors: [],
    });
  });

  it('adds new rules with unused ids that pass validation', () => {
    const form = policyToForm(presetComparison('noisy-week').a);
    for (const kind of ['threshold', 'anomaly', 'burn-rate'] as const) {
      form.rules.push(
        newRule(
          kind,
          form.rules.map((r) => r.id),
        ),
      );
    }
    expect(new Set(form.rules.map((r) => r.id)).size).toBe(form.rules.length);
    expect(checkPolicy(form).ok).toBe(true);
  });
});

describe('the lesson directive', () => {
  it('takes a preset, a seed, other policy presets and the period', () => {
    const d = fromAlertDirective({
      type: 'alert-fatigue',
      preset: 'noisy-week',
      a: 'for-durations',
      days: '14',
      seed: '9',
    });
    expect(d.ok && d.params.a.name).toBe('Thresholds with for-durations');
    expect(d.ok && d.params.world.days).toBe(14);
    expect(d.ok && d.seed).toBe(9);
  });

  it('reports unknown presets, policies and bad periods', () => {
    expect(fromAlertDirective({ preset: 'nope' })).toMatchObject({ ok: false });
    const bad = fromAlertDirective({ b: 'nope', days: '99', colour: 'red' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.join(' ')).toMatch(/unknown policy "nope" for b/);
      expect(bad.problems.join(' ')).toMatch(/at most 30 days/);
      expect(bad.problems.join(' ')).toMatch(/unknown attribute "colour"/);
    }
  });
});
