import { beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorage } from './safeStorage';
import type { PersistedState } from './schema';
import { currentVersion } from './schema';
import { storageHealth } from './storageHealth';
import { createWorkbookStore, STORAGE_KEY } from './store';

/** A Storage that keeps items in a Map and can be told to refuse writes (to some keys). */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  failWrites: 'quota' | 'security' | null = null;
  /** Which keys `failWrites` applies to (all by default). */
  failing: (key: string) => boolean = () => true;
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
    if (!this.failing(key)) return void this.items.set(key, value);
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

  it('un-marks a lesson saved in an older format, and it stays un-marked', () => {
    const mem = new MemoryStorage();
    const { completed, lastVisited, theme } = good;
    mem.items.set(
      STORAGE_KEY,
      JSON.stringify({ state: { completed, lastVisited, theme }, version: 1 }),
    );
    const store = createWorkbookStore(mem);
    store.getState().setComplete('control-distribution/overview', false);
    expect(storedState(mem).completed).toEqual({});
  });

  it('un-marks a lesson', () => {
    const store = createWorkbookStore(new MemoryStorage());
    store.getState().setComplete('a/b', true);
    store.getState().setComplete('a/b', false);
    expect(store.getState().completed).toEqual({});
  });
});

describe('unreadable data that cannot be copied aside', () => {
  const garbage = `{"state": ${'x'.repeat(1000)}`;
  const copies = (key: string) => key.includes(':unreadable:');

  function setUp(failWrites: 'quota' | 'security') {
    const mem = new MemoryStorage();
    mem.items.set(STORAGE_KEY, garbage);
    mem.failWrites = failWrites;
    mem.failing = copies;
    const store = createWorkbookStore(mem);
    return { mem, store };
  }

  it('is left in place, and nothing is saved over it', () => {
    const { mem, store } = setUp('quota');
    const { quarantined, unreadable } = storageHealth.getState();
    // Never a claim of a copy that was not made.
    expect(quarantined).toBeNull();
    expect(unreadable?.reason).toBe('it is not valid JSON');
    expect(unreadable?.notCopied).toMatch(/no room left/);
    store.getState().setComplete('a/b', true);
    store.getState().reviewCard('q1', 3);
    expect([...mem.items.entries()]).toEqual([[STORAGE_KEY, garbage]]);
    // The progress made meanwhile is kept in memory, and the banner stays after "Dismiss".
    expect(store.getState().completed).toHaveProperty('a/b');
    storageHealth.getState().dismiss();
    expect(storageHealth.getState().unreadable).not.toBeNull();
  });

  it('can be downloaded as it is', () => {
    setUp('quota');
    expect(storageHealth.getState().unreadable?.data()).toBe(garbage);
  });

  it('is deleted on "start fresh", and the progress made since is saved', () => {
    const { mem, store } = setUp('quota');
    store.getState().setComplete('a/b', true, new Date('2026-11-22T08:00:00Z'));
    storageHealth.getState().unreadable?.startFresh();
    expect(storageHealth.getState().unreadable).toBeNull();
    const saved = JSON.parse(mem.items.get(STORAGE_KEY) ?? '{}') as { state: PersistedState };
    expect(saved.state.completed).toEqual({ 'a/b': { at: '2026-11-22T08:00:00.000Z' } });
    store.getState().setComplete('c/d', true);
    expect(Object.keys(storedState(mem).completed).sort()).toEqual(['a/b', 'c/d']);
  });

  it('says when the browser refused the copy for another reason', () => {
    setUp('security');
    expect(storageHealth.getState().unreadable?.notCopied).toMatch(/refused to store a copy/);
  });

  it('stops blocking saves once another tab has replaced it', () => {
    const { mem, store } = setUp('quota');
    mem.items.set(STORAGE_KEY, JSON.stringify({ state: good, version: currentVersion }));
    store.getState().setComplete('a/b', true);
    expect(storageHealth.getState().unreadable).toBeNull();
    expect(Object.keys(storedState(mem).completed).sort()).toEqual([
      'a/b',
      'control-distribution/overview',
    ]);
  });
});

function storedState(mem: MemoryStorage): PersistedState {
  return (JSON.parse(mem.items.get(STORAGE_KEY) ?? '{}') as { state: PersistedState }).state;
}

