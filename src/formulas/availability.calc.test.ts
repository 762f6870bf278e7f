import { describe, expect, it } from 'vitest';
import {
  availabilityCalculations,
  calcBudget,
  calcChain,
  calcCommonCause,
  calcConditional,
  calcDependence,
  calcKOfN,
  calcParallel,
  calcQuorum,
  calcSeries,
  calcShared,
  calcZones,
  fmtAvailability,
  fmtDowntime,
  fmtProbability,
  fmtShare,
} from './availability.calc.ts';

const text = (t: string) => ({ ok: true, text: t });

describe('formatting', () => {
  it('availabilities keep the digits that matter', () => {
    expect(fmtAvailability({ availability: 0.999702, unavailability: 2.98e-4 })).toBe('99.9702 %');
    expect(fmtAvailability({ availability: 0.999, unavailability: 0.001 })).toBe('99.9 %');
    expect(fmtAvailability({ availability: 0.95, unavailability: 0.05 })).toBe('95 %');
    expect(fmtAvailability({ availability: 0.9801, unavailability: 0.0199 })).toBe('98.01 %');
    expect(fmtAvailability({ availability: 1, unavailability: 0 })).toBe('100 %');
    expect(fmtAvailability({ availability: Number.NaN, unavailability: 0.1 })).toBe('—');
  });

  it('shares, probabilities and downtimes', () => {
    expect(fmtShare(0.00108108)).toBe('0.108 %');
    expect(fmtShare(1e-9)).toBe('1.00 × 10⁻⁷ %');
    expect(fmtShare(0)).toBe('0 %');
    expect(fmtProbability(0.00048)).toBe('0.00048');
    expect(fmtProbability(1e-9)).toBe('1.00 × 10⁻⁹');
    expect(fmtDowntime(31_557.6)).toBe('8.77 h');
    expect(fmtDowntime(2629.8)).toBe('43.8 min');
    expect(fmtDowntime(26.298)).toBe('26.3 s');
    expect(fmtDowntime(0.385)).toBe('385 ms');
    expect(fmtDowntime(315_576)).toBe('3.65 days');
    expect(fmtDowntime(-1)).toBe('—');
  });
});

