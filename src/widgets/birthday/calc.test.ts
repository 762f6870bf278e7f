import { describe, expect, it } from 'vitest';
import { birthdayCalculations, calcBirthdayN, calcBirthdayP, calcTimestampIds } from './calc';

describe('lesson calculations: the birthday bound', () => {
  it('P(collision) in three formats', () => {
    expect(calcBirthdayP({ of: 'birthday.p', n: '23', d: '365' })).toEqual({
      ok: true,
      text: '50.7 %',
    });
    expect(calcBirthdayP({ of: 'birthday.p', n: '23', d: '365', as: 'probability' })).toEqual({
      ok: true,
      text: '0.5073',
    });
    const uuid = { of: 'birthday.p', n: '1000000000', bits: '122' };
    expect(calcBirthdayP({ ...uuid, as: 'one-in' })).toEqual({
      ok: true,
      text: '1 in 1.06 × 10¹⁹',
    });
    expect(calcBirthdayP({ ...uuid, as: 'probability' })).toEqual({ ok: true, text: '9.40e-20' });
  });

  it('IDs for even odds and for one in a million', () => {
    expect(calcBirthdayN({ of: 'birthday.n', d: '365', target: '0.5' })).toEqual({
      ok: true,
      text: '23',
    });
    expect(calcBirthdayN({ of: 'birthday.n', bits: '16', target: '0.5' })).toEqual({
      ok: true,
      text: '302',
    });
    expect(calcBirthdayN({ of: 'birthday.n', bits: '64', target: '0.5' })).toEqual({
      ok: true,
      text: '5,056,937,541',
    });
    expect(calcBirthdayN({ of: 'birthday.n', bits: '122', target: '0.5' })).toEqual({
      ok: true,
      text: '2.71 × 10¹⁸',
    });
    expect(calcBirthdayN({ of: 'birthday.n', bits: '122', target: '1e-6' })).toEqual({
      ok: true,
      text: '3.26 × 10¹⁵',
    });
  });

  it('timestamp + random IDs from many machines', () => {
    const fleet = { of: 'birthday.timestamp', machines: '50', rate: '200' };
    expect(calcTimestampIds({ ...fleet, metric: 'meanMs' })).toEqual({ ok: true, text: '20.6 ms' });
    expect(calcTimestampIds({ ...fleet, metric: 'perMs' })).toEqual({ ok: true, text: '10' });
    expect(calcTimestampIds(fleet)).toEqual({ ok: true, text: '100.0 %' });
    // One machine, one ID a second: still a 4.2 % chance of a collision in a day.
    expect(calcTimestampIds({ of: 'birthday.timestamp', machines: '1', rate: '1' })).toEqual({
      ok: true,
      text: '4.2 %',
    });
  });

  it('explains bad attributes in words', () => {
    expect(calcBirthdayP({ of: 'birthday.p', n: '23', bits: '130' })).toEqual({
      ok: false,
      problems: ['The ID size b must be at most 128 bits (a UUIDv4 has 122 random bits), not 130'],
    });
    expect(calcBirthdayP({ of: 'birthday.p', n: '23', bits: '8', d: '365' })).toMatchObject({
      problems: ['give the ID space as exactly one of d="…" (values) or bits="…"'],
    });
    expect(calcBirthdayN({ of: 'birthday.n', d: '365', target: '0' })).toMatchObject({
      problems: ['target must be a number above 0 and below 1, not "0"'],
    });
    expect(calcBirthdayP({ of: 'birthday.p', n: '23', d: '365', as: 'odds' })).toMatchObject({
      problems: ['as must be one of percent, probability, one-in, not "odds"'],
    });
    expect(
      calcTimestampIds({ of: 'birthday.timestamp', machines: '1.5', rate: '1' }),
    ).toMatchObject({ problems: ['machines must be a whole number at least 1, not "1.5"'] });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(birthdayCalculations).sort()).toEqual([
      'birthday.n',
      'birthday.p',
      'birthday.timestamp',
    ]);
  });
});
