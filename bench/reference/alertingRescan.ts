import type { MetricSeries, Rule } from '../../src/widgets/alerting/rules';
import { metricValues, sortedQuantile } from '../../src/widgets/alerting/rules';

/**
 * The peer for bench/alerting.bench.ts: a direct transcription of the seed's alerting approach
 * (Module 3, "Build Intelligent Alerting"): record each sample, then for every rule re-evaluate
 * the condition by rescanning the stored history — the "for" duration by walking back over the
 * samples it covers, baselines and burn-rate windows by summing (or sorting) the window afresh.
 * Same rules, same answers as src/widgets/alerting/rules.ts (the bench checks), the approach's
 * cost: O(window) work per sample per rule instead of O(1).
 */
export function rescanEvaluate(rule: Rule, series: MetricSeries): Uint8Array {
  const n = series.requests.length;
  const firing = new Uint8Array(n);
  const values = rule.kind === 'burn-rate' ? series.errorRatio : metricValues(series, rule.metric);
  const history: number[] = [];
  const requests: number[] = [];
  let active = false;
  for (let t = 0; t < n; t++) {
    history.push(values[t]!);
    requests.push(series.requests[t]!);
    const conditionAt = (s: number) => condition(rule, history, requests, s);
    let met = conditionAt(t);
    if (met && rule.kind !== 'burn-rate') {
      // "Has the condition held for the required duration?": walk back over the samples.
      if (t < rule.forMinutes) met = false;
      for (let s = t - 1; met && s >= t - rule.forMinutes; s--) if (!conditionAt(s)) met = false;
    }
    if (rule.kind === 'threshold' && rule.resolveAt !== null && rule.resolveAt < rule.above) {
      if (!active && met) active = true;
      else if (active && history[t]! <= rule.resolveAt) active = false;
    } else active = met;
    firing[t] = active ? 1 : 0;
  }
  return firing;
}

function condition(rule: Rule, history: number[], requests: number[], t: number): boolean {
  const x = history[t]!;
  switch (rule.kind) {
    case 'threshold':
      return x > rule.above;
    case 'anomaly': {
      const window = history.slice(Math.max(0, t - rule.windowMinutes), t);
      if (window.length < 10) return false;
      if (rule.method === 'zscore') {
        let sum = 0;
        let sumSq = 0;
        for (const v of window) {
          sum += v;
          sumSq += v * v;
        }
        const mean = sum / window.length;
        const sd = Math.sqrt(Math.max(0, sumSq / window.length - mean * mean));
        return sd > 0 ? (x - mean) / sd > rule.k : x > mean;
      }
      window.sort((a, b) => a - b);
      const q1 = sortedQuantile(window, window.length, 0.25);
      const q3 = sortedQuantile(window, window.length, 0.75);
      return x > q3 + rule.k * (q3 - q1);
    }
    case 'burn-rate': {
      const burn = (window: number) => {
        let errors = 0;
        let total = 0;
        for (let s = Math.max(0, t + 1 - window); s <= t; s++) {
          errors += history[s]! * requests[s]!;
          total += requests[s]!;
        }
        return total > 0 ? errors / total / (1 - rule.slo) : 0;
      };
      const f = rule.factor * (1 - 1e-9);
      return burn(rule.longWindowMinutes) >= f && burn(rule.shortWindowMinutes) >= f;
    }
  }
}
