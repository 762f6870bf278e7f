import { describe, expect, it } from 'vitest';
import { presets } from './params';
import { planRows, simulationStart, theoryAnswerText } from './plan';
import { planServers } from './studies';
import { mmcTargetValue, smallestServers } from './theory';

const day = presets['normal-day'].params;

describe('the capacity planner', () => {
  it('the planner’s rows reach past the cheapest pool and mark the target', () => {
    const rows = planRows(day, { metric: 'waitP99', value: 0.05 }, 2, 20, 22, null);
    expect(rows[0]!.servers).toBe(21);
    expect(rows.find((r) => r.servers === 21)?.meets).toBe(false);
    expect(rows.find((r) => r.servers === 22)?.meets).toBe(true);
    const totals = rows.map((r) => r.serverCost + r.waitingCost);
    const cheapest = totals.indexOf(Math.min(...totals));
    expect(cheapest).toBeLessThan(rows.length - 1);
    expect(totals[cheapest + 1]!).toBeGreaterThan(totals[cheapest]!);
    // Without a closed form for the metric (log-normal service), nothing is claimed before simulating.
    const ln = planRows(
      { ...day, service: 'lognormal', cv: 2 },
      { metric: 'waitP99', value: 0.05 },
      2,
      20,
      22,
      null,
    );
    expect(ln.every((r) => r.meets === null && r.theory === null)).toBe(true);
  });

  it('starts at the fewest servers with a steady state, even when rounding hides a full pool', () => {
    // 1000/s at 30 ms is exactly 30 servers' worth, though 1000 ÷ (1/0.03) rounds below 30.
    const full = { lambda: 1000, meanService: 0.03, service: 'exponential', cv: 1 } as const;
    const rows = planRows(full, { metric: 'pWait', value: 0.99 }, 2, 20, null, null);
    expect(rows[0]!.servers).toBe(31);
    expect(rows.every((r) => r.meets !== null)).toBe(true);
  });

  // The issue's link: 10 000 req/s at 3 600 s each, 36 million servers' worth of work.
  const huge = { lambda: 10_000, meanService: 3600, service: 'exponential', cv: 1 } as const;
  const p99 = { metric: 'waitP99', value: 0.05 } as const;

  it('says in words when even a steady state needs more servers than it searches', () => {
    const answer = smallestServers(huge.lambda, 1 / huge.meanService, p99);
    expect(answer).toBeNull();
    expect(theoryAnswerText(huge, answer)).toBe(
      'Needs more than 100,000 servers: the work offered, λ·E[S], is 36,000,000 servers’ worth, so no pool the planner searches (up to 100,000) can even keep up.',
    );
    expect(planRows(huge, p99, 2, 20, answer, null)).toEqual([]);
    expect(simulationStart(huge.lambda, 1 / huge.meanService, answer)).toBeNull();
    // The worker's check has nothing to simulate either.
    const it = planServers({ ...huge, customers: 60_000, target: p99 }, 7);
    expect(it.next()).toEqual({ done: true, value: { rows: [], smallest: null } });
  });

  it('answers a load of tens of thousands of servers at once, with its table around the answer', () => {
    const big = { ...huge, meanService: 9 };
    const answer = smallestServers(big.lambda, 1 / big.meanService, p99);
    expect(answer).not.toBeNull();
    expect(theoryAnswerText(big, answer)).toMatch(/^Erlang C: 9\d,\d{3} servers\.$/);
    const rows = planRows(big, p99, 2, 20, answer, null);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows.find((r) => r.servers === answer)?.meets).toBe(true);
    expect(rows.find((r) => r.servers === answer! - 1)?.meets).toBe(false);
    // Beyond what a simulation runs with, so the check by simulation is off.
    expect(simulationStart(big.lambda, 1 / big.meanService, answer)).toBeNull();
  });

  it('a target no pool within the search meets is said in words, and the table stops at the cap', () => {
    // 99,990 servers' worth of work and a p99 wait of a microsecond.
    const edge = { ...huge, meanService: 9.999 };
    const tight = { metric: 'waitP99', value: 1e-9 } as const;
    const answer = smallestServers(edge.lambda, 1 / edge.meanService, tight);
    expect(answer).toBeNull();
    expect(theoryAnswerText(edge, answer)).toBe(
      'Needs more than 100,000 servers: no pool of up to 100,000 meets that target in theory.',
    );
    const rows = planRows(edge, tight, 2, 20, answer, null);
    expect(Math.max(...rows.map((r) => r.servers))).toBeLessThanOrEqual(100_000);
    expect(rows.every((r) => r.meets === false)).toBe(true);
    expect(mmcTargetValue(edge.lambda, 1 / edge.meanService, 100_000, 'waitP99')).toBeGreaterThan(
      1e-9,
    );
  });
});
