import { firstStepApart, logisticStep, lyapunovExponent } from '../../formulas/cascade.ts';
import type { Interval, LogisticRun, PairEstimate } from './types.ts';

/**
 * The companion panel: the logistic map from two starts a hair apart, and its Lyapunov exponent
 * measured from the pair (renormalised every step, Benettin's method) beside the estimate along
 * one orbit from src/formulas/cascade.ts. Two different measurements of one number: if they
 * disagree, one of them is wrong.
 */

/** Steps shown in the chart and its table. */
export const CHART_STEPS = 60;
/** The pair measurement: steps thrown away, then steps averaged, in batches for an interval. */
export const PAIR_BURN_IN = 1000;
export const PAIR_STEPS = 100_000;
const BATCHES = 10;
/** Student's t, 97.5th percentile, 9 degrees of freedom (10 batches). */
export const T_975_9 = 2.2621571627409915;

/** Other starts the exponent is measured from at the same r. */
export const OTHER_STARTS = [0.1, 0.3, 0.7] as const;

/** A mean of batch means with a 95 % t interval. */
export function batchInterval(batches: readonly number[]): Interval {
  const n = batches.length;
  const mean = batches.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, low: mean, high: mean };
  const variance = batches.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = T_975_9 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

/**
 * The exponent from two runs `gap` apart: each step both move, their new distance over `gap` is
 * how much the map stretched it, and the second run is put back `gap` from the first (so the
 * gap never grows past where the map is nearly linear). The average of ln(stretch) is λ.
 */
export function pairExponent(
  r: number,
  x0: number,
  gap: number,
  steps = PAIR_STEPS,
  burnIn = PAIR_BURN_IN,
): PairEstimate | { ok: false; reason: string } {
  let a = x0;
  for (let i = 0; i < burnIn; i++) a = logisticStep(r, a);
  const perBatch = Math.floor(steps / BATCHES);
  const batches: number[] = [];
  let b = a + gap <= 1 ? a + gap : a - gap;
  for (let j = 0; j < BATCHES; j++) {
    let sum = 0;
    for (let i = 0; i < perBatch; i++) {
      const a1 = logisticStep(r, a);
      const b1 = logisticStep(r, b);
      const d = Math.abs(b1 - a1);
      if (d === 0)
        return {
          ok: false,
          reason: `The two runs landed on exactly the same number (the map squeezed their gap below what a double can hold), so the stretch is 0 and its logarithm −∞: at r = ${r} nearby runs merge`,
        };
      sum += Math.log(d / Math.abs(b - a));
      a = a1;
      b = a1 + gap <= 1 ? a1 + gap : a1 - gap;
    }
    batches.push(sum / perBatch);
  }
  return { ok: true, value: batchInterval(batches), steps: perBatch * BATCHES };
}

export function logisticRun(r: number, x0: number, gap: number): LogisticRun {
  const a = new Float64Array(CHART_STEPS + 1);
  const b = new Float64Array(CHART_STEPS + 1);
  const distance = new Float64Array(CHART_STEPS + 1);
  a[0] = x0;
  b[0] = x0 + gap;
  distance[0] = gap;
  for (let n = 1; n <= CHART_STEPS; n++) {
    a[n] = logisticStep(r, a[n - 1]!);
    b[n] = logisticStep(r, b[n - 1]!);
    distance[n] = Math.abs(b[n]! - a[n]!);
  }
  const apart = firstStepApart(r, x0, gap, 0.1, CHART_STEPS);
  const formula = lyapunovExponent(r, x0);
  const starts = OTHER_STARTS.map((start) => {
    const est = pairExponent(r, start, gap);
    return est.ok
      ? { x0: start, value: est.value.mean, reason: null }
      : { x0: start, value: null, reason: est.reason };
  });
  return {
    r,
    x0,
    gap,
    a,
    b,
    distance,
    apartAt: apart.ok ? apart.value : null,
    pair: pairExponent(r, x0, gap),
    formula: formula.ok
      ? { ok: true, value: formula.value }
      : { ok: false, reason: formula.reason },
    starts,
  };
}
