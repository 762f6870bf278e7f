import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createExerciseSlice } from './exerciseSlice';
import { createProgressSlice } from './progressSlice';
import { createQuizSlice } from './quizSlice';
import { browserStorage, createSafeStorage, storedVersion } from './safeStorage';
import type { SafeStorageOptions } from './safeStorage';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { createSettingsSlice } from './settingsSlice';

import type { WorkbookState } from './state';

export type { WorkbookState };

export const STORAGE_KEY = 'reliability-workbook';

/**
 * One bound store, persisted once. Validation, migration and merging with other tabs' saves
 * live in safeStorage, migrations and mergeOnWrite.
 */
export const createWorkbookStore = (
  storage: Storage | null,
  options: Pick<SafeStorageOptions, 'locks'> = {},
) => {
  const store = create<WorkbookState>()(
    persist(
      (...a) => ({
        ...createProgressSlice(...a),
        ...createSettingsSlice(...a),
        ...createQuizSlice(...a),
        ...createExerciseSlice(...a),
      }),
      {
        name: STORAGE_KEY,
        version: currentVersion,
        storage: createSafeStorage(storage, {
          ...options,
          // A save took in another tab's records: show them here too.
          onMerged: (state) => store.setState(state),
        }),
        partialize: (s): PersistedState => ({
          completed: s.completed,
          lastVisited: s.lastVisited,
          theme: s.theme,
          gauntletResults: s.gauntletResults,
          cards: s.cards,
          reviewLog: s.reviewLog,
          retention: s.retention,
          exercises: s.exercises,
          checklist: s.checklist,
        }),
      },
    ),
  );
  return store;
};

export const useWorkbook = createWorkbookStore(browserStorage());

// Two open tabs: when the other one saves, merge what it saved with what is here (a write
// does that, and writes only if this tab holds something the save lacks). A save in an older
// format lacks what this one knows (review cards, say), so the merge keeps ours. A newer format
// is left alone (see safeStorage).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const version = storedVersion(browserStorage(), STORAGE_KEY);
    if (version > 0 && version <= currentVersion) useWorkbook.setState({});
  });
}
