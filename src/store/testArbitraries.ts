/**
 * fast-check generators for the store's persisted state (tests only, not used by the app): any
 * state the store's schema accepts, with the longest texts it keeps turning up often.
 */
import fc from 'fast-check';
import { MAX_CODE_CHARS } from '../exercises/stored';
import type { StoredExercise } from '../exercises/stored';
import { MAX_ANSWER_CHARS } from '../quiz/numeric';
import { resultKey } from '../quiz/results';
import type { GauntletResult, GradedAnswer } from '../quiz/results';
import type { StoredCard, StoredReviewLog } from '../quiz/schedule';
import { MAX_ID_CHARS } from '../quiz/stored';
import { reviewKey } from '../quiz/transfer';
import type { PersistedState } from './schema';
import { themeChoices } from './schema';

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** Any text, including lone surrogates, sometimes as long as `max`. */
const text = (max: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 8 },
    { arbitrary: fc.constant('a'.repeat(max)), weight: 1 },
    { arbitrary: fc.constant('é'.repeat(max)), weight: 1 },
  );

export const anyId = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
    fc.constant('x'.repeat(MAX_ID_CHARS)),
  )
  .filter((s) => !forbidden.has(s));

export const anyDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00.000Z'),
    max: new Date('2100-01-01T00:00:00.000Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

/** JSON has no −0: what the store saves comes back as 0. */
const nonNegative = fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => x || 0);
const difficulty = fc.double({ min: 0, max: 10, noNaN: true }).map((x) => x || 0);
const count = fc.nat({ max: 1_000_000 });
const rating = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const cardState = fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const);
const pick = fc.nat({ max: 99 });

const response: fc.Arbitrary<GradedAnswer['response']> = fc.oneof(
  fc.record({
    type: fc.constantFrom('single' as const, 'predict' as const),
    choice: fc.option(pick),
  }),
  fc.record({ type: fc.constant('multiple' as const), choices: fc.array(pick, { maxLength: 5 }) }),
  fc.record({
    type: fc.constantFrom('numeric' as const, 'text' as const),
    value: text(MAX_ANSWER_CHARS),
  }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.array(pick, { maxLength: 5 }) }),
  fc.record({
    type: fc.constant('free' as const),
    text: text(MAX_ANSWER_CHARS),
    selfRating: fc.option(rating),
  }),
);

const answer: fc.Arbitrary<GradedAnswer> = fc.record({
  questionId: anyId,
  response,
  correct: fc.option(fc.boolean()),
  rating: fc.option(rating),
  seconds: nonNegative,
});

const result: fc.Arbitrary<GauntletResult> = fc
  .record({
    quizId: anyId,
    startedAt: anyDate,
    finishedAt: anyDate,
    timeLimitS: fc.option(fc.double({ min: 0.001, max: 1e6, noNaN: true })),
    answers: fc.uniqueArray(answer, { maxLength: 4, selector: (a) => a.questionId }),
    extra: fc.nat({ max: 3 }),
  })
  .chain(({ extra, ...r }) =>
    fc.nat({ max: r.answers.length + extra }).map((score) => ({
      ...r,
      score,
      total: r.answers.length + extra,
    })),
  );

export const anyCard: fc.Arbitrary<StoredCard> = fc
  .record({
    questionId: anyId,
    due: anyDate,
    stability: nonNegative,
    difficulty,
    elapsed_days: nonNegative,
    scheduled_days: nonNegative,
    learning_steps: count,
    reps: count,
    lapses: count,
    state: cardState,
    last_review: fc.option(anyDate),
  })
  .map((c) => (c.last_review === null ? { ...c, state: 0 as const } : c));

export const anyReview: fc.Arbitrary<StoredReviewLog> = fc.record({
  questionId: anyId,
  rating,
  state: cardState,
  due: anyDate,
  stability: nonNegative,
  difficulty,
  elapsed_days: nonNegative,
  last_elapsed_days: nonNegative,
  scheduled_days: nonNegative,
  learning_steps: count,
  review: anyDate,
});

const exercise: fc.Arbitrary<StoredExercise> = fc.record({
  code: text(MAX_CODE_CHARS),
  savedAt: anyDate,
  runs: count,
  passedAt: fc.option(anyDate),
});

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Any state the store keeps, with results and reviews in time order as the store adds them. */
export const anyPersistedState: fc.Arbitrary<PersistedState> = fc.record({
  completed: fc.dictionary(anyId, fc.record({ at: anyDate }), {
    maxKeys: 4,
    noNullPrototype: true,
  }),
  lastVisited: fc.option(
    fc.record({
      lessonId: anyId,
      headingId: fc.option(anyId),
      headingText: fc.option(text(200)),
      at: anyDate,
    }),
  ),
  theme: fc.constantFrom(...themeChoices),
  gauntletResults: fc
    .uniqueArray(result, { maxLength: 3, selector: resultKey })
    .map((rs) =>
      rs.sort(
        (x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt) || byId(x.quizId, y.quizId),
      ),
    ),
  cards: fc
    .uniqueArray(anyCard, { maxLength: 4, selector: (c) => c.questionId })
    .map((cs) => Object.fromEntries(cs.map((c) => [c.questionId, c]))),
  reviewLog: fc
    .uniqueArray(anyReview, { maxLength: 5, selector: reviewKey })
    .map((ls) =>
      ls.sort(
        (x, y) => Date.parse(x.review) - Date.parse(y.review) || byId(x.questionId, y.questionId),
      ),
    ),
  retention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
  exercises: fc.dictionary(anyId, exercise, { maxKeys: 3, noNullPrototype: true }),
  checklist: fc.dictionary(anyId, fc.record({ at: anyDate }), {
    maxKeys: 4,
    noNullPrototype: true,
  }),
});
