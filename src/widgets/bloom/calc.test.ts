import { describe, expect, it } from 'vitest';
import { bloomCalculations, calcBloomFp, calcBloomSize } from './calc';

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

  it('lists every calculation under its name', () => {
    expect(Object.keys(bloomCalculations).sort()).toEqual(['bloom.fp', 'bloom.size']);
  });
});
