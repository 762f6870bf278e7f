import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from './heap';

describe('EventHeap', () => {
  it('pops in key order, ties by id, like a stable sort', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat(1000))), (pairs) => {
        const heap = new EventHeap();
        for (const [k, id] of pairs) heap.push(k, id);
        const out: [number, number][] = [];
        while (heap.size > 0) {
          const k = heap.peekKey();
          out.push([k, heap.pop()]);
        }
        const expected = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('reports an empty heap', () => {
    const heap = new EventHeap();
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
    expect(() => heap.pop()).toThrow('empty');
  });
});
