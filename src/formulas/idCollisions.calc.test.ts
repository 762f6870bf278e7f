import { describe, expect, it } from 'vitest';
import { calculations } from '../calc/registry.ts';
import {
  calcApprox,
  calcBits,
  calcDraws,
  calcPairs,
  calcRootRule,
  fmtSmall,
  idCollisionsCalculations,
} from './idCollisions.calc.ts';

describe('lesson calculations: ID collisions', () => {
  it('sets both approximations beside the exact 50.7 % for 23 birthdays', () => {
    expect(calcApprox({ of: 'idCollisions.approx', n: '23', d: '365' })).toEqual({
      ok: true,
      text: '51.6 %',
    });
    expect(calcApprox({ of: 'idCollisions.approx', n: '23', d: '365', form: 'pairs' })).toEqual({
      ok: true,
      text: '50.0 %',
    });
    expect(
      calcApprox({ of: 'idCollisions.approx', n: '1000000000', bits: '122', as: 'one-in' }),
    ).toEqual({ ok: true, text: '1 in 1.06 × 10¹⁹' });
  });

  it('gives the square-root rule, or its factor alone', () => {
    expect(calcRootRule({ of: 'idCollisions.rootRule' })).toEqual({ ok: true, text: '1.1774' });
    expect(calcRootRule({ of: 'idCollisions.rootRule', d: '365' })).toEqual({
      ok: true,
      text: '22',
    });
    expect(calcRootRule({ of: 'idCollisions.rootRule', bits: '32' })).toEqual({
      ok: true,
      text: '77,163',
    });
    expect(calcRootRule({ of: 'idCollisions.rootRule', bits: '122' })).toEqual({
      ok: true,
      text: '2.71 × 10¹⁸',
    });
  });

  it('compares two chances by the ratio of their counts, the same for every space', () => {
    // √(ln 2 / −ln(1 − 10⁻⁶)) = 832.55…: far from "nearly a thousand".
    expect(
      calcRootRule({ of: 'idCollisions.rootRule', target: '0.5', versus: '0.000001' }),
    ).toEqual({ ok: true, text: '833×' });
    const even = calcRootRule({ of: 'idCollisions.rootRule', bits: '64' });
    const rare = calcRootRule({ of: 'idCollisions.rootRule', bits: '64', target: '0.000001' });
    const count = (r: typeof even) => (r.ok ? Number(r.text.replace(/,/g, '')) : NaN);
    expect(count(even) / count(rare)).toBeCloseTo(832.55, 1);
    expect(calcRootRule({ of: 'idCollisions.rootRule', versus: '0.5', target: '0.5' })).toEqual({
      ok: true,
      text: '1×',
    });
    expect(
      calcRootRule({ of: 'idCollisions.rootRule', bits: '32', versus: '1', target: 'even' }),
    ).toEqual({
      ok: false,
      problems: [
        'target must be a number above 0 and below 1, not "even"',
        'versus must be a number above 0 and below 1, not "1"',
        'versus="…" gives a ratio that is the same for every space: leave out d and bits',
      ],
    });
  });

  it('counts expected pairs, in plain figures, powers of ten or odds', () => {
    expect(calcPairs({ of: 'idCollisions.pairs', n: '1000000', bits: '32' })).toEqual({
      ok: true,
      text: '116',
    });
    expect(calcPairs({ of: 'idCollisions.pairs', n: '1000000', bits: '64' })).toEqual({
      ok: true,
      text: '2.71 × 10⁻⁸',
    });
    expect(calcPairs({ of: 'idCollisions.pairs', n: '1000000', bits: '64', as: 'one-in' })).toEqual(
      { ok: true, text: '1 in 36,893,525' },
    );
    expect(calcPairs({ of: 'idCollisions.pairs', n: '1000000', bits: '32', as: 'one-in' })).toEqual(
      { ok: false, problems: ['116 pairs are expected: more than one, so not a "1 in" chance'] },
    );
  });

  it('gives the expected draws to the first repeat and the bits needed', () => {
    expect(calcDraws({ of: 'idCollisions.draws', d: '365' })).toEqual({ ok: true, text: '25' });
    expect(calcDraws({ of: 'idCollisions.draws', bits: '32' })).toEqual({
      ok: true,
      text: '82,138',
    });
    expect(calcBits({ of: 'idCollisions.bits', n: '1000000000', target: '0.000001' })).toEqual({
      ok: true,
      text: '79',
    });
  });

  it('formats tiny numbers with powers of ten', () => {
    expect(fmtSmall(0.5)).toBe('0.5');
    expect(fmtSmall(2.71e-8)).toBe('2.71 × 10⁻⁸');
    expect(fmtSmall(0)).toBe('0');
    expect(fmtSmall(Number.NaN)).toBe('—');
  });

  it('explains bad attributes in words', () => {
    expect(calcApprox({ of: 'idCollisions.approx', n: '23' })).toEqual({
      ok: false,
      problems: ['give the ID space as exactly one of d="…" (values) or bits="…"'],
    });
    expect(calcApprox({ of: 'idCollisions.approx', n: '23', d: '365', bits: '8' })).toMatchObject({
      ok: false,
    });
    expect(
      calcApprox({ of: 'idCollisions.approx', n: '23', d: '365', form: 'cube' }),
    ).toMatchObject({ problems: ['form must be one of square, pairs, not "cube"'] });
    expect(calcRootRule({ of: 'idCollisions.rootRule', bits: '32', target: '1' })).toMatchObject({
      problems: ['target must be a number above 0 and below 1, not "1"'],
    });
    expect(calcRootRule({ of: 'idCollisions.rootRule', bits: '200' })).toMatchObject({
      ok: false,
    });
    expect(calcPairs({ of: 'idCollisions.pairs', n: '0', bits: '32' })).toMatchObject({
      problems: ['n must be a whole number at least 1, not "0"'],
    });
    expect(calcDraws({ of: 'idCollisions.draws', colour: 'red', d: '365' })).toMatchObject({
      problems: ['unknown attribute "colour" (known: d, bits)'],
    });
    expect(calcBits({ of: 'idCollisions.bits', n: '1e30', target: '0.000001' })).toMatchObject({
      ok: false,
    });
    expect(calcBits({ of: 'idCollisions.bits', n: '10' })).toMatchObject({
      problems: ['needs target="…"'],
    });
  });

  it('is registered with the lesson calculations', () => {
    for (const name of Object.keys(idCollisionsCalculations))
      expect(calculations[name]).toBe(idCollisionsCalculations[name]);
  });
});
