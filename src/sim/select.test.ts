import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { selectInPlace, selectRanks } from './select';

const sortedCopy = (values: ArrayLike<number>) => Float64Array.from(values).sort();

describe('selectInPlace', () => {
  it('selects the k-th smallest value like a sort would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (values, pick) => {
          const k = pick % values.length;
          expect(selectInPlace(Float64Array.from(values), k)).toBe(sortedCopy(values)[k]);
        },
      ),
    );
  });
});

describe('selectRanks', () => {
  it('gives every rank a sort would, for values across many powers of two, with ties', () => {
    // +0 and the smallest subnormal sit at the bottom of the key range; 1e300 near the top.
    const value = fc.oneof(
      fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, Number.MIN_VALUE, 1, 1.0000000000000002, 0.5, 3),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 400 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (values, picks) => {
          const ranks = picks.map((p) => p % values.length);
          const sorted = sortedCopy(values);
          // Object.is: +0 stays +0.
          const got = selectRanks(Float64Array.from(values), ranks);
          ranks.forEach((k, i) => expect(Object.is(got[i], sorted[k])).toBe(true));
        },
      ),
    );
  });

  it('agrees with a sort on a million exponential waits (fixed seed)', () => {
    const rng = createRng(77);
    const values = new Float64Array(1_000_000);
    for (let i = 0; i < values.length; i++) values[i] = -Math.log(1 - rng.next()) * 0.01;
    const sorted = sortedCopy(values);
    const ranks = [999_999, 0, 500_000, 950_000, 990_000, 999_000, 500_001];
    expect(selectRanks(values, ranks)).toEqual(ranks.map((k) => sorted[k]));
  });

  it('works on a view into a larger buffer', () => {
    const buffer = Float64Array.from([9, 9, 4, 1, 3, 2, 9]);
    expect(selectRanks(buffer.subarray(2, 6), [0, 3, 1])).toEqual([1, 4, 2]);
  });

  it('refuses ranks outside the array and negative values, in words', () => {
    expect(() => selectRanks(Float64Array.from([1, 2]), [2])).toThrow('rank 2 is outside 0…1');
    expect(() => selectRanks(Float64Array.from([1, 2]), [0.5])).toThrow(RangeError);
    expect(() => selectRanks(Float64Array.from([1, -2]), [0])).toThrow('only values ≥ 0');
    expect(selectRanks(Float64Array.from([1, 2]), [])).toEqual([]);
  });
});
