import type { TheoryResult } from '../../formulas/theoryResult.ts';

/**
 * What the Bloom and sketches experiments share: work in slices that yield progress (so the
 * worker can report it and notice a cancel), measured rates with Wilson intervals beside the
 * formula's value, and running a generator to the end for tests and build-time use.
 */

/** Operations (inserts, probes, stream items, draws) between two progress reports. */
export const SLICE = 50_000;

const Z95 = 1.959963984540054;

/** Unwraps a theory result the experiment's validated params guarantee to be ok. */
export function must<T>(r: TheoryResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

/** Wilson score interval (95 %) for x successes in n trials: honest near 0, unlike ±1.96·SE. */
export function wilson(x: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = Z95 * Z95;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave a speck.
  return {
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
  };
}

/** A measured rate with its interval and the formula's value, one entry per point. */
export interface RateSeries {
  falsePositives: Uint32Array;
  measured: Float64Array;
  low: Float64Array;
  high: Float64Array;
  theory: Float64Array;
}

export function rateSeries(points: number): RateSeries {
  return {
    falsePositives: new Uint32Array(points),
    measured: new Float64Array(points),
    low: new Float64Array(points),
    high: new Float64Array(points),
    theory: new Float64Array(points),
  };
}

export function record(
  s: RateSeries,
  i: number,
  hits: number,
  probes: number,
  theory: number,
): void {
  const { low, high } = wilson(hits, probes);
  s.falsePositives[i] = hits;
  s.measured[i] = hits / probes;
  s.low[i] = low;
  s.high[i] = high;
  s.theory[i] = theory;
}

/** Runs `work(from, to)` over [0, total) in slices, yielding overall progress after each. */
export function* sliced(
  total: number,
  done: { ops: number },
  all: number,
  work: (from: number, to: number) => void,
): Generator<number, void, void> {
  for (let from = 0; from < total; from += SLICE) {
    const to = Math.min(total, from + SLICE);
    work(from, to);
    done.ops += to - from;
    yield Math.min(0.99, done.ops / all);
  }
}

/** Runs any experiment's generator to the end (tests and build-time use). */
export function runToEnd<R>(it: Generator<number, R, void>): R {
  for (;;) {
    const n = it.next();
    if (n.done) return n.value;
  }
}
