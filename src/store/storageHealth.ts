import { createStore } from 'zustand/vanilla';

/**
 * What went wrong with saving or loading progress, for the banner that tells the learner.
 * Kept apart from the persisted store: recording a failed write there would trigger another
 * write.
 */
export interface StorageHealth {
  /** Key under which unreadable saved data was set aside, with the reason. */
  quarantined: { key: string; reason: string } | null;
  /** Set when the last write failed (quota full, storage disabled). */
  writeError: string | null;
  dismiss: () => void;
}

export const storageHealth = createStore<StorageHealth>()((set) => ({
  quarantined: null,
  writeError: null,
  dismiss: () => set({ quarantined: null, writeError: null }),
}));
