import type { StateCreator } from 'zustand';
import type { GauntletResult, GradedAnswer } from '../quiz/results';
import { OVERRIDE_RATING } from '../quiz/rating';
import {
  fromStored,
  logFromStored,
  logToStored,
  regrade,
  reviewOrEnrol,
  toStored,
} from '../quiz/schedule';
import type { Rating } from '../quiz/types';
import type { QuizSlice, WorkbookState } from './state';

/** Reviews `questionId` with `rating` at `now` in a copy of the cards and log. */
function applyReview(
  s: Pick<QuizSlice, 'cards' | 'reviewLog' | 'retention'>,
  questionId: string,
  rating: Rating,
  now: Date,
): Pick<QuizSlice, 'cards' | 'reviewLog'> {
  const stored = s.cards[questionId];
  const next = reviewOrEnrol(stored ? fromStored(stored) : undefined, questionId, rating, now, {
    desiredRetention: s.retention,
  });
  return {
    cards: { ...s.cards, [questionId]: toStored(next.card) },
    reviewLog: [...s.reviewLog, logToStored(next.log)],
  };
}

const score = (answers: readonly GradedAnswer[]) =>
  answers.filter((a) => a.correct === true).length;

export const createQuizSlice: StateCreator<WorkbookState, [], [], QuizSlice> = (set) => ({
  gauntletResults: [],
  cards: {},
  reviewLog: [],
  retention: 0.9,
  recordAttempt: (quiz, startedAt, finishedAt, answers) =>
    set((s) => {
      let next: Pick<QuizSlice, 'cards' | 'reviewLog' | 'retention'> = s;
      const at = new Date(finishedAt);
      for (const a of answers) {
        if (a.rating !== null) next = { ...next, ...applyReview(next, a.questionId, a.rating, at) };
      }
      const result: GauntletResult = {
        quizId: quiz.id,
        startedAt: new Date(startedAt).toISOString(),
        finishedAt: at.toISOString(),
        timeLimitS: quiz.timeLimitS,
        score: score(answers),
        total: answers.length,
        answers: answers.map(({ questionId, response, correct, rating, seconds }) => ({
          questionId,
          response,
          correct,
          rating,
          seconds,
        })),
      };
      return {
        cards: next.cards,
        reviewLog: next.reviewLog,
        gauntletResults: [...s.gauntletResults, result],
      };
    }),
  selfGrade: (quizId, startedAt, questionId, rating, now = new Date()) =>
    set((s) => {
      const started = new Date(startedAt).toISOString();
      const index = s.gauntletResults.findIndex(
        (r) => r.quizId === quizId && r.startedAt === started,
      );
      const result = s.gauntletResults[index];
      const answer = result?.answers.find((a) => a.questionId === questionId);
      // Only the first grade schedules the card: a second click must not review it twice.
      if (!result || !answer || answer.rating !== null) return {};
      const answers = result.answers.map((a) =>
        a.questionId === questionId ? { ...a, rating, correct: rating >= 3 } : a,
      );
      const gauntletResults = [...s.gauntletResults];
      gauntletResults[index] = { ...result, answers, score: score(answers) };
      return { ...applyReview(s, questionId, rating, now), gauntletResults };
    }),
  reviewCard: (questionId, rating, now = new Date()) =>
    set((s) => applyReview(s, questionId, rating, now)),
  markRight: (questionId, since, attempt) =>
    set((s) => {
      const changes: Partial<QuizSlice> = {};
      let i = s.reviewLog.length - 1;
      while (i >= 0 && s.reviewLog[i]!.questionId !== questionId) i--;
      const entry = s.reviewLog[i];
      const card = s.cards[questionId];
      if (entry && card && entry.rating === 1 && Date.parse(entry.review) >= since) {
        const next = regrade(fromStored(card), logFromStored(entry), OVERRIDE_RATING, {
          desiredRetention: s.retention,
        });
        const reviewLog = [...s.reviewLog];
        reviewLog[i] = logToStored(next.log);
        changes.reviewLog = reviewLog;
        changes.cards = { ...s.cards, [questionId]: toStored(next.card) };
      }
      if (attempt) {
        const started = new Date(attempt.startedAt).toISOString();
        const index = s.gauntletResults.findIndex(
          (r) => r.quizId === attempt.quizId && r.startedAt === started,
        );
        const result = s.gauntletResults[index];
        if (result?.answers.some((a) => a.questionId === questionId && a.correct === false)) {
          const answers = result.answers.map((a) =>
            a.questionId === questionId ? { ...a, correct: true, rating: OVERRIDE_RATING } : a,
          );
          const gauntletResults = [...s.gauntletResults];
          gauntletResults[index] = { ...result, answers, score: score(answers) };
          changes.gauntletResults = gauntletResults;
        }
      }
      return changes;
    }),
  setRetention: (retention) => set({ retention: Math.min(0.99, Math.max(0.7, retention)) }),
});
