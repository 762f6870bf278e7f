import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, readNumber, sameUnit } from './numeric';

const value = (input: string, unit: string | null = null) => {
  const r = readNumber(input, unit);
  return r.ok ? r.value : r.reason;
};

describe('readNumber', () => {
  it.each([
    ['2000', 2000],
    [' 2000 ', 2000],
    ['+2000', 2000],
    ['-0.5', -0.5],
    ['−3', -3], // the minus sign, U+2212
    ['.25', 0.25],
    ['2.', 2],
    ['2,000', 2000],
    ['1,234,567.5', 1234567.5],
    ['1 234 567', 1234567],
    ['10_000', 10000],
    ['2\u00a0000', 2000], // non-breaking space between groups
    ['２０００', 2000], // full-width digits
    ['2e3', 2000],
    ['2E-3', 0.002],
    ['2×10^3', 2000],
    ['2 x 10^3', 2000],
    ['2*10**3', 2000],
    ['2·10³', 2000],
    ['5×10⁻²', 0.05],
    ['1.5k', 1500],
    ['1.5 K', 1500],
    ['2M', 2_000_000],
    ['3G', 3e9],
    ['-0', 0],
  ])('reads %j as %d', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('reads the question’s unit after the number, in the usual spellings', () => {
    expect(value('40 ms', 'ms')).toBe(40);
    expect(value('40ms', 'ms')).toBe(40);
    expect(value('40 MS', 'ms')).toBe(40);
    expect(value('40 msec', 'ms')).toBe(40);
    expect(value('40 milliseconds', 'ms')).toBe(40);
    expect(value('5 %', '%')).toBe(5);
    expect(value('5%', '%')).toBe(5);
    expect(value('5 percent', '%')).toBe(5);
    expect(value('3 servers', 'server')).toBe(3);
    expect(value('1 server', 'servers')).toBe(1);
    expect(value('40 us', 'µs')).toBe(40);
    expect(value('1.5k req/s', 'req/s')).toBe(1500);
    expect(value('1.5k rps', 'req/s')).toBe(1500);
    expect(value('5 MB', 'MB')).toBe(5);
  });

  it('converts another unit of time, and says so', () => {
    expect(readNumber('40 s', 'ms')).toEqual({ ok: true, value: 40_000, note: '40 s = 40,000 ms' });
    expect(value('5 ms', 's')).toBe(0.005);
    expect(value('2 h', 'min')).toBe(120);
    expect(value('90 minutes', 'h')).toBe(1.5);
    expect(value('1 day', 'h')).toBe(24);
    expect(value('250 µs', 'ms')).toBe(0.25);
  });

  it('does not guess at any other unit: it says which one is expected', () => {
    // "m" could be minutes or metres: never converted.
    expect(value('5 m', 's')).toMatch(/expected in s\b/);
    // Bits and bytes differ only by case, so case matters for b/B.
    expect(value('5 Mb', 'MB')).toMatch(/expected in MB/);
    expect(value('3 servers', 'ms')).toMatch(/expected in ms; “servers” is not that unit/);
    expect(value('40 ms')).toMatch(/plain number, without a unit/);
  });

  it('reads a factor written 10x, 10×, 10 times or 10-fold', () => {
    for (const typed of ['10x', '10×', '10 x', '10 times', '10-fold', '10 X'])
      for (const unit of [null, 'times', '×'] as const) expect(value(typed, unit), typed).toBe(10);
    // "2 x 10^3" is still a power of ten.
    expect(value('2 x 10^3', 'times')).toBe(2000);
  });

  it('reads a percentage typed for a plain share', () => {
    expect(readNumber('5 %', null)).toEqual({ ok: true, value: 0.05, note: '5 % read as 0.05' });
    expect(value('12.5 percent')).toBe(0.125);
    expect(value('5 %', '%')).toBe(5);
  });

  it('reads thousands grouped by commas or spaces, and scientific notation', () => {
    expect(value('1,000')).toBe(1000);
    expect(value('1 000')).toBe(1000);
    expect(value('1\u00a0000\u00a0000')).toBe(1_000_000);
    expect(value('1e6')).toBe(1e6);
    expect(value('1.2×10^6')).toBe(1.2e6);
    expect(value('1.2*10^6')).toBe(1.2e6);
  });

  it('refuses to guess between a multiplier and the start of the unit', () => {
    expect(value('5k', 'kB')).toMatch(/write the unit in full/);
    expect(value('5 kB', 'kB')).toBe(5);
  });

  it('refuses decimal commas and badly grouped thousands, with a hint', () => {
    for (const input of ['1,5', '0,005', '1,2345', '2.000,5'])
      expect(value(input)).toMatch(/decimals with a point/);
    expect(value('1,000 000')).toMatch(/not one number/);
    expect(value('1.2.3')).toMatch(/not one number/);
  });

  it('refuses what is not a number, in words, never NaN or Infinity', () => {
    expect(value('')).toBe('No number was given.');
    expect(value('   ')).toBe('No number was given.');
    expect(value('NaN')).toMatch(/does not start with a number/);
    expect(value('Infinity')).toMatch(/does not start with a number/);
    expect(value('about 40')).toMatch(/does not start with a number/);
    expect(value('1e400')).toBe('That number is too large.');
    expect(value('2x10')).toMatch(/without a unit/);
    expect(readNumber(42, null).ok).toBe(false);
    expect(readNumber(null, null).ok).toBe(false);
  });

  it('refuses an enormous input without scanning it', () => {
    const huge = '1'.repeat(MAX_ANSWER_CHARS + 1);
    expect(value(huge)).toMatch(/too long/);
    expect(value('1'.repeat(300))).toBe(Number('1'.repeat(300)));
    const start = performance.now();
    readNumber('9'.repeat(5_000_000), 'ms');
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('reads back any finite number as JavaScript prints it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = readNumber(String(x), null);
        expect(r).toEqual({ ok: true, value: x === 0 ? 0 : x });
      }),
    );
  });

  it('reads back integers grouped in thousands, with or without a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (n, withUnit) => {
        const text = n.toLocaleString('en') + (withUnit ? ' ms' : '');
        expect(readNumber(text, 'ms')).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('never throws, and every number it returns is finite', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.option(fc.string()),
        (s, u) => {
          const r = readNumber(s, u);
          if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
          else expect(r.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('sameUnit', () => {
  it('matches spellings of one unit and nothing else', () => {
    expect(sameUnit('sec', 's')).toBe(true);
    expect(sameUnit('seconds', 's')).toBe(true);
    expect(sameUnit('Min', 'min')).toBe(true);
    expect(sameUnit('ms', 's')).toBe(false);
    expect(sameUnit('m', 'ms')).toBe(false);
    expect(sameUnit('requests per second', 'req/s')).toBe(true);
    expect(sameUnit('req / s', 'req/s')).toBe(true);
    expect(sameUnit('retry', 'retries')).toBe(false);
  });
});
