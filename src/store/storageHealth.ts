import { createStore } from 'zustand/vanilla';

/**
 * Saved data that could not be read and could not be copied aside either (no room, or the
 * browser refused): it stays where it is, and nothing is saved over it until the learner
 * chooses.
 */
export interface Unreadable {
  /** Why it could not be read, e.g. "it is not valid JSON". */
  reason: string;
  /** Why no copy was made, e.g. "there is no room left in this browser’s storage". */
  notCopied: string;
  /** The unreadable text as it is stored now (null if it has gone since). */
  data: () => string | null;
  /** Deletes it and saves the progress made since (the learner has confirmed). */
  startFresh: () => void;
}

/**
 * What went wrong with saving or loading progress, for the banner that tells the learner.
 * Kept apart from the persisted store: recording a failed write there would trigger another
 * write.
 */
export interface StorageHealth {
  /** Key under which unreadable saved data was copied aside, with the reason. */
  quarantined: { key: string; reason: string } | null;
  /** Unreadable data left in place, and progress not saved, until the learner decides. */
  unreadable: Unreadable | null;
  /** Set when the last write failed (quota full, storage disabled). */
  writeError: string | null;
  /** Hides the messages; the choice about unreadable data stays until it is made. */
  dismiss: () => void;
}

export const storageHealth = createStore<StorageHealth>()((set) => ({
  quarantined: null,
  unreadable: null,
  writeError: null,
  dismiss: () => set({ quarantined: null, writeError: null }),
}));
