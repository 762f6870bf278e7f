import { describe, expect, it } from 'vitest';
import { simulateLoop } from '../../formulas/autoscaling';
import { autoscalerSchema, presets } from './params';
import type { AutoscalerParams } from './params';
import {
  replicasFor,
  runStrategy,
  simulateAutoscalerAll,
  trafficCurve,
  trafficShape,
} from './simulate';
import type { Strategy, StrategyRun } from './types';

const sale = presets['flash-sale'].params;
const quiet: AutoscalerParams = { ...sale, noiseCv: 0 };
const run = (runs: StrategyRun[], s: Strategy) => runs.find((r) => r.strategy === s)!;

describe('traffic', () => {
  it('ramps exponentially from base to peak, holds, and comes back', () => {
    // Flash sale: 2,000 → 10,000 req/s over minutes 20–30, held to 70, back down by 80.
    expect(trafficShape(sale, 0)).toBe(2000);
    expect(trafficShape(sale, 25)).toBeCloseTo(2000 * Math.sqrt(5), 6);
    expect(trafficShape(sale, 30)).toBe(10_000);
    expect(trafficShape(sale, 69)).toBe(10_000);
    expect(trafficShape(sale, 75)).toBeCloseTo(10_000 / Math.sqrt(5), 6);
    expect(trafficShape(sale, 80)).toBe(2000);
  });

  it('adds multiplicative noise with the stated spread, the same wobble for a seed', () => {
    const flat = { ...sale, baseRps: 1000, peakRps: 1000, durationMin: 1440, noiseCv: 0.1 };
    const load = trafficCurve(flat, 3);
    const mean = load.reduce((s, x) => s + x, 0) / load.length;
    const sd = Math.sqrt(load.reduce((s, x) => s + (x - mean) ** 2, 0) / (load.length - 1));
    expect(Math.abs(mean - 1000)).toBeLessThan((4 * 100) / Math.sqrt(1440));
    expect(sd).toBeGreaterThan(90);
    expect(sd).toBeLessThan(110);
    // Twice the noise, same seed: every deviation doubles.
    const louder = trafficCurve({ ...flat, noiseCv: 0.2 }, 3);
    expect(louder[7]! - 1000).toBeCloseTo(2 * (load[7]! - 1000), 6);
  });
});

