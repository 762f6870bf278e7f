import { checkAnswer } from '../check';
import { ratingFor } from '../rating';
import type { GradedAnswer } from '../results';
import type { Quiz, Response } from '../types';

export type ShownAnswer = GradedAnswer & { feedback: string };

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

/** Grades a whole attempt: each answer's verdict, feedback and the rating its card gets. */
export function gradeAttempt(
  quiz: Quiz,
  responses: readonly Response[],
  seconds: readonly (number | null)[],
): ShownAnswer[] {
  return quiz.questions.map((q, i) => {
    const response = responses[i] ?? { type: 'text', value: '' };
    const s = seconds[i] ?? null;
    const checked = checkAnswer(q, response);
    return {
      questionId: q.id,
      response,
      correct: checked.correct,
      feedback: checked.feedback,
      // An untouched question has no time: rated as if answered at an ordinary pace.
      rating: ratingFor(q, response, s ?? Number.NaN),
      seconds: Math.max(0, s ?? 0),
    };
  });
}
