import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangBByRecurrence, erlangBBySeries, erlangC, poissonPmf } from './erlang';

/** Relative difference; values too small for a double's full precision count as equal. */
const relative = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-290);

/**
 * An independent reference: ln B = ln P(N = c) − ln P(N ≤ c), with every Poisson term in logs
 * (ln k! summed one logarithm at a time) and the sum by log-sum-exp. O(c), so only for tests.
 */
function erlangBByLogSumExp(c: number, a: number): number {
  const logA = Math.log(a);
  const logTerms: number[] = [];
  let logFactorial = 0;
  for (let k = 0; k <= c; k++) {
    if (k > 0) logFactorial += Math.log(k);
    logTerms.push(k * logA - logFactorial);
  }
  const top = logTerms.reduce((x, y) => Math.max(x, y));
  let sum = 0;
  for (const t of logTerms) sum += Math.exp(t - top);
  return Math.exp(logTerms[c]! - top - Math.log(sum));
}

describe('Erlang B for any number of servers', () => {
  it('the series agrees with the recurrence to 1e-12 wherever both run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 36, max: 3000 }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        (c, rho) => {
          const a = rho * c;
          expect(relative(erlangBBySeries(c, a), erlangBByRecurrence(c, a))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 300 },
    );
    // The hardest place: load exactly at, just under and just over the servers.
    for (const c of [36, 200, 201, 1000, 5000])
      for (const a of [c, c - 0.5, c + 0.5, c - Math.sqrt(c), c + 3 * Math.sqrt(c)])
        expect(relative(erlangBBySeries(c, a), erlangBByRecurrence(c, a))).toBeLessThan(1e-12);
  });

  it('matches independent references at a hundred thousand and a million servers', () => {
    for (const [c, a] of [
      [100_000, 100_000],
      [100_000, 99_000],
      [100_000, 101_500],
      [1_000_000, 999_000],
    ] as const) {
      const b = erlangB(c, a);
      expect(relative(b, erlangBByRecurrence(c, a))).toBeLessThan(1e-10);
      // Summing a hundred thousand logarithms costs the reference some digits of its own.
      if (c <= 100_000) expect(relative(b, erlangBByLogSumExp(c, a))).toBeLessThan(1e-8);
    }
  });

  it('stays a probability and falls as servers are added, even at 36 million servers', () => {
    // The issue's link: λ = 10 000/s, 3 600 s a request, so a = 36 million servers' worth.
    const a = 10_000 * 3600;
    let previous = 1;
    for (const c of [1, 1000, 35_000_000, 36_000_000, 36_000_001, 36_010_000, 36_100_000]) {
      const b = erlangB(c, a);
      expect(b).toBeGreaterThan(0);
      expect(b).toBeLessThan(previous);
      previous = b;
    }
    // Where load equals servers, B ≈ √(2/(πc)): about 1.33e-4 at c = 36 million. The
    // recurrence's 36 million steps, once, pin it down.
    expect(erlangB(36_000_000, a)).toBeCloseTo(Math.sqrt(2 / (Math.PI * 36_000_000)), 6);
    expect(relative(erlangB(36_000_000, a), erlangBByRecurrence(36_000_000, a))).toBeLessThan(1e-9);
    // Far more servers than work: B is P(N = c), too small for a double.
    expect(erlangB(72_000_000, a)).toBe(0);
    const c = erlangC(36_010_000, a);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('the Poisson terms it uses match their definition', () => {
    // P(N = 40) for a = 37.5: e^(−a)·a^40/40!, with 40! exact enough in doubles.
    let factorial = 1;
    for (let k = 2; k <= 40; k++) factorial *= k;
    const direct = (Math.exp(-37.5) * 37.5 ** 40) / factorial;
    expect(relative(poissonPmf(40, 37.5), direct)).toBeLessThan(1e-13);
  });

  it('keeps the recurrence’s exact values for a few servers', () => {
    expect(erlangB(10, 5)).toBe(erlangBByRecurrence(10, 5));
    expect(erlangB(10, 5)).toBeCloseTo(0.018384570336648132, 14);
  });
});
