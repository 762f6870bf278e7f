import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtCount, fmtOneIn } from './formatLarge';

describe('formats', () => {
  it('bytes, big counts and odds', () => {
    expect(fmtBytes(0)).toBe('0 bytes');
    expect(fmtBytes(1)).toBe('1 byte');
    expect(fmtBytes(1023)).toBe('1,023 bytes');
    expect(fmtBytes(1024)).toBe('1 KiB');
    expect(fmtBytes(179_719_845)).toBe('171 MiB');
    expect(fmtBytes(Number.NaN)).toBe('—');
    expect(fmtCount(77_164)).toBe('77,164');
    expect(fmtCount(2.714922669395445e18)).toBe('2.71 × 10¹⁸');
    expect(fmtCount(9.999e17)).toBe('1.00 × 10¹⁸');
    expect(fmtCount(Number.POSITIVE_INFINITY)).toBe('—');
    expect(fmtOneIn(0.5)).toBe('1 in 2');
    expect(fmtOneIn(1e-6)).toBe('1 in 1,000,000');
    expect(fmtOneIn(0)).toBe('never');
  });
});
