import { merge, replace } from '../quiz/transfer';
import type { TransferData } from '../quiz/transfer';
import type { WorkbookState } from './store';

/** The learner's data as the export file holds it. */
export function transferDataOf(s: WorkbookState): TransferData {
  return {
    progress: { completed: s.completed, lastVisited: s.lastVisited },
    gauntletResults: s.gauntletResults,
    cards: Object.values(s.cards),
    reviewLog: s.reviewLog,
    exercises: s.exercises,
    checklist: s.checklist,
  };
}

/** The store's data after importing a file, merged with what is here or replacing it. */
export function importedState(
  s: WorkbookState,
  incoming: TransferData,
  mode: 'merge' | 'replace',
): Pick<
  WorkbookState,
  | 'completed'
  | 'lastVisited'
  | 'gauntletResults'
  | 'cards'
  | 'reviewLog'
  | 'exercises'
  | 'checklist'
> {
  const data = (mode === 'merge' ? merge : replace)(transferDataOf(s), incoming);
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
