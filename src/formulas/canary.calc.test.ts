import { describe, expect, it } from 'vitest';
import {
  calcPeeking,
  calcPosterior,
  calcQuantile,
  calcSampleSize,
  calcWorse,
  calcZTest,
  canaryCalculations,
  fmtChance,
  fmtRate,
} from './canary.calc.ts';

describe('lesson calculations: canaries', () => {
  const example = { be: '200', bn: '200000', ce: '15', cn: '10000' };

  it('formats small rates with three significant figures', () => {
    expect(fmtRate(0.0015)).toBe('0.150 %');
    expect(fmtRate(0.000915)).toBe('0.0915 %');
    expect(fmtRate(0)).toBe('0 %');
    expect(fmtRate(Number.NaN)).toBe('—');
  });

  it('never rounds a near-certainty to 100 %', () => {
    expect(fmtChance(0.9452)).toBe('94.5 %');
    expect(fmtChance(0.99995)).toBe('more than 99.9 %');
    expect(fmtChance(0.00001)).toBe('less than 0.1 %');
    expect(calcWorse({ of: 'canary.worse', be: '100', bn: '50000', ce: '25', cn: '5000' })).toEqual(
      { ok: true, text: 'more than 99.9 %' },
    );
  });

  it('the z-test example', () => {
    const z = (metric: string) => calcZTest({ of: 'canary.ztest', ...example, metric });
    expect(calcZTest({ of: 'canary.ztest', ...example })).toEqual({ ok: true, text: '1.53' });
    expect(z('pTwoSided')).toEqual({ ok: true, text: '0.1271' });
    expect(z('pWorse')).toEqual({ ok: true, text: '0.0635' });
    expect(z('pooled')).toEqual({ ok: true, text: '0.102 %' });
    expect(z('se')).toEqual({ ok: true, text: '0.0328 %' });
  });

  it('sample sizes and how long they take', () => {
    const size = { of: 'canary.sampleSize', p0: '0.001', p1: '0.002' };
    expect(calcSampleSize(size)).toEqual({ ok: true, text: '23,511' });
    expect(calcSampleSize({ ...size, sides: '1' })).toEqual({ ok: true, text: '18,519' });
    expect(calcSampleSize({ ...size, rate: '10', metric: 'time' })).toEqual({
      ok: true,
      text: '39.2 min',
    });
    expect(calcSampleSize({ of: 'canary.sampleSize', p0: '0.05', p1: '0.1' })).toEqual({
      ok: true,
      text: '435',
    });
  });

  it('posteriors, P(worse), quantiles and peeking', () => {
    const post = { of: 'canary.posterior', errors: '15', requests: '10000' };
    expect(calcPosterior(post)).toEqual({ ok: true, text: '0.160 %' });
    expect(calcPosterior({ ...post, metric: 'interval' })).toEqual({
      ok: true,
      text: '0.0915 % to 0.247 %',
    });
    expect(calcPosterior({ ...post, metric: 'shape' })).toEqual({
      ok: true,
      text: 'Beta(16, 9,986)',
    });
    expect(calcWorse({ of: 'canary.worse', ...example })).toEqual({ ok: true, text: '94.5 %' });
    expect(calcQuantile({ of: 'canary.quantile', p: '0.975', digits: '6' })).toEqual({
      ok: true,
      text: '1.959964',
    });
    expect(calcPeeking({ of: 'canary.peeking', looks: '1' })).toEqual({ ok: true, text: '5.0 %' });
    expect(calcPeeking({ of: 'canary.peeking', looks: '5' })).toEqual({ ok: true, text: '14.1 %' });
  });

  it('explains bad attributes in words', () => {
    expect(calcZTest({ of: 'canary.ztest', ...example, ce: '-1' })).toMatchObject({
      problems: ['ce must be a whole number at least 0, not "-1"'],
    });
    expect(calcZTest({ of: 'canary.ztest', ...example, ce: '20000' })).toMatchObject({
      problems: ["The canary's errors must be a whole number from 0 to its requests"],
    });
    expect(
      calcSampleSize({ of: 'canary.sampleSize', p0: '0.001', p1: '0.002', metric: 'time' }),
    ).toMatchObject({ problems: ['metric="time" needs rate="…" (canary requests a second)'] });
    expect(calcSampleSize({ of: 'canary.sampleSize', p0: '0.001', p1: '0.001' })).toMatchObject({
      problems: ['The two error rates are equal: there is no change to detect'],
    });
    expect(calcPosterior({ of: 'canary.posterior', errors: '5', requests: '2' })).toMatchObject({
      problems: ["The sample's errors must be a whole number from 0 to its requests"],
    });
    expect(calcQuantile({ of: 'canary.quantile', p: '1', colour: 'red' })).toMatchObject({
      problems: [
        expect.stringContaining('unknown attribute "colour"'),
        'p must be a number above 0 and below 1, not "1"',
      ],
    });
    expect(calcPeeking({ of: 'canary.peeking', looks: '500' })).toMatchObject({
      problems: ['looks must be at most 100, not "500"'],
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(canaryCalculations).sort()).toEqual([
      'canary.peeking',
      'canary.posterior',
      'canary.quantile',
      'canary.sampleSize',
      'canary.worse',
      'canary.ztest',
    ]);
  });
});
