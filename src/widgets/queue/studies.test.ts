import { describe, expect, it } from 'vitest';
import { planServers, sweepUtilisation, SWEEP_RHOS } from './studies';
import type { PlanResult, SweepPoint } from './studies';
import { mmc } from './theory';

function drain<R>(it: Generator<number, R, void>): { result: R; progress: number[] } {
  const progress: number[] = [];
  for (;;) {
    const n = it.next();
    if (n.done) return { result: n.value, progress };
    progress.push(n.value);
  }
}

describe('utilisation sweep', () => {
  it('each point agrees with Erlang C within its interval (M/M/4, fixed seed)', () => {
    const { result, progress } = drain<SweepPoint[]>(
      sweepUtilisation(
        { meanService: 0.1, service: 'exponential', cv: 1, servers: 4, customers: 60_000 },
        21,
      ),
    );
    expect(result.map((p) => p.rho)).toEqual([...SWEEP_RHOS]);
    let outside = 0;
    for (const point of result) {
      expect(point.lambda).toBeCloseTo((point.rho * 4) / 0.1, 10);
      const theory = mmc(point.lambda, 10, 4);
      if (!theory.ok) throw new Error(theory.reason);
      const { mean, halfWidth } = point.Wq;
      expect(halfWidth).not.toBeNull();
      if (Math.abs(mean - theory.metrics.Wq) > halfWidth!) outside++;
      expect(Math.abs(mean - theory.metrics.Wq)).toBeLessThan(2.5 * halfWidth!);
    }
    // A 95 % interval misses now and then; more than 2 of 8 would be suspicious.
    expect(outside).toBeLessThanOrEqual(2);
    // Progress only moves forward and stays below 1.
    expect(progress.every((x, i) => x < 1 && (i === 0 || x >= progress[i - 1]!))).toBe(true);
  });
});

describe('capacity planner by simulation', () => {
  const base = {
    lambda: 1000,
    meanService: 0.02,
    service: 'exponential' as const,
    cv: 1,
    customers: 100_000,
  };

  it('finds 22 servers for a p99 wait under 50 ms at 1 000 req/s and 20 ms (theory says 22)', () => {
    const { result } = drain<PlanResult>(
      planServers({ ...base, target: { metric: 'waitP99', value: 0.05 } }, 5),
    );
    expect(result.smallest).toBe(22);
    const byServers = new Map(result.rows.map((r) => [r.servers, r]));
    expect(byServers.get(21)?.meets).toBe(false);
    expect(byServers.get(24)?.meets).toBe(true);
    // Rows are contiguous and sorted.
    const counts = result.rows.map((r) => r.servers);
    expect(counts).toEqual(counts.map((_, i) => counts[0]! + i));
  });

  it('steadier service needs no more servers; a target met at the lowest stable count stops there', () => {
    const steady = drain<PlanResult>(
      planServers(
        { ...base, service: 'deterministic', target: { metric: 'waitP99', value: 0.05 } },
        5,
      ),
    ).result;
    expect(steady.smallest).not.toBeNull();
    expect(steady.smallest!).toBeLessThanOrEqual(22);
    const loose = drain<PlanResult>(
      planServers(
        { ...base, lambda: 45, customers: 20_000, target: { metric: 'pWait', value: 0.99 } },
        3,
      ),
    ).result;
    // λ·s = 0.9: one server is the lowest stable count, and P(wait) ≈ 0.9 ≤ 0.99.
    expect(loose.smallest).toBe(1);
    expect(loose.rows[0]!.servers).toBe(1);
  });
});
