import type { StateCreator } from 'zustand';
import { MAX_CODE_CHARS } from '../exercises/stored';
import { newCard, toStored } from '../quiz/schedule';
import type { ExerciseSlice, WorkbookState } from './state';

export const createExerciseSlice: StateCreator<WorkbookState, [], [], ExerciseSlice> = (set) => ({
  exercises: {},
  saveCode: (key, code, now = new Date()) =>
    set((s) => {
      const held = s.exercises[key];
      return {
        exercises: {
          ...s.exercises,
          [key]: {
            code: code.slice(0, MAX_CODE_CHARS),
            savedAt: now.toISOString(),
            runs: held?.runs ?? 0,
            passedAt: held?.passedAt ?? null,
          },
        },
      };
    }),
  recordRun: (key, passed, now = new Date(), related = []) =>
    set((s) => {
      const held = s.exercises[key];
      const firstPass = passed && (held?.passedAt ?? null) === null;
      const cards = { ...s.cards };
      if (firstPass)
        for (const id of related)
          if (!Object.hasOwn(cards, id)) cards[id] = toStored(newCard(id, now));
      return {
        cards,
        exercises: {
          ...s.exercises,
          [key]: {
            code: held?.code ?? '',
            savedAt: held?.savedAt ?? now.toISOString(),
            runs: (held?.runs ?? 0) + 1,
            passedAt: held?.passedAt ?? (passed ? now.toISOString() : null),
          },
        },
      };
    }),
  forgetCode: (key) =>
    set((s) => {
      const held = s.exercises[key];
      if (!held) return {};
      return { exercises: { ...s.exercises, [key]: { ...held, code: '' } } };
    }),
});
