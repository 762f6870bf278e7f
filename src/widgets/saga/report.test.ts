import { describe, expect, it } from 'vitest';
import { presets } from './params';
import { compensationMean, exampleLabel, headline, lanesOf, outcomeRows, share } from './report';
import { simulateSagasAll } from './simulate';

describe('saga report', () => {
  it('a share carries its Wilson interval, never NaN', () => {
    const s = share(0, 10_000);
    expect(s.estimate).toBe(0);
    expect(s.low).toBe(0);
    expect(s.high).toBeGreaterThan(0);
    expect(s.high).toBeLessThan(0.001);
    const half = share(5000, 10_000);
    expect(half.low).toBeCloseTo(0.4902, 4);
    expect(half.high).toBeCloseTo(0.5098, 4);
  });

  it('the mean of compensations has a normal interval from the sum of squares', () => {
    // Four sagas: 0, 0, 1, 3 compensations → mean 1, sample variance 2.
    const m = compensationMean(
      {
        policy: 'naive',
        counts: [4, 0, 0, 0],
        compensations: 4,
        compensationsSq: 10,
        leftovers: [],
        calls: 0,
        crashed: 0,
      },
      4,
    );
    expect(m.mean).toBe(1);
    expect(m.high - m.mean).toBeCloseTo(1.959963984540054 * Math.sqrt(2 / 4), 12);
  });

  it('tells the outcome in one sentence, and in rows whose counts add up', () => {
    const r = simulateSagasAll(presets.checkout.params, 1);
    expect(headline(r)).toBe(
      'Of 10,000 sagas, the naive orchestrator completed 8,702 and left 282 inconsistent (2.8 %); the correct one completed 9,194, left 0 inconsistent and put 0 in the dead-letter queue.',
    );
    const rows = outcomeRows(r);
    expect(rows.map((row) => row.label).slice(0, 4)).toEqual([
      'Completed',
      'Undone cleanly',
      'Inconsistent: left behind, untracked',
      'In the dead-letter queue',
    ]);
    expect(rows[0]!.cells[0]).toBe('8,702 (87.0 %; 86.3–87.7 %)');
    const total = rows
      .slice(0, 4)
      .reduce((sum, row) => sum + Number(/^[\d,]+/.exec(row.cells[1]!)![0].replace(/,/g, '')), 0);
    expect(total).toBe(10_000);
  });

  it('gives each service one lane, the orchestrator first', () => {
    const p = presets.checkout.params;
    const twice = { ...p, steps: [...p.steps, { ...p.steps[0]!, name: 'release again' }] };
    expect(lanesOf(twice)).toEqual({
      names: ['orchestrator', 'inventory', 'payment', 'shipping', 'email'],
      laneOfStep: [1, 2, 3, 4, 1],
    });
  });
});

describe('example labels', () => {
  it('name the saga and both endings in short words', () => {
    const r = simulateSagasAll(presets['orchestrator-crash'].params, 4);
    const labels = r.examples.map(exampleLabel);
    expect(labels).toContain('Saga 27: naive inconsistent, correct completed');
  });
});
