import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { standardExponential, ZIGGURAT_EDGES, ZIGGURAT_R, ZIGGURAT_V } from './ziggurat';

/** A fixed stream of 32-bit draws, for steering the sampler into each of its paths. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => {
    const v = values[i++];
    if (v === undefined) throw new Error('scripted source ran out');
    return v;
  };
}

describe('ziggurat tables', () => {
  it('every rectangle has area V, and the base strip (rectangle + tail) too', () => {
    // Base: R e^−R + ∫_R^∞ e^−x dx = (R + 1) e^−R.
    expect((ZIGGURAT_R + 1) * Math.exp(-ZIGGURAT_R)).toBeCloseTo(ZIGGURAT_V, 9);
    // Rectangle i spans [0, x_i] between heights e^−x_i and e^−x_{i−1}.
    for (let i = 2; i < 256; i++) {
      const x = ZIGGURAT_EDGES[i]!;
      const area = x * (Math.exp(-ZIGGURAT_EDGES[i - 1]!) - Math.exp(-x));
      expect(area).toBeCloseTo(ZIGGURAT_V, 12);
    }
    // The recursion must close: the top rectangle reaches exactly to density 1 (the published
    // R and V are the pair for which it does).
    const x1 = ZIGGURAT_EDGES[1]!;
    expect(Math.abs(x1 * (1 - Math.exp(-x1)) - ZIGGURAT_V)).toBeLessThan(1e-12);
  });

  it('edges rise from the top of the ziggurat to R', () => {
    for (let i = 2; i < 256; i++)
      expect(ZIGGURAT_EDGES[i]!).toBeGreaterThan(ZIGGURAT_EDGES[i - 1]!);
    expect(ZIGGURAT_EDGES[255]).toBe(ZIGGURAT_R);
  });
});

describe('standardExponential paths', () => {
  it('returns at once from the middle of a rectangle, using one draw', () => {
    // Layer 200 (low byte), position 1 (high 24 bits): far inside, no second draw.
    const x = standardExponential(scripted([(1 << 8) | 200]));
    expect(x).toBeCloseTo(ZIGGURAT_EDGES[200]! / 2 ** 24, 15);
  });

  it('takes the tail beyond R from the base strip', () => {
    // Layer 0 with the largest position lies past R: R + Exp(1) from the next draw.
    const u = 0x7fffffff; // (u + 1) / 2^32 = 1/2, so the tail adds ln 2
    const x = standardExponential(scripted([(0xffffff << 8) | 0, u]));
    expect(x).toBeCloseTo(ZIGGURAT_R + Math.LN2, 12);
  });

  it('tests a point in a rectangle’s right-hand sliver against the curve', () => {
    // Layer 255, largest position: x just under R, in the sliver beyond x_254. A uniform near 0
    // puts the point under the curve (accepted); near 1, above it (rejected, then a fresh draw).
    const position = 0xffffff;
    const x = (position * ZIGGURAT_EDGES[255]!) / 2 ** 24;
    expect(standardExponential(scripted([(position << 8) | 255, 0]))).toBeCloseTo(x, 12);
    const redraw = (1 << 8) | 100;
    expect(standardExponential(scripted([(position << 8) | 255, 0xffffffff, redraw]))).toBeCloseTo(
      ZIGGURAT_EDGES[100]! / 2 ** 24,
      15,
    );
  });
});

describe('standardExponential distribution (seeded)', () => {
  const n = 400_000;
  const rng = createRng(20_001);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = standardExponential(rng.nextUint32);

  it('has mean 1 and variance 1', () => {
    let sum = 0;
    let squares = 0;
    for (const x of xs) {
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard errors: 1/√n for the mean, √8/√n for the variance (fourth central moment 9).
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan((4 * Math.sqrt(8)) / Math.sqrt(n));
  });

  it('passes a chi-square test on 100 equally likely bins', () => {
    const bins = 100;
    const counts = new Uint32Array(bins);
    for (const x of xs) {
      // F(x) = 1 − e^−x is uniform for an exponential.
      counts[Math.min(bins - 1, Math.floor((1 - Math.exp(-x)) * bins))]!++;
    }
    const expected = n / bins;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 99.9th percentile of χ² with 99 degrees of freedom.
    expect(chi2).toBeLessThan(148.2);
  });

  it('matches the CDF closely everywhere (Kolmogorov–Smirnov)', () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = 1 - Math.exp(-sorted[i]!);
      d = Math.max(d, f - i / n, (i + 1) / n - f);
    }
    expect(d).toBeLessThan(1.949 / Math.sqrt(n)); // 0.1 % critical value
  });

  it('reaches the tail beyond R as often as e^−R says', () => {
    const beyond = xs.reduce((s, x) => s + (x > ZIGGURAT_R ? 1 : 0), 0);
    const p = Math.exp(-ZIGGURAT_R);
    expect(Math.abs(beyond - n * p)).toBeLessThan(4 * Math.sqrt(n * p));
  });
});
