import { describe, expect, it } from 'vitest';
import { fmtDuration, fmtInt, fmtNum, fmtPct, plural } from './format';

describe('number formatting', () => {
  it('writes a share of a thousand per cent or more with thousands separators', () => {
    expect(fmtPct(0.8)).toBe('80.0 %');
    expect(fmtPct(9.999)).toBe('999.9 %');
    expect(fmtPct(36_000_000)).toBe('3,600,000,000 %');
  });

  it('puts a noun in the plural unless the number as printed is 1', () => {
    expect(plural(1, 'more request arrives', 'more requests arrive')).toBe(
      '1 more request arrives',
    );
    expect(plural(1.0004, 'server')).toBe('1 server');
    expect(plural(0.93, 'customer')).toBe('0.93 customers');
    expect(plural(0, 'customer')).toBe('0 customers');
    expect(plural(2500, 'server', 'servers', fmtInt)).toBe('2,500 servers');
  });

  it('reads durations in the unit that fits', () => {
    expect(fmtDuration(0)).toBe('0 ms');
    expect(fmtDuration(0.0000123)).toBe('12.3 µs');
    expect(fmtDuration(0.0403939)).toBe('40.4 ms');
    expect(fmtDuration(2.5)).toBe('2.5 s');
    expect(fmtDuration(125)).toBe('125 s');
    expect(fmtDuration(1800)).toBe('30 min');
    expect(fmtDuration(7200 * 10)).toBe('20 h');
  });

  it('never prints NaN or Infinity', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fmtDuration(bad)).toBe('—');
      expect(fmtNum(bad)).toBe('—');
      expect(fmtPct(bad)).toBe('—');
    }
  });

  it('keeps three significant figures', () => {
    expect(fmtNum(3.2)).toBe('3.2');
    expect(fmtNum(0.888888)).toBe('0.889');
    expect(fmtNum(12345.6)).toBe('12,346');
    expect(fmtNum(999.7)).toBe('1,000');
    expect(fmtNum(-999.7)).toBe('-1,000');
    expect(fmtNum(999.4)).toBe('999');
    expect(fmtNum(0.00001234)).toBe('1.23e-5');
  });
});