describe('two tabs saving the same progress', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 8, minute));

  function twoTabs(start: PersistedState = good, options = {}) {
    const mem = new MemoryStorage();
    mem.items.set(STORAGE_KEY, JSON.stringify({ state: start, version: currentVersion }));
    return { mem, a: createWorkbookStore(mem, options), b: createWorkbookStore(mem, options) };
  }

  it('keeps both tabs’ answers when they write one after the other without reloading', () => {
    const { mem, a, b } = twoTabs();
    a.getState().reviewCard('q-a', 3, at(1));
    // Tab b has not seen tab a's review, and answers its own.
    b.getState().reviewCard('q-b', 1, at(2));
    const saved = storedState(mem);
    expect(Object.keys(saved.cards).sort()).toEqual(['q-a', 'q-b']);
    expect(saved.reviewLog.map((l) => l.questionId)).toEqual(['q-a', 'q-b']);
    // Tab b now shows both; tab a does when told of the save (the storage event).
    expect(Object.keys(b.getState().cards).sort()).toEqual(['q-a', 'q-b']);
    a.setState({});
    expect(a.getState().reviewLog).toHaveLength(2);
    expect(storedState(mem).reviewLog).toHaveLength(2);
  });

  it('keeps both gauntlet results, exercises and ticks', () => {
    const { mem, a, b } = twoTabs();
    a.getState().recordRun('m/one', true, at(1));
    b.getState().recordRun('m/two', false, at(2));
    a.getState().setTicked('l#1/x', true, at(3));
    b.getState().setTicked('l#1/y', true, at(4));
    const saved = storedState(mem);
    expect(Object.keys(saved.exercises).sort()).toEqual(['m/one', 'm/two']);
    expect(Object.keys(saved.checklist).sort()).toEqual(['l#1/x', 'l#1/y']);
  });

  it('lets a removal stick: the other tab does not bring back what it did not change', () => {
    const { mem, a, b } = twoTabs();
    a.getState().setComplete('control-distribution/overview', false);
    b.getState().setComplete('control-distribution/circuit-breakers', true, at(5));
    expect(Object.keys(storedState(mem).completed)).toEqual([
      'control-distribution/circuit-breakers',
    ]);
    expect(Object.keys(b.getState().completed)).toEqual(['control-distribution/circuit-breakers']);
  });

  it('merges the same card reviewed in both: the fresher copy, and both reviews', () => {
    const { mem, a, b } = twoTabs();
    a.getState().reviewCard('q', 3, at(1));
    b.getState().reviewCard('q', 1, at(2));
    const saved = storedState(mem);
    expect(saved.cards.q?.last_review).toBe(at(2).toISOString());
    expect(saved.reviewLog.map((l) => l.rating)).toEqual([3, 1]);
  });

  it('keeps this tab’s records when a tab running an older workbook saves without them', () => {
    const { mem, a } = twoTabs();
    a.getState().recordRun('m/one', true, at(1));
    const { completed, lastVisited, theme, gauntletResults, cards, reviewLog, retention } = good;
    const older = {
      completed: { ...completed, 'x/y': { at: at(2).toISOString() } },
      lastVisited,
      theme,
      gauntletResults,
      cards,
      reviewLog,
      retention,
    };
    mem.items.set(STORAGE_KEY, JSON.stringify({ state: older, version: 2 }));
    a.setState({}); // what the storage event does
    const saved = JSON.parse(mem.items.get(STORAGE_KEY) ?? '{}') as {
      state: PersistedState;
      version: number;
    };
    expect(saved.version).toBe(currentVersion);
    expect(Object.keys(saved.state.exercises)).toEqual(['m/one']);
    expect(saved.state.completed).toHaveProperty('x/y');
  });

  it('takes the other tab’s settings unless this one changed them', () => {
    const { mem, a, b } = twoTabs();
    a.getState().setTheme('light');
    b.getState().setComplete('x/y', true);
    expect(storedState(mem).theme).toBe('light');
    b.getState().setRetention(0.8);
    expect(storedState(mem)).toMatchObject({ theme: 'light', retention: 0.8 });
  });

  it('with Web Locks, reads, merges and writes inside the lock, the latest state only', async () => {
    const queue: (() => void)[] = [];
    const locks = {
      request: (_name: string, callback: () => void) =>
        new Promise<void>((resolve) =>
          queue.push(() => {
            callback();
            resolve();
          }),
        ),
    } as unknown as Pick<LockManager, 'request'>;
    const { mem, a, b } = twoTabs(good, { locks });
    a.getState().reviewCard('q-a', 3, at(1));
    a.getState().reviewCard('q-a2', 3, at(2));
    b.getState().reviewCard('q-b', 3, at(3));
    expect(storedState(mem).reviewLog).toHaveLength(0);
    expect(queue).toHaveLength(2);
    while (queue.length) queue.shift()?.();
    await Promise.resolve();
    expect(storedState(mem).reviewLog.map((l) => l.questionId)).toEqual(['q-a', 'q-a2', 'q-b']);
  });
});
