import { describe, expect, it } from 'vitest';
import { simulateQueueAll } from './simulate';
import type { QueueSimParams } from './simulate';
import { mg1, mm1, mmc, mmck } from './theory';
import type { QueueResult } from './theory';

const metrics = (r: QueueResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.metrics;
};

const base: QueueSimParams = {
  lambda: 0.8,
  meanService: 1,
  service: 'exponential',
  cv: 1,
  servers: 1,
  room: null,
  durationS: 250_000,
  warmupS: 2_000,
  burst: null,
};

/** Theory must sit inside the simulation's 95 % interval, widened a little for the seed's luck. */
function expectAgrees(sim: { mean: number; halfWidth: number | null }, theory: number) {
  expect(sim.halfWidth).not.toBeNull();
  expect(Math.abs(sim.mean - theory)).toBeLessThan(1.5 * sim.halfWidth!);
}

describe('queue simulation agrees with the closed forms (fixed seeds)', () => {
  it('M/M/1 at ρ = 0.8: W, L and utilisation', () => {
    const sim = simulateQueueAll(base, 1);
    const theory = metrics(mm1(0.8, 1));
    expectAgrees(sim.W, theory.W);
    expectAgrees(sim.Wq, theory.Wq);
    expect(sim.L).toBeGreaterThan(theory.L * 0.9);
    expect(sim.L).toBeLessThan(theory.L * 1.1);
    expect(Math.abs(sim.utilisation - 0.8)).toBeLessThan(0.01);
  });

  it('M/M/10 at ρ = 0.8: Erlang C waiting', () => {
    const sim = simulateQueueAll(
      { ...base, lambda: 8, servers: 10, durationS: 40_000, warmupS: 500 },
      2,
    );
    const theory = metrics(mmc(8, 1, 10));
    expectAgrees(sim.Wq, theory.Wq);
    expectAgrees(sim.pWait, theory.pWait);
  });

  it('M/M/c across a grid of ρ and c: W, Wq and P(wait) inside their intervals', () => {
    let seed = 100;
    for (const rho of [0.3, 0.6, 0.85]) {
      for (const c of [1, 4, 16]) {
        const lambda = rho * c; // μ = 1
        // About 300 000 customers after a warm-up of a few thousand mean visits.
        const p = { ...base, lambda, servers: c, durationS: 300_000 / lambda, warmupS: 5_000 };
        const sim = simulateQueueAll(p, ++seed);
        const theory = metrics(mmc(lambda, 1, c));
        expectAgrees(sim.W, theory.W);
        expectAgrees(sim.Wq, theory.Wq);
        expectAgrees(sim.pWait, theory.pWait);
        expect(Math.abs(sim.utilisation - rho)).toBeLessThan(0.01);
      }
    }
  });

  it('M/D/1 at ρ = 0.8: Pollaczek–Khinchine', () => {
    const sim = simulateQueueAll({ ...base, service: 'deterministic' }, 3);
    expectAgrees(sim.Wq, metrics(mg1(0.8, 1, 0)).Wq);
  });

  it('log-normal service with CV 2: Pollaczek–Khinchine', () => {
    const sim = simulateQueueAll(
      { ...base, lambda: 0.6, service: 'lognormal', cv: 2, durationS: 400_000 },
      4,
    );
    expectAgrees(sim.Wq, metrics(mg1(0.6, 1, 2)).Wq);
  });

  it('M/M/3/6: the share turned away', () => {
    const sim = simulateQueueAll(
      { ...base, lambda: 2, servers: 3, room: 6, durationS: 100_000, warmupS: 100 },
      5,
    );
    const theory = metrics(mmck(2, 1, 3, 6));
    expect(Math.abs(sim.dropRate - theory.pBlock)).toBeLessThan(0.004);
    expectAgrees(sim.W, theory.W);
  });
});

