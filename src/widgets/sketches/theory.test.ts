import { describe, expect, it } from 'vitest';
import { countMinDimensions, hllAlpha, hllParameters } from './theory';
import type { TheoryResult } from './theory';

const value = <T>(r: TheoryResult<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (r: TheoryResult<unknown>): string => (r.ok ? '(no failure)' : r.reason);

// Reference values: mpmath at 60–80 digits (log-gamma for the birthday products), unless noted.

describe('count-min sketch and HyperLogLog constants', () => {
  it('w = ⌈e/ε⌉ and d = ⌈ln(1/δ)⌉', () => {
    expect(value(countMinDimensions(0.01, 0.01))).toEqual({
      width: 272,
      depth: 5,
      counters: 1360,
      bytes: 5440,
    });
    expect(value(countMinDimensions(0.001, 0.001))).toMatchObject({ width: 2719, depth: 7 });
    expect(value(countMinDimensions(0.5, 0.9))).toMatchObject({ width: 6, depth: 1 });
    expect(reason(countMinDimensions(0, 0.01))).toContain('The error ε');
    expect(reason(countMinDimensions(0.01, 1))).toContain('The failure probability δ');
    expect(reason(countMinDimensions(1e-9, 0.01))).toContain('billion counters');
  });

  it('HyperLogLog: α_m from the paper, standard error 1.04/√m', () => {
    expect(hllAlpha(16)).toBe(0.673);
    expect(hllAlpha(32)).toBe(0.697);
    expect(hllAlpha(64)).toBe(0.709);
    expect(hllAlpha(1024)).toBeCloseTo(0.7213 / (1 + 1.079 / 1024), 15);
    // The formula continues the table smoothly.
    expect(Math.abs(hllAlpha(128) - 0.709)).toBeLessThan(0.01);
    expect(value(hllParameters(14))).toMatchObject({ m: 16384, standardError: 1.04 / 128 });
    expect(reason(hllParameters(3))).toBe('The precision p must be at least 4');
    expect(reason(hllParameters(17))).toBe('The precision p must be at most 16');
    expect(reason(hllParameters(10.5))).toBe('The precision p must be a whole number');
  });
});
