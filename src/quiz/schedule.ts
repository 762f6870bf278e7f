import * as z from 'zod/mini';
import { createEmptyCard, fsrs, generatorParameters, State } from 'ts-fsrs';
import type { Card, FSRS, ReviewLog } from 'ts-fsrs';
import { cardState, count, id, isoDate, nonNegative, rating } from './stored';
import type { Rating } from './types';

/**
 * Spaced repetition for quiz questions: a thin, deterministic layer over ts-fsrs.
 *
 * Every question is one card, keyed by the question's id. A learner's first answer to a question
 * (in a gauntlet or a lesson) enrols its card and is also its first review: FSRS sets the first
 * stability from that rating (`reviewOrEnrol`).
 *
 * In memory cards carry Dates, as ts-fsrs wants; in storage and in export files they are plain
 * JSON with ISO timestamps (`toStored` / `fromStored`, `storedCard`, `storedReviewLog`).
 *
 * Fuzz is off: the same history always gives the same due dates, which tests rely on and which
 * a learner comparing two devices would expect. FSRS counts elapsed days in UTC calendar days
 * (that is ts-fsrs's rule); "today" for the Review page is the learner's local day instead, and
 * the caller may pass its own day ends (`dueTodayCount`, `forecast`).
 */

export interface QuizCard extends Card {
  questionId: string;
}

export interface QuizReviewLog extends ReviewLog {
  questionId: string;
  /** The learner said "I was right" after the checker marked the answer wrong (see `regrade`). */
  overridden?: true;
}

export interface ScheduleParams {
  /** Probability of recall FSRS aims for when a card falls due; higher means more reviews. */
  desiredRetention: number;
  /** Longest interval between two reviews, in days. */
  maximumIntervalDays: number;
}

/** The range a learner may choose from (as Anki offers), and the default FSRS recommends. */
export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;
export const DEFAULT_PARAMS: ScheduleParams = { desiredRetention: 0.9, maximumIntervalDays: 36500 };

/** A usable desired retention: out-of-range values are clamped; NaN falls back to the default. */
export function clampRetention(r: number): number {
  if (!Number.isFinite(r)) return DEFAULT_PARAMS.desiredRetention;
  return Math.min(RETENTION_RANGE.max, Math.max(RETENTION_RANGE.min, r));
}

function maximumInterval(days: number): number {
  return Number.isInteger(days) && days >= 1 && days <= DEFAULT_PARAMS.maximumIntervalDays
    ? days
    : DEFAULT_PARAMS.maximumIntervalDays;
}

const schedulers = new Map<string, FSRS>();

/** The ts-fsrs scheduler for these parameters (fuzz off), created once per distinct setting. */
export function scheduler(params: Partial<ScheduleParams> = {}): FSRS {
  const retention = clampRetention(params.desiredRetention ?? DEFAULT_PARAMS.desiredRetention);
  const maxDays = maximumInterval(params.maximumIntervalDays ?? DEFAULT_PARAMS.maximumIntervalDays);
  const key = `${retention}|${maxDays}`;
  let f = schedulers.get(key);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: retention,
        maximum_interval: maxDays,
        enable_fuzz: false,
      }),
    );
    schedulers.set(key, f);
  }
  return f;
}

