import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, standardNormal } from '../sim/rng';
import {
  approvalMean,
  expectedHarm,
  fleetCdf,
  fleetPropagation,
  uniformMaxMean,
  uniformMaxQuantile,
} from './killSwitch';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('the largest of n uniform delays', () => {
  it('has mean nP/(n + 1): P/2 for one host, 99P/100 for 99', () => {
    expect(value(uniformMaxMean(1, 30))).toBe(15);
    expect(value(uniformMaxMean(99, 30))).toBeCloseTo(29.7, 12);
  });

  it('has quantile P·q^(1/n): the median of 10 hosts at P = 30 s is 30·0.5^0.1', () => {
    expect(value(uniformMaxQuantile(10, 30, 0.5))).toBeCloseTo(27.991, 4);
    expect(value(uniformMaxQuantile(1, 30, 0.99))).toBeCloseTo(29.7, 12);
  });

  it('refuses a fleet of no hosts, a zero interval and a quantile above 1, in words', () => {
    expect(uniformMaxMean(0, 30)).toEqual({
      ok: false,
      reason: 'n = 0: a fleet has a whole number of hosts, at least 1',
    });
    expect(uniformMaxMean(3, 0).ok).toBe(false);
    expect(uniformMaxQuantile(3, 30, 1.5).ok).toBe(false);
  });
});

describe('the fleet with a shared cache in front of the flag service', () => {
  it('without a cache is exactly the maximum of the uniforms', () => {
    for (const t of [0, 3, 14.2, 29.9, 30, 45])
      expect(value(fleetCdf(t, 8, 0, 30))).toBeCloseTo(Math.min(1, t / 30) ** 8, 12);
    const p = value(fleetPropagation(8, 0, 30));
    expect(p.fleetMean).toBeCloseTo((8 * 30) / 9, 12);
    expect(p.fleetP50).toBeCloseTo(value(uniformMaxQuantile(8, 30, 0.5)), 9);
    expect(p.fleetP99).toBeCloseTo(value(uniformMaxQuantile(8, 30, 0.99)), 9);
  });

  it('with one host is the sum of two uniforms: a triangle (T = P) with its peak at P', () => {
    // U(0, 10) + U(0, 10): CDF t²/200 up to 10, 1 − (20 − t)²/200 after.
    for (const t of [2, 5, 10, 13, 19])
      expect(value(fleetCdf(t, 1, 10, 10))).toBeCloseTo(
        t <= 10 ? (t * t) / 200 : 1 - ((20 - t) * (20 - t)) / 200,
        12,
      );
    expect(value(fleetPropagation(1, 10, 10)).fleetP50).toBeCloseTo(10, 9);
  });

  it('has mean T/2 + nP/(n + 1) and worst case T + P, and agrees with 200,000 draws', () => {
    const [n, ttl, poll] = [50, 60, 15];
    const p = value(fleetPropagation(n, ttl, poll));
    expect(p.fleetMean).toBeCloseTo(30 + (50 * 15) / 51, 12);
    expect(p.worst).toBe(75);
    const rng = createRng(7);
    const draws = 200_000;
    let sum = 0;
    let below50 = 0;
    let below99 = 0;
    for (let i = 0; i < draws; i++) {
      let max = 0;
      for (let h = 0; h < n; h++) max = Math.max(max, rng.next() * poll);
      const x = rng.next() * ttl + max;
      sum += x;
      if (x <= p.fleetP50) below50++;
      if (x <= p.fleetP99) below99++;
    }
    // The mean's standard error is under 0.04 s here; 4 of them is a generous bound.
    expect(Math.abs(sum / draws - p.fleetMean)).toBeLessThan(0.16);
    expect(Math.abs(below50 / draws - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(below99 / draws - 0.99)).toBeLessThan(0.001);
  });

  it('is a CDF: from 0 to 1, never falling, for any fleet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: 0.1, max: 600, noNaN: true }),
        fc.double({ min: -10, max: 1300, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (n, ttl, poll, t, dt) => {
          const a = value(fleetCdf(t, n, ttl, poll));
          const b = value(fleetCdf(t + dt, n, ttl, poll));
          return a >= 0 && b <= 1 && b >= a - 1e-12;
        },
      ),
    );
  });

  it('orders its numbers: host mean ≤ fleet mean ≤ worst, p50 ≤ p99 ≤ worst', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        fc.double({ min: 0.1, max: 600, noNaN: true }),
        (n, ttl, poll) => {
          const p = value(fleetPropagation(n, ttl, poll));
          const eps = 1e-9 * (ttl + poll);
          return (
            p.hostMean <= p.fleetMean + eps &&
            p.fleetMean <= p.worst + eps &&
            p.fleetP50 <= p.fleetP99 + eps &&
            p.fleetP99 <= p.worst + eps
          );
        },
      ),
    );
  });
});

describe('harm while the switch travels', () => {
  it('is rate × hosts × (flip + (T + P)/2)', () => {
    expect(value(expectedHarm(2, 3, 100, 10, 20))).toBe(2 * 3 * 115);
    expect(value(expectedHarm(2, 0, 100, 10, 20))).toBe(0);
    expect(expectedHarm(-1, 3, 100, 10, 20).ok).toBe(false);
  });
});

describe('a two-person approval with a fallback approver', () => {
  it('without a fallback is the log-normal mean, m·e^(σ²/2)', () => {
    expect(value(approvalMean(60, 0.8, 1e9))).toBeCloseTo(60 * Math.exp(0.32), 2);
  });

  it('agrees with 200,000 draws of min(X, f + Y)', () => {
    const [median, sigma, fallback] = [120, 1, 180];
    const rng = createRng(3);
    const draw = () => median * Math.exp(sigma * standardNormal(rng));
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) sum += Math.min(draw(), fallback + draw());
    expect(Math.abs(sum / n - value(approvalMean(median, sigma, fallback)))).toBeLessThan(1);
  });

  it('refuses a median of 0 in words', () => {
    expect(approvalMean(0, 1, 60)).toEqual({ ok: false, reason: 'median = 0: more than 0 s' });
  });
});
