import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultKey } from '../quiz/results';
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

  it('when this tab changed nothing, takes theirs, but never loses history this tab holds', () => {
    fc.assert(
      fc.property(anyPersistedState, anyPersistedState, (base, theirs) => {
        const merged = mergeOnWrite(base, base, theirs);
        // Completions, ticks and settings are theirs…
        expect(sameData(merged.completed, theirs.completed)).toBe(true);
        expect(sameData(merged.checklist, theirs.checklist)).toBe(true);
        expect(merged.theme).toBe(theirs.theme);
        expect(merged.retention).toBe(theirs.retention);
        // …and a stale read that lacks this tab's history does not remove it.
        const reviews = new Set(merged.reviewLog.map(reviewKey));
        for (const l of [...base.reviewLog, ...theirs.reviewLog])
          expect(reviews.has(reviewKey(l))).toBe(true);
        const results = new Set(merged.gauntletResults.map(resultKey));
        for (const r of [...base.gauntletResults, ...theirs.gauntletResults])
          expect(results.has(resultKey(r))).toBe(true);
        for (const id of [...Object.keys(base.cards), ...Object.keys(theirs.cards)])
          expect(merged.cards).toHaveProperty([id]);
        for (const id of [...Object.keys(base.exercises), ...Object.keys(theirs.exercises)])
          expect(merged.exercises).toHaveProperty([id]);
      }),
      { numRuns: 50 },
    );
  });

  it('a gauntlet result another tab wrote but this tab cannot see yet is kept (a stale read)', () => {
    fc.assert(
      fc.property(anyPersistedState, (afterMyWrite) => {
        // This tab last wrote `afterMyWrite`; the other tab's write was merged from an older
        // read and lacks it, so storage now holds the state before it.
        const stale = { ...afterMyWrite, gauntletResults: [], reviewLog: [] };
        const merged = mergeOnWrite(afterMyWrite, afterMyWrite, stale);
        expect(merged.gauntletResults.map(resultKey).sort()).toEqual(
          afterMyWrite.gauntletResults.map(resultKey).sort(),
        );
        expect(merged.reviewLog.map(reviewKey).sort()).toEqual(
          [...new Set(afterMyWrite.reviewLog.map(reviewKey))].sort(),
        );
      }),
      { numRuns: 50 },
    );
  });
});
