import * as z from 'zod/mini';

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

/** The version the app writes today. */
export const currentVersion = 1;
export const persistedState = persistedStateV1;
export type PersistedState = PersistedStateV1;
