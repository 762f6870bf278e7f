import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { mergeOnWrite, sameData } from './mergeOnWrite';
import { migrate } from './migrations';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { storageHealth } from './storageHealth';

export interface SafeStorageOptions {
  /**
   * Called with the merged state when a write took in records another tab had saved, so the
   * store shows them too.
   */
  onMerged?: (state: PersistedState) => void;
  /**
   * Web Locks, to make each read-merge-write one step across tabs; `navigator.locks` by default,
   * null to write at once (where the API is missing, a write is still merged).
   */
  locks?: Pick<LockManager, 'request'> | null;
}

type Stored =
  | { kind: 'empty' }
  | { kind: 'readable'; state: PersistedState; version: number; text: string }
  | { kind: 'newer' }
  | { kind: 'unreadable' };

const newerOnRead =
  'Another tab runs a newer version of the workbook. Reload this page to see your progress and keep saving it.';
const newerOnWrite =
  'Another tab runs a newer version of the workbook, so this one no longer saves. Reload this page to keep saving.';

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && /quota/i.test(error.name + error.message);

/**
 * A zustand PersistStorage that never lets bad saved data crash the app or be lost:
 *
 * - anything unreadable (not JSON, wrong shape, unknown version) is copied to a side key, the
 *   learner is told, and the app starts clean. If the copy cannot be made (storage full, value
 *   too large), the data is left where it is and nothing is saved over it: the learner can
 *   download it, or start fresh, which deletes it (see StorageNotice);
 * - each write merges with what is stored now, record by record (mergeOnWrite), so two tabs
 *   saving at once both keep their answers; with Web Locks the read-merge-write is one step;
 * - failed writes (full quota) are reported, not thrown.
 */
