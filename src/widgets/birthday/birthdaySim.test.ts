import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { IdSet, simulateBirthday, uniformIdDrawer } from './birthdaySim';
import type { BirthdaySimResult } from './birthdaySim';
import { runToEnd, SLICE } from '../shared/experiment';

function drain<R>(it: Generator<number, R, void>): { result: R; progress: number[] } {
  const progress: number[] = [];
  for (;;) {
    const n = it.next();
    if (n.done) return { result: n.value, progress };
    progress.push(n.value);
  }
}

/** Largest gap between the empirical and theoretical CDFs at the bucket edges. */
const ksDistance = (h: BirthdaySimResult['histogram']) =>
  Math.max(...h.empiricalCdf.map((e, i) => Math.abs(e - h.theoryCdf[i]!)));

describe('birthday simulation, uniform IDs', () => {
  it('23 people / 365 days: first shared birthday after 24.6 people on average, median 23', () => {
    const trials = 5000;
    const r = runToEnd(simulateBirthday({ scheme: 'uniform', space: { values: 365 }, trials }, 1));
    expect(r.theoryMean).toBeCloseTo(24.61658589459885, 10);
    expect(r.theoryMedian).toBe(23);
    // The first repeat has a standard deviation of about 12.2 people.
    expect(Math.abs(r.mean - r.theoryMean)).toBeLessThan((4 * 12.2) / Math.sqrt(trials));
    expect(Math.abs(r.median - 23)).toBeLessThanOrEqual(1);
    expect(Math.min(...r.draws)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...r.draws)).toBeLessThanOrEqual(366);
    // Kolmogorov–Smirnov at 99.9 %: 1.95/√R (conservative for a discrete distribution).
    expect(ksDistance(r.histogram)).toBeLessThan(1.95 / Math.sqrt(trials));
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(trials);
    expect(r.ms).toBeNull();
  });

  it('32-bit IDs collide after about 82,000 draws (√(πd/2)), yielding about every 50,000', () => {
    const trials = 20;
    const { result: r, progress } = drain(
      simulateBirthday({ scheme: 'uniform', space: { bits: 32 }, trials }, 2),
    );
    expect(r.theoryMean).toBeCloseTo(Math.sqrt((Math.PI * 2 ** 32) / 2) + 2 / 3, 3);
    expect(r.theoryMedian).toBe(77_164);
    const sd = Math.sqrt((2 - Math.PI / 2) * 2 ** 32);
    expect(Math.abs(r.mean - r.theoryMean)).toBeLessThan((4 * sd) / Math.sqrt(trials));
    const drawn = r.draws.reduce((a, b) => a + b, 0);
    expect(progress.length).toBe(Math.floor(drawn / SLICE));
    expect(progress.every((x, i) => x < 1 && (i === 0 || x >= progress[i - 1]!))).toBe(true);
  });

  it('is a pure function of params and seed', () => {
    const p = { scheme: 'uniform', space: { bits: 12 }, trials: 50 } as const;
    const a = runToEnd(simulateBirthday(p, 3));
    expect(runToEnd(simulateBirthday(p, 3))).toEqual(a);
    expect(runToEnd(simulateBirthday(p, 4)).draws).not.toEqual(a.draws);
  });
});

describe('birthday simulation, "millisecond timestamp + random(0..999)"', () => {
  it('10 machines at 100 IDs/s: a collision every 2 s or so, geometric in milliseconds', () => {
    const trials = 2000;
    const r = runToEnd(
      simulateBirthday(
        { scheme: 'timestamp', machines: 10, idsPerSecond: 100, randomValues: 1000, trials },
        5,
      ),
    );
    // Theory (theory.test.ts): q = 4.995 × 10^−4 a millisecond, mean 2,001.8 ms, median 1,388 ms.
    expect(r.theoryMean).toBeCloseTo(2001.833263920353, 6);
    expect(r.theoryMedian).toBe(1388);
    // A geometric wait's standard deviation is about its mean.
    expect(Math.abs(r.mean - r.theoryMean)).toBeLessThan((4 * r.theoryMean) / Math.sqrt(trials));
    expect(ksDistance(r.histogram)).toBeLessThan(1.95 / Math.sqrt(trials));
    // About one ID a millisecond: the IDs drawn track the milliseconds waited.
    const ms = r.ms!;
    const totalMs = ms.reduce((a, b) => a + b, 0);
    const totalIds = r.draws.reduce((a, b) => a + b, 0);
    expect(Math.abs(totalIds / totalMs - 1)).toBeLessThan(0.02);
  });

  it('busy machines collide within the first millisecond or two', () => {
    const r = runToEnd(
      simulateBirthday(
        { scheme: 'timestamp', machines: 100, idsPerSecond: 500, randomValues: 1000, trials: 3000 },
        6,
      ),
    );
    // q = 0.7018 a millisecond: P(first collision in ms 1) = q.
    const first = r.ms!.filter((t) => t === 1).length / 3000;
    expect(Math.abs(first - 0.7017537616734566)).toBeLessThan(4 * Math.sqrt((0.7 * 0.3) / 3000));
  });
});

describe('the pieces', () => {
  it('draws uniformly below d for powers of two, other d, and d beyond 2^32', () => {
    const rng = createRng(9);
    for (const d of [1, 2, 365, 2 ** 20, 2 ** 32, 3 * 2 ** 40, 2 ** 53]) {
      const draw = uniformIdDrawer(rng, d);
      let sum = 0;
      let inRange = true;
      const n = 20_000;
      for (let i = 0; i < n; i++) {
        const x = draw();
        inRange &&= Number.isInteger(x) && x >= 0 && x < d;
        sum += x;
      }
      expect(inRange).toBe(true);
      // Mean (d − 1)/2 with standard deviation d/√12 per draw.
      const mean = sum / n;
      expect(Math.abs(mean - (d - 1) / 2)).toBeLessThanOrEqual((4 * d) / Math.sqrt(12 * n) + 1e-9);
    }
  });

  it('the ID set finds repeats, grows past its first size, and forgets on clear', () => {
    const set = new IdSet(10);
    const ids = Array.from({ length: 5000 }, (_, i) => i * 4294967311 + 7); // above 2^32 too
    expect(ids.filter((id) => set.hasOrAdd(id))).toEqual([]);
    expect(set.count).toBe(5000);
    expect(ids.every((id) => set.hasOrAdd(id))).toBe(true);
    set.clear();
    expect(set.count).toBe(0);
    expect(set.hasOrAdd(ids[42]!)).toBe(false);
    expect(set.hasOrAdd(ids[42]!)).toBe(true);
  });
});
