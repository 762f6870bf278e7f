import * as z from 'zod/mini';

/**
 * Building blocks for what the quiz engine stores and exports: plain JSON only, so it survives
 * localStorage and files unchanged. zod/mini, like the store's schema, to keep the app's first
 * load small.
 */

/** Longest id (question, quiz, lesson) we accept from stored or imported data. */
export const MAX_ID_CHARS = 200;

/** A non-empty id of reasonable length. */
export const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));

/** A UTC timestamp as `Date.prototype.toISOString` writes it (and only such). */
export const isoDate = z.iso.datetime();

/** A whole number ≥ 0. */
export const count = z.int().check(z.gte(0));

/** A finite number ≥ 0 (zod refuses NaN and ±Infinity already). */
export const nonNegative = z.number().check(z.gte(0));

/** An FSRS rating: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export const rating = z.literal([1, 2, 3, 4]);

/** An FSRS card state: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export const cardState = z.literal([0, 1, 2, 3]);
