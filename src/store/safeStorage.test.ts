import { beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorage } from './safeStorage';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { storageHealth } from './storageHealth';
import { createWorkbookStore, STORAGE_KEY } from './store';

/** A Storage that keeps items in a Map and can be told to refuse writes. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  failWrites: 'quota' | 'security' | null = null;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (this.failWrites === 'security') throw new DOMException('denied', 'SecurityError');
    this.items.set(key, value);
  }
}

const good: PersistedState = {
  completed: { 'control-distribution/overview': { at: '2026-11-20T10:00:00.000Z' } },
  lastVisited: {
    lessonId: 'control-distribution/circuit-breakers',
    headingId: 'three-states',
    headingText: 'Three states',
    at: '2026-11-21T09:30:00.000Z',
  },
  theme: 'dark',
  gauntletResults: [],
  cards: {},
  reviewLog: [],
  retention: 0.9,
  exercises: {},
  checklist: {},
};

beforeEach(() => storageHealth.getState().dismiss());

describe('createSafeStorage', () => {
  it('reads back what it wrote', () => {
    const mem = new MemoryStorage();
    const storage = createSafeStorage(mem);
    storage.setItem('k', { state: good, version: currentVersion });
    expect(storage.getItem('k')).toEqual({ state: good, version: currentVersion });
    expect(storageHealth.getState().quarantined).toBeNull();
  });

  it.each([
    ['not JSON', '{"state": {', /not valid JSON/],
    ['JSON without an envelope', '[1,2,3]', /not in the workbook/],
    [
      'the wrong shape',
      JSON.stringify({ state: { completed: 'all' }, version: 1 }),
      /expected shape at completed/,
    ],
    [
      'a bad date',
      JSON.stringify({ state: { ...good, completed: { a: { at: 'yesterday' } } }, version: 1 }),
      /expected shape/,
    ],
    ['a nonsense version', JSON.stringify({ state: good, version: 0 }), /unknown format version/],
  ])('sets aside %s under another key and starts clean', (_label, raw, reason) => {
    const mem = new MemoryStorage();
    mem.items.set('k', raw);
    expect(createSafeStorage(mem).getItem('k')).toBeNull();
    const quarantined = storageHealth.getState().quarantined;
    expect(quarantined?.reason).toMatch(reason);
    expect(mem.items.has('k')).toBe(false);
    expect(mem.items.get(quarantined?.key ?? '')).toBe(raw);
  });

  it('leaves a newer format where it is and refuses to write over it', () => {
    const mem = new MemoryStorage();
    const raw = JSON.stringify({ state: good, version: 99 });
    mem.items.set('k', raw);
    const storage = createSafeStorage(mem);
    expect(storage.getItem('k')).toBeNull();
    expect(storageHealth.getState().quarantined).toBeNull();
    expect(storageHealth.getState().writeError).toMatch(/newer version of the workbook/);
    storage.setItem('k', { state: good, version: currentVersion });
    expect(mem.items.get('k')).toBe(raw);
    expect([...mem.items.keys()]).toEqual(['k']);
  });

  it('reports a full quota in words instead of throwing', () => {
    const mem = new MemoryStorage();
    mem.failWrites = 'quota';
    const storage = createSafeStorage(mem);
    expect(() => storage.setItem('k', { state: good, version: 1 })).not.toThrow();
    expect(storageHealth.getState().writeError).toMatch(/storage for this site is full/);
    mem.failWrites = null;
    storage.setItem('k', { state: good, version: 1 });
    expect(storageHealth.getState().writeError).toBeNull();
  });

  it('reports disabled storage', () => {
    const mem = new MemoryStorage();
    mem.failWrites = 'security';
    createSafeStorage(mem).setItem('k', { state: good, version: 1 });
    expect(storageHealth.getState().writeError).toMatch(/refused to save/);
  });

  it('works with no storage at all', () => {
    const storage = createSafeStorage(null);
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.setItem('k', { state: good, version: 1 })).not.toThrow();
  });
});

describe('workbook store persistence', () => {
  it('restores saved progress and keeps writing it', () => {
    const mem = new MemoryStorage();
    mem.items.set(STORAGE_KEY, JSON.stringify({ state: good, version: currentVersion }));
    const store = createWorkbookStore(mem);
    expect(store.getState().completed).toEqual(good.completed);
    expect(store.getState().theme).toBe('dark');
    store
      .getState()
      .setComplete('control-distribution/circuit-breakers', true, new Date('2026-11-22T08:00:00Z'));
    const saved = JSON.parse(mem.items.get(STORAGE_KEY) ?? '{}') as {
      state: PersistedState;
      version: number;
    };
    expect(saved.version).toBe(currentVersion);
    expect(Object.keys(saved.state.completed).sort()).toEqual([
      'control-distribution/circuit-breakers',
      'control-distribution/overview',
    ]);
    // Actions are not persisted, only data.
    expect(Object.keys(saved.state).sort()).toEqual([
      'cards',
      'checklist',
      'completed',
      'exercises',
      'gauntletResults',
      'lastVisited',
      'retention',
      'reviewLog',
      'theme',
    ]);
  });

  it('starts clean after corrupted storage, keeping the old data aside', () => {
    const mem = new MemoryStorage();
    mem.items.set(STORAGE_KEY, 'garbage{');
    const store = createWorkbookStore(mem);
    expect(store.getState().completed).toEqual({});
    expect(store.getState().theme).toBe('system');
    expect([...mem.items.values()]).toContain('garbage{');
  });

  it('un-marks a lesson', () => {
    const store = createWorkbookStore(new MemoryStorage());
    store.getState().setComplete('a/b', true);
    store.getState().setComplete('a/b', false);
    expect(store.getState().completed).toEqual({});
  });
});