describe('queue simulation behaviour', () => {
  it('with ρ ≥ 1 and no room limit, the queue grows over the horizon', () => {
    const sim = simulateQueueAll({ ...base, lambda: 1.2, durationS: 2_000, warmupS: 0 }, 6);
    const s = sim.inSystem;
    expect(s.length).toBe(400);
    expect(sim.binS).toBe(5);
    const early = s.slice(0, 40).reduce((x, y) => x + y, 0) / 40;
    const late = s.slice(-40).reduce((x, y) => x + y, 0) / 40;
    expect(late).toBeGreaterThan(early * 5);
    expect(late).toBeGreaterThan(200);
  });

  it('a burst adds the expected arrivals', () => {
    const p = {
      ...base,
      lambda: 10,
      durationS: 2_000,
      warmupS: 0,
      burst: { startS: 500, endS: 700, factor: 3 },
    };
    const sim = simulateQueueAll({ ...p, servers: 40 }, 7);
    const expected = 10 * 2_000 + 10 * 2 * 200;
    expect(Math.abs(sim.arrivals - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('is a pure function of params and seed; the wait histogram holds every admitted wait', () => {
    const p = { ...base, durationS: 5_000, warmupS: 100 };
    const a = simulateQueueAll(p, 9);
    expect(simulateQueueAll(p, 9)).toEqual(a);
    expect(simulateQueueAll(p, 10).W.mean).not.toBe(a.W.mean);
    expect(a.waitCounts.reduce((x, y) => x + y, 0) + a.noWait).toBe(a.admitted);
    expect(a.waitP50).toBeLessThanOrEqual(a.waitP95);
    expect(a.waitP95).toBeLessThanOrEqual(a.waitP99);
  });

  it("Little's law holds for the simulation's own measurements", () => {
    for (const [lambda, servers, seed] of [
      [0.5, 1, 11],
      [7, 10, 12],
      [2.5, 3, 13],
    ] as const) {
      const sim = simulateQueueAll(
        { ...base, lambda, servers, durationS: 20_000, warmupS: 500 },
        seed,
      );
      // Edge effects (customers straddling the window's ends) are a few customers' worth.
      expect(Math.abs(sim.L - sim.throughput * sim.W.mean)).toBeLessThan(0.02 * sim.L + 0.01);
      expect(Math.abs(sim.Lq - sim.throughput * sim.Wq.mean)).toBeLessThan(0.03 * sim.Lq + 0.01);
    }
  });

  it('counts waiting customers as those beyond the busy servers', () => {
    const sim = simulateQueueAll({ ...base, lambda: 9, servers: 10, durationS: 3_000 }, 14);
    for (let b = 0; b < sim.inSystem.length; b++) {
      expect(sim.waiting[b]).toBeLessThanOrEqual(sim.inSystem[b]!);
      expect(sim.waiting[b]).toBeGreaterThanOrEqual(Math.max(0, sim.inSystem[b]! - 10) - 1e-4);
    }
  });

  it('the per-bin series are time averages that add up to L and Lq', () => {
    const mean = (xs: Float32Array) => xs.reduce((x, y) => x + y, 0) / xs.length;
    for (const p of [
      { ...base, lambda: 0.9, durationS: 4_000, warmupS: 0 },
      // 250 000 arrivals, so the loop runs in three slices, and visits (20 s) longer than a
      // bin (12.5 s), so most customers carry over into later bins and slices.
      { ...base, lambda: 50, meanService: 20, servers: 1_200, durationS: 5_000, warmupS: 0 },
      { ...base, lambda: 12, servers: 10, room: 14, durationS: 20_000, warmupS: 0 },
    ]) {
      const sim = simulateQueueAll(p, 15);
      expect(mean(sim.inSystem)).toBeCloseTo(sim.L, 4);
      expect(mean(sim.waiting)).toBeCloseTo(sim.Lq, 4);
      // The batch sums cover every admitted customer, however the slices cut the batches.
      expect(sim.pWait.mean * sim.admitted).toBeCloseTo(sim.admitted - sim.noWait, 6);
    }
  });
});
