/** Quantiles shared by the statistics lessons and the alert fatigue simulator. */

/** Quantile of a sorted array by linear interpolation (type 7, as numpy's default). */
export function sortedQuantile(sorted: ArrayLike<number>, size: number, q: number): number {
  const h = (size - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(size - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Nearest-rank percentile of unsorted values; null when there are none. */
export function nearestRankPercentile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
