import type { StateCreator } from 'zustand';
import type { WorkbookState } from './store';

export interface ProgressSlice {
  completed: Record<string, { at: string }>;
  lastVisited: {
    lessonId: string;
    headingId: string | null;
    headingText: string | null;
    at: string;
  } | null;
  setComplete: (lessonId: string, done: boolean, now?: Date) => void;
  visit: (lessonId: string, heading: { id: string; text: string } | null, now?: Date) => void;
}

export const createProgressSlice: StateCreator<WorkbookState, [], [], ProgressSlice> = (set) => ({
  completed: {},
  lastVisited: null,
  setComplete: (lessonId, done, now = new Date()) =>
    set((s) => {
      const completed = { ...s.completed };
      if (done) completed[lessonId] = { at: now.toISOString() };
      else delete completed[lessonId];
      return { completed };
    }),
  visit: (lessonId, heading, now = new Date()) =>
    set({
      lastVisited: {
        lessonId,
        headingId: heading?.id ?? null,
        headingText: heading?.text ?? null,
        at: now.toISOString(),
      },
    }),
});
