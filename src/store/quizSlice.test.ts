import { describe, expect, it } from 'vitest';
import type { Quiz } from '../quiz/types';
import { createWorkbookStore } from './store';

const quiz: Quiz = {
  id: 'g',
  title: 'G',
  timeLimitS: 60,
  questions: [
    { id: 'a', type: 'single', prompt: 'P', explanation: 'E', options: ['x', 'y'], correct: 1 },
    { id: 'b', type: 'free', prompt: 'P', explanation: 'E', model: 'M', rubric: ['R'] },
  ],
};

const started = Date.parse('2026-11-23T10:00:00Z');
const finished = started + 40_000;

describe('quiz slice', () => {
  it('records an attempt, enrols each graded question and logs its review', () => {
    const store = createWorkbookStore(null);
    store.getState().recordAttempt(quiz, started, finished, [
      {
        questionId: 'a',
        response: { type: 'single', choice: 0 },
        correct: false,
        rating: 1,
        seconds: 5,
      },
      {
        questionId: 'b',
        response: { type: 'free', text: 'x', selfRating: null },
        correct: null,
        rating: null,
        seconds: 20,
      },
    ]);
    const s = store.getState();
    expect(s.gauntletResults).toHaveLength(1);
    expect(s.gauntletResults[0]).toMatchObject({ quizId: 'g', score: 0, total: 2, timeLimitS: 60 });
    // The unrated free answer is not scheduled yet.
    expect(Object.keys(s.cards)).toEqual(['a']);
    expect(s.reviewLog.map((l) => [l.questionId, l.rating])).toEqual([['a', 1]]);
    // Wrong answer: Again keeps it due within the day.
    expect(Date.parse(s.cards.a!.due) - finished).toBeLessThan(24 * 3600 * 1000);
  });

  it('schedules a self-graded answer once, however often the button is pressed', () => {
    const store = createWorkbookStore(null);
    store.getState().recordAttempt(quiz, started, finished, [
      {
        questionId: 'a',
        response: { type: 'single', choice: 1 },
        correct: true,
        rating: 3,
        seconds: 5,
      },
      {
        questionId: 'b',
        response: { type: 'free', text: 'x', selfRating: null },
        correct: null,
        rating: null,
        seconds: 20,
      },
    ]);
    const at = new Date(finished + 5_000);
    store.getState().selfGrade('g', started, 'b', 4, at);
    store.getState().selfGrade('g', started, 'b', 1, at);
    const s = store.getState();
    expect(s.reviewLog.map((l) => [l.questionId, l.rating])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
    expect(s.gauntletResults[0]).toMatchObject({ score: 2 });
    expect(s.gauntletResults[0]?.answers[1]).toMatchObject({ rating: 4, correct: true });
  });

  it('reviews from the Review page push the due date out after a Good', () => {
    const store = createWorkbookStore(null);
    const day = 24 * 3600 * 1000;
    store.getState().reviewCard('a', 3, new Date(started));
    const first = Date.parse(store.getState().cards.a!.due);
    store.getState().reviewCard('a', 3, new Date(first));
    const second = Date.parse(store.getState().cards.a!.due);
    expect(second - first).toBeGreaterThan(first - started);
    expect(second - first).toBeGreaterThanOrEqual(day);
  });
});

describe('passing an exercise', () => {
  it('enrols the lesson’s review questions that have no card yet, once, due at once', () => {
    const store = createWorkbookStore(null);
    const now = new Date('2026-11-23T10:00:00.000Z');
    store.getState().recordRun('m/ex', false, now, ['q1', 'q2']);
    expect(Object.keys(store.getState().cards)).toEqual([]);
    store.getState().recordRun('m/ex', true, now, ['q1', 'q2']);
    const cards = store.getState().cards;
    expect(Object.keys(cards).sort()).toEqual(['q1', 'q2']);
    expect(cards.q1!.due).toBe(now.toISOString());
    expect(store.getState().exercises['m/ex']).toMatchObject({
      runs: 2,
      passedAt: now.toISOString(),
    });
    // A later pass changes neither the first pass nor the cards.
    const later = new Date('2026-11-24T10:00:00.000Z');
    store.getState().recordRun('m/ex', true, later, ['q1', 'q2', 'q3']);
    expect(Object.keys(store.getState().cards).sort()).toEqual(['q1', 'q2']);
    expect(store.getState().exercises['m/ex']!.passedAt).toBe(now.toISOString());
  });

  it('"I was right" turns a wrong gauntlet answer right: Good instead of Again, noted in the log', () => {
    const store = createWorkbookStore(null);
    const wrong = {
      questionId: 'a',
      response: { type: 'single' as const, choice: 0 },
      correct: false,
      rating: 1 as const,
      seconds: 5,
    };
    store.getState().recordAttempt(quiz, started, finished, [wrong]);
    const again = store.getState().cards.a!;
    store.getState().markRight('a', finished, { quizId: 'g', startedAt: started });
    const s = store.getState();
    expect(s.reviewLog).toHaveLength(1);
    expect(s.reviewLog[0]).toMatchObject({
      questionId: 'a',
      rating: 3,
      overridden: true,
      review: new Date(finished).toISOString(),
    });
    // Scheduled as a first Good, not as an Again: due days later rather than within the day.
    const good = createWorkbookStore(null);
    good.getState().reviewCard('a', 3, new Date(finished));
    expect(s.cards.a).toEqual(good.getState().cards.a);
    expect(Date.parse(s.cards.a!.due)).toBeGreaterThan(Date.parse(again.due));
    expect(s.gauntletResults[0]).toMatchObject({ score: 1 });
    expect(s.gauntletResults[0]!.answers[0]).toMatchObject({ correct: true, rating: 3 });
    // A second press changes nothing.
    store.getState().markRight('a', finished, { quizId: 'g', startedAt: started });
    expect(store.getState().reviewLog).toEqual(s.reviewLog);
    expect(store.getState().cards).toEqual(s.cards);
  });

  it('"I was right" on the Review page regrades only the review just checked', () => {
    const store = createWorkbookStore(null);
    store.getState().reviewCard('a', 3, new Date(started));
    const checkedAt = started + 5 * 86_400_000;
    store.getState().reviewCard('a', 1, new Date(checkedAt));
    store.getState().markRight('a', checkedAt);
    const log = store.getState().reviewLog;
    expect(log.map((l) => [l.rating, l.overridden ?? false])).toEqual([
      [3, false],
      [3, true],
    ]);
    // An older review (before `since`) is never rewritten.
    const other = createWorkbookStore(null);
    other.getState().reviewCard('a', 1, new Date(started));
    other.getState().markRight('a', checkedAt);
    expect(other.getState().reviewLog[0]).toMatchObject({ rating: 1 });
    expect(other.getState().reviewLog[0]!.overridden).toBeUndefined();
  });
});
