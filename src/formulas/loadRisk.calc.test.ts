import { describe, expect, it } from 'vitest';
import {
  calcCapacity,
  calcMinutes,
  calcMixture,
  calcParams,
  calcTail,
  loadRiskCalculations,
} from './loadRisk.calc.ts';

const text = (t: string) => ({ ok: true, text: t });
const day = { weights: '0.4,0.25,0.35', means: '2000,7000,10000', sds: '500,900,1200' };
const bi = { weights: '0.5,0.5', means: '3000,9000', sds: '800,800' };

describe('load-risk calculations', () => {
  it('mixture summaries', () => {
    expect(calcMixture({ of: 'load.mixture', ...day })).toEqual(text('6,050'));
    expect(calcMixture({ of: 'load.mixture', ...day, metric: 'sd' })).toEqual(text('3,613'));
    expect(calcMixture({ of: 'load.mixture', ...day, metric: 'q', q: '0.999' })).toEqual(
      text('13,316'),
    );
    expect(calcMixture({ of: 'load.mixture', ...bi, metric: 'sd' })).toEqual(text('3,105'));
    expect(
      calcMixture({ of: 'load.mixture', ...bi, metric: 'between', x: '5000', y: '7000' }),
    ).toEqual(text('0.621 %'));
    expect(
      calcMixture({ of: 'load.mixture', ...bi, metric: 'densityRatio', x: '6000', y: '9000' }),
    ).toEqual(text('566×'));
    expect(calcMixture({ of: 'load.mixture', ...bi, metric: 'cdf', x: '6000' })).toEqual(
      text('50 %'),
    );
  });

  it('tails of matched distributions', () => {
    const m = { mean: '1', sd: '0.5', multiple: '5' };
    expect(calcTail({ of: 'x', dist: 'normal', ...m, as: 'probability' })).toEqual(
      text('6.22 × 10⁻¹⁶'),
    );
    expect(calcTail({ of: 'x', dist: 'lognormal', ...m })).toEqual(text('0.0135 %'));
    expect(calcTail({ of: 'x', dist: 'pareto', ...m })).toEqual(text('0.165 %'));
    expect(calcTail({ of: 'x', ...bi, x: '11303' })).toEqual(text('0.0998 %'));
    expect(calcParams({ of: 'x', dist: 'pareto', mean: '1', sd: '0.5', metric: 'alpha' })).toEqual(
      text('3.24'),
    );
    expect(
      calcParams({ of: 'x', dist: 'lognormal', mean: '1', sd: '0.5', metric: 'sigma' }),
    ).toEqual(text('0.472'));
  });

  it('capacity at a risk, and minutes over capacity', () => {
    expect(calcCapacity({ of: 'x', ...day, risk: '0.001' })).toEqual(text('13,316'));
    expect(calcCapacity({ of: 'x', ...bi, risk: '0.001' })).toEqual(text('11,303'));
    expect(
      calcCapacity({ of: 'x', dist: 'normal', mean: '6000', sd: '3105', risk: '0.001' }),
    ).toEqual(text('15,595'));
    expect(calcCapacity({ of: 'x', dist: 'pareto', mean: '1', sd: '0.5', risk: '0.001' })).toEqual(
      text('5.84'),
    );
    expect(calcMinutes({ of: 'x', ...day, capacity: '12000' })).toEqual(text('723'));
    expect(calcMinutes({ of: 'x', dist: 'pareto', mean: '1', sd: '0.5', capacity: '5' })).toEqual(
      text('71.5'),
    );
    expect(calcMinutes({ of: 'x', dist: 'normal', mean: '1', sd: '0.5', capacity: '5' })).toEqual(
      text('2.69 × 10⁻¹¹'),
    );
    // The capacity for 43.2 minutes in 30 days is the 0.1 % capacity.
    expect(calcCapacity({ of: 'x', ...day, minutes: '43.2' })).toEqual(text('13,316'));
  });

  it('explains bad attributes in words', () => {
    expect(calcMixture({ of: 'x', weights: '0.5,0.4', means: '1,2', sds: '1,1' })).toMatchObject({
      problems: [expect.stringMatching(/add up to 1/)],
    });
    expect(calcMixture({ of: 'x', weights: '1', means: '1,2', sds: '1' })).toMatchObject({
      problems: ['weights, means and sds must list the same number of components'],
    });
    expect(calcMixture({ of: 'x', ...bi, metric: 'q' })).toMatchObject({
      problems: ['metric="q" needs q="…"'],
    });
    expect(calcTail({ of: 'x', dist: 'normal', mean: '1', sd: '1' })).toMatchObject({
      problems: ['give exactly one of x="…" or multiple="…"'],
    });
    expect(calcTail({ of: 'x', dist: 'weibull', mean: '1', sd: '1', x: '2' })).toMatchObject({
      ok: false,
    });
    expect(calcCapacity({ of: 'x', ...bi })).toMatchObject({
      problems: ['give exactly one of risk="…" or minutes="…"'],
    });
    expect(calcCapacity({ of: 'x', ...bi, dist: 'normal', risk: '0.1' })).toMatchObject({
      ok: false,
    });
    expect(calcMinutes({ of: 'x', ...bi, capacity: '1', per: 'decade' })).toMatchObject({
      problems: [expect.stringMatching(/per must be one of/)],
    });
    expect(
      calcParams({ of: 'x', dist: 'normal', mean: '1', sd: '1', metric: 'alpha' }),
    ).toMatchObject({ problems: ['metric="alpha" does not belong to dist="normal"'] });
  });

  it('registers every calculation under load.*', () => {
    expect(Object.keys(loadRiskCalculations)).toEqual([
      'load.mixture',
      'load.tail',
      'load.params',
      'load.capacity',
      'load.minutes',
    ]);
  });
});