function validDate(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not a valid date`);
  return t;
}

/** A card never reviewed, due at `now`. */
export function newCard(questionId: string, now: Date): QuizCard {
  validDate(now, 'The enrolment time');
  return { ...createEmptyCard(now), questionId };
}

/**
 * The card after one review, and the log entry for it. Throws a RangeError for a rating outside
 * 1–4 or an invalid date: those are programming errors, not learner input.
 *
 * A review dated at or before the card's last one (the clock went back, or two devices disagree)
 * is recorded 1 ms after it: FSRS cannot go backwards in time, and reviews of one card stay
 * strictly ordered, so a card id and review time identify a log entry.
 */
export function review(
  card: QuizCard,
  rating: Rating,
  now: Date,
  params: Partial<ScheduleParams> = {},
): { card: QuizCard; log: QuizReviewLog } {
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4)
    throw new RangeError(`A rating is 1 (Again) to 4 (Easy), not ${String(rating)}`);
  let at = validDate(now, 'The review time');
  const last = card.last_review?.getTime();
  if (last !== undefined && Number.isFinite(last) && at <= last) at = last + 1;
  const next = scheduler(params).next(card, new Date(at), rating);
  return {
    card: { ...next.card, questionId: card.questionId },
    log: { ...next.log, questionId: card.questionId },
  };
}

/**
 * The review `log` of `card` given again with another rating, at the same time: the card is
 * rolled back to before that review (ts-fsrs `rollback`) and reviewed anew. Used when the
 * learner says "I was right" after the checker marked the answer wrong; the new log entry says
 * so (`overridden`). `log` must be the card's latest review: an earlier one cannot be undone
 * without undoing the ones after it.
 */
export function regrade(
  card: QuizCard,
  log: QuizReviewLog,
  rating: Rating,
  params: Partial<ScheduleParams> = {},
): { card: QuizCard; log: QuizReviewLog } {
  const before = scheduler(params).rollback(card, log);
  const again = review({ ...before, questionId: card.questionId }, rating, log.review, params);
  return { card: again.card, log: { ...again.log, overridden: true } };
}

/** Enrols the question's card on its first answer, then reviews it with that answer's rating. */
export function reviewOrEnrol(
  card: QuizCard | undefined,
  questionId: string,
  rating: Rating,
  now: Date,
  params: Partial<ScheduleParams> = {},
): { card: QuizCard; log: QuizReviewLog } {
  return review(card ?? newCard(questionId, now), rating, now, params);
}

export function isDue(card: Card, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}

/** Cards due at `now`, most overdue first (ties by question id, so the order is stable). */
export function dueNow<C extends QuizCard>(cards: readonly C[], now: Date): C[] {
  return cards
    .filter((c) => isDue(c, now))
    .sort(
      (a, b) =>
        a.due.getTime() - b.due.getTime() ||
        (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
    );
}

/** The last millisecond of `now`'s calendar day in the runtime's time zone (the learner's). */
export function endOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59, 59, 999);
}

/**
 * The ends of `days` local calendar days, today first. Built from calendar dates, not by adding
 * 24 h, so a day with a daylight-saving change is still one day.
 */
export function localDayEnds(now: Date, days: number): Date[] {
  const n = Number.isInteger(days) && days > 0 ? Math.min(days, 366) : 0;
  return Array.from(
    { length: n },
    (_, i) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + i, 23, 59, 59, 999),
  );
}

/** Cards due by the end of today, overdue ones included. */
export function dueTodayCount(
  cards: readonly Card[],
  now: Date,
  endOfToday: Date = endOfLocalDay(now),
): number {
  const end = endOfToday.getTime();
  return cards.filter((c) => c.due.getTime() <= end).length;
}

export interface ForecastDay {
  /** Last millisecond of the day. */
  dayEnd: Date;
  count: number;
}

/**
 * How many cards fall due on each of the coming days, today first; today's count includes
 * overdue cards. Cards due later than the last day are not counted. `dayEnds` (ascending) may be
 * given by the caller, e.g. for another time zone; it then decides the number of days.
 */
export function forecast(
  cards: readonly Card[],
  now: Date,
  days = 7,
  dayEnds: readonly Date[] = localDayEnds(now, days),
): ForecastDay[] {
  const ends = dayEnds.map((d) => d.getTime());
  const counts = ends.map(() => 0);
  for (const c of cards) {
    const due = c.due.getTime();
    const day = ends.findIndex((end) => due <= end);
    if (day >= 0) counts[day]!++;
  }
  return ends.map((end, i) => ({ dayEnd: new Date(end), count: counts[i]! }));
}

/**
 * FSRS's estimate of the probability the learner would recall the card at `now` (0 to 1); 0 for
 * a card never reviewed. Does not depend on the desired retention.
 */
export function retrievability(card: Card, now: Date): number {
  const last = card.last_review?.getTime();
  if (card.state === State.New || last === undefined || !Number.isFinite(last)) return 0;
  const at = new Date(Math.max(now.getTime(), last));
  const r = scheduler().get_retrievability(card, at, false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

/** Mean retrievability over reviewed cards; null when no card has been reviewed yet. */
export function averageRetrievability(cards: readonly Card[], now: Date): number | null {
  const reviewed = cards.filter((c) => c.state !== State.New && c.last_review !== undefined);
  if (reviewed.length === 0) return null;
  return reviewed.reduce((sum, c) => sum + retrievability(c, now), 0) / reviewed.length;
}

// ---- Stored form ---------------------------------------------------------------------------

/** A card as stored and exported: plain JSON, ISO timestamps. */
export const storedCard = z
  .object({
    questionId: id,
    due: isoDate,
    stability: nonNegative,
    difficulty: z.number().check(z.gte(0), z.lte(10)),
    elapsed_days: nonNegative,
    scheduled_days: nonNegative,
    learning_steps: count,
    reps: count,
    lapses: count,
    state: cardState,
    last_review: z.nullable(isoDate),
  })
  .check(
    z.refine((c) => c.state === 0 || c.last_review !== null, {
      message: 'a reviewed card needs the time of its last review',
      path: ['last_review'],
    }),
  );
export type StoredCard = z.infer<typeof storedCard>;

/** One review as stored and exported. */
export const storedReviewLog = z.object({
  questionId: id,
  rating,
  state: cardState,
  due: isoDate,
  stability: nonNegative,
  difficulty: z.number().check(z.gte(0), z.lte(10)),
  elapsed_days: nonNegative,
  last_elapsed_days: nonNegative,
  scheduled_days: nonNegative,
  learning_steps: count,
  review: isoDate,
  /** Present (true) when the learner overrode the checker's "wrong" ("I was right"). */
  overridden: z.optional(z.literal(true)),
});
export type StoredReviewLog = z.infer<typeof storedReviewLog>;

export function toStored(card: QuizCard): StoredCard {
  return {
    questionId: card.questionId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function fromStored(stored: StoredCard): QuizCard {
  const { last_review, due, ...rest } = stored;
  const card: QuizCard = { ...rest, due: new Date(due), state: stored.state };
  if (last_review !== null) card.last_review = new Date(last_review);
  return card;
}

export function logToStored(log: QuizReviewLog): StoredReviewLog {
  return {
    questionId: log.questionId,
    rating: log.rating as StoredReviewLog['rating'],
    state: log.state,
    due: log.due.toISOString(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.toISOString(),
    ...(log.overridden ? { overridden: true as const } : {}),
  };
}

export function logFromStored(stored: StoredReviewLog): QuizReviewLog {
  const { overridden, ...rest } = stored;
  return {
    ...rest,
    due: new Date(stored.due),
    review: new Date(stored.review),
    ...(overridden ? { overridden } : {}),
  };
}
