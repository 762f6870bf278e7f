import { describe, expect, it } from 'vitest';
import { presets } from './params';
import type { AutoscalerParams } from './params';
import {
  agrees,
  comparisonNote,
  comparisonRows,
  endOfHold,
  headline,
  minuteRows,
  pctWhole,
  rampHelp,
  replicasChartName,
  strategiesExplained,
  strategyLabels,
  summarize,
  theoryReport,
  utilisationChartName,
  utilisationText,
  utilisationTicks,
  utilisationTop,
} from './report';
import { simulateAutoscalerAll } from './simulate';
import type { AutoscalerResult, StrategyRun } from './types';

const sale = presets['flash-sale'];
const result = simulateAutoscalerAll(sale.params, sale.seed);
const BAD = /NaN|Infinity|undefined|null/;

/** Every string the view would show for a run. */
function everyString(r: AutoscalerResult, p: AutoscalerParams): string[] {
  const labels = strategyLabels(p.downWindowMin);
  const theory = theoryReport(r, p);
  return [
    headline(r, p),
    comparisonNote,
    strategiesExplained(p),
    ...comparisonRows(r, p).flatMap((row) => [row.label, ...row.cells]),
    theory.ramp,
    theory.consequence,
    theory.measured.text,
    theory.peak,
    ...r.runs.flatMap((run) => [
      summarize(run, p),
      replicasChartName(labels[run.strategy], p),
      utilisationChartName(labels[run.strategy], p),
      ...minuteRows(r, run).flatMap((row) => Object.values(row).map(String)),
    ]),
  ];
}

/** A run that never had to scale: flat, idle, nothing lost. */
const idle = (over: Partial<StrategyRun>): StrategyRun => ({
  strategy: 'reactive',
  ready: new Uint16Array([2, 2]),
  pending: new Uint16Array(2),
  utilisation: new Float32Array([0, 0]),
  overloadedMinutes: 0,
  unserved: 0,
  unservedShare: 0,
  peakUtilisation: 0,
  replicaMinutes: 4,
  actions: 0,
  reversals: 0,
  ...over,
});

