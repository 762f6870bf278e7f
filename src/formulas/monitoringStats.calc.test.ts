import { describe, expect, it } from 'vitest';
import {
  calcErrorRatio,
  calcFalseAlarms,
  calcFences,
  calcFleet,
  calcHistogram,
  calcLogNormal,
  calcNoise,
  calcNormalFences,
  calcPercentile,
  calcPoisson,
  fmtScale,
  monitoringStatsCalculations,
} from './monitoringStats.calc.ts';

const text = (t: string) => ({ ok: true, text: t });
const twenty = '12,14,15,15,16,17,18,19,21,22,23,25,28,31,35,40,48,60,95,240';

describe('monitoring calculations', () => {
  it('log-normal latency from a median and a p99, or from μ and σ', () => {
    const fit = { of: 'monitoring.lognormal', median: '50', p99: '300' };
    expect(calcLogNormal({ ...fit, metric: 'mean', unit: 'ms' })).toEqual(text('67.3 ms'));
    expect(calcLogNormal({ ...fit, metric: 'p999', unit: 'ms' })).toEqual(text('540 ms'));
    expect(calcLogNormal({ ...fit, metric: 'sigma' })).toEqual(text('0.77'));
    expect(calcLogNormal({ ...fit, metric: 'shareBelowMean' })).toEqual(text('65 %'));
    expect(calcLogNormal({ ...fit, metric: 'meanOverMedian' })).toEqual(text('1.35×'));
    expect(calcLogNormal({ of: 'x', mu: '3', sigma: '0.5', metric: 'p99', unit: 'ms' })).toEqual(
      text('64.3 ms'),
    );
    expect(calcLogNormal({ of: 'x', mu: '0', sigma: '1' })).toEqual(text('1'));
  });

  it('fleet percentiles against the (wrong) average of p99s', () => {
    const fleet = {
      of: 'monitoring.fleet',
      weights: '0.9,0.1',
      medians: '50,200',
      p99s: '200,2000',
    };
    expect(calcFleet({ ...fleet, unit: 'ms' })).toEqual(text('711 ms'));
    expect(calcFleet({ ...fleet, unit: 'ms', metric: 'averaged' })).toEqual(text('380 ms'));
  });

  it('Poisson noise and tails', () => {
    expect(calcNoise({ of: 'x', lambda: '100' })).toEqual(text('10'));
    expect(calcNoise({ of: 'x', lambda: '10000', metric: 'relative' })).toEqual(text('1 %'));
    expect(calcPoisson({ of: 'x', lambda: '20', k: '14', side: 'lower' })).toEqual(text('10.5 %'));
    expect(calcPoisson({ of: 'x', lambda: '100', k: '70', side: 'lower' })).toEqual(
      text('0.0971 %'),
    );
    expect(
      calcPoisson({ of: 'x', lambda: '100', k: '70', side: 'lower', method: 'normal' }),
    ).toEqual(text('0.159 %'));
    expect(
      calcPoisson({ of: 'x', lambda: '2000', k: '1400', side: 'lower', as: 'probability' }),
    ).toEqual(text('6.84 × 10⁻⁴⁶'));
  });

  it('error ratios: standard error and Wilson intervals', () => {
    expect(calcErrorRatio({ of: 'x', errors: '5', n: '500' })).toEqual(text('0.445 %'));
    expect(calcErrorRatio({ of: 'x', errors: '5', n: '500', metric: 'interval' })).toEqual(
      text('0.428 % to 2.32 %'),
    );
    expect(calcErrorRatio({ of: 'x', errors: '0', n: '200', metric: 'high' })).toEqual(
      text('1.88 %'),
    );
    expect(calcErrorRatio({ of: 'x', p: '0.01', n: '50' })).toEqual(text('1.41 %'));
  });

  it('false alarms per day, and with consecutive exceedances', () => {
    expect(calcFalseAlarms({ of: 'x', z: '3', metric: 'perCheck' })).toEqual(text('0.27 %'));
    expect(calcFalseAlarms({ of: 'x', z: '3' })).toEqual(text('3.88'));
    expect(calcFalseAlarms({ of: 'x', z: '3', checks: '144000' })).toEqual(text('388'));
    expect(calcFalseAlarms({ of: 'x', z: '3', sides: '1' })).toEqual(text('1.94'));
    expect(calcFalseAlarms({ of: 'x', z: '3', consecutive: '5' })).toEqual(text('2.06 × 10⁻¹⁰'));
    expect(calcFalseAlarms({ of: 'x', z: '3', consecutive: '5', metric: 'yearsBetween' })).toEqual(
      text('13.3 million'),
    );
  });

  it('sample and histogram percentiles, and fences', () => {
    expect(calcPercentile({ of: 'x', values: twenty, q: '0.9', unit: 'ms' })).toEqual(
      text('60 ms'),
    );
    expect(calcPercentile({ of: 'x', values: twenty, q: '0.9', method: 'linear' })).toEqual(
      text('63.5'),
    );
    expect(
      calcHistogram({ of: 'x', bounds: '100,250,500,1000', counts: '900,80,20,0', q: '0.99' }),
    ).toEqual(text('375'));
    expect(calcFences({ of: 'x', values: twenty, unit: 'ms' })).toEqual(text('65.5 ms'));
    expect(calcFences({ of: 'x', values: twenty, metric: 'outliers' })).toEqual(text('95, 240'));
    expect(calcFences({ of: 'x', values: '1,2,3,4', metric: 'outliers' })).toEqual(text('none'));
    expect(calcNormalFences({ of: 'x' })).toEqual(text('2.698'));
    expect(calcNormalFences({ of: 'x', metric: 'share' })).toEqual(text('0.698 %'));
  });

  it('formats tiny and huge scales', () => {
    expect(fmtScale(3.877)).toBe('3.88');
    expect(fmtScale(2.06e-10)).toBe('2.06 × 10⁻¹⁰');
    expect(fmtScale(4.92e9)).toBe('4.92 billion');
    expect(fmtScale(Number.NaN)).toBe('—');
  });

  it('explains bad attributes in words', () => {
    expect(calcLogNormal({ of: 'x', median: '50', p99: '40' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/above the median/)],
    });
    expect(calcLogNormal({ of: 'x', median: '50', p99: '300', mu: '1' })).toMatchObject({
      ok: false,
    });
    expect(calcLogNormal({ of: 'x', mu: '0', sigma: '1', unit: 'hours' })).toMatchObject({
      problems: [expect.stringMatching(/unit must be/)],
    });
    expect(calcFleet({ of: 'x', weights: '1', medians: '50,60', p99s: '200' })).toMatchObject({
      problems: [expect.stringMatching(/same number/)],
    });
    expect(calcPoisson({ of: 'x', lambda: '0', k: '1' })).toMatchObject({ ok: false });
    expect(calcErrorRatio({ of: 'x', errors: '6', n: '5' })).toMatchObject({
      problems: ['errors cannot exceed n'],
    });
    expect(calcErrorRatio({ of: 'x', p: '0.1', n: '5', metric: 'interval' })).toMatchObject({
      ok: false,
    });
    expect(calcFalseAlarms({ of: 'x', z: '3', colour: 'red' })).toMatchObject({
      problems: [expect.stringMatching(/unknown attribute "colour"/)],
    });
    expect(calcPercentile({ of: 'x', values: '1,,2', q: '0.5' })).toMatchObject({
      problems: [expect.stringMatching(/comma-separated/)],
    });
    expect(calcHistogram({ of: 'x', bounds: '2,1', counts: '1,1', q: '0.5' })).toMatchObject({
      problems: [expect.stringMatching(/increase/)],
    });
  });

  it('registers every calculation under monitoring.*', () => {
    expect(Object.keys(monitoringStatsCalculations).every((k) => k.startsWith('monitoring.'))).toBe(
      true,
    );
    expect(Object.keys(monitoringStatsCalculations)).toHaveLength(10);
  });
});
