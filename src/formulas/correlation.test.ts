import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestLag,
  correlationMatrix,
  laggedCorrelation,
  mean,
  partialCorrelation,
  pearson,
  ranks,
  spearman,
} from './correlation.ts';
import type { CorrelationResult } from './correlation.ts';

function value<T>(r: CorrelationResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: CorrelationResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

// Anscombe's quartet (F. J. Anscombe, "Graphs in Statistical Analysis", 1973): four data sets
// with the same means, variances and r ≈ 0.816, and entirely different scatter plots.
const anscombeX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const anscombe = [
  { x: anscombeX, y: [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68] },
  { x: anscombeX, y: [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74] },
  { x: anscombeX, y: [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73] },
  {
    x: [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
    y: [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.5, 5.56, 7.91, 6.89],
  },
];

// Whole numbers (and halves), so that shifting and scaling cannot round distinct values together.
const series = fc.array(
  fc.integer({ min: -2000, max: 2000 }).map((v) => v / 2),
  {
    minLength: 3,
    maxLength: 30,
  },
);

describe('mean', () => {
  it('by hand', () => {
    expect(value(mean([1, 2, 3, 4]))).toBe(2.5);
    expect(value(mean([7]))).toBe(7);
    expect(value(mean(Array.from({ length: 10 }, () => 0.1)))).toBeCloseTo(0.1, 15);
    // Compensated summation: a large value does not swallow the small ones.
    expect(value(mean([1e16, 1, 1, 1, 1, -1e16]))).toBeCloseTo(4 / 6, 12);
  });

  it('explains bad input', () => {
    expect(reason(mean([]))).toMatch(/at least 1/);
    expect(reason(mean([1, Number.NaN]))).toMatch(/\[1\] is not a finite number/);
  });
});

describe("Pearson's r", () => {
  it('a perfectly linear relation is ±1', () => {
    const x = [1, 2, 3, 4, 5];
    expect(
      value(
        pearson(
          x,
          x.map((v) => 2 * v + 3),
        ),
      ),
    ).toBe(1);
    expect(
      value(
        pearson(
          x,
          x.map((v) => -0.5 * v + 10),
        ),
      ),
    ).toBe(-1);
  });

  it('y = x² on a symmetric range is 0: dependence that r cannot see', () => {
    const x = [-3, -2, -1, 0, 1, 2, 3];
    expect(
      value(
        pearson(
          x,
          x.map((v) => v * v),
        ),
      ),
    ).toBeCloseTo(0, 15);
  });

  it('a small data set by hand: r = 6/√60', () => {
    // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6.
    expect(value(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))).toBeCloseTo(6 / Math.sqrt(60), 15);
    expect(value(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))).toBeCloseTo(0.7746, 4);
  });

  it("Anscombe's quartet: four different pictures, r ≈ 0.816 each", () => {
    for (const { x, y } of anscombe)
      expect(Math.abs(value(pearson(x, y)) - 0.816)).toBeLessThan(0.001);
  });

  it('one extreme point can manufacture a strong r', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [5, 3, 6, 2, 5, 4, 3, 5];
    expect(Math.abs(value(pearson(x, y)))).toBeLessThan(0.1);
    expect(value(pearson([...x, 30], [...y, 30]))).toBeGreaterThan(0.95);
    // The rank correlation barely moves.
    expect(value(spearman([...x, 30], [...y, 30]))).toBeLessThan(0.3);
  });

  it('keeps its digits for large values with a small spread', () => {
    const x = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];
    expect(value(pearson(x, [1, 2, 3, 4]))).toBeCloseTo(1, 12);
  });

  it('is between −1 and 1, symmetric, unchanged by shifting and positive scaling', () => {
    fc.assert(
      fc.property(series, series, fc.double({ min: 0.1, max: 100, noNaN: true }), (a, b, s) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n);
        const y = b.slice(0, n);
        const r = pearson(x, y);
        if (!r.ok) return true; // a constant series: reported, not NaN
        const scaled = value(
          pearson(
            x.map((v) => s * v + 7),
            y,
          ),
        );
        const flipped = value(
          pearson(
            x.map((v) => -v),
            y,
          ),
        );
        return (
          r.value >= -1 &&
          r.value <= 1 &&
          Math.abs(value(pearson(y, x)) - r.value) < 1e-12 &&
          Math.abs(scaled - r.value) < 1e-6 &&
          Math.abs(flipped + r.value) < 1e-9
        );
      }),
    );
  });

  it('explains what it cannot compute', () => {
    expect(reason(pearson([1, 1, 1], [1, 2, 3]))).toMatch(/x does not vary/);
    expect(reason(pearson([1, 2, 3], [4, 4, 4]))).toMatch(/y does not vary/);
    expect(reason(pearson([1, 2, 3], [1, 2]))).toMatch(/same length/);
    expect(reason(pearson([1], [1]))).toMatch(/at least 2/);
    expect(reason(pearson([1, Number.POSITIVE_INFINITY], [1, 2]))).toMatch(/finite/);
  });
});

