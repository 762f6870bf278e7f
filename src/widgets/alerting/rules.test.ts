import { sortedQuantile } from '../../formulas/quantiles';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { burnRateThreshold, detectionTime } from '../../formulas/slo';
import {
  applyFor,
  burnRates,
  evaluateBurnRate,
  evaluateThreshold,
  iqrCondition,
  zScoreCondition,
} from './rules';
import type { BurnRateRule, ThresholdRule } from './rules';

const bits = (a: Uint8Array) => Array.from(a).join('');

const threshold = (over: Partial<ThresholdRule> = {}): ThresholdRule => ({
  id: 't',
  name: 't',
  kind: 'threshold',
  metric: 'errors',
  above: 1,
  forMinutes: 0,
  resolveAt: null,
  severity: 'page',
  quiet: false,
  ...over,
});

const burn = (over: Partial<BurnRateRule> = {}): BurnRateRule => ({
  id: 'b',
  name: 'b',
  kind: 'burn-rate',
  slo: 0.999,
  longWindowMinutes: 60,
  shortWindowMinutes: 5,
  factor: 14.4,
  severity: 'page',
  quiet: false,
  ...over,
});

describe('for durations (Prometheus pending → firing)', () => {
  it('fires on the evaluation after the condition has held for the whole duration', () => {
    const c = Uint8Array.from([0, 1, 1, 1, 1, 0, 1, 1]);
    expect(bits(applyFor(c, 0))).toBe('01111011');
    expect(bits(applyFor(c, 2))).toBe('00011000');
    expect(bits(applyFor(c, 4))).toBe('00000000');
  });
});

describe('threshold rules', () => {
  const values = [0.5, 2, 2, 0.8, 2, 0.5, 1, 1.5];
  it('fire strictly above the threshold and resolve as soon as the value drops', () => {
    expect(bits(evaluateThreshold(values, threshold()))).toBe('01101001');
  });
  it('with hysteresis stay firing until the value reaches the resolve threshold', () => {
    expect(bits(evaluateThreshold(values, threshold({ resolveAt: 0.6 })))).toBe('01111001');
  });
  it('combine a for duration with hysteresis', () => {
    const v = [2, 2, 2, 0.8, 0.8, 0.5, 2];
    expect(bits(evaluateThreshold(v, threshold({ forMinutes: 2, resolveAt: 0.6 })))).toBe(
      '0011100',
    );
  });
});

describe('burn rates', () => {
  it('weigh each minute by its requests', () => {
    // 10 % errors of 100 requests, then 0 of 900: 10 errors in 1000 requests = 1 %, burn 10.
    const r = burnRates([0.1, 0], [100, 900], 0.999, 2);
    expect(r[1]).toBeCloseTo(10, 9);
    expect(r[0]).toBeCloseTo(100, 9);
  });

  it('a steady 1.44 % error ratio is exactly the 14.4× burn of a 99.9 % SLO', () => {
    const n = 120;
    const fired = evaluateBurnRate(new Array(n).fill(0.0144), new Array(n).fill(1000), burn());
    expect(fired.every((x) => x === 1)).toBe(true);
    const under = evaluateBurnRate(new Array(n).fill(0.0143), new Array(n).fill(1000), burn());
    expect(under.every((x) => x === 0)).toBe(true);
  });

  it('the SRE workbook thresholds come from budget share × period / window', () => {
    const month = 30 * 86400;
    const t = (f: number, w: number) => {
      const r = burnRateThreshold(f, month, w);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    };
    expect(t(0.02, 3600)).toBeCloseTo(14.4, 9);
    expect(t(0.05, 6 * 3600)).toBeCloseTo(6, 9);
    expect(t(0.1, 3 * 86400)).toBeCloseTo(1, 9);
  });

  it('page 2 % errors after the minute the closed-form detection time falls in', () => {
    const n = 200;
    const start = 100;
    const ratio = Array.from({ length: n }, (_, t) => (t >= start ? 0.02 : 0));
    const fired = evaluateBurnRate(ratio, new Array(n).fill(1000), burn());
    const first = fired.indexOf(1);
    const theory = detectionTime(0.02, 0.999, 14.4, 3600, 30 * 86400);
    if (!theory.ok) throw new Error(theory.reason);
    // 43.2 minutes of 2 % errors fill the 1-hour window to 1.44 %: the 44th bad minute fires.
    expect(theory.value.seconds / 60).toBeCloseTo(43.2, 9);
    expect(first - start + 1).toBe(Math.ceil(theory.value.seconds / 60));
  });

  it('a total outage pages on its first minute, and the short window resets the alert', () => {
    const n = 200;
    const ratio = Array.from({ length: n }, (_, t) => (t >= 100 && t < 110 ? 1 : 0));
    const fired = evaluateBurnRate(ratio, new Array(n).fill(1000), burn());
    expect(fired.indexOf(1)).toBe(100);
    // After the outage the 1-hour window stays hot, but the 5-minute one clears at minute 114.
    expect(fired[113]).toBe(1);
    expect(fired[114]).toBe(0);
    expect(fired.lastIndexOf(1)).toBe(113);
  });
});

describe('anomaly conditions', () => {
  it('a z-score flags a jump far above a noisy baseline and nothing inside it', () => {
    const rng = createRng(3);
    const v = Array.from({ length: 200 }, () => 100 + rng.next() * 10);
    v[150] = 200;
    const c = zScoreCondition(v, 60, 4);
    expect(c[150]).toBe(1);
    expect(Array.from(c).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('needs ten samples of baseline before it judges', () => {
    const c = zScoreCondition([1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 50], 60, 3);
    expect(c[9]).toBe(0);
    expect(c[10]).toBe(1);
  });

  it('quartiles interpolate linearly between order statistics (type 7)', () => {
    expect(sortedQuantile([1, 2, 3, 4], 4, 0.25)).toBeCloseTo(1.75, 12);
    expect(sortedQuantile([1, 2, 3, 4], 4, 0.75)).toBeCloseTo(3.25, 12);
    expect(sortedQuantile([7], 1, 0.5)).toBe(7);
  });

  it('the sliding IQR window agrees with sorting the window afresh at every sample', () => {
    const rng = createRng(11);
    const v = Array.from(
      { length: 400 },
      () => Math.round(rng.next() * 50) + (rng.next() < 0.03 ? 80 : 0),
    );
    const window = 30;
    const k = 1.5;
    const fast = iqrCondition(v, window, k);
    for (let t = 0; t < v.length; t++) {
      const past = v.slice(Math.max(0, t - window), t).sort((a, b) => a - b);
      let expected = 0;
      if (past.length >= 10) {
        const q1 = sortedQuantile(past, past.length, 0.25);
        const q3 = sortedQuantile(past, past.length, 0.75);
        expected = v[t]! > q3 + k * (q3 - q1) ? 1 : 0;
      }
      expect(fast[t], `minute ${t}`).toBe(expected);
    }
  });
});
