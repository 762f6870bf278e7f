import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { currentVersion } from './schema';

/**
 * One fixture per stored format the workbook has ever written. When the format changes, add
 * the new version's fixture and keep the old ones: they must all still load.
 */
const fixtures: Record<number, unknown> = {
  1: {
    completed: { 'control-distribution/overview': { at: '2026-11-20T10:00:00.000Z' } },
    lastVisited: {
      lessonId: 'control-distribution/overview',
      headingId: null,
      headingText: null,
      at: '2026-11-20T10:00:00.000Z',
    },
    theme: 'system',
  },
};

describe('migrate', () => {
  it('has a fixture for every version up to the current one', () => {
    for (let v = 1; v <= currentVersion; v++)
      expect(fixtures[v], `fixture for v${v}`).toBeDefined();
  });

  it.each(Object.entries(fixtures))('loads a v%s save', (version, state) => {
    const result = migrate(state, Number(version));
    expect(result.ok).toBe(true);
  });

  it('refuses data from a newer workbook rather than guessing', () => {
    expect(migrate(fixtures[1], currentVersion + 1)).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer version/) as string,
    });
  });
});
