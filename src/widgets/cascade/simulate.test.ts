import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { survivorUtilisation } from '../../formulas/cascade';
import { presets } from './params';
import type { CascadeParams } from './params';
import { HEALTHY_SHARE, poisson, simulateCascadeAll } from './simulate';
import { cascadeTheory } from './theory';

const blip = presets['metastable-blip'].params;
const run = (over: Partial<CascadeParams>, seed = 4) =>
  simulateCascadeAll({ ...blip, ...over }, seed);

describe('the pool simulation', () => {
  it('is seeded: the same seed gives the same run, another seed another', () => {
    const a = run({});
    const b = run({});
    const c = run({}, 5);
    expect(Array.from(a.series.attempts)).toEqual(Array.from(b.series.attempts));
    expect(a.totals).toEqual(b.totals);
    expect(Array.from(c.series.attempts)).not.toEqual(Array.from(a.series.attempts));
  });

  it('keeps every user request accounted for: answered plus given up never exceeds those sent', () => {
    for (const [name, preset] of Object.entries(presets)) {
      const r = simulateCascadeAll(preset.params, preset.seed);
      expect(r.totals.answered + r.totals.gaveUp, name).toBeLessThanOrEqual(r.totals.users + 1e-6);
      for (const x of Object.values(r.series))
        expect(Array.from(x as Float64Array).every(Number.isFinite), name).toBe(true);
    }
  });

  it('with headroom and no failure, retries almost nothing and answers all', () => {
    const r = run({ failCount: 0, users: 50 });
    expect(r.outcome).toBe('held');
    // A burst of Poisson arrivals can still time out the odd attempt, so not exactly 1.
    expect(r.totals.attempts / r.totals.users).toBeLessThan(1.001);
    expect(run({ failCount: 0, users: 20 }).totals.attempts).toBe(
      run({ failCount: 0, users: 20 }).totals.users,
    );
    expect(r.totals.answered / r.totals.users).toBeGreaterThan(0.999);
  });

  it('measures the survivors’ load the formula u·n/(n − k) predicts, inside its interval', () => {
    const preset = presets.headroom;
    const theory = survivorUtilisation(6, 300 / 600, 1);
    expect(theory.ok && theory.value.utilisation).toBeCloseTo(0.6, 12);
    for (const seed of [1, 2, 3]) {
      const r = simulateCascadeAll(preset.params, seed);
      expect(r.outcome).toBe('held');
      const s = r.survivors!;
      expect(s.first.low).toBeLessThanOrEqual(0.6);
      expect(s.first.high).toBeGreaterThanOrEqual(0.6);
      expect(s.first.high - s.first.low).toBeLessThan(0.05);
    }
  });

  it('stays stuck after the blip, offered what the formula says a failing pool offers itself', () => {
    const theory = cascadeTheory(blip);
    expect(theory.region).toBe('vulnerable');
    expect(theory.stuckLoad).toBeCloseTo(240, 9);
    for (const seed of [1, 4, 9]) {
      const r = run({}, seed);
      expect(r.outcome).toBe('metastable');
      expect(r.triggerEndS).toBe(150);
      expect(r.final.answeredShare).toBeLessThan(0.01);
      // Users' Poisson noise over the last 30 s: within 5 % of 60 × 4.
      expect(r.final.attemptsPerS).toBeGreaterThan(240 * 0.95);
      expect(r.final.attemptsPerS).toBeLessThan(240 * 1.05);
    }
  });

  it('recovers from the same blip without retries, where a failing pool cannot hold itself up', () => {
    expect(cascadeTheory({ ...blip, retries: 0 }).region).toBe('stable');
    const r = run({ retries: 0 });
    expect(r.outcome).toBe('recovered');
    expect(r.recoveredAtS).toBeGreaterThanOrEqual(150);
    expect(r.final.answeredShare).toBeGreaterThan(HEALTHY_SHARE);
  });

  it('gets out by shedding, a retry budget or enough capacity, and not by too little or by backoff', () => {
    expect(run({ fix: 'shed', fixAtS: 200 }).outcome).toBe('recovered');
    expect(run({ fix: 'budget', fixAtS: 200 }).outcome).toBe('recovered');
    // 150 a second is below the 240 offered; 250 is above it.
    expect(run({ fix: 'capacity', fixAtS: 200, fixServers: 5 }).outcome).toBe('metastable');
    expect(run({ fix: 'capacity', fixAtS: 200, fixServers: 15 }).outcome).toBe('recovered');
    const backoff = run({ backoffMs: 1000 });
    expect(backoff.outcome).toBe('metastable');
    expect(backoff.final.attemptsPerS).toBeGreaterThan(240 * 0.95);
  });

  it('a flushed cache that only answers refill stays cold, with no retries at all', () => {
    const p = presets['cold-cache'];
    const theory = cascadeTheory(p.params);
    expect(theory.flushFactor).toBeCloseTo(2.5, 12);
    expect(theory.stuckLoadCold).toBeGreaterThanOrEqual(theory.capacity);
    const r = simulateCascadeAll(p.params, p.seed);
    expect(r.outcome).toBe('metastable');
    expect(r.final.hit).toBeLessThan(0.01);
  });

  it('one failure too many cascades: the health check takes the survivors out one after another', () => {
    const p = presets['one-too-many'];
    expect(cascadeTheory(p.params).tolerable).toBe(1);
    const r = simulateCascadeAll(p.params, p.seed);
    expect(r.outcome).toBe('overloaded');
    expect(r.totals.ejections).toBeGreaterThan(4);
    expect(r.final.serving).toBeLessThan(1);
    // With one failure the same pool holds.
    expect(simulateCascadeAll({ ...p.params, failCount: 1 }, p.seed).outcome).not.toBe(
      'overloaded',
    );
  });

  it('retries tip a pool at 94 % over; without them it holds', () => {
    const p = presets['retries-tip'];
    expect(simulateCascadeAll(p.params, p.seed).outcome).toBe('overloaded');
    const without = simulateCascadeAll({ ...p.params, retries: 0 }, p.seed);
    expect(without.final.answeredShare).toBeGreaterThan(0.99);
  });

  it('keeps its series to a few hundred points', () => {
    const r = run({ durationS: 1800 });
    expect(r.series.t.length).toBeLessThanOrEqual(300);
  });
});

describe('poisson', () => {
  it.each([3, 100])('has mean and variance %d over 20,000 draws', (mean) => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20_000 }, () => poisson(rng, mean));
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    // Standard error of the mean is sqrt(mean/20,000): 4 of them.
    expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(mean / 20_000));
    expect(v / mean).toBeGreaterThan(0.95);
    expect(v / mean).toBeLessThan(1.05);
  });
});
