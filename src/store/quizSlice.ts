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
import type { StoredCard, StoredReviewLog } from '../quiz/schedule';
import type { Quiz, Rating } from '../quiz/types';
import type { WorkbookState } from './store';

/**
 * Retrieval practice: finished gauntlets, one FSRS card per question, and the review log.
 * Every graded answer is a review of its question's card; the first one enrols the card.
 */
export interface QuizSlice {
  gauntletResults: GauntletResult[];
  cards: Record<string, StoredCard>;
  reviewLog: StoredReviewLog[];
  /** Desired retention for scheduling (0.7–0.99). */
  retention: number;
  recordAttempt: (
    quiz: Quiz,
    startedAt: number,
    finishedAt: number,
    answers: readonly GradedAnswer[],
  ) => void;
  /** A free answer graded by the learner after the results were recorded. */
  selfGrade: (
    quizId: string,
    startedAt: number,
    questionId: string,
    rating: Rating,
    now?: Date,
  ) => void;
  /** One review from the Review page. */
  reviewCard: (questionId: string, rating: Rating, now?: Date) => void;
  /**
   * "I was right": the question's latest review, if it is the one graded at or after `since`
   * (ms) and was rated Again, is given again as Good and marked `overridden` in the log; with
   * `attempt`, that gauntlet result's answer becomes right too.
   */
  markRight: (
    questionId: string,
    since: number,
    attempt?: { quizId: string; startedAt: number },
  ) => void;
  setRetention: (retention: number) => void;
}

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
