import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CODE_CHARS } from '../exercises/stored';
import { exportJson, parseImport } from '../quiz/transfer';
import { persistedState } from './schema';
import type { PersistedState } from './schema';
import { createWorkbookStore } from './store';
import { anyPersistedState } from './testArbitraries';
import { importedState, transferDataOf } from './transfer';

const now = new Date('2026-11-20T12:00:00.000Z');

/** What an export holds of a state: everything but the settings (theme, retention). */
const progressOf = ({ theme: _t, retention: _r, ...rest }: PersistedState) => rest;

/** The state an empty workbook has after importing `file`. */
function imported(file: string, mode: 'merge' | 'replace') {
  const result = parseImport(file);
  if (!result.ok) throw new Error(result.message);
  return importedState(createWorkbookStore(null).getState(), result.data, mode);
}

describe('every export imports', () => {
  it('gives back the state it was made from, for any state the store keeps', () => {
    fc.assert(
      fc.property(anyPersistedState, (state) => {
        // The generator makes only states the store itself accepts (as saved: through JSON).
        expect(persistedState.safeParse(JSON.parse(JSON.stringify(state))).success).toBe(true);
        const file = exportJson(transferDataOf(state), now);
        expect(imported(file, 'replace')).toEqual(progressOf(state));
        expect(imported(file, 'merge')).toEqual(progressOf(state));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the longest code the store saves', () => {
    const store = createWorkbookStore(null);
    store.getState().saveCode('control/breaker', 'x'.repeat(MAX_CODE_CHARS + 10), now);
    const file = exportJson(transferDataOf(store.getState()), now);
    expect(imported(file, 'replace').exercises['control/breaker']?.code).toHaveLength(
      MAX_CODE_CHARS,
    );
  });
});
