import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingFor } from './check';
import { autoRating, EXPECTED_SECONDS, FAST_FACTOR, SLOW_FACTOR } from './rating';
import type { Question, QuestionType } from './types';

const types = Object.keys(EXPECTED_SECONDS) as QuestionType[];

describe('autoRating', () => {
  it('rates every wrong answer Again, however fast or slow', () => {
    for (const type of types)
      for (const s of [0, 1, EXPECTED_SECONDS[type], 1e6, Number.NaN])
        expect(autoRating(type, false, s)).toBe(1);
  });

  it('puts the thresholds where the documentation says, edges included', () => {
    const e = EXPECTED_SECONDS.numeric;
    expect(e).toBe(60);
    expect(autoRating('numeric', true, 0)).toBe(4);
    expect(autoRating('numeric', true, FAST_FACTOR * e)).toBe(4); // 24 s
    expect(autoRating('numeric', true, FAST_FACTOR * e + 0.01)).toBe(3);
    expect(autoRating('numeric', true, e)).toBe(3);
    expect(autoRating('numeric', true, SLOW_FACTOR * e)).toBe(3); // 90 s
    expect(autoRating('numeric', true, SLOW_FACTOR * e + 0.01)).toBe(2);
  });

  it('scales with the question type', () => {
    // 10 s is fast for a numeric question, ordinary for a single choice.
    expect(autoRating('numeric', true, 10)).toBe(4);
    expect(autoRating('single', true, 10)).toBe(3);
    expect(autoRating('single', true, 40)).toBe(2);
    expect(autoRating('ordering', true, 40)).toBe(3);
  });

  it('treats a missing or broken time as ordinary', () => {
    for (const s of [Number.NaN, -1, Infinity, -Infinity])
      expect(autoRating('single', true, s)).toBe(3);
  });

  it('never rates a slower right answer higher than a faster one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (type, a, b) => {
          const [fast, slow] = a <= b ? [a, b] : [b, a];
          expect(autoRating(type, true, fast)).toBeGreaterThanOrEqual(autoRating(type, true, slow));
        },
      ),
    );
  });
});

describe('ratingFor', () => {
  const base = { id: 'q', prompt: '', explanation: '' };
  const single: Question = { ...base, type: 'single', options: ['a', 'b'], correct: 0 };
  const free: Question = { ...base, type: 'free', model: '', rubric: [] };

  it('grades the response, then maps grade and time', () => {
    expect(ratingFor(single, { type: 'single', choice: 0 }, 12)).toBe(3);
    expect(ratingFor(single, { type: 'single', choice: 0 }, 3)).toBe(4);
    expect(ratingFor(single, { type: 'single', choice: 0 }, 60)).toBe(2);
    expect(ratingFor(single, { type: 'single', choice: 1 }, 3)).toBe(1);
    expect(ratingFor(single, { type: 'single', choice: null }, 3)).toBe(1);
  });

  it('passes a free response’s own rating through, whatever the time', () => {
    for (const r of [1, 2, 3, 4] as const)
      expect(ratingFor(free, { type: 'free', text: '', selfRating: r }, 1)).toBe(r);
    expect(ratingFor(free, { type: 'free', text: '', selfRating: null }, 1)).toBe(null);
    expect(ratingFor(free, { type: 'text', value: 'x' }, 1)).toBe(1);
  });
});