describe('correlation matrix', () => {
  it('symmetric with 1 on the diagonal, each cell Pearson', () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 4, 5, 4, 5];
    const c = [5, 3, 4, 1, 2];
    const m = value(
      correlationMatrix([
        { name: 'a', values: a },
        { name: 'b', values: b },
        { name: 'c', values: c },
      ]),
    );
    expect(m.names).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < 3; i++) {
      expect(m.matrix[i]![i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(m.matrix[i]![j]).toBe(m.matrix[j]![i]);
    }
    expect(m.matrix[0]![1]).toBeCloseTo(value(pearson(a, b)), 15);
    expect(m.matrix[0]![2]).toBeCloseTo(-0.8, 12); // Σdxdy = −8, Σdx² = Σdy² = 10
  });

  it('explains bad input', () => {
    expect(reason(correlationMatrix([{ name: 'a', values: [1, 2] }]))).toMatch(/two series/);
    expect(
      reason(
        correlationMatrix([
          { name: 'a', values: [1, 2] },
          { name: 'a', values: [2, 1] },
        ]),
      ),
    ).toMatch(/different name/);
    expect(
      reason(
        correlationMatrix([
          { name: 'a', values: [1, 2, 3] },
          { name: 'flat', values: [2, 2, 2] },
        ]),
      ),
    ).toMatch(/a and flat: y does not vary/);
  });
});

describe('lagged correlation', () => {
  // y is x delayed by two steps (the first two values of y are unrelated filler).
  const x = [1, 5, 2, 8, 3, 9, 4, 7, 6, 10, 2, 5];
  const y = [4, 4, ...x.slice(0, 10)];

  it('finds the delay: y follows x by two steps', () => {
    expect(value(laggedCorrelation(x, y, 2))).toBeCloseTo(1, 12);
    const scan = value(bestLag(x, y, 3));
    expect(scan.bestLag).toBe(2);
    expect(scan.bestR).toBeCloseTo(1, 12);
    expect(scan.byLag.map((p) => p.lag)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    // Swapping the series flips the sign of the lag.
    expect(value(bestLag(y, x, 3)).bestLag).toBe(-2);
  });

  it('lag 0 is plain Pearson, and a lag pairs x[t] with y[t + lag]', () => {
    expect(value(laggedCorrelation(x, y, 0))).toBe(value(pearson(x, y)));
    expect(value(laggedCorrelation(x, y, 1))).toBeCloseTo(
      value(pearson(x.slice(0, 11), y.slice(1))),
      15,
    );
    expect(value(laggedCorrelation(x, y, -1))).toBeCloseTo(
      value(pearson(x.slice(1), y.slice(0, 11))),
      15,
    );
  });

  it('prefers the smaller lag on a tie', () => {
    // A period-2 pattern correlates perfectly at lags 0 and ±2.
    const p = [1, 3, 1, 3, 1, 3, 1, 3];
    expect(value(bestLag(p, p, 2)).bestLag).toBe(0);
  });

  it('explains lags that leave too few pairs', () => {
    expect(reason(laggedCorrelation([1, 2, 3, 4], [1, 2, 3, 4], 2))).toMatch(/2 overlapping pairs/);
    expect(reason(laggedCorrelation([1, 2, 3, 4], [1, 2, 3, 4], 0.5))).toMatch(/whole number/);
    expect(reason(bestLag([1, 2, 3, 4], [1, 2, 3, 4], 3))).toMatch(/smaller largest lag/);
    expect(reason(bestLag([1, 2, 3, 4], [1, 2, 3, 4], -1))).toMatch(/at least 0/);
    expect(reason(bestLag([1, 1, 1, 1], [1, 2, 3, 4], 1))).toMatch(/No lag/);
  });
});

describe("Spearman's rank correlation", () => {
  it('ties share the average rank', () => {
    expect(value(ranks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(value(ranks([3, 1, 2]))).toEqual([3, 1, 2]);
    expect(value(ranks([5, 5, 5]))).toEqual([2, 2, 2]);
  });

  it('with ties, by hand: 6.5/√95, not the no-ties shortcut 0.675', () => {
    // Ranks of y = [1, 3, 2, 2, 5] are [1, 4, 2.5, 2.5, 5]; Σdxdy = 6.5, Σdx² = 10, Σdy² = 9.5.
    const rho = value(spearman([1, 2, 3, 4, 5], [1, 3, 2, 2, 5]));
    expect(rho).toBeCloseTo(6.5 / Math.sqrt(95), 15);
    expect(rho).toBeCloseTo(0.6669, 4);
  });

  it('without ties it equals 1 − 6Σd²/(n(n² − 1))', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2, 1, 4, 3, 6, 5]; // each d = ±1, Σd² = 6
    expect(value(spearman(x, y))).toBeCloseTo(1 - (6 * 6) / (6 * 35), 15);
  });

  it('any monotonic relation is 1, where Pearson is less', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = x.map((v) => Math.exp(v));
    expect(value(spearman(x, y))).toBe(1);
    expect(value(pearson(x, y))).toBeLessThan(0.9);
  });

  it('is unchanged by any increasing transformation of either series', () => {
    fc.assert(
      fc.property(series, series, (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n);
        const y = b.slice(0, n);
        const r = spearman(x, y);
        if (!r.ok) return true;
        const transformed = value(
          spearman(
            x.map((v) => Math.atan(v / 100) * 3 + 1),
            y,
          ),
        );
        return Math.abs(transformed - r.value) < 1e-9;
      }),
    );
  });
});

