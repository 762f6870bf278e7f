import { describe, expect, it } from 'vitest';
import { alertFatigueCalculations, calcIgnore } from './calc.ts';

const text = (t: string) => ({ ok: true, text: t });

describe('alert fatigue calculations', () => {
  it('the simulator’s chance of ignoring a page', () => {
    expect(calcIgnore({ of: 'alert-fatigue.ignore', noise: '0' })).toEqual(text('2 %'));
    expect(calcIgnore({ of: 'alert-fatigue.ignore', noise: '5' })).toEqual(text('17 %'));
    expect(calcIgnore({ of: 'alert-fatigue.ignore', noise: '30' })).toEqual(text('60 %'));
  });

  it('explains bad attributes in words', () => {
    expect(calcIgnore({ of: 'alert-fatigue.ignore', noise: '2.5' })).toMatchObject({
      problems: ['noise must be a whole number at least 0, not "2.5"'],
    });
    expect(calcIgnore({ of: 'alert-fatigue.ignore' })).toMatchObject({
      problems: ['needs noise="…"'],
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(alertFatigueCalculations)).toEqual(['alert-fatigue.ignore']);
  });
});
