import { describe, expect, it } from 'vitest';
import {
  calcAmplification,
  calcAttempts,
  calcBudget,
  calcSchedule,
  calcStorm,
  retriesCalculations,
} from './retries.calc.ts';

describe('lesson calculations: retries', () => {
  const schedule = { of: 'retries.schedule', base: '1', cap: '30', retries: '4' };
  const storm = { of: 'retries.storm', clients: '1000', retries: '4', base: '1', cap: '30' };

  it('backoff schedules', () => {
    expect(calcSchedule(schedule)).toEqual({ ok: true, text: '7.5 s' });
    expect(calcSchedule({ ...schedule, metric: 'ceilings' })).toEqual({
      ok: true,
      text: '1 s, 2 s, 4 s, 8 s',
    });
    expect(calcSchedule({ ...schedule, jitter: 'equal', metric: 'meanSleeps' })).toEqual({
      ok: true,
      text: '750 ms, 1.5 s, 3 s, 6 s',
    });
    expect(calcSchedule({ ...schedule, jitter: 'none', metric: 'worstTotal' })).toEqual({
      ok: true,
      text: '15 s',
    });
    expect(calcSchedule({ ...schedule, metric: 'meanSleep', k: '3' })).toEqual({
      ok: true,
      text: '2 s',
    });
    expect(
      calcSchedule({
        of: 'retries.schedule',
        base: '0.1',
        cap: '2',
        retries: '8',
        metric: 'worstTotal',
      }),
    ).toEqual({ ok: true, text: '9.1 s' });
    expect(
      calcSchedule({ ...schedule, retries: '3', jitter: 'decorrelated', metric: 'meanSleeps' }),
    ).toEqual({ ok: true, text: '2 s, 3.5 s, 5.75 s' });
  });

  it('amplification, attempts and budgets', () => {
    const amp = { of: 'retries.amplification', attempts: '3', layers: '3' };
    expect(calcAmplification(amp)).toEqual({ ok: true, text: '27' });
    expect(calcAmplification({ ...amp, metric: 'total' })).toEqual({ ok: true, text: '39' });
    expect(calcAttempts({ of: 'retries.attempts', q: '0.2', max: '3' })).toEqual({
      ok: true,
      text: '1.24',
    });
    expect(calcAttempts({ of: 'retries.attempts', q: '0.2', max: '3', metric: 'success' })).toEqual(
      { ok: true, text: '99.2 %' },
    );
    const outage = { of: 'retries.budget', q: '1', max: '3', budget: '0.1' };
    expect(calcBudget(outage)).toEqual({ ok: true, text: '1.1×' });
    expect(calcBudget({ ...outage, metric: 'unbudgeted' })).toEqual({ ok: true, text: '3×' });
    expect(
      calcBudget({ of: 'retries.budget', budget: '0.1', layers: '3', metric: 'bound' }),
    ).toEqual({ ok: true, text: '1.33×' });
    expect(calcBudget({ of: 'retries.budget', budget: '0.1', layers: '3' })).toMatchObject({
      problems: ['layers="…" goes with metric="bound" only'],
    });
  });

  it('the seeded storm', () => {
    expect(calcStorm({ ...storm, jitter: 'none' })).toEqual({ ok: true, text: '1,000' });
    expect(calcStorm(storm)).toEqual({ ok: true, text: '156' });
    expect(calcStorm({ ...storm, metric: 'perSecond' })).toEqual({ ok: true, text: '1,560' });
    expect(calcStorm({ ...storm, metric: 'peakAt' })).toEqual({ ok: true, text: '900 ms' });
    expect(calcStorm({ ...storm, jitter: 'decorrelated' })).toEqual({ ok: true, text: '67' });
    expect(calcStorm({ ...storm, jitter: 'decorrelated', metric: 'last' })).toEqual({
      ok: true,
      text: '63.9 s',
    });
  });

  it('explains bad attributes in words', () => {
    expect(calcSchedule({ ...schedule, metric: 'ceiling' })).toEqual({
      ok: false,
      problems: ['metric="ceiling" needs k="…" (which retry, from 1)'],
    });
    expect(calcSchedule({ ...schedule, metric: 'ceiling', k: '5' })).toMatchObject({
      problems: ['k must be at most the number of retries (4), not "5"'],
    });
    expect(calcSchedule({ ...schedule, cap: '0.5' })).toEqual({
      ok: false,
      problems: ['The cap must be at least the base delay'],
    });
    expect(calcAttempts({ of: 'retries.attempts', q: '1.5', max: '3' })).toMatchObject({
      problems: ['q must be at most 1, not "1.5"'],
    });
    expect(calcStorm({ ...storm, jitter: 'wild', colour: 'red' })).toMatchObject({
      problems: [
        expect.stringContaining('unknown attribute "colour"'),
        'jitter must be one of none, full, equal, decorrelated, not "wild"',
      ],
    });
    expect(calcAmplification({ of: 'retries.amplification', attempts: '3' })).toMatchObject({
      problems: ['needs layers="…"'],
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(retriesCalculations).sort()).toEqual([
      'retries.amplification',
      'retries.attempts',
      'retries.budget',
      'retries.schedule',
      'retries.storm',
    ]);
  });
});
