import type { StateCreator } from 'zustand';
import type { ProgressSlice, WorkbookState } from './state';

export const createProgressSlice: StateCreator<WorkbookState, [], [], ProgressSlice> = (set) => ({
  completed: {},
  lastVisited: null,
  checklist: {},
  setTicked: (itemKey, ticked, now = new Date()) =>
    set((s) => {
      const checklist = { ...s.checklist };
      if (ticked) checklist[itemKey] = { at: now.toISOString() };
      else delete checklist[itemKey];
      return { checklist };
    }),
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
