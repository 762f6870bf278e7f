import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { gauntletResultSchema, resultKey, responseSchema } from './results';
import type { GauntletResult } from './results';
import { sampleResult } from './testFixtures';
import type { Rating, Response } from './types';

describe('responseSchema', () => {
  it('describes exactly the Response union of types.ts', () => {
    expectTypeOf<z.infer<typeof responseSchema>>().toEqualTypeOf<Response>();
  });

  it('accepts every kind of response', () => {
    const all: Response[] = [
      { type: 'single', choice: 0 },
      { type: 'predict', choice: null },
      { type: 'multiple', choices: [0, 2] },
      { type: 'numeric', value: '' },
      { type: 'text', value: 'x' },
      { type: 'ordering', order: [1, 0] },
      { type: 'free', text: '', selfRating: 4 },
    ];
    for (const r of all) expect(responseSchema.parse(r)).toEqual(r);
  });

  it('keeps an overlong answer rather than make a whole saved state unreadable', () => {
    const long = { type: 'free', text: 'x'.repeat(50_000), selfRating: null };
    expect(responseSchema.safeParse(long).success).toBe(true);
  });

  it('refuses hostile responses', () => {
    for (const r of [
      { type: 'single', choice: -1 },
      { type: 'single', choice: 1.5 },
      { type: 'single', choice: '1' },
      { type: 'multiple', choices: Array<number>(101).fill(0) },
      { type: 'free', text: '', selfRating: 5 },
      { type: 'essay', text: '' },
      null,
    ])
      expect(responseSchema.safeParse(r).success, JSON.stringify(r)).toBe(false);
  });
});

describe('gauntletResultSchema', () => {
  it('accepts a result and keeps it as it was', () => {
    expect(gauntletResultSchema.parse(sampleResult)).toEqual(sampleResult);
    expectTypeOf<GauntletResult['answers'][number]['rating']>().toEqualTypeOf<Rating | null>();
  });

  it('keeps a result whose clock went backwards', () => {
    const skewed = { ...sampleResult, finishedAt: '2026-11-20T09:59:59.000Z' };
    expect(gauntletResultSchema.safeParse(skewed).success).toBe(true);
  });

  it('refuses results that cannot have happened', () => {
    const bad: unknown[] = [
      { ...sampleResult, score: 5 },
      { ...sampleResult, score: -1 },
      { ...sampleResult, timeLimitS: 0 },
      { ...sampleResult, answers: [sampleResult.answers[0], sampleResult.answers[0]] },
      { ...sampleResult, answers: [{ ...sampleResult.answers[0], seconds: -1 }] },
      { ...sampleResult, answers: [{ ...sampleResult.answers[0], rating: 0 }] },
      { ...sampleResult, startedAt: 'Friday' },
      { ...sampleResult, quizId: '' },
    ];
    for (const b of bad) expect(gauntletResultSchema.safeParse(b).success).toBe(false);
  });
});

describe('resultKey', () => {
  it('is the quiz and the instant it started, however the instant is written', () => {
    expect(resultKey(sampleResult)).toBe(
      resultKey({ quizId: sampleResult.quizId, startedAt: '2026-11-20T10:00:00Z' }),
    );
    expect(resultKey(sampleResult)).not.toBe(resultKey({ ...sampleResult, quizId: 'other' }));
  });
});
