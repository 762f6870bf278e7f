import fc from 'fast-check';
import { judgeFormula } from './formula/judge';
import { describe, expect, it } from 'vitest';
import { acceptedRange, checkAnswer, formatAnswer } from './check';
import type { Question, Response } from './types';

const base = { id: 'q', prompt: '<p>?</p>', explanation: '<p>!</p>' };
const single: Question = { ...base, type: 'single', options: ['a', 'b', 'c'], correct: 1 };
const predict: Question = {
  ...base,
  type: 'predict',
  options: ['a', 'b'],
  correct: 0,
  widget: 'w',
};
const multiple: Question = {
  ...base,
  type: 'multiple',
  options: ['a', 'b', 'c', 'd'],
  correct: [0, 2],
};
const ordering: Question = { ...base, type: 'ordering', items: ['a', 'b', 'c', 'd'] };
const free: Question = { ...base, type: 'free', model: 'm', rubric: ['r'] };
const states: Question = {
  ...base,
  type: 'text',
  accept: ['CLOSED, OPEN, HALF_OPEN'],
  unordered: true,
};
const numeric = (
  answer: number,
  kind: 'relative' | 'absolute',
  value: number,
  unit: string | null = null,
): Question => ({ ...base, type: 'numeric', answer, tolerance: { kind, value }, unit });

const typed = (value: string): Response => ({ type: 'numeric', value });
const correct = (q: Question, r: Response) => checkAnswer(q, r).correct;

describe('single choice and predict', () => {
  it('is correct only for the right index', () => {
    expect(checkAnswer(single, { type: 'single', choice: 1 })).toEqual({
      correct: true,
      feedback: 'Correct.',
    });
    expect(correct(single, { type: 'single', choice: 0 })).toBe(false);
    expect(correct(predict, { type: 'predict', choice: 0 })).toBe(true);
    expect(correct(predict, { type: 'single', choice: 0 })).toBe(true);
  });

  it('treats no choice as unanswered and bad indexes as not correct', () => {
    expect(checkAnswer(single, { type: 'single', choice: null }).feedback).toBe(
      'No answer was given.',
    );
    for (const choice of [-1, 3, 1.5, Number.NaN, Infinity, -0.5])
      expect(checkAnswer(single, { type: 'single', choice })).toEqual({
        correct: false,
        feedback: 'That option does not exist.',
      });
  });
});

describe('multiple choice', () => {
  const pick = (...choices: number[]): Response => ({ type: 'multiple', choices });

  it('needs exactly the right set, in any order, repeats ignored', () => {
    expect(correct(multiple, pick(0, 2))).toBe(true);
    expect(correct(multiple, pick(2, 0))).toBe(true);
    expect(correct(multiple, pick(2, 0, 2))).toBe(true);
    expect(correct(multiple, pick(0))).toBe(false);
    expect(correct(multiple, pick(0, 1, 2))).toBe(false);
  });

  it('counts right and wrong picks', () => {
    expect(checkAnswer(multiple, pick(0)).feedback).toBe(
      'You picked 1 of the 2 right options, and none of the wrong ones.',
    );
    expect(checkAnswer(multiple, pick(0, 1, 3)).feedback).toBe(
      'You picked 1 of the 2 right options, and 2 wrong ones.',
    );
    expect(checkAnswer(multiple, pick(1)).feedback).toBe(
      'You picked 0 of the 2 right options, and 1 wrong one.',
    );
  });

  it('refuses options that do not exist and junk arrays', () => {
    expect(correct(multiple, pick(0, 2, 4))).toBe(false);
    expect(correct(multiple, pick(0, -1, 2))).toBe(false);
    expect(correct(multiple, pick(0, Number.NaN, 2))).toBe(false);
    expect(checkAnswer(multiple, pick()).feedback).toBe('No answer was given.');
    const huge = pick(...Array.from({ length: 100_000 }, () => 0));
    expect(checkAnswer(multiple, huge).feedback).toMatch(/does not exist/);
  });
});

describe('ordering', () => {
  const order = (...o: number[]): Response => ({ type: 'ordering', order: o });

  it('needs the exact sequence', () => {
    expect(correct(ordering, order(0, 1, 2, 3))).toBe(true);
    expect(checkAnswer(ordering, order(1, 0, 2, 3))).toEqual({
      correct: false,
      feedback: '2 of the 4 items are in the right place.',
    });
    expect(checkAnswer(ordering, order(3, 0, 1, 2)).feedback).toBe(
      '0 of the 4 items are in the right place.',
    );
    expect(checkAnswer(ordering, order(0, 2, 3, 1)).feedback).toBe(
      '1 of the 4 items is in the right place.',
    );
  });

  it('refuses anything that is not a permutation of the items', () => {
    for (const bad of [
      order(0, 1, 2),
      order(0, 1, 2, 2),
      order(0, 1, 2, 4),
      order(0, 1, 2, -1),
      order(0, 1, 2, 3, 0),
      order(0, 1, 2, Number.NaN),
    ])
      expect(checkAnswer(ordering, bad)).toEqual({
        correct: false,
        feedback: 'The order must use every item exactly once.',
      });
    expect(checkAnswer(ordering, order()).feedback).toBe('No answer was given.');
  });
});

