import { useWorkbook } from '../../store/store';
import type { Quiz, Rating } from '../types';
import type { ShownAnswer } from './grading';

/** What the quiz view saves: the finished attempt (and its card reviews), and later self-grades. */
export function useQuizRecorder() {
  const recordAttempt = useWorkbook((s) => s.recordAttempt);
  const selfGrade = useWorkbook((s) => s.selfGrade);
  const markRight = useWorkbook((s) => s.markRight);
  return {
    recordAttempt: (
      quiz: Quiz,
      startedAt: number,
      finishedAt: number,
      answers: readonly ShownAnswer[],
    ) => recordAttempt(quiz, startedAt, finishedAt, answers),
    selfGrade: (quiz: Quiz, startedAt: number, questionId: string, rating: Rating) =>
      selfGrade(quiz.id, startedAt, questionId, rating),
    markRight: (quiz: Quiz, startedAt: number, finishedAt: number, questionId: string) =>
      markRight(questionId, finishedAt, { quizId: quiz.id, startedAt }),
  };
}
