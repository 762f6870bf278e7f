import { describe, expect, it } from 'vitest';
import { presets } from './params';
import type { QueueParams } from './params';
import { compare, histogramBars, hockeyPoints, littleCheck } from './report';
import { simulateQueueAll } from './simulate';
import { theoryFor } from './theory';

const day = presets['normal-day'].params;

describe('theory beside simulation, in words', () => {
  it('a long M/M/25 run agrees on every row, and Little’s law holds with its own numbers', () => {
    const sim = simulateQueueAll(day, 1);
    const rows = compare(day, theoryFor(day), sim);
    expect(rows.map((r) => r.label)).toHaveLength(9);
    const bad = rows.filter((r) => r.kind === 'differs');
    expect(bad).toEqual([]);
    expect(rows.find((r) => r.label.startsWith('P(wait)'))?.theory).toBe('20.9 %');
    expect(littleCheck(sim).holds).toBe(true);
    expect(littleCheck(sim).text).toMatch(
      /^Little’s law, L = λW: this run served (99\d|1,00\d) customers a second/,
    );
  });

  it('says when they differ, and why, instead of hiding it', () => {
    const sim = simulateQueueAll({ ...day, servers: 30 }, 2);
    // Judge a 30-server run against the 25-server theory: a wrong theory must be caught.
    const rows = compare(day, theoryFor(day), sim);
    const wait = rows.find((r) => r.label.startsWith('Mean wait'));
    expect(wait?.kind).toBe('differs');
    expect(wait?.verdict).toBe('differs: run longer, or another seed, to see whether it persists');
  });

  it('an overloaded pool gets no theory numbers, only words', () => {
    const peak = presets['sale-peak'].params;
    const sim = simulateQueueAll({ ...peak, durationS: 40, warmupS: 2 }, 3);
    const rows = compare(peak, theoryFor(peak), sim);
    for (const r of rows.slice(1)) {
      expect(r.theory).toBe('no steady state');
      expect(r.verdict).toBe('measured over this run only');
    }
    for (const r of rows) expect(`${r.theory} ${r.simulated}`).not.toMatch(/NaN|Infinity|±/);
  });
});

describe('chart data', () => {
  it('the histogram’s theory shares add up to P(wait)', () => {
    const sim = simulateQueueAll({ ...day, durationS: 60 }, 4);
    const theory = theoryFor(day);
    const bars = histogramBars(day, theory, sim);
    const total = bars.reduce((s, b) => s + (b.theory ?? 0), 0);
    expect(theory.kind === 'exact' && total).toBeCloseTo(
      theory.kind === 'exact' ? theory.metrics.pWait : 0,
      10,
    );
    const simulated = bars.reduce((s, b) => s + b.simulated, 0);
    expect(simulated).toBeCloseTo((sim.admitted - sim.noWait) / sim.admitted, 10);
    // No closed form for log-normal service with many servers: no line.
    const ln: QueueParams = { ...day, service: 'lognormal', cv: 2 };
    expect(histogramBars(ln, theoryFor(ln), sim).every((b) => b.theory === null)).toBe(true);
  });

  it('the hockey stick rises ever faster, and carries the sweep’s intervals', () => {
    const points = hockeyPoints(day, [
      {
        rho: 0.8,
        lambda: 1000,
        W: { mean: 0.021, halfWidth: 0.001 },
        Wq: { mean: 0.0009, halfWidth: 0.0002 },
        waitP99: 0.012,
      },
    ]);
    const theory = points.filter((p) => p.simulated === null).map((p) => p.theory!);
    for (let i = 2; i < theory.length; i++) {
      expect(theory[i]! - theory[i - 1]!).toBeGreaterThanOrEqual(
        theory[i - 1]! - theory[i - 2]! - 1e-15,
      );
    }
    const sim = points.find((p) => p.simulated !== null);
    expect(sim?.error?.[0]).toBeCloseTo(0.0002, 12);
    expect(sim?.theory).toBeCloseTo(0.000836, 6);
  });
});

describe('rare waiting', () => {
  it('a pool where nobody waits agrees with a theory that says almost nobody should', () => {
    const big = { ...presets['over-provisioned'].params, servers: 50, durationS: 60, warmupS: 3 };
    const sim = simulateQueueAll(big, 5);
    expect(sim.noWait).toBe(sim.admitted);
    const rows = compare(big, theoryFor(big), sim);
    expect(rows.filter((r) => r.kind === 'differs')).toEqual([]);
    expect(rows.find((r) => r.label.startsWith('P(wait)'))?.verdict).toBe(
      'agrees: waiting is too rare to see in a run this long',
    );
  });
});
