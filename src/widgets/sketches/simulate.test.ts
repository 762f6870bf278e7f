import { describe, expect, it } from 'vitest';
import { runToEnd } from '../shared/experiment';
import { logLadder, simulateCountMin, simulateHll } from './simulate';
import type { CountMinRunParams, HllRunParams } from './simulate';

function drain<R>(it: Generator<number, R, void>): { result: R; progress: number[] } {
  const progress: number[] = [];
  for (;;) {
    const n = it.next();
    if (n.done) return { result: n.value, progress };
    progress.push(n.value);
  }
}

const rising = (xs: number[]) => xs.every((x, i) => x < 1 && (i === 0 || x >= xs[i - 1]!));

describe('count-min on a Zipf stream', () => {
  const params: CountMinRunParams = {
    epsilon: 0.002,
    delta: 0.01,
    items: 20_000,
    s: 1.1,
    streamLength: 300_000,
    top: 15,
    phi: 0.01,
  };

  it('never undercounts; errors stay within εN for at least 1 − δ of the items', () => {
    const { result: r, progress } = drain(simulateCountMin(params, 21));
    expect(r.width).toBe(1360);
    expect(r.depth).toBe(5);
    expect(r.total).toBe(300_000);
    expect(r.bound).toBeCloseTo(600, 9);
    expect(r.errors.underestimates).toBe(0);
    expect(r.errors.withinBound).toBeGreaterThanOrEqual(1 - params.delta);
    expect(r.errors.max).toBeGreaterThan(0);
    for (let i = 0; i < 15; i++) {
      expect(r.top.estimate[i]).toBeGreaterThanOrEqual(r.top.trueCount[i]!);
      if (i > 0) expect(r.top.trueCount[i]).toBeLessThanOrEqual(r.top.trueCount[i - 1]!);
      // The stream follows its Zipf law: counts within 5 SD of N·p.
      const expected = r.top.expected[i]!;
      expect(Math.abs(r.top.trueCount[i]! - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
    expect(r.top.rank[0]).toBe(0);
    expect(rising(progress)).toBe(true);
  });

  it('heavy hitters: every item at φN or more is reported, and false alarms are counted', () => {
    const r = runToEnd(simulateCountMin(params, 22));
    const { threshold, items, missed, falseAlarms } = r.heavyHitters;
    expect(threshold).toBe(3000);
    expect(missed).toBe(0);
    expect(items.length).toBeGreaterThan(3);
    for (const h of items) expect(h.estimate).toBeGreaterThanOrEqual(threshold);
    expect(falseAlarms).toBe(items.filter((h) => h.trueCount < threshold).length);
    expect(items.map((h) => h.rank).slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe('HyperLogLog as a stream grows', () => {
  const params: HllRunParams = {
    precision: 10,
    streamLength: 400_000,
    universe: 250_000,
    points: 25,
  };

  it('estimates stay within 3σ of the true distinct count; without α_m they run ~39 % high', () => {
    const { result: r, progress } = drain(simulateHll(params, 31));
    expect(r.m).toBe(1024);
    expect(r.standardError).toBeCloseTo(1.04 / 32, 15);
    const n = r.position.length;
    expect(r.position[n - 1]).toBe(400_000);
    for (let i = 0; i < n; i++) {
      const truth = r.trueDistinct[i]!;
      expect(truth).toBeLessThanOrEqual(r.position[i]!);
      if (i > 0) expect(truth).toBeGreaterThanOrEqual(r.trueDistinct[i - 1]!);
      expect(Math.abs(r.estimate[i]! - truth)).toBeLessThanOrEqual(3 * r.standardError * truth);
      expect(r.bandLow[i]).toBeCloseTo(truth * (1 - r.standardError), 6);
      expect(r.bandHigh[i]).toBeCloseTo(truth * (1 + r.standardError), 6);
      if (r.method[i] === 'raw') expect(r.withoutAlpha[i]! / truth).toBeGreaterThan(1.25);
    }
    // Draws with repeats: about U·(1 − e^(−L/U)) distinct values from a universe of U.
    const expected = 250_000 * (1 - Math.exp(-400_000 / 250_000));
    expect(Math.abs(r.trueDistinct[n - 1]! - expected)).toBeLessThan(1000);
    expect(r.method[0]).toBe('linear-counting');
    expect(r.method[n - 1]).toBe('raw');
    expect(rising(progress)).toBe(true);
  });

  it('checkpoints rise on a log scale from 1 to the end', () => {
    expect(logLadder(1000, 4)).toEqual([1, 10, 100, 1000]);
    expect(logLadder(5, 10)).toEqual([1, 2, 3, 4, 5]);
    expect(logLadder(7, 1)).toEqual([7]);
  });
});
