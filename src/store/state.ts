import type { StoredExercises } from '../exercises/stored';
import type { GauntletResult, GradedAnswer } from '../quiz/results';
import type { StoredCard, StoredReviewLog } from '../quiz/schedule';
import type { Quiz, Rating } from '../quiz/types';
import type { ThemeChoice } from './schema';

/**
 * The store's shape: one interface per slice and their union. The slices (…Slice.ts) and the
 * store (store.ts) both import these, so neither imports the other.
 */

export interface ProgressSlice {
  completed: Record<string, { at: string }>;
  lastVisited: {
    lessonId: string;
    headingId: string | null;
    headingText: string | null;
    at: string;
  } | null;
  /** Ticked checklist items, by `<lesson>#<n>/<item>`. */
  checklist: Record<string, { at: string }>;
  setComplete: (lessonId: string, done: boolean, now?: Date) => void;
  setTicked: (itemKey: string, ticked: boolean, now?: Date) => void;
  visit: (lessonId: string, heading: { id: string; text: string } | null, now?: Date) => void;
}

export interface SettingsSlice {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

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

export interface ExerciseSlice {
  exercises: StoredExercises;
  /** Autosave: keeps the learner's code for an exercise (`<module>/<id>`). */
  saveCode: (key: string, code: string, now?: Date) => void;
  /**
   * A run of the checks: counted, and the first all-pass remembered. The first pass also enrols
   * `related` review questions (the lesson's) that have no card yet, due at once.
   */
  recordRun: (key: string, passed: boolean, now?: Date, related?: readonly string[]) => void;
  /** Back to the starter: forgets the code but keeps the runs and the pass. */
  forgetCode: (key: string) => void;
}

export type WorkbookState = ProgressSlice & SettingsSlice & QuizSlice & ExerciseSlice;
