import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { migrate } from './migrations';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { storageHealth } from './storageHealth';

/**
 * A zustand PersistStorage that never lets bad saved data crash the app: anything unreadable
 * (not JSON, wrong shape, unknown version) is copied to a side key so nothing is lost, the
 * learner is told, and the app starts clean. Failed writes (full quota) are reported, not thrown.
 */
export function createSafeStorage(storage: Storage | null): PersistStorage<PersistedState> {
  const setAside = (name: string, raw: string, reason: string) => {
    const key = `${name}:unreadable:${new Date().toISOString()}`;
    try {
      storage?.setItem(key, raw);
      storage?.removeItem(name);
    } catch {
      // If even the copy fails, leave the original where it is rather than delete it.
    }
    storageHealth.setState({ quarantined: { key, reason } });
  };

  return {
    getItem(name) {
      let raw: string | null;
      try {
        raw = storage?.getItem(name) ?? null;
      } catch {
        return null;
      }
      if (raw === null) return null;
      let envelope: unknown;
      try {
        envelope = JSON.parse(raw);
      } catch {
        setAside(name, raw, 'it is not valid JSON');
        return null;
      }
      if (
        typeof envelope !== 'object' ||
        envelope === null ||
        !('state' in envelope) ||
        !('version' in envelope) ||
        typeof envelope.version !== 'number'
      ) {
        setAside(name, raw, 'it is not in the workbook’s format');
        return null;
      }
      if (envelope.version > currentVersion) {
        // Written by a newer workbook (another tab, after an update): leave it exactly where it
        // is, start this tab clean, and refuse to write over it (setItem below).
        storageHealth.setState({
          writeError:
            'Another tab runs a newer version of the workbook. Reload this page to see your progress and keep saving it.',
        });
        return null;
      }
      const result = migrate(envelope.state, envelope.version);
      if (!result.ok) {
        setAside(name, raw, result.reason);
        return null;
      }
      // Already migrated and validated: hand zustand the current version so it does not migrate again.
      return { state: result.state, version: currentVersion };
    },
    setItem(name, value: StorageValue<PersistedState>) {
      try {
        if (storedVersion(storage, name) > currentVersion) {
          storageHealth.setState({
            writeError:
              'Another tab runs a newer version of the workbook, so this one no longer saves. Reload this page to keep saving.',
          });
          return;
        }
        storage?.setItem(name, JSON.stringify(value));
        if (storageHealth.getState().writeError) storageHealth.setState({ writeError: null });
      } catch (error) {
        const full = error instanceof DOMException && /quota/i.test(error.name + error.message);
        storageHealth.setState({
          writeError: full
            ? 'Your browser’s storage for this site is full, so recent progress was not saved.'
            : 'Your browser refused to save progress (storage may be disabled).',
        });
      }
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
