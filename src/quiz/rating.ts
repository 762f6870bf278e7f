import type { QuestionType, Rating } from './types';

/**
 * How automatic grading becomes an FSRS rating.
 *
 *   wrong                                  → Again (1)
 *   right, in more than 1.5 × expected     → Hard (2)
 *   right                                  → Good (3)
 *   right, in at most 0.4 × expected       → Easy (4)
 *
 * FSRS asks how hard the recall was, and a machine grade only says whether it happened; time is
 * the one other signal we have. An answer that took well over the usual time was worked out or
 * half-remembered ("recalled with serious difficulty", FSRS's Hard); one given in under half the
 * usual time came without effort (Easy). The band between is wide on purpose: reading speed and
 * typing vary, and a wrong Easy or Hard costs more than a missed one.
 *
 * Expected seconds per question type, for an unhurried learner who knows the answer: reading the
 * prompt (and options), recalling, and entering the answer. Free responses are rated by the
 * learner, so their figure is only a guide for the UI.
 */
export const EXPECTED_SECONDS: Readonly<Record<QuestionType, number>> = {
  /** Read a prompt and 3–5 options, recognise one. */
  single: 20,
  /** Judge each option on its own. */
  multiple: 30,
  /** Reason about what a widget will show. */
  predict: 30,
  /** Recall a term and type it. */
  text: 30,
  /** Recall or derive a formula and type it. */
  formula: 60,
  /** Arrange several items, by keyboard or pointer. */
  ordering: 45,
  /** Recall or work out a figure, then type it. */
  numeric: 60,
  /** Write a few sentences. */
  free: 180,
};

/**
 * The rating an answer gets when the learner says "I was right" after the checker marked it
 * wrong: Good. The learner did recall it (so not Again), and how easily is unknown: the timing
 * that picks Easy or Hard was spent partly on an answer the checker could not read, and FSRS
 * treats Good as the neutral "recalled" rating. Not Easy, so an over-generous claim costs little.
 */
export const OVERRIDE_RATING: Rating = 3;

/** Right within this fraction of the expected time: Easy. */
export const FAST_FACTOR = 0.4;
/** Right but slower than this multiple of the expected time: Hard. */
export const SLOW_FACTOR = 1.5;

/**
 * The rating for an automatically graded answer. A time that is not a finite, non-negative
 * number of seconds (a clock jump, a missing measurement) is treated as ordinary: Good when
 * right, so a broken timer neither rewards nor punishes.
 */
export function autoRating(type: QuestionType, correct: boolean, seconds: number): Rating {
  if (!correct) return 1;
  if (!Number.isFinite(seconds) || seconds < 0) return 3;
  const expected = EXPECTED_SECONDS[type];
  if (seconds <= FAST_FACTOR * expected) return 4;
  if (seconds > SLOW_FACTOR * expected) return 2;
  return 3;
}
