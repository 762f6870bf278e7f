import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createExerciseSlice } from './exerciseSlice';
import type { ExerciseSlice } from './exerciseSlice';
import { createProgressSlice } from './progressSlice';
import { createQuizSlice } from './quizSlice';
import type { QuizSlice } from './quizSlice';
import type { ProgressSlice } from './progressSlice';
import { browserStorage, createSafeStorage, storedVersion } from './safeStorage';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { createSettingsSlice } from './settingsSlice';
import type { SettingsSlice } from './settingsSlice';

export type WorkbookState = ProgressSlice & SettingsSlice & QuizSlice & ExerciseSlice;

export const STORAGE_KEY = 'reliability-workbook';

/** One bound store, persisted once. Validation and migration live in safeStorage/migrations. */
export const createWorkbookStore = (storage: Storage | null) =>
  create<WorkbookState>()(
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
        storage: createSafeStorage(storage),
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

export const useWorkbook = createWorkbookStore(browserStorage());

// Two open tabs: when the other one saves, load what it saved, so neither overwrites the
// other's progress with a stale copy (every change is saved at once, so nothing is lost here).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const version = storedVersion(browserStorage(), STORAGE_KEY);
    // Same format: load it. An older tab's save lacks what this one knows (review cards, say):
    // write ours back rather than lose it. A newer format is left alone (see safeStorage).
    if (version === currentVersion) void useWorkbook.persist.rehydrate();
    else if (version > 0 && version < currentVersion) useWorkbook.setState({});
  });
}