describe('availability calculations', () => {
  it('downtime budgets: 99.9 % over a year, a month of 30.44 days and 30 days', () => {
    expect(calcBudget({ of: 'availability.budget', a: '0.999' })).toEqual(text('8.77 h'));
    expect(calcBudget({ of: 'availability.budget', a: '0.999', per: 'month' })).toEqual(
      text('43.8 min'),
    );
    expect(calcBudget({ of: 'availability.budget', a: '0.999', per: '30days' })).toEqual(
      text('43.2 min'),
    );
    expect(calcBudget({ of: 'availability.budget', nines: '5' })).toEqual(text('5.26 min'));
    expect(calcBudget({ of: 'availability.budget', nines: '3.5', show: 'availability' })).toEqual(
      text('99.9684 %'),
    );
  });

  it('series, parallel and k-of-n', () => {
    expect(calcSeries({ of: 'availability.series', a: '0.999', n: '5' })).toEqual(text('99.501 %'));
    expect(
      calcSeries({ of: 'availability.series', a: '0.999', n: '50', show: 'unavailability' }),
    ).toEqual(text('4.88 %'));
    expect(
      calcSeries({
        of: 'availability.series',
        a: '0.999',
        n: '5',
        show: 'downtime',
        per: 'month',
      }),
    ).toEqual(text('3.65 h'));
    expect(calcParallel({ of: 'availability.parallel', a: '0.99, 0.99' })).toEqual(text('99.99 %'));
    expect(calcKOfN({ of: 'availability.kofn', k: '2', n: '3', p: '0.99' })).toEqual(
      text('99.9702 %'),
    );
  });

  it('quorums: 3, 4 and 5 nodes at 99 %', () => {
    const q = (n: string, show?: string) =>
      calcQuorum({ of: 'availability.quorum', n, p: '0.99', ...(show ? { show } : {}) });
    expect(q('3')).toEqual(text('99.9702 %'));
    expect(q('4')).toEqual(text('99.9408 %'));
    expect(q('5')).toEqual(text('99.999015 %'));
    expect(q('4', 'unavailability')).toEqual(text('0.0592 %'));
    expect(q('5', 'majority')).toEqual(text('3'));
    expect(q('4', 'tolerates')).toEqual(text('1'));
    expect(q('5', 'nines')).toEqual(text('5.01'));
    expect(q('3', 'one-in')).toEqual(text('1 in 3,356'));
  });

  it('quorums across zones', () => {
    const z = (layout: string) =>
      calcZones({ of: 'availability.zones', layout, zone: '0.999', node: '0.99' });
    expect(z('3')).toEqual(text('99.87 %'));
    expect(z('2,1')).toEqual(text('99.868 %'));
    expect(z('1,1,1')).toEqual(text('99.964 %'));
  });

  it('common cause: a pair at q = 1 %, β = 10 %', () => {
    const pair = { of: 'availability.common', q: '0.01', beta: '0.1', n: '2' };
    expect(calcCommonCause(pair)).toEqual(text('0.108 %'));
    expect(calcCommonCause({ ...pair, metric: 'independent' })).toEqual(text('0.01 %'));
    expect(calcCommonCause({ ...pair, metric: 'ratio' })).toEqual(text('10.8×'));
    expect(calcCommonCause({ ...pair, metric: 'all-one-in' })).toEqual(text('1 in 925'));
    expect(calcCommonCause({ ...pair, n: '3', metric: 'ratio' })).toEqual(text('1,000×'));
    expect(calcCommonCause({ ...pair, show: 'downtime' })).toEqual(text('9.48 h'));
  });

  it('shared dependency, chain rule, conditional, dependence', () => {
    expect(
      calcShared({ of: 'availability.shared', shared: '0.9995', each: '0.999', n: '2' }),
    ).toEqual(text('99.9499 %'));
    expect(calcChain({ of: 'availability.chain', p: '0.001,0.6,0.8' })).toEqual(text('0.048 %'));
    expect(calcChain({ of: 'availability.chain', p: '0.001,0.6,0.8', as: 'probability' })).toEqual(
      text('0.00048'),
    );
    expect(
      calcConditional({ of: 'availability.conditional', joint: '0.006', given: '0.01' }),
    ).toEqual(text('60 %'));
    expect(
      calcDependence({ of: 'availability.dependence', joint: '0.006', a: '0.01', b: '0.012' }),
    ).toEqual(text('50×'));
  });

  it('explains bad attributes in words', () => {
    expect(calcQuorum({ of: 'availability.quorum', n: '3', p: '1.2' })).toEqual({
      ok: false,
      problems: ['p must be a probability from 0 up to 1, not "1.2"'],
    });
    expect(calcQuorum({ of: 'availability.quorum', n: '3', p: 'x' })).toEqual({
      ok: false,
      problems: ['p must be a probability from 0 up to 1, not "x"'],
    });
    expect(calcQuorum({ of: 'availability.quorum', n: '3', p: '0.9', per: 'year' })).toEqual({
      ok: false,
      problems: ['per="…" only goes with show="downtime"'],
    });
    expect(calcQuorum({ of: 'availability.quorum', p: '0.9' })).toEqual({
      ok: false,
      problems: ['needs n="…"'],
    });
    expect(calcSeries({ of: 'availability.series', a: '0.9,1.5' })).toMatchObject({
      problems: ['a must be probabilities from 0 to 1 separated by commas, not "0.9,1.5"'],
    });
    expect(calcSeries({ of: 'availability.series', a: '0.9,0.8', n: '2' })).toMatchObject({
      problems: ['with n="…", give a single availability in a="…"'],
    });
    expect(calcBudget({ of: 'availability.budget', a: '0.9', nines: '2' })).toMatchObject({
      problems: ['give exactly one of a="…" (an availability) or nines="…"'],
    });
    expect(calcBudget({ of: 'availability.budget', a: '0.9', per: 'decade' })).toMatchObject({
      problems: [expect.stringContaining('per must be one of year, month, 30days, week, day')],
    });
    expect(calcKOfN({ of: 'availability.kofn', k: '4', n: '3', p: '0.9' })).toEqual({
      ok: false,
      problems: ['k must be at most 3'],
    });
    expect(calcCommonCause({ of: 'availability.common', q: '0', beta: '0.1', n: '2' })).toEqual({
      ok: false,
      problems: ['q must be a probability above 0 up to 1, not "0"'],
    });
    expect(
      calcCommonCause({ of: 'availability.common', q: '0.1', beta: '0.1', n: '2', metric: 'x' }),
    ).toMatchObject({ problems: [expect.stringContaining('metric must be one of all')] });
    expect(calcZones({ of: 'availability.zones', layout: '1,0', zone: '1', node: '1' })).toEqual({
      ok: false,
      problems: ['layout must be whole numbers of at least 1 separated by commas, not "1,0"'],
    });
    expect(
      calcConditional({ of: 'availability.conditional', joint: '0.5', given: '0.1' }),
    ).toMatchObject({ ok: false, problems: [expect.stringContaining('cannot exceed P(A)')] });
    expect(calcChain({ of: 'availability.chain', p: '0.5', colour: 'red' })).toMatchObject({
      problems: [expect.stringContaining('unknown attribute "colour"')],
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(availabilityCalculations).sort()).toEqual([
      'availability.budget',
      'availability.chain',
      'availability.common',
      'availability.conditional',
      'availability.dependence',
      'availability.kofn',
      'availability.parallel',
      'availability.quorum',
      'availability.series',
      'availability.shared',
      'availability.zones',
    ]);
  });
});
