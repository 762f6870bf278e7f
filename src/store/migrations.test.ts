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
  2: {
    completed: {},
    lastVisited: null,
    theme: 'dark',
    gauntletResults: [
      {
        quizId: 'breaker-gauntlet',
        startedAt: '2026-11-22T10:00:00.000Z',
        finishedAt: '2026-11-22T10:05:00.000Z',
        timeLimitS: 480,
        score: 1,
        total: 1,
        answers: [
          {
            questionId: 'cb-three-states',
            response: { type: 'text', value: 'closed, open, half-open' },
            correct: true,
            rating: 3,
            seconds: 12,
          },
        ],
      },
    ],
    cards: {
      'cb-three-states': {
        questionId: 'cb-three-states',
        due: '2026-11-25T10:05:00.000Z',
        stability: 3.1,
        difficulty: 5.3,
        elapsed_days: 0,
        scheduled_days: 3,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review: '2026-11-22T10:05:00.000Z',
      },
    },
    reviewLog: [],
    retention: 0.9,
  },
  3: {
    completed: {},
    lastVisited: null,
    theme: 'light',
    gauntletResults: [],
    cards: {},
    reviewLog: [],
    retention: 0.85,
    exercises: {
      'control-distribution/breaker-basic': {
        code: 'export class CircuitBreaker {}\n',
        savedAt: '2026-11-23T10:00:00.000Z',
        runs: 3,
        passedAt: null,
      },
    },
    checklist: {
      'control-distribution/anti-patterns#1/every-call-has-a-timeout': {
        at: '2026-11-23T10:00:00.000Z',
      },
    },
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

  it('a v1 save arrives with an empty review deck and the default retention', () => {
    expect(migrate(fixtures[1], 1)).toMatchObject({
      ok: true,
      state: { theme: 'system', gauntletResults: [], cards: {}, reviewLog: [], retention: 0.9 },
    });
  });

  it('a v2 save keeps its cards and arrives with no exercises started', () => {
    const result = migrate(fixtures[2], 2);
    expect(result).toMatchObject({
      ok: true,
      state: { exercises: {}, checklist: {}, retention: 0.9 },
    });
    expect(result.ok && Object.keys(result.state.cards)).toEqual(['cb-three-states']);
  });

  it('refuses data from a newer workbook rather than guessing', () => {
    expect(migrate(fixtures[1], currentVersion + 1)).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer version/) as string,
    });
  });
});
