import * as z from 'zod/mini';
import { id, isoDate, nonNegative, rating } from './stored';

/**
 * A finished gauntlet (or untimed quiz) as stored and exported: when, how it went, and every
 * answer with the rating its card was scheduled with.
 */

/** More options or items than any question could have; longer arrays are junk. */
const MAX_PICKS = 100;

/**
 * No length limit here, on purpose: the store validates its saved state with this schema, and a
 * learner's overlong answer must not make a whole save unreadable. Imports are capped anyway
 * (every string in a file, see transfer.ts), and exports cut answers to that cap.
 */
const answerText = z.string();
const index = z.int().check(z.gte(0), z.lt(MAX_PICKS));

/** The `Response` union of types.ts, as data. */
export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['single', 'predict']), choice: z.nullable(index) }),
  z.object({ type: z.literal('multiple'), choices: z.array(index).check(z.maxLength(MAX_PICKS)) }),
  z.object({ type: z.literal('numeric'), value: answerText }),
  z.object({ type: z.literal('text'), value: answerText }),
  z.object({ type: z.literal('formula'), value: answerText }),
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

/**
 * The store validates its saved state with this schema, so it holds only what must be true of
 * any result the app records. Not, for example, "finished after it started": a clock set back
 * during a gauntlet would then make the learner's whole save unreadable.
 */
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
    z.refine((r) => new Set(r.answers.map((a) => a.questionId)).size === r.answers.length, {
      message: 'the same question is answered twice',
      path: ['answers'],
    }),
  );
export type GauntletResult = z.infer<typeof gauntletResultSchema>;

/** Identifies a result: one attempt at one quiz starts only once. */
export const resultKey = (r: Pick<GauntletResult, 'quizId' | 'startedAt'>) =>
  `${r.quizId}\u0000${Date.parse(r.startedAt)}`;
