import { storedExercises } from '../exercises/stored';
import * as z from 'zod/mini';
import { persistedStateV1, persistedStateV3 } from '../store/schema';
import { gauntletResultSchema } from './results';
import { storedCard, storedReviewLog } from './schedule';

/** What an export file carries (its data part), shared by transfer.ts and merge.ts. */

/**
 * The learner's lesson progress: the store's `completed` and `lastVisited`, with the store's own
 * v1 schemas. The theme is a setting, not progress, and is not exported. When the store's
 * persisted format moves on, this stays pinned to v1's shape, which is what version 1 files hold.
 */
export const progressSchema = z.pick(persistedStateV1, { completed: true, lastVisited: true });
export type Progress = z.infer<typeof progressSchema>;

export const transferShape = {
  progress: progressSchema,
  gauntletResults: z.array(gauntletResultSchema),
  cards: z.array(storedCard),
  reviewLog: z.array(storedReviewLog),
  /** Coding exercises (code, runs, first pass); absent from files made before they existed. */
  exercises: z.optional(storedExercises),
  /** Ticked checklist items; absent from files made before checklists could be ticked. */
  checklist: z.optional(persistedStateV3.shape.checklist),
};

export const transferDataSchema = z.object(transferShape);
export type TransferData = z.infer<typeof transferDataSchema>;
