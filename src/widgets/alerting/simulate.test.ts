import { describe, expect, it } from 'vitest';
import { presetComparison, policyPresets, defaultWorld } from './params';
import { nearestRankPercentile as percentile } from '../../formulas/quantiles';
import { runPolicy, simulateComparison } from './simulate';
import type { ComparisonParams, ComparisonResult, Policy } from './simulate';
import { affectedServices, dailyLoad, generateWorld, isNight } from './world';

function finish(params: ComparisonParams, seed: number): ComparisonResult {
  const gen = simulateComparison(params, seed);
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}

const preset = (name: keyof typeof policyPresets): Policy =>
  structuredClone(policyPresets[name].policy);

describe('the world', () => {
  it('has a daily cycle peaking at 19:00 and a night from 23:00 to 07:00', () => {
    expect(dailyLoad(19 * 60)).toBeCloseTo(1.5, 12);
    expect(dailyLoad(7 * 60)).toBeCloseTo(0.5, 12);
    expect([
      isNight(22 * 60 + 59),
      isNight(23 * 60),
      isNight(6 * 60 + 59),
      isNight(7 * 60),
    ]).toEqual([false, true, true, false]);
  });

  it('is a pure function of (seed, params)', () => {
    const a = generateWorld(defaultWorld, 5);
    const b = generateWorld(defaultWorld, 5);
    expect(a.incidents).toEqual(b.incidents);
    expect(a.services[2]!.errorRatio).toEqual(b.services[2]!.errorRatio);
    expect(generateWorld(defaultWorld, 6).incidents).not.toEqual(a.incidents);
  });

  it('never overlaps two incidents in one service, and each hurts its callers', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const w = generateWorld({ ...defaultWorld, days: 14, incidentsPerWeek: 10 }, seed);
      for (const x of w.incidents)
        for (const y of w.incidents)
          if (x !== y && x.service === y.service)
            expect(x.end <= y.start || y.end <= x.start).toBe(true);
      for (const inc of w.incidents) {
        // Mid-incident its own error ratio is far above the 0.04 % baseline.
        const mid = Math.floor((inc.start + inc.end) / 2);
        expect(w.services[inc.service]!.errorRatio[mid]!).toBeGreaterThan(0.005);
        for (const s of affectedServices(w, inc))
          expect(s === inc.service || w.dependsOn[s]![inc.service]).toBe(true);
      }
    }
  });

  it('produces about the requested number of incidents over many seeds', () => {
    let total = 0;
    for (let seed = 0; seed < 40; seed++)
      total += generateWorld(defaultWorld, seed).incidents.length;
    // Poisson mean 5 per week: 40 weeks give 200 ± 3σ (σ ≈ 14).
    expect(total).toBeGreaterThan(200 - 45);
    expect(total).toBeLessThan(200 + 45);
  });
});

describe('comparing policies', () => {
  it('is a pure function of (seed, world, policy)', () => {
    const params = presetComparison('noisy-week');
    expect(finish(params, 3)).toEqual(finish(params, 3));
  });

  it('keeps precision and recall within [0, 1] and reports none rather than NaN', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = finish(presetComparison('for-durations'), seed);
      for (const run of r.runs) {
        const o = run.outcomes;
        for (const x of [o.precision, o.recall])
          if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        expect(Number.isFinite(o.impactMinutes)).toBe(true);
        expect(o.peakFatigue).toBeGreaterThanOrEqual(0);
        expect(o.peakFatigue).toBeLessThanOrEqual(1);
      }
    }
    const quiet = finish(
      {
        ...presetComparison('noisy-week'),
        world: { ...defaultWorld, incidentsPerWeek: 0, spikesPerDay: 0 },
      },
      1,
    );
    expect(quiet.runs[0].outcomes.recall).toBeNull();
    expect(quiet.runs[1].outcomes.ttdMedian).toBeNull();
  });

  it('a policy with a strict superset of rules never pages less (no grouping, no inhibition)', () => {
    const base = preset('threshold-everything');
    const fewer: Policy = { ...base, rules: base.rules.slice(0, 1) };
    const two: Policy = { ...base, rules: base.rules.slice(0, 2) };
    for (let seed = 1; seed <= 5; seed++) {
      const world = generateWorld(defaultWorld, seed);
      const p1 = runPolicy(world, fewer, seed).outcomes.pages;
      const p2 = runPolicy(world, two, seed).outcomes.pages;
      const p3 = runPolicy(world, base, seed).outcomes.pages;
      expect(p2).toBeGreaterThanOrEqual(p1);
      expect(p3).toBeGreaterThanOrEqual(p2);
    }
  });

  it('burn rate + grouping + inhibition pages far less than thresholds, catching as many incidents', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const [naive, burn] = finish(presetComparison('noisy-week'), seed).runs;
      expect(burn.outcomes.pages).toBeLessThan(naive.outcomes.pages / 5);
      expect(burn.outcomes.recall!).toBeGreaterThanOrEqual(naive.outcomes.recall!);
      expect(burn.outcomes.peakFatigue).toBeLessThan(naive.outcomes.peakFatigue);
    }
  });

  it('ties pages to incidents only on affected services while the incident runs', () => {
    const world = generateWorld(defaultWorld, 2);
    const run = runPolicy(world, preset('threshold-everything'), 2);
    const incidentMinutes = new Set<number>();
    for (const inc of world.incidents)
      for (let t = inc.start; t < inc.end + 10; t++) incidentMinutes.add(t);
    run.pageMinute.forEach((t, k) => {
      if (run.pageActionable[k]) expect(incidentMinutes.has(t)).toBe(true);
    });
    expect(run.outcomes.pages).toBe(run.pageMinute.length);
  });
});

describe('percentile', () => {
  it('is the nearest rank, and null for nothing', () => {
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([], 0.5)).toBeNull();
  });
});
