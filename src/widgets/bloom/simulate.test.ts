import { describe, expect, it } from 'vitest';
import { runToEnd, SLICE } from '../shared/experiment';
import { simulateBloom } from './simulate';
import type { BloomExperimentParams } from './simulate';

function drain<R>(it: Generator<number, R, void>): { result: R; progress: number[] } {
  const progress: number[] = [];
  for (;;) {
    const n = it.next();
    if (n.done) return { result: n.value, progress };
    progress.push(n.value);
  }
}

const rising = (xs: number[]) => xs.every((x, i) => x < 1 && (i === 0 || x >= xs[i - 1]!));

describe('Bloom experiment', () => {
  // 10,000 keys sized for 1 %: m = ⌈−10⁴·ln 0.01/(ln 2)²⌉, best k = 7.
  const params: BloomExperimentParams = {
    m: 95_851,
    n: 10_000,
    k: 7,
    kFrom: 1,
    kTo: 12,
    probes: 100_000,
    points: 8,
  };

  it('measured false-positive rates land on (1 − e^(−kn/m))^k, along the fill and across k', () => {
    const { result: r, progress } = drain(simulateBloom(params, 11));
    let outside = 0;
    const series = [r.fill, r.byK];
    for (const s of series) {
      for (let i = 0; i < s.theory.length; i++) {
        const p = s.theory[i]!;
        const sd = Math.sqrt((p * (1 - p)) / params.probes);
        expect(Math.abs(s.measured[i]! - p)).toBeLessThan(4 * sd + 1e-5);
        if (p < s.low[i]! || p > s.high[i]!) outside++;
        expect(s.falsePositives[i]).toBe(Math.round(s.measured[i]! * params.probes));
      }
    }
    // 20 points, 95 % intervals: a few misses are luck, many would be a bug.
    expect(outside).toBeLessThanOrEqual(3);
    expect(Array.from(r.fill.inserted)).toEqual([1250, 2500, 3750, 5000, 6250, 7500, 8750, 10_000]);
    for (let i = 0; i < 8; i++)
      expect(Math.abs(r.fill.bitsSet[i]! - r.fill.bitsSetTheory[i]!)).toBeLessThan(0.005);
    expect(Array.from(r.byK.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // The optimum: k = 7 at about 1 %, and the measured minimum sits beside it.
    expect(r.optimum.k).toBe(7);
    const best = r.byK.measured.indexOf(Math.min(...r.byK.measured)) + 1;
    expect(Math.abs(best - 7)).toBeLessThanOrEqual(1);
    // The fill ladder ends where the k = 7 filter of the sweep does: same keys, same hashes.
    expect(r.fill.measured[7]).toBe(r.byK.measured[6]);
    // Progress: forward only, below 1, about one report per 50,000 operations.
    expect(rising(progress)).toBe(true);
    const ops = 10_000 + 8 * 100_000 + 12 * (10_000 + 100_000);
    expect(progress.length).toBeGreaterThanOrEqual(ops / SLICE);
  });

  it('is a pure function of params and seed', () => {
    const small = { ...params, probes: 20_000, kTo: 3, points: 2 };
    const a = runToEnd(simulateBloom(small, 5));
    expect(runToEnd(simulateBloom(small, 5))).toEqual(a);
    expect(runToEnd(simulateBloom(small, 6)).byK.falsePositives).not.toEqual(a.byK.falsePositives);
  });
});