export function createSafeStorage(
  storage: Storage | null,
  options: SafeStorageOptions = {},
): PersistStorage<PersistedState> {
  const locks = options.locks === undefined ? browserLocks() : options.locks;
  /** What this tab last read or wrote, and its text: its own changes are what differ from it. */
  let base: PersistedState | null = null;
  let baseText: string | null = null;
  /** The unreadable text left in place; while set, nothing is written over it. */
  let heldUnreadable: string | null = null;
  /** The latest state not saved because of that, to save once the learner starts fresh. */
  let unsaved: StorageValue<PersistedState> | null = null;
  /** A write waiting for the lock (only the latest state is written). */
  let pending: { name: string; value: StorageValue<PersistedState> } | null = null;

  const setAside = (name: string, raw: string, reason: string) => {
    const key = `${name}:unreadable:${new Date().toISOString()}`;
    try {
      storage?.setItem(key, raw);
    } catch (error) {
      // No copy: leave the original exactly where it is, and do not write over it.
      heldUnreadable = raw;
      storageHealth.setState({
        quarantined: null,
        unreadable: {
          reason,
          notCopied: isQuotaError(error)
            ? 'there is no room left in this browser’s storage for a copy'
            : 'the browser refused to store a copy',
          data: () => read(() => storage?.getItem(name) ?? null),
          startFresh: () => startFresh(name),
        },
      });
      return;
    }
    try {
      storage?.removeItem(name);
    } catch {
      // The copy exists; the next save replaces the original.
    }
    storageHealth.setState({ quarantined: { key, reason } });
  };

  const startFresh = (name: string) => {
    try {
      storage?.removeItem(name);
    } catch {
      // Then the next write replaces it.
    }
    heldUnreadable = null;
    base = null;
    baseText = null;
    storageHealth.setState({ unreadable: null });
    const value = unsaved;
    unsaved = null;
    if (value) write(name, value);
  };

  /** What is saved under `name` now, checked and brought up to today's format. */
  const load = (name: string): Stored => {
    const raw = read(() => storage?.getItem(name) ?? null);
    if (raw === null) return { kind: 'empty' };
    if (raw === baseText && base)
      return { kind: 'readable', state: base, version: currentVersion, text: raw };
    if (raw === heldUnreadable) return { kind: 'unreadable' };
    let envelope: unknown;
    try {
      envelope = JSON.parse(raw);
    } catch {
      setAside(name, raw, 'it is not valid JSON');
      return { kind: 'unreadable' };
    }
    if (
      typeof envelope !== 'object' ||
      envelope === null ||
      !('state' in envelope) ||
      !('version' in envelope) ||
      typeof envelope.version !== 'number'
    ) {
      setAside(name, raw, 'it is not in the workbook’s format');
      return { kind: 'unreadable' };
    }
    // Written by a newer workbook (another tab, after an update): leave it exactly where it is.
    if (envelope.version > currentVersion) return { kind: 'newer' };
    const result = migrate(envelope.state, envelope.version);
    if (!result.ok) {
      setAside(name, raw, result.reason);
      return { kind: 'unreadable' };
    }
    return { kind: 'readable', state: result.state, version: envelope.version, text: raw };
  };

  /** Merges `value` with what is stored now and writes the result (if it differs). */
  const write = (name: string, value: StorageValue<PersistedState>) => {
    try {
      const now = load(name);
      if (now.kind === 'newer') {
        storageHealth.setState({ writeError: newerOnWrite });
        return;
      }
      if (now.kind === 'unreadable' && heldUnreadable !== null) {
        unsaved = value;
        return;
      }
      if (heldUnreadable !== null) {
        // Another tab has replaced the unreadable data: saving is safe again.
        heldUnreadable = null;
        unsaved = null;
        storageHealth.setState({ unreadable: null });
      }
      const theirs = now.kind === 'readable' ? now : null;
      const merged = !theirs
        ? value.state
        : theirs.state === base
          ? value.state
          : mergeOnWrite(theirs.version < currentVersion ? null : base, value.state, theirs.state);
      const text = JSON.stringify({ state: merged, version: currentVersion });
      if (text !== theirs?.text) storage?.setItem(name, text);
      base = merged;
      baseText = text;
      if (storageHealth.getState().writeError) storageHealth.setState({ writeError: null });
      if (merged !== value.state && !sameData(merged, value.state)) options.onMerged?.(merged);
    } catch (error) {
      storageHealth.setState({
        writeError: isQuotaError(error)
          ? 'Your browser’s storage for this site is full, so recent progress was not saved.'
          : 'Your browser refused to save progress (storage may be disabled).',
      });
    }
  };

  const flush = () => {
    const job = pending;
    pending = null;
    if (job) write(job.name, job.value);
  };
  // A tab being closed writes what waits for the lock at once rather than lose it.
  if (locks && typeof window !== 'undefined') window.addEventListener('pagehide', flush);

  return {
    getItem(name) {
      const now = load(name);
      if (now.kind === 'newer') storageHealth.setState({ writeError: newerOnRead });
      if (now.kind !== 'readable') return null;
      base = now.state;
      baseText = now.text;
      // Already migrated and validated: hand zustand the current version so it does not migrate again.
      return { state: now.state, version: currentVersion };
    },
    setItem(name, value: StorageValue<PersistedState>) {
      if (!locks) return write(name, value);
      const queued = pending !== null;
      pending = { name, value };
      if (queued) return;
      locks.request(`${name}:write`, flush).catch(flush);
    },
    removeItem(name) {
      try {
        storage?.removeItem(name);
      } catch {
        // Nothing to do: the item stays, which is the safe outcome.
      }
    },
  };
}

/** `get()`, or null when the storage throws (disabled, or denied by the browser). */
function read(get: () => string | null): string | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function browserLocks(): Pick<LockManager, 'request'> | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

/** The format version of what is saved under `name` now (0 when nothing readable is there). */
export function storedVersion(storage: Storage | null, name: string): number {
  try {
    const raw = storage?.getItem(name);
    if (!raw) return 0;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' &&
      parsed !== null &&
      'version' in parsed &&
      typeof parsed.version === 'number'
      ? parsed.version
      : 0;
  } catch {
    return 0;
  }
}

export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
