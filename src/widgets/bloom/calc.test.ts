import { describe, expect, it } from 'vitest';
import {
  bloomCalculations,
  calcBirthdayN,
  calcBirthdayP,
  calcBloomFp,
  calcBloomSize,
  calcTimestampIds,
} from './calc';

describe('lesson calculations: Bloom filters', () => {
  const textbook = { of: 'bloom.size', n: '100000', p: '0.01' };

  it('sizes the textbook filter in each unit', () => {
    const text = (metric: string) => calcBloomSize({ ...textbook, metric });
    expect(calcBloomSize(textbook)).toEqual({ ok: true, text: '958,506' });
    expect(text('bytes')).toEqual({ ok: true, text: '119,814' });
    expect(text('memory')).toEqual({ ok: true, text: '117 KiB' });
    expect(text('k')).toEqual({ ok: true, text: '7' });
    expect(text('kExact')).toEqual({ ok: true, text: '6.64' });
    expect(text('bitsPerItem')).toEqual({ ok: true, text: '9.59' });
    expect(text('pAtK')).toEqual({ ok: true, text: '1.0 %' });
    // 100,000 keys × (16 + 32) bytes = 4.8 MB, 40 times the filter.
    expect(text('hashSet')).toEqual({ ok: true, text: '4.58 MiB' });
    expect(text('ratio')).toEqual({ ok: true, text: '40.1×' });
  });

  it('sizes 100 M phone numbers at 0.1 % (the lesson’s task)', () => {
    const phones = { of: 'bloom.size', n: '100000000', p: '0.001', keyBytes: '8' };
    expect(calcBloomSize({ ...phones, metric: 'bits' })).toEqual({
      ok: true,
      text: '1,437,758,757',
    });
    expect(calcBloomSize({ ...phones, metric: 'memory' })).toEqual({ ok: true, text: '171 MiB' });
    expect(calcBloomSize({ ...phones, metric: 'k' })).toEqual({ ok: true, text: '10' });
    expect(calcBloomSize({ ...phones, metric: 'hashSet' })).toEqual({ ok: true, text: '3.73 GiB' });
    expect(calcBloomSize({ ...phones, metric: 'ratio' })).toEqual({ ok: true, text: '22.3×' });
  });

  it('the reverse: m, k, n → p', () => {
    const filter = { of: 'bloom.fp', m: '958506', k: '6', n: '100000' };
    expect(calcBloomFp(filter)).toEqual({ ok: true, text: '1.0 %' });
    expect(calcBloomFp({ ...filter, metric: 'fill' })).toEqual({ ok: true, text: '46.5 %' });
    expect(calcBloomFp({ ...filter, metric: 'kBest' })).toEqual({ ok: true, text: '7' });
    // The tiny filter of the "make it lie" task: (1 − e^(−30/32))³ = 0.2252.
    expect(calcBloomFp({ of: 'bloom.fp', m: '32', k: '3', n: '10' })).toEqual({
      ok: true,
      text: '22.5 %',
    });
  });

  it('explains bad attributes in words', () => {
    expect(calcBloomSize({ ...textbook, p: '1' })).toEqual({
      ok: false,
      problems: ['p must be a number above 0 and below 1, not "1"'],
    });
    expect(calcBloomSize({ of: 'bloom.size', n: '0', p: '0.01' })).toMatchObject({
      problems: ['n must be a whole number at least 1, not "0"'],
    });
    expect(calcBloomSize({ ...textbook, metric: 'speed', colour: 'red' })).toMatchObject({
      problems: [
        expect.stringContaining('unknown attribute "colour"'),
        expect.stringContaining('metric must be one of bits, bytes, memory'),
      ],
    });
    expect(calcBloomSize({ of: 'bloom.size', p: '0.01' })).toMatchObject({
      problems: ['needs n="…"'],
    });
    expect(calcBloomFp({ of: 'bloom.fp', m: '4', k: '7', n: '10' })).toEqual({
      ok: false,
      problems: ['A filter of 4 bits is too small for 7 hash positions: m must be at least k'],
    });
  });
});

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
    expect(Object.keys(bloomCalculations).sort()).toEqual([
      'birthday.n',
      'birthday.p',
      'birthday.timestamp',
      'bloom.fp',
      'bloom.size',
    ]);
  });
});
