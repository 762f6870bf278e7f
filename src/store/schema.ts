import * as z from 'zod/mini';
import { gauntletResultSchema } from '../quiz/results';
import { storedExercises } from '../exercises/stored';
import { RETENTION_RANGE, storedCard, storedReviewLog } from '../quiz/schedule';

/**
 * The shape of what we keep in localStorage, one schema per stored version. Progress is the
 * learner's work: every older version must keep loading (see migrations.ts and its fixtures).
 */
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));

export const persistedStateV1 = z.object({
  completed: z.record(z.string(), z.object({ at: isoDate })),
  lastVisited: z.nullable(
    z.object({
      lessonId: z.string(),
      headingId: z.nullable(z.string()),
      headingText: z.nullable(z.string()),
      at: isoDate,
    }),
  ),
  theme: z.enum(themeChoices),
});
export type PersistedStateV1 = z.infer<typeof persistedStateV1>;

/**
 * Version 2 adds retrieval practice: finished gauntlets, one spaced-repetition card per
 * question answered, the review log, and the retention the schedule aims for.
 */
export const persistedStateV2 = z.object({
  ...persistedStateV1.shape,
  gauntletResults: z.array(gauntletResultSchema),
  cards: z.record(z.string(), storedCard),
  reviewLog: z.array(storedReviewLog),
  retention: z.number().check(z.gte(RETENTION_RANGE.min), z.lte(RETENTION_RANGE.max)),
});
export type PersistedStateV2 = z.infer<typeof persistedStateV2>;

/**
 * Version 3 adds coding exercises (the learner's code, runs and first pass per exercise) and
 * ticked checklist items (`<lesson>#<n>/<item>` → when).
 */
export const persistedStateV3 = z.object({
  ...persistedStateV2.shape,
  exercises: storedExercises,
  checklist: z.record(z.string(), z.object({ at: isoDate })),
});
export type PersistedStateV3 = z.infer<typeof persistedStateV3>;

/** The version the app writes today. */
export const currentVersion = 3;
export const persistedState = persistedStateV3;
export type PersistedState = PersistedStateV3;
