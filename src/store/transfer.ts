import { merge, replace } from '../quiz/merge';
import type { TransferData } from '../quiz/transfer';
import type { PersistedState } from './schema';

/** The learner's records (everything the store keeps but the settings). */
export type LearnerRecords = Pick<
  PersistedState,
  | 'completed'
  | 'lastVisited'
  | 'gauntletResults'
  | 'cards'
  | 'reviewLog'
  | 'exercises'
  | 'checklist'
>;

/** The learner's data as the export file holds it. */
export function transferDataOf(s: LearnerRecords): TransferData {
  return {
    progress: { completed: s.completed, lastVisited: s.lastVisited },
    gauntletResults: s.gauntletResults,
    cards: Object.values(s.cards),
    reviewLog: s.reviewLog,
    exercises: s.exercises,
    checklist: s.checklist,
  };
}

/** The store's records holding `data` (a file's, or a merge's). */
export function recordsOf(data: TransferData): LearnerRecords {
  return {
    completed: data.progress.completed,
    lastVisited: data.progress.lastVisited,
    gauntletResults: data.gauntletResults,
    cards: Object.fromEntries(data.cards.map((c) => [c.questionId, c])),
    reviewLog: data.reviewLog,
    exercises: { ...data.exercises },
    checklist: { ...data.checklist },
  };
}

/** The store's data after importing a file, merged with what is here or replacing it. */
export function importedState(
  s: LearnerRecords,
  incoming: TransferData,
  mode: 'merge' | 'replace',
): LearnerRecords {
  return recordsOf((mode === 'merge' ? merge : replace)(transferDataOf(s), incoming));
}