describe('numeric', () => {
  it('counts answers exactly on the tolerance edges as correct', () => {
    const q = numeric(2000, 'relative', 0.05, 'ms');
    expect(correct(q, typed('1900'))).toBe(true);
    expect(correct(q, typed('2100'))).toBe(true);
    expect(correct(q, typed('2100.01'))).toBe(false);
    expect(correct(q, typed('1899.99'))).toBe(false);
    const abs = numeric(0.3, 'absolute', 0.1);
    expect(correct(abs, typed('0.2'))).toBe(true); // 0.3 − 0.2 = 0.09999999999999998
    expect(correct(abs, typed('0.4'))).toBe(true); // 0.4 − 0.3 = 0.10000000000000003
    expect(correct(abs, typed('0.41'))).toBe(false);
  });

  it('accepts the edges for any answer and tolerance, and refuses just outside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((a) => Math.abs(a) > 1e-6),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.boolean(),
        (answer, v, relative) => {
          const tol = relative ? v : v * Math.abs(answer);
          const q = numeric(answer, relative ? 'relative' : 'absolute', tol);
          const width = v * Math.abs(answer);
          for (const x of [answer - width, answer + width])
            expect(correct(q, typed(String(x)))).toBe(true);
          for (const x of [answer - width * 1.001, answer + width * 1.001])
            expect(correct(q, typed(String(x)))).toBe(false);
        },
      ),
    );
  });

  it('accepts only zero itself when the answer is 0 with a relative tolerance', () => {
    const q = numeric(0, 'relative', 0.05);
    expect(correct(q, typed('0'))).toBe(true);
    expect(correct(q, typed('-0'))).toBe(true);
    expect(correct(q, typed('1e-12'))).toBe(false);
    expect(correct(numeric(0, 'absolute', 0.01), typed('0.01'))).toBe(true);
  });

  it('accepts the number with the expected unit, converts a time, explains another unit', () => {
    const q = numeric(40, 'relative', 0.1, 'ms');
    expect(correct(q, typed('40 ms'))).toBe(true);
    expect(correct(q, typed('40'))).toBe(true);
    expect(checkAnswer(q, typed('0.04 s'))).toEqual({
      correct: true,
      feedback: 'Correct: the answer is 40 ms (36 to 44 accepted); you gave 0.04 s = 40 ms.',
    });
    expect(checkAnswer(q, typed('4 s')).feedback).toMatch(/you gave 4 s = 4,000 ms\.$/);
    expect(checkAnswer(q, typed('40 MB'))).toEqual({
      correct: false,
      feedback: 'The answer is expected in ms; “MB” is not that unit, so type the number in ms.',
    });
  });

  it('says what the answer and the accepted range are', () => {
    const q = numeric(2000, 'relative', 0.05, 'ms');
    expect(checkAnswer(q, typed('2,050')).feedback).toBe(
      'Correct: the answer is 2,000 ms (1,900 to 2,100 accepted).',
    );
    expect(checkAnswer(q, typed('2200')).feedback).toBe(
      'Close, but outside the tolerance: the answer is 2,000 ms (1,900 to 2,100 accepted), and you gave 2,200 ms.',
    );
    expect(checkAnswer(q, typed('5000')).feedback).toMatch(/^Not quite: .*you gave 5,000 ms\.$/);
    expect(checkAnswer(numeric(7, 'absolute', 0), typed('7')).feedback).toBe(
      'Correct: the answer is 7.',
    );
  });

  it('refuses a malformed question instead of grading against NaN', () => {
    expect(checkAnswer(numeric(Number.NaN, 'absolute', 1), typed('1')).feedback).toMatch(
      /no valid answer/,
    );
    expect(correct(numeric(1, 'absolute', -1), typed('1'))).toBe(false);
    expect(correct(numeric(1, 'relative', Number.NaN), typed('1'))).toBe(false);
    expect(acceptedRange({ answer: 1, tolerance: { kind: 'absolute', value: Infinity } })).toBe(
      null,
    );
  });

  it('treats blank and hostile input as not correct', () => {
    const q = numeric(5, 'absolute', 1);
    expect(checkAnswer(q, typed('  ')).feedback).toBe('No answer was given.');
    expect(correct(q, typed('NaN'))).toBe(false);
    expect(correct(q, typed('5'.repeat(20_000)))).toBe(false);
  });
});

