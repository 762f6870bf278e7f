import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  mg1,
  mm1,
  mmc,
  mmcc,
  mmck,
  mmcTargetValue,
  mmcWaitQuantile,
  PLAN_MAX_SERVERS,
  smallestServers,
  theoryFor,
} from './theory';
import type { TheoryInput } from './theory';
import type { QueueResult } from './theory';

const m = (r: QueueResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.metrics;
};

// Reference values: exact rational arithmetic in Python (fractions.Fraction), or textbook closed forms.
describe('queueing closed forms', () => {
  it('M/M/1 at ρ = 0.8', () => {
    expect(m(mm1(0.8, 1))).toMatchObject({ rho: 0.8, pWait: 0.8 });
    const q = m(mm1(0.8, 1));
    expect(q.L).toBeCloseTo(4, 12);
    expect(q.Lq).toBeCloseTo(3.2, 12);
    expect(q.W).toBeCloseTo(5, 12);
    expect(q.Wq).toBeCloseTo(4, 12);
  });

  it('Erlang B and C match exact values, including hundreds of servers', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018384570336648132, 14);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    expect(erlangC(10, 8)).toBeCloseTo(0.40918015079644354, 13);
    expect(erlangB(500, 480)).toBeCloseTo(0.014325780722426129, 12);
    expect(erlangC(500, 480)).toBeCloseTo(0.26651251996236414, 12);
  });

  it('M/M/c: Lq = P(wait)·ρ/(1 − ρ), Wq = Lq/λ, W = Wq + 1/μ, L = λW', () => {
    const q = m(mmc(8, 1, 10));
    expect(q.pWait).toBeCloseTo(0.40918015079644354, 12);
    expect(q.Lq).toBeCloseTo((0.40918015079644354 * 0.8) / 0.2, 10);
    expect(q.Wq).toBeCloseTo(q.Lq / 8, 12);
    expect(q.W).toBeCloseTo(q.Wq + 1, 12);
    expect(q.L).toBeCloseTo(8 * q.W, 12);
    // One server: the same as M/M/1.
    expect(m(mmc(0.8, 1, 1)).Lq).toBeCloseTo(3.2, 12);
  });

  it('M/M/c/K matches exact values; M/M/1/K matches its closed form', () => {
    const q = m(mmck(2, 1, 3, 6));
    expect(q.pBlock).toBeCloseTo(0.0481203007518797, 13);
    expect(q.throughput).toBeCloseTo(1.9037593984962407, 13);
    expect(q.L).toBeCloseTo(2.300751879699248, 12);
    expect(q.Lq).toBeCloseTo(0.3969924812030075, 12);
    expect(q.W).toBeCloseTo(1.2085308056872037, 12);
    expect(q.Wq).toBeCloseTo(0.20853080568720378, 12);
    // M/M/1/5 at ρ = 0.5: p_K = (1 − ρ)ρ^K / (1 − ρ^(K+1)) = 1/63.
    expect(m(mmck(1, 2, 1, 5)).pBlock).toBeCloseTo(1 / 63, 14);
  });

  it('M/M/c/K with a huge room and a huge overload: the servers never rest, and P(wait) ≤ 1', () => {
    // 10 000/s at 3 600 s each on 1 000 servers, room for 100 000: rescaled hundreds of times.
    const q = m(mmck(10_000, 1 / 3600, 1000, 100_000));
    expect(q.throughput).toBeCloseTo(1000 / 3600, 12);
    expect(q.pBlock).toBeCloseTo(1 - 1000 / 3600 / 10_000, 12);
    expect(q.pWait).toBeLessThanOrEqual(1);
    expect(q.pWait).toBeCloseTo(1, 12);
    expect(q.L).toBeCloseTo(100_000, 4);
  });

  it('M/M/c/c blocks with Erlang B; a huge room behaves like M/M/c', () => {
    expect(m(mmcc(5, 1, 10)).pBlock).toBeCloseTo(erlangB(10, 5), 13);
    const big = m(mmck(8, 1, 10, 2000));
    const open = m(mmc(8, 1, 10));
    expect(big.Lq).toBeCloseTo(open.Lq, 8);
    expect(big.pWait).toBeCloseTo(open.pWait, 8);
    expect(m(mmck(500, 1, 480, 700)).pBlock).toBeGreaterThan(0);
  });

  it('M/G/1: deterministic service halves the M/M/1 queue; exponential service equals it', () => {
    const md1 = m(mg1(0.8, 1, 0));
    expect(md1.Lq).toBeCloseTo(0.64 / 0.4, 12);
    expect(m(mg1(0.8, 1, 1)).Lq).toBeCloseTo(m(mm1(0.8, 1)).Lq, 12);
    expect(m(mg1(0.8, 1, 2)).Lq).toBeCloseTo((0.64 * 5) / 0.4, 12);
  });

  it('explains an unstable or nonsensical queue in words', () => {
    expect(mm1(1.2, 1)).toEqual({
      ok: false,
      reason:
        'ρ = 1.20: arrivals outpace what the server can serve, so the queue grows without bound',
    });
    expect(mmc(25, 1, 20)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the 20 servers') as string,
    });
    // A huge overload reads as a number, not 36000000.00.
    expect(mm1(10_000 * 3600, 1)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^ρ = 36,000,000: arrivals/) as string,
    });
    expect(mmc(1, 1, 0)).toMatchObject({ ok: false });
    expect(mmck(1, 1, 3, 2)).toMatchObject({
      ok: false,
      reason: 'The room K must be a whole number of at least c = 3',
    });
    expect(mm1(Number.NaN, 1)).toMatchObject({
      ok: false,
      reason: 'Arrival rate λ must be a positive number',
    });
    // A finite room is stable even when overloaded.
    expect(m(mmck(30, 1, 20, 40)).pBlock).toBeGreaterThan(0.3);
  });

  it('properties: Erlang C ≥ Erlang B, both probabilities, Little’s law holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (c, rho) => {
          const a = rho * c;
          const b = erlangB(c, a);
          const w = erlangC(c, a);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1 + 1e-12);
          expect(w).toBeGreaterThanOrEqual(b - 1e-12);
          const q = m(mmc(a, 1, c));
          expect(q.L).toBeCloseTo(q.Lq + a, 8);
          const k = m(mmck(a, 1, c, c + 20));
          expect(k.L).toBeCloseTo(k.throughput * k.W, 8);
          expect(Number.isFinite(k.L)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('wait percentiles, the theory for a setting, and the server planner', () => {
  it('M/M/3 with λ = 2, μ = 1: P(wait) = 4/9, Lq = 8/9', () => {
    const q = m(mmc(2, 1, 3));
    expect(q.pWait).toBeCloseTo(4 / 9, 14);
    expect(q.Lq).toBeCloseTo(8 / 9, 14);
  });

  it('M/M/1 wait percentiles: P(Wq > t) = ρ·e^(−(μ−λ)t)', () => {
    expect(mmcWaitQuantile(0.8, 1, 1, 0.99)).toBeCloseTo(Math.log(80) / 0.2, 12);
    expect(mmcWaitQuantile(0.8, 1, 1, 0.5)).toBeCloseTo(Math.log(1.6) / 0.2, 12);
    // Fewer than 5 % wait at all, so the median and p95 waits are zero.
    expect(mmcWaitQuantile(0.04, 1, 1, 0.95)).toBe(0);
    expect(mmcWaitQuantile(1.2, 1, 1, 0.99)).toBeNull();
  });

  it('the planner: 1 000 req/s at 20 ms needs 22 servers for a p99 wait under 50 ms', () => {
    // Erlang C from factorials (Python): c = 21 gives p99 ≈ 86.6 ms, c = 22 gives ≈ 40.4 ms.
    expect(mmcTargetValue(1000, 50, 21, 'waitP99')).toBeCloseTo(0.0866315, 6);
    expect(mmcTargetValue(1000, 50, 22, 'waitP99')).toBeCloseTo(0.0403939, 6);
    expect(smallestServers(1000, 50, { metric: 'waitP99', value: 0.05 })).toBe(22);
    expect(smallestServers(1000, 50, { metric: 'pWait', value: 0.2 })).toBe(26);
    expect(smallestServers(1000, 50, { metric: 'Wq', value: 0.001 })).toBe(25);
    expect(smallestServers(1000, 1, { metric: 'Wq', value: 0.001 }, 100)).toBeNull();
  });

  it('the planner’s binary search finds what a count-by-count scan finds', () => {
    const metrics = ['pWait', 'Wq', 'waitP99'] as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 300, noNaN: true }),
        fc.constantFrom(...metrics),
        fc.double({ min: 1e-4, max: 0.9, noNaN: true }),
        (a, metric, value) => {
          const target = { metric, value };
          let scanned: number | null = null;
          for (let c = Math.floor(a) + 1; c <= 400 && scanned === null; c++)
            if (mmcTargetValue(a, 1, c, metric) <= value) scanned = c;
          expect(smallestServers(a, 1, target, 400)).toBe(scanned);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the planner answers a huge load at once, or says the answer is beyond its search', () => {
    // 10 000 req/s at 9 s each: 90 000 servers' worth of work, answered by Erlang C.
    const c = smallestServers(10_000, 1 / 9, { metric: 'waitP99', value: 0.05 })!;
    expect(c).toBeGreaterThan(90_000);
    expect(mmcTargetValue(10_000, 1 / 9, c, 'waitP99')).toBeLessThanOrEqual(0.05);
    expect(mmcTargetValue(10_000, 1 / 9, c - 1, 'waitP99')).toBeGreaterThan(0.05);
    // The issue's link: 10 000 req/s at 3 600 s each is 36 million servers' worth.
    expect(36_000_000).toBeGreaterThan(PLAN_MAX_SERVERS);
    expect(smallestServers(10_000, 1 / 3600, { metric: 'waitP99', value: 0.05 })).toBeNull();
  });

  it('properties: more servers never increase Wq or P(wait); a percentile is what it claims', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.05, max: 0.98, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (c, rho, q) => {
          const a = rho * c;
          const now = m(mmc(a, 1, c));
          const more = m(mmc(a, 1, c + 1));
          expect(more.Wq).toBeLessThanOrEqual(now.Wq + 1e-12);
          expect(more.pWait).toBeLessThanOrEqual(now.pWait + 1e-12);
          expect(now.pWait).toBeGreaterThanOrEqual(0);
          expect(now.pWait).toBeLessThanOrEqual(1);
          const t = mmcWaitQuantile(a, 1, c, q)!;
          const tail = now.pWait * Math.exp(-(c - a) * t);
          if (t > 0) expect(tail).toBeCloseTo(1 - q, 10);
          else expect(now.pWait).toBeLessThanOrEqual(1 - q + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });

  const input: TheoryInput = {
    lambda: 8,
    meanService: 1,
    service: 'exponential',
    cv: 1,
    servers: 10,
    room: null,
  };

  it('picks the closed form that fits the settings', () => {
    const exact = theoryFor(input);
    expect(exact).toMatchObject({ kind: 'exact', model: 'M/M/10' });
    if (exact.kind === 'exact') {
      expect(exact.metrics.Wq).toBeCloseTo(m(mmc(8, 1, 10)).Wq, 14);
      expect(exact.waitQuantiles?.p99).toBeCloseTo(mmcWaitQuantile(8, 1, 10, 0.99)!, 14);
    }
    expect(theoryFor({ ...input, servers: 1, lambda: 0.8 })).toMatchObject({
      kind: 'exact',
      model: 'M/M/1',
    });
    const md1 = theoryFor({ ...input, servers: 1, lambda: 0.8, service: 'deterministic' });
    expect(md1).toMatchObject({ kind: 'exact', model: 'M/D/1' });
    if (md1.kind === 'exact') expect(md1.metrics.Lq).toBeCloseTo(1.6, 12);
    const room = theoryFor({ ...input, room: 12 });
    expect(room).toMatchObject({ kind: 'exact', model: 'M/M/10/12' });
    expect(theoryFor({ ...input, room: 10 })).toMatchObject({ model: 'M/M/10/10' });
    expect(theoryFor({ ...input, room: 12, service: 'lognormal' })).toMatchObject({
      kind: 'none',
    });
    expect(theoryFor({ ...input, lambda: 12 })).toMatchObject({ kind: 'unstable', rho: 1.2 });
  });

  it('M/G/c uses Allen–Cunneen: deterministic service halves the M/M/c wait', () => {
    const approx = theoryFor({ ...input, service: 'deterministic' });
    expect(approx.kind).toBe('approximate');
    if (approx.kind === 'approximate') {
      expect(approx.metrics.Wq).toBeCloseTo(m(mmc(8, 1, 10)).Wq / 2, 14);
      expect(approx.metrics.L).toBeCloseTo(8 * approx.metrics.W, 12);
    }
  });
});

describe('a pool that is exactly full', () => {
  it('is no steady state even when rounding puts ρ a hair under 1', () => {
    // 1000/s × 30 ms on 30 servers: λ/(μc) is 0.9999999999999999 in floating point.
    expect(1000 / ((1 / 0.03) * 30)).toBeLessThan(1);
    const input: TheoryInput = {
      lambda: 1000,
      meanService: 0.03,
      service: 'exponential',
      cv: 1,
      servers: 30,
      room: null,
    };
    expect(theoryFor(input)).toMatchObject({ kind: 'unstable' });
    expect(mmc(1000, 1 / 0.03, 30)).toMatchObject({ ok: false });
    expect(theoryFor({ ...input, servers: 1, lambda: 1 / 0.03 })).toMatchObject({
      kind: 'unstable',
    });
  });
});
