import { describe, expect, it } from 'vitest';
import { answerSeconds } from './grading';

describe('time spent per question', () => {
  it('runs from the previous answer (or the start) to this one, so reading counts', () => {
    const start = 1_000_000;
    // Answered in the order 2, 0; question 1 never touched.
    expect(answerSeconds(start, [start + 50_000, null, start + 20_000])).toEqual([30, null, 20]);
  });
  it('is never negative when the clock goes back', () => {
    expect(answerSeconds(10_000, [5_000])).toEqual([0]);
  });
});
