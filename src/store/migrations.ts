import type { PersistedState } from './schema';
import { currentVersion, persistedState } from './schema';

export type MigrationResult = { ok: true; state: PersistedState } | { ok: false; reason: string };

/**
 * Brings stored state of any known version up to today's shape, then validates it. Each step
 * `from → from + 1` is a pure function; add one when the persisted shape changes and keep a
 * fixture of the old shape in migrations.test.ts.
 */
const steps: Record<number, (state: unknown) => unknown> = {
  // 1 → 2: retrieval practice arrives; nothing answered yet.
  1: (state) => ({
    ...(state as object),
    gauntletResults: [],
    cards: {},
    reviewLog: [],
    retention: 0.9,
  }),
  // 2 → 3: coding exercises and checklists arrive; nothing started or ticked yet.
  2: (state) => ({ ...(state as object), exercises: {}, checklist: {} }),
};

export function migrate(stored: unknown, version: number): MigrationResult {
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `saved with an unknown format version (${String(version)})` };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      reason: `saved by a newer version of the workbook (format ${version}; this one reads up to ${currentVersion})`,
    };
  }
  let state = stored;
  for (let v = version; v < currentVersion; v++) {
    const step = steps[v];
    if (!step) return { ok: false, reason: `no upgrade path from format ${v}` };
    state = step(state);
  }
  const parsed = persistedState.safeParse(state);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { ok: false, reason: `the saved data does not have the expected shape${where}` };
  }
  return { ok: true, state: parsed.data };
}