describe('autoscaler loop', () => {
  it('with no start-up delay it is the lesson’s control loop, step for step', () => {
    // The lesson's thrashing example: work in replicas' worth, 9 replicas, target 60 %.
    const loads = [5.4, 5.4, 3.4, 5.6, 3.5, 5.5, 3.6, 5.4, 3.4, 5.6];
    for (const downWindow of [0, 5]) {
      const lesson = simulateLoop({
        loads,
        start: 9,
        target: 0.6,
        tolerance: 0.1,
        minReplicas: 2,
        maxReplicas: 20,
        downWindow,
        upWindow: 0,
      });
      if (!lesson.ok) throw new Error(lesson.reason);
      const p: AutoscalerParams = {
        ...quiet,
        // Capacity 100 req/s a replica; the first minute's load is what 9 replicas need at 60 %.
        baseRps: 540,
        peakRps: 540,
        capacityRps: 100,
        durationMin: loads.length,
        target: 0.6,
        tolerance: 0.1,
        minReplicas: 2,
        maxReplicas: 20,
        delayMin: 0,
        downWindowMin: downWindow,
      };
      const ours = runStrategy(
        p,
        Float64Array.from(loads, (x) => x * 100),
        downWindow ? 'stabilised' : 'reactive',
      );
      expect(Array.from(ours.ready)).toEqual(lesson.value.steps.map((s) => s.replicas));
      expect(ours.actions).toBe(lesson.value.actions);
      expect(ours.reversals).toBe(lesson.value.reversals);
    }
  });

  it('steady traffic without noise: the count the load needs, and no action at all', () => {
    const p = { ...quiet, peakRps: sale.baseRps, holdMinutes: 0 };
    const r = simulateAutoscalerAll(p, 1);
    for (const s of r.runs) {
      expect(new Set(s.ready)).toEqual(new Set([replicasFor(p, 2000)]));
      expect(s.actions).toBe(0);
      expect(s.unserved).toBe(0);
    }
    expect(replicasFor(p, 2000)).toBe(34); // ceil(2000 / (100 × 0.6))
  });

  it('after a long hold it settles on the replicas the peak needs, or within the tolerance band', () => {
    const exact = { ...quiet, holdMinutes: 120, durationMin: 200, tolerance: 0 };
    const endOfHold = exact.rampStartMin + exact.rampMinutes + exact.holdMinutes - 1;
    const r = simulateAutoscalerAll(exact, 1);
    expect(r.theory.peakReplicas).toBe(167); // ceil(10,000 / 60)
    for (const s of r.runs) expect(s.ready[endOfHold], s.strategy).toBe(167);
    // With a 10 % band the count stops wherever utilisation is within 10 % of the target.
    const banded = simulateAutoscalerAll({ ...exact, tolerance: 0.1 }, 1);
    for (const s of banded.runs) {
      const u = 10_000 / (s.ready[endOfHold]! * 100);
      expect(Math.abs(u / 0.6 - 1), s.strategy).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });

  it('during a long ramp a reactive scaler runs at target × (1 + g)^lag', () => {
    // 2 % a minute for 100 minutes, 5-minute start-up, no tolerance band.
    const p: AutoscalerParams = {
      ...quiet,
      peakRps: 2000 * 1.02 ** 100,
      rampMinutes: 100,
      durationMin: 200,
      tolerance: 0,
      maxReplicas: 1000,
    };
    expect(autoscalerSchema.safeParse(p).success).toBe(true);
    const r = simulateAutoscalerAll(p, 1);
    expect(r.theory.growthPerMinute).toBeCloseTo(0.02, 9);
    expect(r.theory.lagMinutes).toBe(6);
    expect(r.theory.rampUtilisation).toBeCloseTo(0.6 * 1.02 ** 6, 9);
    // Rounding up to whole replicas keeps it a little below the formula, never above.
    expect(r.theory.measuredRampUtilisation!).toBeLessThanOrEqual(r.theory.rampUtilisation);
    expect(r.theory.measuredRampUtilisation!).toBeGreaterThan(r.theory.rampUtilisation * 0.97);
  });

  it('reading a saturated metric, it can multiply replicas by at most 1/target per order', () => {
    for (const preset of [presets['flash-sale'], presets['cold-start']]) {
      const p = preset.params;
      const r = simulateAutoscalerAll(p, preset.seed);
      for (const s of [run(r.runs, 'reactive'), run(r.runs, 'stabilised')]) {
        let most = s.ready[0]!;
        for (let m = 1; m < p.durationMin; m++) {
          // Everything serving was ordered when at most `most` were ready and reading ≤ 100 %.
          expect(s.ready[m]!).toBeLessThanOrEqual(
            Math.max(most, Math.ceil(most / p.target - 1e-9)),
          );
          most = Math.max(most, s.ready[m]!);
        }
      }
      // The cold start's ramp (17 % a minute) outruns what the rule can follow (3 % a minute).
      if (p.delayMin === 15) expect(r.theory.followableGrowth).toBeCloseTo(0.6 ** (-1 / 16) - 1, 9);
    }
  });

  it('its books balance: unserved work, cost and the min/max bounds', () => {
    for (const [name, preset] of Object.entries(presets)) {
      const p = preset.params;
      const r = simulateAutoscalerAll(p, preset.seed);
      for (const s of r.runs) {
        let unserved = 0;
        let cost = 0;
        let demanded = 0;
        for (let m = 0; m < p.durationMin; m++) {
          const capacity = s.ready[m]! * p.capacityRps;
          unserved += Math.max(0, r.load[m]! - capacity) * 60;
          demanded += r.load[m]! * 60;
          cost += s.ready[m]!;
          expect(s.ready[m]! + s.pending[m]!).toBeLessThanOrEqual(p.maxReplicas);
          expect(s.ready[m]!).toBeGreaterThanOrEqual(Math.min(p.minReplicas, s.ready[0]!));
          expect(s.utilisation[m]).toBeCloseTo(r.load[m]! / capacity, 4);
        }
        expect(s.unserved, `${name} ${s.strategy}`).toBeCloseTo(unserved, 3);
        expect(s.unservedShare).toBeCloseTo(unserved / demanded, 9);
        expect(s.replicaMinutes).toBe(cost);
        expect(s.reversals).toBeLessThan(Math.max(1, s.actions));
      }
    }
  });

  it('in the flash sale, prediction serves far more; in noisy flat traffic, the window stops the flapping', () => {
    const saleRun = simulateAutoscalerAll(sale, presets['flash-sale'].seed);
    const reactive = run(saleRun.runs, 'reactive');
    const predictive = run(saleRun.runs, 'predictive');
    expect(predictive.unserved).toBeLessThan(reactive.unserved / 3);
    expect(predictive.replicaMinutes).toBeGreaterThan(reactive.replicaMinutes);
    const noisy = simulateAutoscalerAll(presets['noisy-flat'].params, presets['noisy-flat'].seed);
    expect(run(noisy.runs, 'stabilised').actions).toBeLessThan(
      run(noisy.runs, 'reactive').actions / 2,
    );
  });

  it('is a pure function of params and seed', () => {
    const a = simulateAutoscalerAll(sale, 5);
    expect(simulateAutoscalerAll(sale, 5)).toEqual(a);
    expect(simulateAutoscalerAll(sale, 6).load[0]).not.toBe(a.load[0]);
  });
});