describe('formatAnswer', () => {
  it('prints the author’s number without losing digits or printing NaN', () => {
    expect(formatAnswer(2000)).toBe('2,000');
    expect(formatAnswer(0.1234567)).toBe('0.1234567');
    expect(formatAnswer(1.5e-7)).toBe('1.5e-7');
    expect(formatAnswer(0)).toBe('0');
    expect(formatAnswer(Number.NaN)).toBe('—');
  });
});

describe('text', () => {
  it('accepts the states of a breaker in any order and any spelling', () => {
    for (const v of [
      'closed, open, half-open',
      'HALF_OPEN; OPEN; CLOSED',
      'Open, Half open and Closed',
    ])
      expect(correct(states, { type: 'text', value: v })).toBe(true);
    expect(correct(states, { type: 'text', value: 'closed, open' })).toBe(false);
  });

  it('survives a non-string value', () => {
    expect(correct(states, { type: 'text', value: 7 as unknown as string })).toBe(false);
  });
});

describe('free response', () => {
  const rated = (selfRating: 1 | 2 | 3 | 4 | null): Response => ({
    type: 'free',
    text: 'my answer',
    selfRating,
  });

  it('is ungraded until the learner rates it, then correct from Good up', () => {
    expect(correct(free, rated(null))).toBe(null);
    expect(correct(free, rated(1))).toBe(false);
    expect(correct(free, rated(2))).toBe(false);
    expect(correct(free, rated(3))).toBe(true);
    expect(correct(free, rated(4))).toBe(true);
  });

  it('treats a rating outside 1–4 as not yet rated', () => {
    expect(correct(free, rated(7 as 4))).toBe(null);
    expect(correct(free, rated(Number.NaN as 4))).toBe(null);
  });
});

describe('checkAnswer on anything', () => {
  it('refuses a response for another kind of question', () => {
    expect(checkAnswer(single, { type: 'multiple', choices: [1] })).toEqual({
      correct: false,
      feedback: 'This answer belongs to a different kind of question.',
    });
    expect(correct(free, { type: 'text', value: 'x' })).toBe(false);
    expect(correct(single, null as unknown as Response)).toBe(false);
  });

  it('never throws and always explains', () => {
    const questions = [
      single,
      predict,
      multiple,
      ordering,
      free,
      states,
      numeric(1, 'absolute', 1),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...questions),
        fc.record({
          type: fc.constantFrom(
            'single',
            'predict',
            'multiple',
            'numeric',
            'text',
            'ordering',
            'free',
          ),
          choice: fc.anything(),
          choices: fc.anything(),
          order: fc.anything(),
          value: fc.anything(),
          text: fc.anything(),
          selfRating: fc.anything(),
        }),
        (q, r) => {
          const result = checkAnswer(q, r as unknown as Response);
          expect([true, false, null]).toContain(result.correct);
          expect(result.feedback.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('formula', () => {
  const q: Question = {
    id: 'f',
    type: 'formula',
    prompt: 'P',
    explanation: 'E',
    answer: 'Q3 + 1.5 IQR',
    accept: [],
    variables: [
      { name: 'Q1', min: 0, max: 50 },
      { name: 'Q3', min: 50, max: 100 },
    ],
    where: [{ name: 'IQR', formula: 'Q3 - Q1' }],
  };
  const f = (value: string) => ({ type: 'formula' as const, value });

  it('grades with the judge it is given', () => {
    expect(checkAnswer(q, f('1.5 IQR + Q3'), judgeFormula).correct).toBe(true);
    expect(checkAnswer(q, f('Q3 - 1.5 IQR'), judgeFormula).correct).toBe(false);
  });

  it('marks an unreadable formula unreadable, not wrong-and-done', () => {
    const r = checkAnswer(q, f('Q3 + 1.5 fence'), judgeFormula);
    expect(r).toMatchObject({ correct: false, unreadable: true });
    expect(r.feedback).toMatch(/not a name this question uses/);
    // Without the judge (not loaded) nothing is graded either.
    expect(checkAnswer(q, f('Q3 + 1.5 IQR'))).toMatchObject({ unreadable: true });
    expect(checkAnswer(q, f('  '), judgeFormula)).toEqual({
      correct: false,
      feedback: 'No answer was given.',
    });
  });
});
