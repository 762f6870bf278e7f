import * as z from 'zod/mini';

/**
 * What the workbook keeps of a learner's exercise: their code (autosaved), how many times they
 * ran the checks, and when they first passed them all. Stored with their progress and exported.
 */
export const MAX_CODE_CHARS = 50_000;

const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));

export const storedExercise = z.object({
  code: z.string().check(z.maxLength(MAX_CODE_CHARS)),
  savedAt: isoDate,
  runs: z.int().check(z.gte(0)),
  passedAt: z.nullable(isoDate),
});
export type StoredExercise = z.infer<typeof storedExercise>;

export const storedExercises = z.record(z.string(), storedExercise);
export type StoredExercises = z.infer<typeof storedExercises>;

/** Two devices’ records of one exercise: the code saved last, the larger run count, the first pass. */
export function mergeExercise(a: StoredExercise, b: StoredExercise): StoredExercise {
  const newer = Date.parse(b.savedAt) > Date.parse(a.savedAt) ? b : a;
  const passes = [a.passedAt, b.passedAt].filter((x): x is string => x !== null);
  return {
    code: newer.code,
    savedAt: newer.savedAt,
    runs: Math.max(a.runs, b.runs),
    passedAt: passes.length ? passes.sort((x, y) => Date.parse(x) - Date.parse(y))[0]! : null,
  };
}
