import { checkAnswer } from '../check';
import { ratingFor } from '../rating';
import type { GradedAnswer } from '../results';
import type { Quiz, Response } from '../types';

export type ShownAnswer = GradedAnswer & { feedback: string };

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
      seconds: s ?? 0,
    };
  });
}