describe('partial correlation', () => {
  /** The correlation of what is left of x and y after a straight-line fit on z. */
  function residualCorrelation(x: number[], y: number[], z: number[]): number {
    const residual = (v: number[]) => {
      const mz = value(mean(z));
      const mv = value(mean(v));
      let szv = 0;
      let szz = 0;
      for (let i = 0; i < z.length; i++) {
        szv += (z[i]! - mz) * (v[i]! - mv);
        szz += (z[i]! - mz) ** 2;
      }
      const slope = szv / szz;
      return v.map((vi, i) => vi - mv - slope * (z[i]! - mz));
    };
    return value(pearson(residual(x), residual(y)));
  }

  it('equals the correlation of the residuals after removing z', () => {
    const traffic = [2, 1, 3, 8, 10, 9, 7, 4];
    const logs = [1.2, 0.4, 1.6, 3.8, 5.1, 4.5, 3.4, 2];
    const gc = [7, 2, 9, 25, 29, 28, 21, 11];
    const partial = value(partialCorrelation(logs, gc, traffic));
    expect(partial).toBeCloseTo(residualCorrelation(logs, gc, traffic), 12);
    // Both follow traffic: r is about 0.99, but almost nothing is left once traffic is fixed.
    expect(value(pearson(logs, gc))).toBeGreaterThan(0.99);
    expect(Math.abs(partial)).toBeLessThan(0.1);
  });

  it('matches residual correlation on random data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -50, max: 50 }),
            fc.integer({ min: -50, max: 50 }),
            fc.integer({ min: -50, max: 50 }),
          ),
          { minLength: 5, maxLength: 25 },
        ),
        (rows) => {
          const x = rows.map((r) => r[0]);
          const y = rows.map((r) => r[1]);
          const z = rows.map((r) => r[2]);
          const p = partialCorrelation(x, y, z);
          if (!p.ok) return true;
          return Math.abs(p.value - residualCorrelation(x, y, z)) < 1e-9;
        },
      ),
    );
  });

  it('explains when nothing is left', () => {
    expect(reason(partialCorrelation([1, 2, 3, 4], [4, 1, 3, 2], [2, 4, 6, 8]))).toMatch(
      /straight-line function of z/,
    );
    expect(reason(partialCorrelation([1, 2, 3], [3, 1, 2], [5, 5, 5]))).toMatch(/x and z/);
  });
});
