import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewKey } from '../quiz/transfer';
import { mergeOnWrite, sameData } from './mergeOnWrite';
import { anyDate, anyId, anyPersistedState, anyReview } from './testArbitraries';

describe('mergeOnWrite', () => {
  it('keeps what either tab added since they last agreed, and what this tab removed stays removed', () => {
    fc.assert(
      fc.property(
        anyPersistedState,
        fc.array(anyReview, { maxLength: 3 }),
        fc.array(anyReview, { maxLength: 3 }),
        fc.dictionary(anyId, fc.record({ at: anyDate }), { maxKeys: 2, noNullPrototype: true }),
        (base, mineAdds, theirsAdds, theirTicks) => {
          const removed = Object.keys(base.completed)[0];
          const mine = {
            ...base,
            completed: Object.fromEntries(
              Object.entries(base.completed).filter(([k]) => k !== removed),
            ),
            reviewLog: [...base.reviewLog, ...mineAdds],
          };
          const theirs = {
            ...base,
            reviewLog: [...base.reviewLog, ...theirsAdds],
            checklist: { ...base.checklist, ...theirTicks },
          };
          const merged = mergeOnWrite(base, mine, theirs);
          const keys = new Set(merged.reviewLog.map(reviewKey));
          for (const l of [...base.reviewLog, ...mineAdds, ...theirsAdds])
            expect(keys.has(reviewKey(l))).toBe(true);
          expect(merged.reviewLog).toHaveLength(keys.size);
          expect(Object.keys(merged.checklist).sort()).toEqual(
            Object.keys(theirs.checklist).sort(),
          );
          if (removed !== undefined) expect(merged.completed).not.toHaveProperty([removed]);
          expect(sameData(merged.cards, base.cards)).toBe(true);
          expect(sameData(merged.exercises, base.exercises)).toBe(true);
        },
      ),
    );
  });

  it('changes nothing when this tab changed nothing', () => {
    fc.assert(
      fc.property(anyPersistedState, anyPersistedState, (base, theirs) => {
        expect(sameData(mergeOnWrite(base, base, theirs), theirs)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
