import type { StateCreator } from 'zustand';
import type { ThemeChoice } from './schema';
import type { WorkbookState } from './store';

export interface SettingsSlice {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

export const createSettingsSlice: StateCreator<WorkbookState, [], [], SettingsSlice> = (set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
});
