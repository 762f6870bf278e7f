import { describe, expect, it } from 'vitest';
import { presets } from './params';
import {
  comparisonRows,
  delayBins,
  designLabels,
  dollars,
  harmRows,
  headline,
  playbackStep,
  theoryRows,
  theoryVerdict,
  timeTicks,
} from './report';
import { simulateDrillAll } from './simulate';

const dead = { ...presets['dead-code'].params, runs: 60 };
const result = simulateDrillAll(dead, presets['dead-code'].seed);

describe('the drill’s words', () => {
  it('names each column by the one decision it changes', () => {
    expect(designLabels(dead)).toEqual([
      'Your design',
      'Fail open instead',
      'One person instead',
      'With guards',
      'No kill switch',
    ]);
  });

  it('gives every row a cell per design, with no NaN, Infinity or undefined', () => {
    const rows = comparisonRows(dead, result);
    expect(rows.map((r) => r.label)).toContain('Cost: mean');
    for (const row of rows) {
      expect(row.cells).toHaveLength(5);
      for (const cell of row.cells) expect(cell).not.toMatch(/NaN|Infinity|undefined/);
    }
    const cost = rows.find((r) => r.label === 'Cost: mean')!;
    // With no switch the order flow runs the whole 45 minutes: 1,500 × 2,700 × $110.
    expect(cost.cells[4]).toBe('$446 million');
    expect(headline(dead, result)).toMatch(
      /^Over 60 runs, your design did a mean of [\d,]+ unintended orders \(\$[\d.]+ million\); with no switch, 4,050,000 unintended orders \(\$446 million\)\. Least harm: with guards, 20,000 unintended orders \(\$2\.2 million\)\.$/,
    );
  });

  it('puts the formulas beside the simulation and says whether they agree', () => {
    const rows = theoryRows(dead, result);
    expect(rows.slice(0, 3).map((r) => r.label)).toEqual([
      'Flip to one host, mean',
      'Flip to all 8 hosts, mean',
      'Two-person approval, mean (your design)',
    ]);
    expect(rows[0]!.theory).toBe('5 s');
    expect(theoryVerdict([])).toMatch(/^No formula here covers/);
    expect(
      theoryVerdict([{ label: 'a', formula: '', theory: '', simulated: '', agrees: false }]),
    ).toMatch(/^1 of 1 formulas fall outside/);
  });

  it('writes dollars, playback steps and time ticks people can read', () => {
    expect(dollars(445_500_000)).toBe('$446 million');
    expect(dollars(2_200_000)).toBe('$2.2 million');
    expect(dollars(980)).toBe('$980');
    expect(dollars(1.2e9)).toBe('$1.2 billion');
    expect(playbackStep(2700)).toBe(30);
    expect(playbackStep(60)).toBe(1);
    expect(timeTicks(3600)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
  });

  it('bins the hosts’ delays so that every host is counted once', () => {
    const ex = result.examples[0]!;
    const bins = delayBins(ex, 10, dead.ttlS + dead.pollS);
    if (ex.hostDelays.length > 0) expect(bins.reduce((a, b) => a + b.hosts, 0)).toBe(8);
    expect(delayBins(result.examples[4]!)).toEqual([]);
  });

  it('tabulates the example’s harm, the window’s end last', () => {
    const rows = harmRows(result, 12);
    expect(rows).toHaveLength(12);
    expect(rows[11]!.atS).toBe(2700);
    expect(rows[11]!.harm).toEqual(result.examples.map((e) => e.total));
  });
});
