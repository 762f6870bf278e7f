import { merge, reviewKey } from '../quiz/merge';
import { resultKey } from '../quiz/results';
import type { PersistedState } from './schema';
import { recordsOf, transferDataOf } from './transfer';
import type { LearnerRecords } from './transfer';

/**
 * Two tabs save the same key. Before a tab writes, it merges what is stored now (`theirs`,
 * perhaps written by the other tab a moment ago) with its own state (`mine`), record by record:
 *
 * - a record this tab added or changed since `base` (what it last read or wrote) is its change;
 *   the import's `merge` combines it with theirs (this tab wins a tie, a card keeps the copy that
 *   has seen more, an exercise the later code and the first pass, a review is kept once);
 * - a record this tab removed since `base` (a lesson un-marked, a tick cleared, an import that
 *   replaced everything) is removed;
 * - every other record is taken from theirs, as are the settings this tab did not change.
 *
 * With `base` null (nothing read yet, or theirs from an older format that lacks records this
 * one knows), every record of this tab counts as its own, nothing is removed, and the settings
 * are theirs.
 */
export function mergeOnWrite(
  base: PersistedState | null,
  mine: PersistedState,
  theirs: PersistedState,
): PersistedState {
  const was = base ?? emptyRecords;
  // History (results, reviews, cards, exercise work) only grows inside a tab; the one thing
  // that takes it away, an import that replaces everything, is this tab's own removal below.
  // So what this tab holds always goes into the merge: a read of storage can be stale (another
  // browser process may not yet see a write made a moment ago under the same lock), and taking
  // its silence as a removal would lose an answer. Completions and ticks, which a learner can
  // clear one by one, follow the rule above.
  const own = {
    ...changedRecords(was, mine),
    gauntletResults: mine.gauntletResults,
    reviewLog: mine.reviewLog,
    cards: mine.cards,
    exercises: mine.exercises,
  };
  const merged = recordsOf(merge(transferDataOf(own), transferDataOf(theirs)));
  const gone = removedRecords(was, mine);
  const drop = <T>(record: Record<string, T>, keys: ReadonlySet<string>) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => !keys.has(k)));
  return {
    completed: drop(merged.completed, gone.completed),
    lastVisited: merged.lastVisited,
    theme: base && mine.theme !== base.theme ? mine.theme : theirs.theme,
    gauntletResults: merged.gauntletResults.filter((r) => !gone.gauntletResults.has(resultKey(r))),
    cards: drop(merged.cards, gone.cards),
    reviewLog: merged.reviewLog.filter((l) => !gone.reviewLog.has(reviewKey(l))),
    retention: base && mine.retention !== base.retention ? mine.retention : theirs.retention,
    exercises: drop(merged.exercises, gone.exercises),
    checklist: drop(merged.checklist, gone.checklist),
  };
}

const emptyRecords: LearnerRecords = {
  completed: {},
  lastVisited: null,
  gauntletResults: [],
  cards: {},
  reviewLog: [],
  exercises: {},
  checklist: {},
};

/** The same data, whatever the order of keys in its objects. */
export function sameData(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );

type Keyed = Record<string, unknown>;

const byKey = <T>(list: readonly T[], key: (t: T) => string): Keyed =>
  Object.fromEntries(list.map((t) => [key(t), t]));

/** The records of `mine` that `was` does not hold as they are. */
function changedRecords(was: LearnerRecords, mine: LearnerRecords): LearnerRecords {
  const changed = <T>(now: Record<string, T>, before: Keyed) =>
    Object.fromEntries(
      Object.entries(now).filter(([k, v]) => !Object.hasOwn(before, k) || !sameData(before[k], v)),
    );
  const resultsBefore = byKey(was.gauntletResults, resultKey);
  const reviewsBefore = byKey(was.reviewLog, reviewKey);
  return {
    completed: changed(mine.completed, was.completed),
    lastVisited: sameData(was.lastVisited, mine.lastVisited) ? null : mine.lastVisited,
    gauntletResults: mine.gauntletResults.filter((r) => !sameData(resultsBefore[resultKey(r)], r)),
    cards: changed(mine.cards, was.cards),
    reviewLog: mine.reviewLog.filter((l) => !sameData(reviewsBefore[reviewKey(l)], l)),
    exercises: changed(mine.exercises, was.exercises),
    checklist: changed(mine.checklist, was.checklist),
  };
}

type Removed = Record<
  'completed' | 'gauntletResults' | 'cards' | 'reviewLog' | 'exercises' | 'checklist',
  ReadonlySet<string>
>;

/** The keys of the records `was` holds and `mine` no longer does. */
function removedRecords(was: LearnerRecords, mine: LearnerRecords): Removed {
  const removed = (before: object, now: object) =>
    new Set(Object.keys(before).filter((k) => !Object.hasOwn(now, k)));
  return {
    completed: removed(was.completed, mine.completed),
    gauntletResults: removed(
      byKey(was.gauntletResults, resultKey),
      byKey(mine.gauntletResults, resultKey),
    ),
    cards: removed(was.cards, mine.cards),
    reviewLog: removed(byKey(was.reviewLog, reviewKey), byKey(mine.reviewLog, reviewKey)),
    exercises: removed(was.exercises, mine.exercises),
    checklist: removed(was.checklist, mine.checklist),
  };
}
