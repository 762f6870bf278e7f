import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retrySchedule, retrySleep } from '../../formulas/retries';
import type { Jitter } from '../../formulas/retries';
import { presets, retryStormSchema, WINDOW_S } from './params';
import type { RetryStormParams } from './params';
import {
  bucketFor,
  clientUniform,
  noJitterWaves,
  perWindowOf,
  simulateStormAll,
  windowOf,
} from './simulate';
import type { StrategyRun } from './types';

const herd = presets['thundering-herd'].params;
const run = (runs: StrategyRun[], jitter: Jitter) => runs.find((r) => r.jitter === jitter)!;

describe('no-jitter waves, by hand', () => {
  it('the thundering herd: 2,000 clients, 5 s outage, 100 a window, 8 retries', () => {
    // Ceilings 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10 (capped) s: the retries land together at
    // 0.1, 0.3, 0.7, 1.5, 3.1 s (down), then 6.3, 12.7 and 22.7 s, where one window takes 100.
    const t = noJitterWaves(herd);
    expect(t.waves.map((w) => [w.k, Number(w.atS.toFixed(9)), w.retrying, w.served])).toEqual([
      [1, 0.1, 2000, 0],
      [2, 0.3, 2000, 0],
      [3, 0.7, 2000, 0],
      [4, 1.5, 2000, 0],
      [5, 3.1, 2000, 0],
      [6, 6.3, 2000, 100],
      [7, 12.7, 1900, 100],
      [8, 22.7, 1800, 100],
    ]);
    expect(t.succeeded).toBe(300);
    expect(t.gaveUp).toBe(1700);
    // 2,000 first tries, five waves of 2,000, then 2,000 + 1,900 + 1,800.
    expect(t.attempts).toBe(2000 + 5 * 2000 + 2000 + 1900 + 1800);
    expect(t.lastServedS).toBeCloseTo(22.7, 9);
  });

  it('waves that share a window share its capacity', () => {
    // 10 ms base, no outage to speak of: retries at 10, 30, 70 ms all fall in window 0 (0–100 ms).
    const t = noJitterWaves({
      clients: 30,
      outageS: 0,
      capacity: 100, // 10 a window
      retries: 4,
      baseMs: 10,
      capMs: 1000,
    });
    expect(t.waves.map((w) => w.served)).toEqual([10, 0, 0, 10]);
    expect(t.waves[3]!.atS).toBeCloseTo(0.15, 9); // window 1
    expect(t.gaveUp).toBe(10);
  });

  it('a wave landing as the dependency comes back is served, float dust or not', () => {
    // 0.3 + 0.6 s is 0.8999… in binary: the second wave still lands at the end of a 0.9 s outage.
    const p = { clients: 5, outageS: 0.9, capacity: 1000, retries: 3, baseMs: 300, capMs: 10_000 };
    const t = noJitterWaves(p);
    expect(t.waves.map((w) => w.served)).toEqual([0, 5]);
    const none = simulateStormAll(p, 1).runs[0]!;
    expect([none.succeeded, none.attempts]).toEqual([5, 15]);
  });

  it('capacity is rounded down to whole requests a window: 15 a second serves 1 each 100 ms', () => {
    expect(perWindowOf(15)).toBe(1);
    expect(perWindowOf(1005)).toBe(100);
    // Ten clients, one served per 100 ms window, retrying every 100 ms: served at 0.1 … 1.0 s.
    const p = { clients: 10, outageS: 0, capacity: 15, retries: 20, baseMs: 100, capMs: 100 };
    expect(noJitterWaves(p).waves.map((w) => w.served)).toEqual(Array(10).fill(1));
    const none = simulateStormAll(p, 1).runs[0]!;
    // Nearest rank: the median is the 5th of ten, the 95th percentile the 10th.
    expect(none.medianServedS).toBeCloseTo(0.5, 9);
    expect(none.p95ServedS).toBeCloseTo(1.0, 9);
    expect(none.lastServedS).toBeCloseTo(1.0, 9);
  });

  it('no retries: everyone gives up at once', () => {
    const t = noJitterWaves({ ...herd, retries: 0 });
    expect(t).toEqual({ waves: [], succeeded: 0, gaveUp: 2000, attempts: 2000, lastServedS: null });
  });
});

