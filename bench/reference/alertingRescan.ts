import type { MetricSeries, Rule } from '../../src/widgets/alerting/rules';
import { metricValues } from '../../src/widgets/alerting/rules';
import { sortedQuantile } from '../../src/formulas/quantiles';

/**
 * The peer for bench/alerting.bench.ts: the seed's alerting approach (Module 3, "Build
 * Intelligent Alerting") written as a careful engineer would write it. At every sample, each
 * rule's condition is evaluated by rescanning its window of history — baselines summed or sorted
 * afresh, burn-rate windows summed afresh — and the "for" duration is checked by walking back
 * over the stored outcomes of the samples it covers. That is the approach's cost: O(window) work
 * per sample per rule, where src/widgets/alerting/rules.ts keeps running sums and a sorted
 * sliding window for O(1) (O(log window) for IQR).
 *
 * Everything else is as lean as ours, so the ratio measures the algorithm: the series are read
 * in place (no history copied sample by sample), scratch space is allocated once per rule, each
 * rule kind has its own loop (no dispatch per sample) and nothing allocates per sample. Same
 * rules, same answers as ours (the bench checks, minute for minute).
 */
export function rescanEvaluate(rule: Rule, series: MetricSeries): Uint8Array {
  const n = series.requests.length;
  const condition = new Uint8Array(n);
  switch (rule.kind) {
    case 'threshold': {
      const values = metricValues(series, rule.metric);
      for (let t = 0; t < n; t++) condition[t] = values[t]! > rule.above ? 1 : 0;
      break;
    }
    case 'anomaly': {
      const values = metricValues(series, rule.metric);
      if (rule.method === 'zscore') zscoreRescan(values, rule.windowMinutes, rule.k, condition);
      else iqrRescan(values, rule.windowMinutes, rule.k, condition);
      break;
    }
    case 'burn-rate':
      burnRescan(series, rule, condition);
      break;
  }

  const firing = new Uint8Array(n);
  const forMinutes = rule.kind === 'burn-rate' ? 0 : rule.forMinutes;
  const values = rule.kind === 'burn-rate' ? series.errorRatio : metricValues(series, rule.metric);
  const hysteresis =
    rule.kind === 'threshold' && rule.resolveAt !== null && rule.resolveAt < rule.above
      ? rule.resolveAt
      : null;
  let active = false;
  for (let t = 0; t < n; t++) {
    // "Has the condition held for the required duration?": walk back over the samples.
    let met = condition[t] === 1 && t >= forMinutes;
    for (let s = t - 1; met && s >= t - forMinutes; s--) if (condition[s] === 0) met = false;
    if (hysteresis !== null) {
      if (!active && met) active = true;
      else if (active && values[t]! <= hysteresis) active = false;
    } else active = met;
    firing[t] = active ? 1 : 0;
  }
  return firing;
}

/** x more than k standard deviations above the mean of the preceding window (≥ 10 samples). */
function zscoreRescan(values: ArrayLike<number>, window: number, k: number, out: Uint8Array): void {
  for (let t = 0; t < out.length; t++) {
    const from = Math.max(0, t - window);
    const size = t - from;
    if (size < 10) continue;
    let sum = 0;
    let sumSq = 0;
    for (let s = from; s < t; s++) {
      const v = values[s]!;
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / size;
    const sd = Math.sqrt(Math.max(0, sumSq / size - mean * mean));
    const x = values[t]!;
    out[t] = (sd > 0 ? (x - mean) / sd > k : x > mean) ? 1 : 0;
  }
}

/** x above Q3 + k·IQR of the preceding window (≥ 10 samples), sorting the window afresh. */
function iqrRescan(values: ArrayLike<number>, window: number, k: number, out: Uint8Array): void {
  const scratch = new Float64Array(window);
  for (let t = 0; t < out.length; t++) {
    const from = Math.max(0, t - window);
    const size = t - from;
    if (size < 10) continue;
    for (let s = from; s < t; s++) scratch[s - from] = values[s]!;
    const sorted = scratch.subarray(0, size).sort();
    const q1 = sortedQuantile(sorted, size, 0.25);
    const q3 = sortedQuantile(sorted, size, 0.75);
    out[t] = values[t]! > q3 + k * (q3 - q1) ? 1 : 0;
  }
}

/** Both windows' request-weighted error ratio at or above `factor` × the error budget rate. */
function burnRescan(
  series: MetricSeries,
  rule: Extract<Rule, { kind: 'burn-rate' }>,
  out: Uint8Array,
): void {
  const { errorRatio, requests } = series;
  const budget = 1 - rule.slo;
  const f = rule.factor * (1 - 1e-9);
  const burn = (t: number, window: number) => {
    let errors = 0;
    let total = 0;
    for (let s = Math.max(0, t + 1 - window); s <= t; s++) {
      errors += errorRatio[s]! * requests[s]!;
      total += requests[s]!;
    }
    return total > 0 ? errors / total / budget : 0;
  };
  for (let t = 0; t < out.length; t++)
    out[t] = burn(t, rule.longWindowMinutes) >= f && burn(t, rule.shortWindowMinutes) >= f ? 1 : 0;
}
