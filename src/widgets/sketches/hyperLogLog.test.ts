import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { HyperLogLog } from './hyperLogLog';
import { hllAlpha } from './theory';

describe('HyperLogLog registers', () => {
  it('the first p bits pick the register; the rank is the first 1 in the rest', () => {
    const h = new HyperLogLog(4);
    h.addHash(0x08000000); // register 0, rest 1000…: rank 1
    h.addHash(0x10000001); // register 1, rest 0…01 in 28 bits: rank 28
    h.addHash(0x80000000); // register 8, rest all zero: the cap, 28 + 1
    h.addHash(0x08000000); // a repeat changes nothing
    expect(h.registers[0]).toBe(1);
    expect(h.registers[1]).toBe(28);
    expect(h.registers[8]).toBe(29);
    expect(h.registers.filter((r) => r > 0).length).toBe(3);
  });

  it('an empty sketch counts 0; duplicates never move the estimate', () => {
    const h = new HyperLogLog(10, 3);
    expect(h.estimate()).toMatchObject({ estimate: 0, method: 'linear-counting' });
    for (let i = 0; i < 500; i++) h.add(`user-${i}`);
    const once = h.count();
    for (let i = 0; i < 500; i++) h.add(`user-${i}`);
    expect(h.count()).toBe(once);
  });

  it('merging two sketches is the sketch of the union', () => {
    const a = new HyperLogLog(8, 1);
    const b = new HyperLogLog(8, 1);
    const both = new HyperLogLog(8, 1);
    for (let i = 0; i < 3000; i++) {
      (i % 3 === 0 ? a : b).addInt(i);
      both.addInt(i);
    }
    a.merge(b);
    expect(Array.from(a.registers)).toEqual(Array.from(both.registers));
    expect(() => a.merge(new HyperLogLog(9, 1))).toThrow('same precision and seed');
    expect(() => new HyperLogLog(17)).toThrow('from 4 to 16, not 17');
  });
});

describe('HyperLogLog estimates', () => {
  it('lands within 3σ = 3·1.04/√m of the truth for p = 4…16 and 50 … 200,000 items', () => {
    const precisions = [4, 6, 8, 10, 12, 14, 16];
    const checkpoints = [50, 1_000, 20_000, 200_000];
    for (const seed of [1, 2]) {
      const sketches = precisions.map((p) => new HyperLogLog(p, seed));
      const rng = createRng(seed);
      // Distinct items: a random starting point and consecutive integers (all different).
      const base = rng.nextUint32();
      let n = 0;
      for (const target of checkpoints) {
        for (; n < target; n++) for (const s of sketches) s.addInt((base + n) >>> 0);
        for (const s of sketches) {
          const sigma = (1.04 / Math.sqrt(s.m)) * n;
          const { estimate } = s.estimate();
          expect(Math.abs(estimate - n), `p=${s.precision} n=${n} seed=${seed}`).toBeLessThan(
            3 * sigma,
          );
        }
      }
    }
  });

  it('uses linear counting while E ≤ 2.5m with empty registers, the raw estimate after', () => {
    const h = new HyperLogLog(12, 9);
    for (let i = 0; i < 2000; i++) h.addInt(i);
    expect(h.estimate().method).toBe('linear-counting');
    for (let i = 2000; i < 100_000; i++) h.addInt(i);
    const e = h.estimate();
    expect(e.method).toBe('raw');
    expect(e.estimate).toBe(e.raw);
  });

  it('without α_m the estimate is about 39 % too high (the source material’s bug)', () => {
    const h = new HyperLogLog(14, 4);
    const n = 200_000;
    for (let i = 0; i < n; i++) h.addInt(i);
    const { raw } = h.estimate();
    const withoutAlpha = raw / h.alpha;
    expect(withoutAlpha / n).toBeGreaterThan(1.35);
    expect(withoutAlpha / n).toBeLessThan(1.43);
    expect(Math.abs(raw / n - 1)).toBeLessThan(3 * (1.04 / 128));
  });

  it('the 32-bit large-range correction, and saturation when 32 bits run out', () => {
    const h = new HyperLogLog(4);
    // Every register at 24: E = α·16²/(16·2^−24) = 0.673·16·2^24 ≈ 1.8 × 10^8, above 2^32/30.
    h.registers.fill(24);
    const e = h.estimate();
    expect(e.raw).toBeCloseTo(hllAlpha(16) * 16 * 2 ** 24, 3);
    expect(e.raw).toBeGreaterThan(2 ** 32 / 30);
    expect(e.method).toBe('large-range');
    expect(e.estimate).toBeCloseTo(-(2 ** 32) * Math.log(1 - e.raw / 2 ** 32), 0);
    expect(e.estimate).toBeGreaterThan(e.raw);
    h.registers.fill(29); // every register at the cap
    const full = h.estimate();
    expect(full.method).toBe('saturated');
    expect(Number.isFinite(full.estimate)).toBe(true);
  });
});
