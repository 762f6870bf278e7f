import { describe, expect, it } from 'vitest';
import { fmtNum } from '../../calc/format';
import { presets } from './params';
import type { QueueParams } from './params';
import { compare, histogramBars, hockeyPoints, littleCheck, overloadText } from './report';
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
    const little = littleCheck(day, theoryFor(day), sim);
    expect(little).toMatchObject({ applies: true, holds: true });
    expect(little.text).toMatch(
      /^Little’s law, L = λW: this run served (99\d|1,00\d) customers a second, each spending 20\.\d ms in the system on average, so .* the time-averaged count in the system was 2\d\.\d\.$/,
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
      expect(r.verdict).toBe(
        /^(Mean wait|Mean time|Median|p9)/.test(r.label)
          ? 'this run’s arrivals, counting waits that end after it'
          : 'measured over this run only',
      );
    }
    for (const r of rows) expect(`${r.theory} ${r.simulated}`).not.toMatch(/NaN|Infinity|±/);
  });
});

describe('a queue at ρ ≥ 1, in words', () => {
  // The case: 3 servers of 1 s each, 4 arrivals a second.
  const over: QueueParams = {
    lambda: 4,
    meanService: 1,
    service: 'exponential',
    cv: 1,
    servers: 3,
    room: null,
    durationS: 100,
    warmupS: 5,
    burst: null,
  };

  it('reports what the servers completed, and that Little’s law does not apply', () => {
    const sim = simulateQueueAll(over, 7);
    // More arrived than 3 servers can serve: the arrival rate is not what they served.
    expect(sim.throughput).toBeGreaterThan(3.5);
    expect(sim.completionRate).toBeLessThan(3.3);
    const little = littleCheck(over, theoryFor(over), sim);
    expect(little.applies).toBe(false);
    expect(little.text).toBe(
      `Little’s law, L = λW, holds only in a steady state, and at ρ = 133.3 % there is none: the queue grows for as long as the run lasts, so the law does not apply to this run. Over the run the 3 servers completed ${fmtNum(sim.completionRate)} customers a second (at most 3 a second on average, c/E[S]) while ${fmtNum(sim.throughput)} a second arrived; the time-averaged count in the system was ${fmtNum(sim.L)}.`,
    );
    // The counts in the table are the run's own time averages, not λW.
    const rows = compare(over, theoryFor(over), sim);
    expect(rows.find((r) => r.label.startsWith('Mean number in the system'))).toMatchObject({
      label: 'Mean number in the system, L (time average over the run)',
      simulated: fmtNum(sim.L),
    });
  });

  it('never counts more completions than the servers can make', () => {
    // Deterministic 1 s service on 3 servers: at most 3 completions in any second.
    const fixed = { ...over, service: 'deterministic' as const, cv: 0 };
    const sim = simulateQueueAll(fixed, 8);
    expect(sim.completionRate).toBeLessThanOrEqual(3 + 3 / 95);
    expect(sim.completionRate).toBeGreaterThan(2.9);
  });

  it('at exactly ρ = 1 the queue wanders, and the law still does not apply', () => {
    const peak = presets['sale-peak'].params;
    const sim = simulateQueueAll({ ...peak, durationS: 40, warmupS: 2 }, 3);
    const little = littleCheck(peak, theoryFor(peak), sim);
    expect(little.applies).toBe(false);
    expect(little.text).toMatch(
      /^Little’s law, L = λW, holds only in a steady state, and at ρ = 100\.0 % there is none: the queue wanders ever further from empty, so the law does not apply to this run\. Over the run the 100 servers completed [\d,.]+ customers a second \(at most 5,000 a second on average, c\/E\[S\]\)/,
    );
  });

  it('just under ρ = 1, a short run that misses Little’s law says why', () => {
    const near = { ...over, lambda: 2.97 };
    const little = littleCheck(near, theoryFor(near), simulateQueueAll(near, 7));
    expect(little).toMatchObject({ applies: true, holds: false });
    expect(little.text).toMatch(
      /The two differ by \d+\.\d %: the law holds over a long run, and in a run this short the customers still in the system at its end count their whole stay in W but only their time inside the run in L; this close to ρ = 1 the queue is long and slow to settle, so run longer\.$/,
    );
  });

  it('says how many more requests arrive than can be served, with the right plural', () => {
    expect(overloadText(over)).toBe(
      'The work offered is 4 servers’ worth and there are 3: every second about 1 more request arrives than can be served.',
    );
    expect(overloadText({ lambda: 2000, meanService: 0.02, servers: 30 })).toBe(
      'The work offered is 40 servers’ worth and there are 30: every second about 500 more requests arrive than can be served.',
    );
    expect(overloadText({ lambda: 10_000, meanService: 3600, servers: 1 })).toBe(
      'The work offered is 36,000,000 servers’ worth and there is 1 server: every second about 10,000 more requests arrive than can be served.',
    );
    expect(overloadText({ lambda: 5000, meanService: 0.02, servers: 100 })).toMatch(
      /^The work offered is exactly what the 100 servers can do\./,
    );
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
