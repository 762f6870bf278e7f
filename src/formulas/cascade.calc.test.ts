import { describe, expect, it } from 'vitest';
import {
  calcApart,
  calcBistable,
  calcCache,
  calcDivergence,
  calcFeedback,
  calcLyapunov,
  calcOrbit,
  calcRetryLoad,
  calcSafe,
  calcSurvivors,
  calcTolerable,
  cascadeCalculations,
} from './cascade.calc.ts';

const text = (t: string) => ({ ok: true, text: t });

describe('lesson calculations: cascades', () => {
  it('survivors', () => {
    expect(calcSurvivors({ of: 'cascade.survivors', n: '6', u: '0.7', k: '1' })).toEqual(
      text('84.0 %'),
    );
    expect(calcSurvivors({ of: 'cascade.survivors', n: '6', u: '0.7', k: '2' })).toEqual(
      text('105.0 %'),
    );
    expect(
      calcSurvivors({ of: 'cascade.survivors', n: '6', u: '0.7', k: '2', metric: 'growth' }),
    ).toEqual(text('1.5×'));
    expect(calcTolerable({ of: 'cascade.tolerable', n: '10', u: '0.6', target: '0.85' })).toEqual(
      text('2'),
    );
    expect(calcSafe({ of: 'cascade.safe', n: '9', k: '3', target: '0.8' })).toEqual(text('53.3 %'));
    expect(calcCache({ of: 'cascade.cache', before: '0.95', after: '0' })).toEqual(text('20×'));
    expect(calcCache({ of: 'cascade.cache', before: '1', after: '0' })).toMatchObject({
      ok: false,
    });
  });

  it('retry load and the feedback toy', () => {
    expect(
      calcRetryLoad({ of: 'cascade.retryLoad', base: '1000', p: '0.2', retries: '2' }),
    ).toEqual(text('1,240'));
    expect(
      calcRetryLoad({ of: 'cascade.retryLoad', p: '0.5', retries: '3', metric: 'factor' }),
    ).toEqual(text('1.88×'));
    const toy = { capacity: '100', timeout: '0.1', retries: '3', base: '60' };
    expect(calcFeedback({ of: 'cascade.feedback', ...toy })).toEqual(text('2.1 %'));
    expect(calcFeedback({ of: 'cascade.feedback', ...toy, metric: 'load' })).toEqual(text('61.3'));
    expect(calcFeedback({ of: 'cascade.feedback', ...toy, start: '1', metric: 'state' })).toEqual(
      text('stuck: every attempt fails'),
    );
    expect(calcFeedback({ of: 'cascade.feedback', ...toy, start: '1', metric: 'load' })).toEqual(
      text('240'),
    );
    const bistable = { of: 'cascade.bistable', capacity: '100', timeout: '0.1', retries: '3' };
    expect(calcBistable(bistable)).toEqual(text('69.4'));
    expect(calcBistable({ ...bistable, metric: 'recoversUpTo' })).toEqual(text('25'));
  });

  it('the logistic map and its exponent', () => {
    expect(calcOrbit({ of: 'cascade.orbit', r: '3.9', x0: '0.2', steps: '3' })).toEqual(
      text('0.2, 0.624, 0.915, 0.303'),
    );
    expect(calcOrbit({ of: 'cascade.orbit', r: '3.9', x0: '0.2', steps: '3', at: '1' })).toEqual(
      text('0.624'),
    );
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '4' })).toEqual(text('0.693'));
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '2.8' })).toEqual(text('−0.223'));
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '2.8', exact: 'fixed' })).toEqual(
      text('−0.223'),
    );
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '3.9' })).toEqual(text('0.496'));
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '3.9', x0: '0.7' })).toEqual(text('0.496'));
    expect(calcDivergence({ of: 'cascade.divergence', lambda: '0.49', gap0: '1e-10' })).toEqual(
      text('47'),
    );
    expect(calcDivergence({ of: 'cascade.divergence', r: '3.9', gap0: '1e-10' })).toEqual(
      text('46.4'),
    );
    expect(calcApart({ of: 'cascade.apart', r: '3.9', x0: '0.2', delta: '1e-10' })).toEqual(
      text('37'),
    );
    expect(calcApart({ of: 'cascade.apart', r: '2.8', x0: '0.2', delta: '1e-10' })).toEqual(
      text('not within 10,000 steps'),
    );
  });

  it('explains bad attributes in words', () => {
    expect(calcSurvivors({ of: 'cascade.survivors', n: '3', u: '0.5', k: '3' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/no survivors/)],
    });
    expect(calcSurvivors({ of: 'cascade.survivors', n: '3', u: '0.5', colour: 'red' })).toEqual({
      ok: false,
      problems: ['unknown attribute "colour" (known: n, u, k, metric)', 'needs k="…"'],
    });
    expect(
      calcRetryLoad({
        of: 'cascade.retryLoad',
        base: '5',
        p: '0.5',
        retries: '3',
        metric: 'factor',
      }),
    ).toMatchObject({ ok: false });
    expect(calcLyapunov({ of: 'cascade.lyapunov', r: '4.2' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/at most 4/)],
    });
    expect(
      calcLyapunov({ of: 'cascade.lyapunov', r: '2.8', exact: 'fixed', x0: '0.3' }),
    ).toMatchObject({ ok: false });
    expect(calcDivergence({ of: 'cascade.divergence', gap0: '1e-10' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/exactly one/)],
    });
    expect(
      calcDivergence({ of: 'cascade.divergence', lambda: '-0.2', gap0: '1e-10' }),
    ).toMatchObject({ ok: false, problems: [expect.stringMatching(/not positive/)] });
    expect(
      calcOrbit({ of: 'cascade.orbit', r: '3.9', x0: '0.2', steps: '3', at: '5' }),
    ).toMatchObject({ ok: false });
    expect(calcFeedback({ of: 'cascade.feedback', capacity: '100', timeout: '0.1' })).toMatchObject(
      { ok: false },
    );
  });

  it('registers every calculation under cascade.*', () => {
    expect(Object.keys(cascadeCalculations).sort()).toEqual([
      'cascade.apart',
      'cascade.bistable',
      'cascade.cache',
      'cascade.divergence',
      'cascade.feedback',
      'cascade.lyapunov',
      'cascade.orbit',
      'cascade.retryLoad',
      'cascade.safe',
      'cascade.survivors',
      'cascade.tolerable',
    ]);
  });
});
