import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createProgressSlice } from './progressSlice';
import type { ProgressSlice } from './progressSlice';
import { browserStorage, createSafeStorage } from './safeStorage';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { createSettingsSlice } from './settingsSlice';
import type { SettingsSlice } from './settingsSlice';

export type WorkbookState = ProgressSlice & SettingsSlice;

export const STORAGE_KEY = 'reliability-workbook';

/** One bound store, persisted once. Validation and migration live in safeStorage/migrations. */
export const createWorkbookStore = (storage: Storage | null) =>
  create<WorkbookState>()(
    persist(
      (...a) => ({
        ...createProgressSlice(...a),
        ...createSettingsSlice(...a),
      }),
      {
        name: STORAGE_KEY,
        version: currentVersion,
        storage: createSafeStorage(storage),
        partialize: (s): PersistedState => ({
          completed: s.completed,
          lastVisited: s.lastVisited,
          theme: s.theme,
        }),
      },
    ),
  );

export const useWorkbook = createWorkbookStore(browserStorage());
