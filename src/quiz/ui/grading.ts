import { checkAnswer } from '../check';
import type { FormulaJudge } from '../formula/load';
import { ratingFor } from '../check';
import type { GradedAnswer } from '../results';
import type { Quiz, Response } from '../types';

export type ShownAnswer = GradedAnswer & {
  feedback: string;
  /** The answer could not be read (see CheckResult); it counts as not correct. */
  unreadable?: true;
  /** The learner said "I was right" after it was marked wrong. */
  overridden?: true;
};

/**
 * Seconds spent on each question of a page answered in one go: from the previous answer's last
 * change (or the start) to this one's last change, so reading the prompt counts. A question
 * never changed has no time (null). Never negative, even if the clock went back.
 */
export function answerSeconds(
  startedAt: number,
  lastChanged: readonly (number | null)[],
): (number | null)[] {
  const order = lastChanged
    .map((at, i) => ({ at, i }))
    .filter((x): x is { at: number; i: number } => x.at !== null)
    .sort((a, b) => a.at - b.at);
  const out: (number | null)[] = lastChanged.map(() => null);
  let previous = startedAt;
  for (const { at, i } of order) {
    out[i] = Math.max(0, (at - previous) / 1000);
    previous = Math.max(previous, at);
  }
  return out;
}

/**
 * Grades a whole attempt: each answer's verdict, feedback and the rating its card gets.
 * `judge` is needed for formula questions (loaded by the caller, see formula/load.ts).
 */
export function gradeAttempt(
  quiz: Quiz,
  responses: readonly Response[],
  seconds: readonly (number | null)[],
  judge?: FormulaJudge,
): ShownAnswer[] {
  return quiz.questions.map((q, i) => {
    const response = responses[i] ?? { type: 'text', value: '' };
    const s = seconds[i] ?? null;
    const checked = checkAnswer(q, response, judge);
    return {
      questionId: q.id,
      response,
      correct: checked.correct,
      feedback: checked.feedback,
      // An untouched question has no time: rated as if answered at an ordinary pace.
      rating: ratingFor(q, response, s ?? Number.NaN, judge),
      seconds: Math.max(0, s ?? 0),
      ...(checked.unreadable ? { unreadable: true as const } : {}),
    };
  });
}