describe('retry storm simulation', () => {
  it('without jitter it agrees exactly with the waves, for every preset', () => {
    for (const preset of Object.values(presets)) {
      const r = simulateStormAll(preset.params, preset.seed);
      const none = run(r.runs, 'none');
      expect(none.succeeded).toBe(r.theory.succeeded);
      expect(none.gaveUp).toBe(r.theory.gaveUp);
      expect(none.attempts).toBe(r.theory.attempts);
      expect(none.lastServedS).toBe(r.theory.lastServedS);
    }
  });

  it('agrees with the waves for any valid settings (property)', () => {
    const params = fc
      .record({
        clients: fc.integer({ min: 1, max: 400 }),
        outageS: fc.double({ min: 0, max: 20, noNaN: true }),
        capacity: fc.integer({ min: 10, max: 5000 }),
        retries: fc.integer({ min: 0, max: 10 }),
        baseMs: fc.integer({ min: 1, max: 2000 }),
        capMs: fc.integer({ min: 1, max: 20_000 }),
      })
      .filter((p) => p.capMs >= p.baseMs);
    fc.assert(
      fc.property(params, fc.nat(), (p, seed) => {
        expect(retryStormSchema.safeParse(p).success).toBe(true);
        const r = simulateStormAll(p, seed);
        const none = run(r.runs, 'none');
        expect([none.succeeded, none.gaveUp, none.attempts]).toEqual([
          r.theory.succeeded,
          r.theory.gaveUp,
          r.theory.attempts,
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('every attempt is accounted for, nobody is served while the dependency is down, and no window serves more than its share', () => {
    for (const [name, preset] of Object.entries(presets)) {
      const p = preset.params;
      const r = simulateStormAll(p, preset.seed);
      for (const s of r.runs) {
        const where = `${name}, ${s.jitter}`;
        expect(s.succeeded + s.gaveUp, where).toBe(p.clients);
        // Whoever gave up after recovery was turned away at least once.
        if (s.gaveUp > s.gaveUpWhileDown) expect(s.rejectedTotal, where).toBeGreaterThan(0);
        // Nobody is served in a bucket that ends before the dependency is back.
        for (let b = 0; (b + 1) * r.bucketS <= p.outageS; b++) expect(s.served[b], where).toBe(0);
        expect(s.attempts, where).toBeLessThanOrEqual(p.clients * (p.retries + 1));
        expect(s.down[0], where).toBeGreaterThanOrEqual(p.clients); // the first tries
        if (s.medianServedS !== null) {
          expect(s.medianServedS, where).toBeGreaterThanOrEqual(p.outageS);
          expect(s.p95ServedS!, where).toBeGreaterThanOrEqual(s.medianServedS);
          expect(s.lastServedS!, where).toBeGreaterThanOrEqual(s.p95ServedS!);
        }
        if (r.bucketS === WINDOW_S) {
          for (const served of s.served) expect(served, where).toBeLessThanOrEqual(r.perWindow);
        }
        expect(s.peakWindow, where).toBeGreaterThanOrEqual(Math.min(1, s.succeeded));
      }
    }
  });

  it('in the thundering herd, jitter serves far more clients than synchronised retries', () => {
    const r = simulateStormAll(herd, presets['thundering-herd'].seed);
    const none = run(r.runs, 'none');
    const full = run(r.runs, 'full');
    const equal = run(r.runs, 'equal');
    expect(none.succeeded).toBe(300);
    expect(none.peakWindow).toBe(2000);
    expect(full.succeeded).toBeGreaterThan(1800);
    expect(equal.succeeded).toBeGreaterThan(1800);
    // Spread out, the busiest window after recovery stays near the capacity of 100.
    expect(full.peakWindow).toBeLessThan(200);
    // Nobody is turned away with full jitter: its few who give up spent every retry in the outage.
    expect(full.rejectedTotal).toBe(0);
    expect(full.gaveUpWhileDown).toBe(full.gaveUp);
    expect(none.gaveUpWhileDown).toBe(0);
  });

  it('while the dependency never comes back, retries land when the schedule says on average', () => {
    // Cap high enough that decorrelated jitter's mean formula holds (base·3^6 < cap).
    const p: RetryStormParams = {
      clients: 20_000,
      outageS: 600,
      capacity: 100,
      retries: 6,
      baseMs: 100,
      capMs: 600_000,
    };
    const r = simulateStormAll(p, 11);
    for (const s of r.runs) {
      const schedule = retrySchedule(0.1, 600, 6, s.jitter);
      if (!schedule.ok) throw new Error(schedule.reason);
      // Mean landing time over all retries: retry k lands after the first k mean sleeps.
      let total = 0;
      let meanTimeOfRetries = 0;
      for (const sleep of schedule.value.meanSleeps) {
        total += sleep;
        meanTimeOfRetries += total / 6;
      }
      // The same from the histogram (bucket midpoints), the first tries at time 0 left out.
      let weighted = 0;
      s.down.forEach((count, b) => (weighted += count * (b + 0.5) * r.bucketS));
      const measured = (weighted - p.clients * 0.5 * r.bucketS) / (s.attempts - p.clients);
      expect(s.gaveUp, s.jitter).toBe(p.clients);
      expect(s.gaveUpWhileDown, s.jitter).toBe(p.clients);
      expect(Math.abs(measured - meanTimeOfRetries), s.jitter).toBeLessThan(
        0.02 * meanTimeOfRetries + r.bucketS / 2,
      );
    }
  });

  it('with ample capacity nobody is ever turned away: whoever gives up does so in the outage', () => {
    const r = simulateStormAll(presets['ample-capacity'].params, presets['ample-capacity'].seed);
    for (const s of r.runs) {
      expect(s.rejectedTotal, s.jitter).toBe(0);
      expect(s.gaveUpWhileDown, s.jitter).toBe(s.gaveUp);
    }
  });

  it('each client’s uniforms are uniform, and sleeps have the recipes’ means', () => {
    const n = 40_000;
    const counts = new Uint32Array(100);
    for (let id = 0; id < n; id++)
      for (let k = 1; k <= 5; k++) counts[Math.floor(clientUniform(7, id, k) * 100)]!++;
    const expected = (n * 5) / 100;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(148.2); // 99.9th percentile of χ² with 99 degrees of freedom
    // Mean sleep before retry 3 (ceiling 0.4 s): full c/2, equal 3c/4; decorrelated's first, 2·base.
    const mean = (f: (id: number) => number) => {
      let sum = 0;
      for (let id = 0; id < n; id++) sum += f(id);
      return sum / n;
    };
    const u = (id: number) => clientUniform(7, id, 3);
    // Standard errors: c/√(12n) for a uniform on [0, c].
    expect(Math.abs(mean((id) => retrySleep('full', 0.1, 10, 3, 0.1, u(id))) - 0.2)).toBeLessThan(
      (4 * 0.4) / Math.sqrt(12 * n),
    );
    expect(Math.abs(mean((id) => retrySleep('equal', 0.1, 10, 3, 0.1, u(id))) - 0.3)).toBeLessThan(
      (4 * 0.2) / Math.sqrt(12 * n),
    );
    expect(
      Math.abs(mean((id) => retrySleep('decorrelated', 0.1, 10, 1, 0.1, u(id))) - 0.2),
    ).toBeLessThan((4 * 0.2) / Math.sqrt(12 * n));
  });

  it('is a pure function of params and seed', () => {
    const p = presets['short-blip'].params;
    const a = simulateStormAll(p, 5);
    expect(simulateStormAll(p, 5)).toEqual(a);
    expect(run(simulateStormAll(p, 6).runs, 'full').attempts).not.toBe(
      run(a.runs, 'full').attempts,
    );
  });
});

describe('windows and buckets', () => {
  it('puts times that are multiples of 100 ms in the window they start', () => {
    expect(windowOf(6.3)).toBe(63);
    expect(windowOf(0.1 + 0.2)).toBe(3);
    expect(windowOf(0.0999)).toBe(0);
  });

  it('chooses a round bucket width that fits the run in at most 240 buckets', () => {
    expect(bucketFor(22.7)).toEqual({ bucketS: 0.1, buckets: 228 });
    expect(bucketFor(62.7)).toEqual({ bucketS: 0.5, buckets: 126 });
    expect(bucketFor(0)).toEqual({ bucketS: 0.1, buckets: 1 });
    const huge = bucketFor(50_000);
    expect(huge.buckets).toBeLessThanOrEqual(240);
  });
});
