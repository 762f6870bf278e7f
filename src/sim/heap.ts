/**
 * A binary min-heap of (key, id) pairs kept in parallel number arrays (no object per entry),
 * ordered by key and then by id, so that simultaneous events always come out in the same
 * order. The event queue of the discrete-event simulations.
 */
export class EventHeap {
  private keys: number[] = [];
  private ids: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The smallest key, or +Infinity when empty. */
  peekKey(): number {
    return this.keys[0] ?? Number.POSITIVE_INFINITY;
  }

  push(key: number, id = 0): void {
    const keys = this.keys;
    const ids = this.ids;
    let i = keys.length;
    keys.push(key);
    ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, id, keys[parent]!, ids[parent]!)) break;
      keys[i] = keys[parent]!;
      ids[i] = ids[parent]!;
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Removes the smallest pair and returns its id (its key was `peekKey()`). */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const top = ids[0];
    if (top === undefined) throw new Error('pop from an empty EventHeap');
    const key = keys.pop()!;
    const id = ids.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && this.before(keys[r]!, ids[r]!, keys[l]!, ids[l]!) ? r : l;
        if (!this.before(keys[m]!, ids[m]!, key, id)) break;
        keys[i] = keys[m]!;
        ids[i] = ids[m]!;
        i = m;
      }
      keys[i] = key;
      ids[i] = id;
    }
    return top;
  }

  private before(ka: number, ia: number, kb: number, ib: number): boolean {
    return ka < kb || (ka === kb && ia < ib);
  }
}
