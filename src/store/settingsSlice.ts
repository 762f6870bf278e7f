import type { StateCreator } from 'zustand';
import type { SettingsSlice, WorkbookState } from './state';

export const createSettingsSlice: StateCreator<WorkbookState, [], [], SettingsSlice> = (set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
});
