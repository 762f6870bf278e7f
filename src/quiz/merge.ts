import { mergeExercise } from '../exercises/stored';
import type { StoredExercise } from '../exercises/stored';
import { resultKey } from './results';
import type { GauntletResult } from './results';
import type { StoredCard, StoredReviewLog } from './schedule';
import type { TransferData } from './transferData';

/**
 * Combining a learner's data from two places: an import merged with what is here, and two tabs
 * saving at once (src/store/mergeOnWrite.ts). Kept apart from the file format so that the store
 * can merge without loading the import's parser.
 */

/** Identifies a review: one card is reviewed only once at one time. */
export const reviewKey = (l: Pick<StoredReviewLog, 'questionId' | 'review'>) =>
  `${l.questionId}\u0000${Date.parse(l.review)}`;

const time = (iso: string | null) => (iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/** The copy of a card that has seen more: the later last review, then more reviews. */
function fresher(a: StoredCard, b: StoredCard): StoredCard {
  const ta = time(a.last_review);
  const tb = time(b.last_review);
  if (ta !== tb) return tb > ta ? b : a;
  return b.reps > a.reps ? b : a;
}

/**
 * Both sides combined, nothing lost: lessons completed on either side (with the earlier date),
 * the later last visit, every gauntlet result once (same quiz and start time = same attempt),
 * for each card the copy that has seen more (`fresher`; `current` wins a tie), and every review
 * once (same card and time = same review). Results and reviews come out in time order, cards by
 * question id.
 *
 * A card reviewed on two devices keeps one device's state, while the log keeps both reviews.
 */
export function merge(current: TransferData, incoming: TransferData): TransferData {
  // Object.fromEntries defines own properties, so even a "__proto__" key stays plain data.
  const completed = Object.fromEntries(
    [...Object.entries(incoming.progress.completed), ...Object.entries(current.progress.completed)]
      .sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at))
      .map(([lesson, v]) => [lesson, { at: v.at }] as const),
  );
  const a = current.progress.lastVisited;
  const b = incoming.progress.lastVisited;
  const lastVisited = !a ? b : !b ? a : Date.parse(b.at) > Date.parse(a.at) ? b : a;

  const results = new Map<string, GauntletResult>();
  for (const r of [...current.gauntletResults, ...incoming.gauntletResults])
    if (!results.has(resultKey(r))) results.set(resultKey(r), r);

  const cards = new Map<string, StoredCard>();
  for (const c of [...current.cards, ...incoming.cards]) {
    const held = cards.get(c.questionId);
    cards.set(c.questionId, held ? fresher(held, c) : c);
  }

  const reviews = new Map<string, StoredReviewLog>();
  for (const l of [...current.reviewLog, ...incoming.reviewLog])
    if (!reviews.has(reviewKey(l))) reviews.set(reviewKey(l), l);

  const exercises: Record<string, StoredExercise> = {};
  for (const [key, record] of [
    ...Object.entries(current.exercises ?? {}),
    ...Object.entries(incoming.exercises ?? {}),
  ]) {
    const held = Object.hasOwn(exercises, key) ? exercises[key] : undefined;
    // defineProperty: even a "__proto__" key stays plain data.
    Object.defineProperty(exercises, key, {
      value: held ? mergeExercise(held, record) : record,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  // A tick on either side stays, with the earlier time.
  const checklist: Record<string, { at: string }> = {};
  for (const [key, tick] of [
    ...Object.entries(current.checklist ?? {}),
    ...Object.entries(incoming.checklist ?? {}),
  ]) {
    const held = Object.hasOwn(checklist, key) ? checklist[key] : undefined;
    Object.defineProperty(checklist, key, {
      value: held && Date.parse(held.at) <= Date.parse(tick.at) ? held : { at: tick.at },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    progress: { completed, lastVisited },
    gauntletResults: [...results.values()].sort(
      (x, y) => Date.parse(x.startedAt) - Date.parse(y.startedAt) || byId(x.quizId, y.quizId),
    ),
    cards: [...cards.values()].sort((x, y) => byId(x.questionId, y.questionId)),
    reviewLog: [...reviews.values()].sort(
      (x, y) => Date.parse(x.review) - Date.parse(y.review) || byId(x.questionId, y.questionId),
    ),
    exercises,
    checklist,
  };
}

/** Import by replacing: the file's data, as it is. */
export function replace(_current: TransferData, incoming: TransferData): TransferData {
  return {
    progress: incoming.progress,
    gauntletResults: incoming.gauntletResults,
    cards: incoming.cards,
    reviewLog: incoming.reviewLog,
    ...(incoming.exercises ? { exercises: { ...incoming.exercises } } : {}),
    ...(incoming.checklist ? { checklist: { ...incoming.checklist } } : {}),
  };
}
