/**
 * Alert rules, evaluated once per minute over whole metric series. Each returns, minute by
 * minute, whether the alert is firing. Every rule does constant work per sample (running sums,
 * prefix sums, a small sorted window), where a naive evaluator rescans the history window at
 * every sample (see bench/alerting.bench.ts).
 *
 * Lifecycle as in Prometheus: the condition must hold for `forMinutes` consecutive evaluations
 * (pending) before the alert fires; with a resolve threshold (hysteresis) a firing alert stays
 * firing until the value drops to the resolve threshold, so a value hovering at the threshold
 * does not flap.
 */
import { sortedQuantile } from '../../formulas/quantiles.ts';

export type Metric = 'errors' | 'latency' | 'cpu';

export type Severity = 'page' | 'ticket' | 'log';

interface RuleBase {
  id: string;
  name: string;
  severity: Severity;
  /** During quiet hours (23:00–07:00, when the policy has them) this rule's pages wait until 07:00. */
  quiet: boolean;
}

/** value > above for `forMinutes`; resolves when value ≤ resolveAt (defaults to `above`). */
export interface ThresholdRule extends RuleBase {
  kind: 'threshold';
  metric: Metric;
  above: number;
  forMinutes: number;
  resolveAt: number | null;
}

/** The value stands out from the preceding `windowMinutes`: a z-score above k, or above Q3 + k·IQR. */
export interface AnomalyRule extends RuleBase {
  kind: 'anomaly';
  metric: Metric;
  method: 'zscore' | 'iqr';
  windowMinutes: number;
  k: number;
  forMinutes: number;
}

/**
 * Multi-window burn rate on the error ratio against an SLO (SRE workbook, "Alerting on SLOs"):
 * fires while the burn rate — errors/requests over the window divided by the error budget
 * (1 − SLO) — is at least `factor` over both the long and the short window.
 */
export interface BurnRateRule extends RuleBase {
  kind: 'burn-rate';
  /** e.g. 0.999 */
  slo: number;
  longWindowMinutes: number;
  shortWindowMinutes: number;
  factor: number;
}

export type Rule = ThresholdRule | AnomalyRule | BurnRateRule;

/** Applies the "for" duration: firing from the `forMinutes`-th consecutive minute the condition holds. */
export function applyFor(condition: Uint8Array, forMinutes: number): Uint8Array {
  if (forMinutes <= 0) return condition;
  const out = new Uint8Array(condition.length);
  let run = 0;
  for (let t = 0; t < condition.length; t++) {
    run = condition[t] ? run + 1 : 0;
    // Prometheus: pending on the first true evaluation, firing once it has held for `for`.
    out[t] = run > forMinutes ? 1 : 0;
  }
  return out;
}

/** Static threshold with optional "for" and hysteresis. */
export function evaluateThreshold(values: ArrayLike<number>, rule: ThresholdRule): Uint8Array {
  const n = values.length;
  const resolveAt = rule.resolveAt ?? rule.above;
  const condition = new Uint8Array(n);
  for (let t = 0; t < n; t++) condition[t] = values[t]! > rule.above ? 1 : 0;
  const pendingDone = applyFor(condition, rule.forMinutes);
  if (resolveAt >= rule.above) return pendingDone;
  // Hysteresis: once firing, stay firing until the value falls to the resolve threshold.
  const out = new Uint8Array(n);
  let firing = false;
  for (let t = 0; t < n; t++) {
    if (!firing && pendingDone[t]) firing = true;
    else if (firing && values[t]! <= resolveAt) firing = false;
    out[t] = firing ? 1 : 0;
  }
  return out;
}

/** Rolling z-score against the preceding `window` samples (running sums; needs ≥ 10 samples). */
export function zScoreCondition(values: ArrayLike<number>, window: number, k: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (count >= 10) {
      const mean = sum / count;
      const variance = Math.max(0, sumSq / count - mean * mean);
      const sd = Math.sqrt(variance);
      const x = values[t]!;
      out[t] = sd > 0 ? ((x - mean) / sd > k ? 1 : 0) : x > mean ? 1 : 0;
    }
    const x = values[t]!;
    sum += x;
    sumSq += x * x;
    count++;
    if (count > window) {
      const old = values[t - window]!;
      sum -= old;
      sumSq -= old * old;
      count--;
    }
  }
  return out;
}

