import { describe, expect, it } from 'vitest';
import { birthdayProbability, birthdaySmallestN } from './birthday.ts';
import {
  approximateCollision,
  bitsNeeded,
  expectedPairs,
  rootRule,
  rootRuleFactor,
} from './idCollisions.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('the two approximations of P(collision)', () => {
  it('square form: 1 − e^(−n²/2d), by hand for 23 birthdays', () => {
    // 23² / 730 = 0.724658…; 1 − e^−0.724658 = 0.515509…
    expect(value(approximateCollision(23, { values: 365 }, 'square'))).toBeCloseTo(0.5155095, 6);
  });

  it('pairs form: 1 − e^(−n(n−1)/2d) is 50.0 % for 23 birthdays, below the exact 50.73 %', () => {
    const pairs = value(approximateCollision(23, { values: 365 }, 'pairs'));
    expect(pairs).toBeCloseTo(1 - Math.exp(-253 / 365), 12);
    // 253/365 = 0.693151 is a hair above ln 2 = 0.693147.
    expect(pairs).toBeCloseTo(0.5000018, 6);
    expect(value(birthdayProbability(23, { values: 365 })).p).toBeCloseTo(0.507297, 6);
  });

  it('keeps its digits for tiny probabilities (a billion UUIDv4s)', () => {
    // n²/2d = 10^18 / 2^123 = 9.4039548e-20
    const p = value(approximateCollision(1e9, { bits: 122 }, 'square'));
    expect(p / 9.4039548065783e-20).toBeCloseTo(1, 9);
  });

  it('agrees with the exact answer to a relative 10^−6 when n is far below √d', () => {
    for (const n of [1_000, 100_000, 1_000_000]) {
      const exact = value(birthdayProbability(n, { bits: 64 })).p;
      const pairs = value(approximateCollision(n, { bits: 64 }, 'pairs'));
      expect(Math.abs(pairs - exact) / exact).toBeLessThan(1e-6);
    }
  });

  it('is zero for a single ID', () => {
    expect(value(approximateCollision(1, { bits: 32 }, 'square'))).toBeCloseTo(0, 9);
    expect(value(approximateCollision(1, { bits: 32 }, 'pairs'))).toBe(0);
  });

  it('explains bad input in words', () => {
    const bad = approximateCollision(0, { bits: 32 }, 'square');
    expect(bad).toEqual({
      ok: false,
      reason: 'The number of IDs n must be a whole number, at least 1',
    });
    expect(approximateCollision(10, { bits: 0 }, 'square').ok).toBe(false);
    expect(approximateCollision(10, { bits: 129 }, 'square').ok).toBe(false);
    expect(approximateCollision(2.5, { values: 365 }, 'square').ok).toBe(false);
    expect(approximateCollision(Number.NaN, { values: 365 }, 'square').ok).toBe(false);
  });
});

describe('the square-root rule', () => {
  it('has the factor √(2 ln 2) = 1.17741… for even odds', () => {
    expect(value(rootRuleFactor(0.5))).toBeCloseTo(1.1774100225, 9);
    // One in a million: √(−2 ln(1 − 10^−6)) ≈ √(2·10^−6) = 0.0014142
    expect(value(rootRuleFactor(1e-6))).toBeCloseTo(0.00141421392, 9);
  });

  it('gives 22.5 for birthdays, against the exact 23', () => {
    expect(value(rootRule({ values: 365 }, 0.5))).toBeCloseTo(22.4944, 3);
    expect(value(birthdaySmallestN({ values: 365 }, 0.5)).n).toBe(23);
  });

  it('lands within one ID of the exact threshold for big spaces', () => {
    for (const bits of [32, 48, 64]) {
      const rule = value(rootRule({ bits }, 0.5));
      const exact = value(birthdaySmallestN({ bits }, 0.5)).n;
      expect(Math.abs(rule - exact)).toBeLessThan(1.5);
    }
    expect(value(rootRule({ bits: 32 }, 0.5))).toBeCloseTo(77_163.2, 0);
  });

  it('refuses a target outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 2, Number.NaN]) {
      expect(rootRuleFactor(p).ok).toBe(false);
      expect(rootRule({ bits: 32 }, p).ok).toBe(false);
    }
    expect(rootRule({ values: 0 }, 0.5).ok).toBe(false);
  });
});

describe('expected colliding pairs', () => {
  it('is C(n, 2)/d', () => {
    expect(value(expectedPairs(23, { values: 365 }))).toBeCloseTo(253 / 365, 12);
    expect(value(expectedPairs(1, { values: 365 }))).toBe(0);
    // A million keys with 32-bit hashes: 999,999,000,000 / 2^33 = 116.415…
    expect(value(expectedPairs(1_000_000, { bits: 32 }))).toBeCloseTo(116.4152, 3);
  });

  it('is an upper bound on P(collision) (the union bound) and close to it when small', () => {
    for (const [n, bits] of [
      [1_000, 32],
      [100_000, 48],
      [1_000_000, 64],
    ] as const) {
      const pairs = value(expectedPairs(n, { bits }));
      const exact = value(birthdayProbability(n, { bits })).p;
      expect(pairs).toBeGreaterThanOrEqual(exact);
      expect(pairs / exact).toBeLessThan(1.0001);
    }
  });

  it('explains bad input', () => {
    expect(expectedPairs(0, { bits: 32 }).ok).toBe(false);
    expect(expectedPairs(10, { bits: 200 }).ok).toBe(false);
  });
});

describe('random bits needed', () => {
  it('matches n²/(2·2^b) ≤ p worked by hand', () => {
    // 10^9 IDs at one in a million: 2^b ≥ 5·10^23, b ≥ 78.7 → 79.
    expect(value(bitsNeeded(1e9, 1e-6))).toBe(79);
    // 10^12 IDs: 2^b ≥ 5·10^29, b ≥ 98.66 → 99.
    expect(value(bitsNeeded(1e12, 1e-6))).toBe(99);
    // 23 IDs at even odds: 2^8 gives 63 %, 2^9 gives 39 %.
    expect(value(bitsNeeded(23, 0.5))).toBe(9);
  });

  it('returns the smallest such b: one bit fewer breaks the target', () => {
    for (const [n, p] of [
      [1e6, 1e-3],
      [5e7, 1e-9],
      [1000, 0.01],
    ] as const) {
      const b = value(bitsNeeded(n, p));
      expect(value(birthdayProbability(n, { bits: b })).p).toBeLessThanOrEqual(p);
      expect(value(birthdayProbability(n, { bits: b - 1 })).p).toBeGreaterThan(p);
    }
  });

  it('says so when 128 bits are not enough, and explains bad input', () => {
    expect(bitsNeeded(1e30, 1e-6)).toMatchObject({ ok: false });
    expect(bitsNeeded(0, 0.5).ok).toBe(false);
    expect(bitsNeeded(100, 1).ok).toBe(false);
    expect(bitsNeeded(100, 0).ok).toBe(false);
  });
});
