import { describe, expect, it } from 'vitest';
import { wilson } from './experiment';

describe('Wilson interval', () => {
  it('matches the textbook values and stays inside [0, 1]', () => {
    // 10 of 100: (0.0552, 0.1744) by the Wilson score formula.
    const { low, high } = wilson(10, 100);
    expect(low).toBeCloseTo(0.05523, 4);
    expect(high).toBeCloseTo(0.17437, 4);
    expect(wilson(0, 1000).low).toBe(0);
    expect(wilson(0, 1000).high).toBeCloseTo(0.00383, 4);
    expect(wilson(5, 5).high).toBe(1);
  });
});
