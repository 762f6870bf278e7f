import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedFirstTimeout } from './consensus.ts';

function value(r: { ok: true; value: number } | { ok: false; reason: string }): number {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** E[min] by listing every outcome of m draws: the definition, with no algebra. */
function byEnumeration(min: number, max: number, m: number): number {
  const w = max - min + 1;
  let total = 0;
  let count = 0;
  const draw = (left: number, smallest: number) => {
    if (left === 0) {
      total += smallest;
      count++;
      return;
    }
    for (let x = min; x <= max; x++) draw(left - 1, Math.min(smallest, x));
  };
  draw(m, Infinity);
  expect(count).toBe(w ** m);
  return total / count;
}

describe('expectedFirstTimeout', () => {
  it('one follower: the mean of the uniform, (min + max) / 2', () => {
    expect(value(expectedFirstTimeout(3, 6, 1))).toBeCloseTo(4.5, 12);
    expect(value(expectedFirstTimeout(150, 300, 1))).toBeCloseTo(225, 10);
  });

  it('a fixed timeout is that timeout, however many followers', () => {
    expect(value(expectedFirstTimeout(5, 5, 7))).toBe(5);
  });

  it('two followers on {3, …, 6}: 3 + (3/4)² + (2/4)² + (1/4)² = 3.875', () => {
    expect(value(expectedFirstTimeout(3, 6, 2))).toBeCloseTo(3.875, 12);
  });

  it('agrees with listing every outcome', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (min, extra, m) => {
          const exact = byEnumeration(min, min + extra, m);
          expect(value(expectedFirstTimeout(min, min + extra, m))).toBeCloseTo(exact, 10);
        },
      ),
    );
  });

  it('more followers never make the first timeout later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (a, d) => {
        const one = value(expectedFirstTimeout(a, a + d, 1));
        const four = value(expectedFirstTimeout(a, a + d, 4));
        expect(four).toBeLessThanOrEqual(one + 1e-12);
        expect(four).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('explains bad input in words', () => {
    const r = expectedFirstTimeout(6, 3, 2);
    expect(r.ok ? '' : r.reason).toMatch(/must be at least the shortest/);
    const s = expectedFirstTimeout(1.5, 3, 2);
    expect(s.ok ? '' : s.reason).toMatch(/whole number/);
    const t = expectedFirstTimeout(1, 3, 0);
    expect(t.ok ? '' : t.reason).toMatch(/from 1/);
  });
});