describe('autoscaler report', () => {
  it('has a cell per strategy in every row, and never prints NaN, Infinity or undefined', () => {
    for (const [name, preset] of Object.entries(presets)) {
      const r = simulateAutoscalerAll(preset.params, preset.seed);
      const rows = comparisonRows(r, preset.params);
      expect(rows, name).toHaveLength(6);
      for (const row of rows) expect(row.cells, `${name}: ${row.label}`).toHaveLength(3);
      for (const text of everyString(r, preset.params)) expect(text, name).not.toMatch(BAD);
    }
  });

  it('names the strategies, with the scale-down window in the stabilised one', () => {
    expect(strategyLabels(5)).toEqual({
      reactive: 'Reactive',
      stabilised: 'Stabilised (5-min window)',
      predictive: 'Predictive',
    });
    expect(strategyLabels(0).stabilised).toBe('Stabilised (no window)');
    expect(strategiesExplained(sale.params)).toContain(
      'stabilised scales down no lower than the highest recommendation of the last 5 minutes;',
    );
    expect(strategiesExplained({ ...sale.params, downWindowMin: 0 })).toContain(
      'stabilised has no scale-down window here, so it does what reactive does;',
    );
  });

  it('says utilisation past 100 % in words', () => {
    expect(utilisationText(1.4)).toBe('140 % (overloaded)');
    expect(utilisationText(1)).toBe('100 %');
    expect(utilisationText(0.6)).toBe('60 %');
    expect(utilisationText(Number.NaN)).toBe('—');
    expect(pctWhole(0.004)).toBe('0.4 %');
    expect(pctWhole(0)).toBe('0 %');
  });

  it('reads the flash sale as the lesson tells it: prediction leaves far fewer requests unserved', () => {
    const rows = comparisonRows(result, sale.params);
    expect(rows.map((r) => r.label)).toEqual([
      'Requests not served',
      'Minutes overloaded',
      'Peak utilisation',
      'Replica-minutes (cost)',
      'Scaling actions',
      'Reversals (flapping)',
    ]);
    const [reactive, , predictive] = result.runs;
    expect(predictive!.unserved).toBeLessThan(reactive!.unserved / 4);
    expect(rows[0]!.cells[0]).toMatch(/^[\d,]+ \(\d+\.\d %\)$/);
    expect(rows[1]!.cells[0]).toMatch(/^\d+ of 120$/);
    expect(rows[2]!.cells[0]).toMatch(/^\d{3} % \(overloaded\)$/);
    // The cheapest says so; the others say how much more they cost.
    const cost = rows[3]!.cells;
    expect(cost.filter((c) => c.endsWith('(cheapest)'))).toHaveLength(1);
    expect(cost.filter((c) => /^[\d,]+ \(\+\d+ %\)$/.test(c))).toHaveLength(2);
    expect(headline(result, sale.params)).toMatch(
      /^Traffic rises from 2,000 to 10,000 requests a second, on replicas that each serve 100 and take 5 minutes to start\. Requests not served: reactive, [\d,]+ \([\d.]+ %\); stabilised \(5-min window\), [\d,]+ \([\d.]+ %\); predictive, [\d,]+ \([\d.]+ %\)\.$/,
    );
    expect(summarize(reactive!, sale.params)).toMatch(
      /^Reactive: [\d,]+ \([\d.]+ %\) requests not served; overloaded in \d+ of 120 minutes, at worst \d+ %; [\d,]+ replica-minutes; \d+ scaling actions, \d+ reversals\.$/,
    );
  });

  it('works the ramp out beside the simulation, and explains the saturated metric', () => {
    const t = theoryReport(result, sale.params);
    expect(t.ramp).toBe(
      'During the ramp the traffic grows 17.5 % a minute. A measurement turns into serving capacity only after a lag of 6 minutes: the 5-minute start-up delay plus 1 minute until the autoscaler’s next decision. So on a long ramp a reactive autoscaler runs at target × (1 + g)^lag = 60 % × 1.175^6 = 158 %.',
    );
    expect(t.consequence).toBe(
      'That is past 100 %, and a CPU metric cannot read past 100 %: it stops there and under-reports the demand. Reading 100 %, the rule can multiply the replicas by at most 1 ÷ target = 1.67 per lag, so it can follow growth of at most 8.9 % a minute, less than the ramp’s 17.5 %: it falls further behind every minute until the ramp ends. To stay under 100 % through this ramp, the target would have to be at most 38 %.',
    );
    expect(t.measured.agrees).toBe(true);
    expect(t.measured.text).toMatch(
      /^Simulated: the reactive run’s mean true utilisation over minutes 27 to 29 of the ramp was 1\d\d %, against 158 % from the formula\. Both are past 100 %: they agree that the reactive autoscaler is overloaded on the ramp\.$/,
    );
    expect(t.peak).toMatch(
      /^At the peak of 10,000 requests a second the target needs ⌈10,000 ÷ \(100 × 60 %\)⌉ = 167 replicas\. The stabilised run had \d+ ready at the end of the hold \(minute 69\)/,
    );
  });

  it('says a slow ramp is followed, and compares the measured utilisation within 10 %', () => {
    const slow = presets['slow-ramp'];
    const r = simulateAutoscalerAll(slow.params, slow.seed);
    const t = theoryReport(r, slow.params);
    expect(t.ramp).toContain('grows 0.9 % a minute');
    expect(t.ramp).toContain('= 60 % × 1.009^6 = 63 %.');
    expect(t.consequence).toMatch(/^That is under 100 %: .* keeps up\. /);
    expect(t.measured.text).toMatch(
      /against 63 % from the formula\. They agree \(within 10 %\)\.$/,
    );
    expect(t.measured.agrees).toBe(true);
  });

  it('names the difference when the simulation and the formula disagree', () => {
    const off = { ...result.theory, rampUtilisation: 0.7, measuredRampUtilisation: 0.9 };
    const t = theoryReport({ ...result, theory: off }, sale.params);
    expect(t.measured.agrees).toBe(false);
    expect(t.measured.text).toContain('They differ by 29 %: the formula leaves out');
    expect(agrees(0.7, 0.76)).toBe(true);
    expect(agrees(0.7, 0.78)).toBe(false);
    expect(agrees(1.58, 1.2)).toBe(true);
    expect(agrees(1.05, 0.96)).toBe(true);
    expect(agrees(1.2, 0.9)).toBe(false);
  });

  it('has words for no ramp, and for a ramp too short to settle on', () => {
    const flat = presets['noisy-flat'];
    const t = theoryReport(simulateAutoscalerAll(flat.params, flat.seed), flat.params);
    expect(t.ramp).toMatch(/^The traffic has no ramp up/);
    expect(t.measured).toEqual({
      text: 'There is no ramp, so there is nothing to measure against the formula.',
      agrees: null,
    });
    expect(t.peak).toMatch(/^At 3,000 requests a second the target needs .* = 50 replicas\. /);
    expect(t.peak).toContain('at the end of the run (minute 119)');

    const cold = presets['cold-start'];
    const c = theoryReport(simulateAutoscalerAll(cold.params, cold.seed), cold.params);
    expect(c.measured.agrees).toBeNull();
    expect(c.measured.text).toMatch(/^The ramp is too short .* 17 minutes\)/);
    expect(c.consequence).toContain(
      'the target would have to be 8 %, below any target worth running: only a forecast or a schedule can keep up.',
    );
    expect(c.peak).toMatch(/short: it had not caught up\.$/);
  });

  it('says when the maximum caps the peak', () => {
    const p = { ...sale.params, maxReplicas: 100 };
    const r = simulateAutoscalerAll(p, sale.seed);
    expect(theoryReport(r, p).peak).toMatch(/= 100 replicas \(167, capped by the maximum\)\./);
  });

  it('says "none" and "every request served" rather than zeros or blanks', () => {
    const quiet: AutoscalerResult = {
      ...result,
      runs: [
        idle({}),
        idle({ strategy: 'stabilised', reversals: 1 }),
        idle({ strategy: 'predictive' }),
      ],
    };
    const p = { ...sale.params, durationMin: 2 };
    const rows = comparisonRows(quiet, p);
    expect(rows[0]!.cells).toEqual(['none', 'none', 'none']);
    expect(rows[3]!.cells).toEqual(['4 (cheapest)', '4 (cheapest)', '4 (cheapest)']);
    expect(summarize(quiet.runs[1]!, p)).toBe(
      'Stabilised (5-min window): every request served; never overloaded, at worst 0 %; 4 replica-minutes; 0 scaling actions, 1 reversal.',
    );
    expect(headline(quiet, p)).toMatch(
      /Every strategy served every request; .*: reactive 0 \(0 reversals\), stabilised \(5-min window\) 0 \(1 reversal\), predictive 0 \(0 reversals\)\.$/,
    );
  });

  it('finds the end of the hold, or the end of the run if that comes first', () => {
    expect(endOfHold(sale.params)).toEqual({ minute: 69, inRun: true });
    expect(endOfHold({ ...sale.params, durationMin: 60 })).toEqual({ minute: 59, inRun: false });
  });

  it('sizes the utilisation chart, and cuts off only what passes the cap', () => {
    const run = result.runs[0]!;
    expect(utilisationTop(run, 0.6)).toEqual({ top: 2, clipped: false });
    expect(utilisationTop(idle({ peakUtilisation: 0.5 }), 0.95)).toEqual({
      top: 1.2,
      clipped: false,
    });
    expect(utilisationTop(idle({ peakUtilisation: 9 }), 0.6)).toEqual({ top: 4, clipped: true });
    expect(utilisationTicks(1.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(utilisationTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(utilisationTicks(3.5)).toEqual([0, 1, 2, 3]);
  });

  it('lists every minute of the charts in the table', () => {
    const rows = minuteRows(result, result.runs[0]!);
    expect(rows).toHaveLength(120);
    const first = rows[0]!;
    expect(first).toMatchObject({ minute: 0, needed: '34', ready: '34', starting: '0' });
    expect(first.load).toMatch(/^[\d,]+$/);
    expect(first.utilisation).toMatch(/^\d+ %$/);
    expect(rows.some((r) => r.utilisation.endsWith('(overloaded)'))).toBe(true);
  });

  it('explains the ramp fields as the learner types', () => {
    expect(rampHelp(2000, 10_000, 10)).toBe('Grows 17.5 % a minute, and as long to fall back');
    expect(rampHelp(3000, 3000, 10)).toBe('No growth: the peak is not above the base');
    expect(rampHelp(Number.NaN, 10_000, 10)).toBe(
      'Exponential growth from base to peak, and as long to fall back',
    );
  });
});
