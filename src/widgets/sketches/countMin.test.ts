import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { CountMinSketch, heavyHitters, Zipf } from './countMin';
import { murmur3_32 } from '../shared/hash';

describe('count-min sketch', () => {
  it('never underestimates, and never estimates above the stream total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: 1, max: 5 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (stream, width, depth, seed) => {
          const sketch = new CountMinSketch(width, depth, seed);
          const truth = new Map<string, number>();
          for (const [key, count] of stream) {
            sketch.add(key, count);
            truth.set(key, (truth.get(key) ?? 0) + count);
          }
          const total = stream.reduce((s, [, c]) => s + c, 0);
          expect(sketch.total).toBe(total);
          for (const [key, count] of truth) {
            const e = sketch.estimate(key);
            expect(e).toBeGreaterThanOrEqual(count);
            expect(e).toBeLessThanOrEqual(total);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('integer items: never underestimates either (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (items, width, depth) => {
          const sketch = new CountMinSketch(width, depth, 11);
          const truth = new Map<number, number>();
          for (const item of items) {
            sketch.addInt(item);
            truth.set(item, (truth.get(item) ?? 0) + 1);
          }
          for (const [item, count] of truth)
            expect(sketch.estimateInt(item)).toBeGreaterThanOrEqual(count);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses one murmur hash per row, each row with its own seed', () => {
    const sketch = new CountMinSketch(100, 4, 3);
    expect(new Set(sketch.rowSeeds).size).toBe(4);
    for (let r = 0; r < 4; r++)
      expect(sketch.cellOf('x', r)).toBe(r * 100 + (murmur3_32('x', sketch.rowSeeds[r]) % 100));
    sketch.add('x', 7);
    expect(sketch.estimate('x')).toBe(7);
    expect(sketch.estimate('never seen')).toBeLessThanOrEqual(7);
    expect(sketch.epsilon).toBeCloseTo(Math.E / 100, 15);
    expect(sketch.delta).toBeCloseTo(Math.exp(-4), 15);
  });

  it('a wide sketch is exact on a few items; counters saturate instead of wrapping', () => {
    const sketch = new CountMinSketch(10_000, 5, 1);
    sketch.add('a', 3);
    sketch.add('b', 2);
    expect([sketch.estimate('a'), sketch.estimate('b'), sketch.estimate('c')]).toEqual([3, 2, 0]);
    const tiny = new CountMinSketch(1, 1);
    tiny.add('a', 0xffffffff);
    tiny.add('b', 5);
    expect(tiny.estimate('a')).toBe(0xffffffff);
  });

  it('refuses impossible shapes and counts in words', () => {
    expect(() => new CountMinSketch(0, 3)).toThrow('from 1 to 100,000,000 counters, not 0');
    expect(() => new CountMinSketch(10, 0)).toThrow('from 1 to 64 rows, not 0');
    expect(() => new CountMinSketch(10, 2).add('a', 0)).toThrow('whole number from 1');
    expect(() => new CountMinSketch(10, 2).addInt(1, 1.5)).toThrow('not 1.5');
  });
});

describe('heavy hitters', () => {
  it('reports every item at or above φN (no misses), largest first', () => {
    const sketch = new CountMinSketch(272, 5, 4);
    const counts = [500, 300, 120, 60, 20, 10, 5, 5, 5, 5];
    counts.forEach((c, i) => sketch.addInt(i, c));
    for (let i = 10; i < 1000; i++) sketch.addInt(i); // a long tail of singletons
    const total = sketch.total;
    expect(total).toBe(1030 + 990);
    const hitters = heavyHitters(
      Array.from({ length: 1000 }, (_, i) => i),
      (i) => sketch.estimateInt(i),
      total,
      0.05,
    );
    const keys = hitters.map((h) => h.key);
    for (const [i, c] of counts.entries()) if (c >= 0.05 * total) expect(keys).toContain(i);
    expect(hitters.map((h) => h.estimate)).toEqual(
      [...hitters.map((h) => h.estimate)].sort((a, b) => b - a),
    );
    expect(keys.slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe('Zipf stream', () => {
  it('has the right probabilities: p(r) ∝ (r + 1)^(−s), a table ending at exactly 1', () => {
    const z = new Zipf(5, 1);
    const h = 1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5;
    for (let r = 0; r < 5; r++) expect(z.probability(r)).toBeCloseTo(1 / (r + 1) / h, 15);
    expect(z.cdf[4]).toBe(1);
    expect(z.probability(5)).toBe(0);
    const uniform = new Zipf(4, 0);
    expect([0, 1, 2, 3].map((r) => uniform.probability(r))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(z.rankOf(0)).toBe(0);
    expect(z.rankOf(1 - 2 ** -32)).toBe(4);
    expect(z.rankOf(1 / h)).toBe(1); // exactly on a boundary: the next rank
  });

  it('samples land on the probabilities (s = 1.1, 100 items, 200,000 draws, seed 5)', () => {
    const z = new Zipf(100, 1.1);
    const rng = createRng(5);
    const n = 200_000;
    const counts = new Uint32Array(100);
    for (let i = 0; i < n; i++) counts[z.sample(rng)]!++;
    let chi2 = 0;
    for (let r = 0; r < 100; r++) {
      const expected = n * z.probability(r);
      chi2 += (counts[r]! - expected) ** 2 / expected;
    }
    // χ² with 99 degrees of freedom: the 99.9th percentile is 148.2.
    expect(chi2).toBeLessThan(148.2);
  });

  it('refuses impossible shapes in words', () => {
    expect(() => new Zipf(0, 1)).toThrow('from 1 to 10,000,000 items, not 0');
    expect(() => new Zipf(10, -1)).toThrow('from 0 to 5, not -1');
  });
});