/** x > Q3 + k·IQR of the preceding `window` samples (a sorted sliding window; needs ≥ 10). */
export function iqrCondition(values: ArrayLike<number>, window: number, k: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const sorted = new Float64Array(window);
  let size = 0;
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let t = 0; t < n; t++) {
    if (size >= 10) {
      const q1 = sortedQuantile(sorted, size, 0.25);
      const q3 = sortedQuantile(sorted, size, 0.75);
      out[t] = values[t]! > q3 + k * (q3 - q1) ? 1 : 0;
    }
    if (size === window) {
      const at = lowerBound(values[t - window]!);
      sorted.copyWithin(at, at + 1, size);
      size--;
    }
    const x = values[t]!;
    const at = lowerBound(x);
    sorted.copyWithin(at + 1, at, size);
    sorted[at] = x;
    size++;
  }
  return out;
}

export function evaluateAnomaly(values: ArrayLike<number>, rule: AnomalyRule): Uint8Array {
  const condition =
    rule.method === 'zscore'
      ? zScoreCondition(values, rule.windowMinutes, rule.k)
      : iqrCondition(values, rule.windowMinutes, rule.k);
  return applyFor(condition, rule.forMinutes);
}

/**
 * Burn rate over the trailing `window` minutes ending at each minute (shorter at the start),
 * from prefix sums of errors and requests.
 */
export function burnRates(
  errorRatio: ArrayLike<number>,
  requests: ArrayLike<number>,
  slo: number,
  window: number,
): Float64Array {
  const n = errorRatio.length;
  const errPrefix = new Float64Array(n + 1);
  const reqPrefix = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) {
    errPrefix[t + 1] = errPrefix[t]! + errorRatio[t]! * requests[t]!;
    reqPrefix[t + 1] = reqPrefix[t]! + requests[t]!;
  }
  const budget = 1 - slo;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const from = Math.max(0, t + 1 - window);
    const req = reqPrefix[t + 1]! - reqPrefix[from]!;
    out[t] = req > 0 ? (errPrefix[t + 1]! - errPrefix[from]!) / req / budget : 0;
  }
  return out;
}

export function evaluateBurnRate(
  errorRatio: ArrayLike<number>,
  requests: ArrayLike<number>,
  rule: BurnRateRule,
): Uint8Array {
  const long = burnRates(errorRatio, requests, rule.slo, rule.longWindowMinutes);
  const short = burnRates(errorRatio, requests, rule.slo, rule.shortWindowMinutes);
  const out = new Uint8Array(errorRatio.length);
  // A small tolerance so a burn rate computed as 14.399999… still meets 14.4.
  const f = rule.factor * (1 - 1e-9);
  for (let t = 0; t < out.length; t++) out[t] = long[t]! >= f && short[t]! >= f ? 1 : 0;
  return out;
}

export interface MetricSeries {
  requests: ArrayLike<number>;
  errorRatio: ArrayLike<number>;
  latencyMs: ArrayLike<number>;
  cpu: ArrayLike<number>;
}

/** The series a rule reads, in the rule's units: errors as a share, latency in ms, CPU as a share. */
export function metricValues(series: MetricSeries, metric: Metric): ArrayLike<number> {
  return metric === 'errors'
    ? series.errorRatio
    : metric === 'latency'
      ? series.latencyMs
      : series.cpu;
}

/** Minute-by-minute firing state of one rule on one service. */
export function evaluateRule(rule: Rule, series: MetricSeries): Uint8Array {
  switch (rule.kind) {
    case 'threshold':
      return evaluateThreshold(metricValues(series, rule.metric), rule);
    case 'anomaly':
      return evaluateAnomaly(metricValues(series, rule.metric), rule);
    case 'burn-rate':
      return evaluateBurnRate(series.errorRatio, series.requests, rule);
  }
}
