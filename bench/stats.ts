/**
 * How every bench summarises its passes: both sides of a comparison get the same number of
 * measured passes (after the same warm-up), and each is reported by its median with the
 * min–max spread, so one lucky pass on either side cannot make the ratio.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  passes: number;
}

export function spread(values: readonly number[]): Spread {
  return {
    median: median(values),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
    passes: values.length,
  };
}

/** "12.3 (11.9–12.8, 5 passes)" with the given formatter for each figure. */
export function formatSpread(s: Spread, fmt: (x: number) => string): string {
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}, ${s.passes} passes)`;
}

/**
 * The ratio of two sides' medians, with the range it could take given each side's spread
 * (worst: our slowest against the peer's fastest; best: the other way round).
 */
export function ratio(ours: Spread, peer: Spread): { median: number; low: number; high: number } {
  return { median: ours.median / peer.median, low: ours.min / peer.max, high: ours.max / peer.min };
}

export function formatRatio(r: { median: number; low: number; high: number }, digits = 1): string {
  return `${r.median.toFixed(digits)}× (${r.low.toFixed(digits)}–${r.high.toFixed(digits)}×)`;
}
