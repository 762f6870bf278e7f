import * as z from 'zod/mini';
import { MAX_ANSWER_CHARS } from './numeric';
import { id, isoDate, nonNegative, rating } from './stored';

/**
 * A finished gauntlet (or untimed quiz) as stored and exported: when, how it went, and every
 * answer with the rating its card was scheduled with.
 */

/** More options or items than any question could have; longer arrays are junk. */
const MAX_PICKS = 100;

const answerText = z.string().check(z.maxLength(MAX_ANSWER_CHARS));
const index = z.int().check(z.gte(0), z.lt(MAX_PICKS));

/** The `Response` union of types.ts, as data. */
export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['single', 'predict']), choice: z.nullable(index) }),
  z.object({ type: z.literal('multiple'), choices: z.array(index).check(z.maxLength(MAX_PICKS)) }),
  z.object({ type: z.literal('numeric'), value: answerText }),
  z.object({ type: z.literal('text'), value: answerText }),
  z.object({ type: z.literal('ordering'), order: z.array(index).check(z.maxLength(MAX_PICKS)) }),
  z.object({ type: z.literal('free'), text: answerText, selfRating: z.nullable(rating) }),
]);

export const gradedAnswerSchema = z.object({
  questionId: id,
  response: responseSchema,
  /** null: a free response left unrated. */
  correct: z.nullable(z.boolean()),
  /** The rating the card was reviewed with; null when it was not (an unrated free response). */
  rating: z.nullable(rating),
  /** Time spent on this question. */
  seconds: nonNegative,
});
export type GradedAnswer = z.infer<typeof gradedAnswerSchema>;

export const gauntletResultSchema = z
  .object({
    quizId: id,
    startedAt: isoDate,
    finishedAt: isoDate,
    /** null for an untimed quiz. */
    timeLimitS: z.nullable(z.number().check(z.gt(0))),
    score: z.int().check(z.gte(0)),
    total: z.int().check(z.gte(0)),
    answers: z.array(gradedAnswerSchema).check(z.maxLength(1000)),
  })
  .check(
    z.refine((r) => r.score <= r.total, {
      message: 'score is more than the total',
      path: ['score'],
    }),
    z.refine((r) => Date.parse(r.finishedAt) >= Date.parse(r.startedAt), {
      message: 'finished before it started',
      path: ['finishedAt'],
    }),
    z.refine((r) => new Set(r.answers.map((a) => a.questionId)).size === r.answers.length, {
      message: 'the same question is answered twice',
      path: ['answers'],
    }),
  );
export type GauntletResult = z.infer<typeof gauntletResultSchema>;

/** Identifies a result: one attempt at one quiz starts only once. */
export const resultKey = (r: Pick<GauntletResult, 'quizId' | 'startedAt'>) =>
  `${r.quizId}\u0000${Date.parse(r.startedAt)}`;
