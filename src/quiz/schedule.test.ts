import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, S_MAX, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  averageRetrievability,
  clampRetention,
  DEFAULT_PARAMS,
  dueNow,
  dueTodayCount,
  endOfLocalDay,
  forecast,
  fromStored,
  isDue,
  localDayEnds,
  logFromStored,
  logToStored,
  newCard,
  retrievability,
  review,
  reviewOrEnrol,
  scheduler,
  storedCard,
  storedReviewLog,
  toStored,
} from './schedule';
import type { QuizCard } from './schedule';
import type { Rating } from './types';

const t0 = new Date('2026-03-01T09:00:00.000Z');
const DAY = 86_400_000;

/** Reviews a new card with each rating in turn, each at the moment it falls due. */
function history(ratings: readonly Rating[], retention = 0.9) {
  let card = newCard('q1', t0);
  const steps = [];
  for (const r of ratings) {
    const next = review(card, r, card.due, { desiredRetention: retention });
    steps.push(next);
    card = next.card;
  }
  return steps;
}

describe('review', () => {
  const sequence = [3, 3, 3, 3, 1, 3, 4, 2] as const;

  it('schedules exactly as ts-fsrs does with fuzz off', () => {
    const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));
    let theirs = createEmptyCard(t0);
    for (const step of history(sequence)) {
      const next = f.next(theirs, theirs.due, step.log.rating as Rating);
      expect(step.card.due).toEqual(next.card.due);
      expect(step.card.stability).toBe(next.card.stability);
      expect(step.card.difficulty).toBe(next.card.difficulty);
      expect(step.card.questionId).toBe('q1');
      expect(step.log.questionId).toBe('q1');
      theirs = next.card;
    }
  });

  it('gives the same intervals every time (pinned: a change in ts-fsrs shows up here)', () => {
    const steps = history(sequence);
    expect(steps.map((s) => s.card.scheduled_days)).toEqual([0, 2, 11, 46, 0, 3, 12, 24]);
    expect(steps.map((s) => s.card.state)).toEqual([1, 2, 2, 2, 3, 2, 2, 2]);
    expect(steps.at(-1)?.card.due.toISOString()).toBe('2026-06-07T09:20:00.000Z');
    expect(history(sequence).map((s) => s.card.due.getTime())).toEqual(
      steps.map((s) => s.card.due.getTime()),
    );
    expect(scheduler().parameters.enable_fuzz).toBe(false);
  });

  it('Again shortens and Easy lengthens the interval, against Good from the same card', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Rating>(1, 2, 3, 4), { maxLength: 8 }), (past) => {
        const last = history([3, 3, ...past]).at(-1)!.card;
        const at = last.due;
        const next = (r: Rating) => review(last, r, at).card;
        const interval = (r: Rating) => next(r).due.getTime() - at.getTime();
        const good = next(3);
        const easy = next(4);
        expect(interval(1)).toBeLessThan(interval(3));
        expect(interval(2)).toBeLessThanOrEqual(interval(3));
        expect(interval(4)).toBeGreaterThanOrEqual(interval(3));
        // ts-fsrs stops both at its ceilings (an interval of 100 years, a stability of S_MAX
        // days); below them Easy builds more stability, and in review a strictly longer interval
        // (out of (re)learning both may graduate to the same first day).
        const ceiling =
          good.scheduled_days >= DEFAULT_PARAMS.maximumIntervalDays || good.stability >= S_MAX;
        if (!ceiling) {
          expect(easy.stability).toBeGreaterThan(good.stability);
          if (last.state === State.Review) expect(interval(4)).toBeGreaterThan(interval(3));
        }
      }),
    );
  });

  it('pushes the due date further out with every successive Good', () => {
    const dues = history(Array<Rating>(10).fill(3)).map((s) => s.card.due.getTime());
    const gaps = dues.slice(1).map((d, i) => d - dues[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThan(0);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]!);
  });

  it('reviews more often for a higher desired retention', () => {
    const days = (retention: number) =>
      history([3, 3, 3, 3], retention).at(-1)!.card.scheduled_days;
    expect(days(0.95)).toBeLessThan(days(0.9));
    expect(days(0.9)).toBeLessThan(days(0.8));
    expect(days(0.9)).toBe(46);
  });

  it('clamps a desired retention outside 0.7–0.99; NaN means the default', () => {
    expect(clampRetention(0.5)).toBe(0.7);
    expect(clampRetention(1)).toBe(0.99);
    expect(clampRetention(Number.NaN)).toBe(0.9);
    expect(clampRetention(0.85)).toBe(0.85);
    expect(scheduler({ desiredRetention: 2 }).parameters.request_retention).toBe(0.99);
  });

  it('records a review dated before the last one 1 ms after it, instead of failing', () => {
    const card = history([3, 3]).at(-1)!.card;
    const last = card.last_review!.getTime();
    const back = review(card, 3, new Date(last - 3 * DAY));
    expect(back.log.review.getTime()).toBe(last + 1);
    expect(back.card.last_review!.getTime()).toBe(last + 1);
    expect(back.card.due.getTime()).toBeGreaterThan(last);
  });

  it('throws on a programming error: a rating outside 1–4 or an invalid date', () => {
    const card = newCard('q', t0);
    expect(() => review(card, 0 as Rating, t0)).toThrow(RangeError);
    expect(() => review(card, 5 as Rating, t0)).toThrow(/1 \(Again\) to 4 \(Easy\)/);
    expect(() => review(card, 3, new Date(Number.NaN))).toThrow(/not a valid date/);
    expect(() => newCard('q', new Date('nope'))).toThrow(RangeError);
  });
});

describe('reviewOrEnrol', () => {
  it('enrols a question on its first answer, and that answer is its first review', () => {
    const first = reviewOrEnrol(undefined, 'cb-states', 3, t0);
    expect(first.card.questionId).toBe('cb-states');
    expect(first.card.reps).toBe(1);
    expect(first.card.state).toBe(State.Learning);
    expect(first.log.state).toBe(State.New);
    const second = reviewOrEnrol(first.card, 'cb-states', 3, first.card.due);
    expect(second.card.reps).toBe(2);
  });
});

describe('due cards', () => {
  const card = (questionId: string, due: string): QuizCard => ({
    ...newCard(questionId, t0),
    due: new Date(due),
  });
  const now = new Date('2026-03-10T12:00:00.000Z');
  const cards = [
    card('c', '2026-03-10T12:00:00.000Z'),
    card('b', '2026-03-09T08:00:00.000Z'),
    card('a', '2026-03-10T12:00:00.000Z'),
    card('d', '2026-03-10T12:00:00.001Z'),
    card('e', '2026-03-11T01:00:00.000Z'),
    card('f', '2026-03-13T00:00:00.000Z'),
    card('g', '2026-04-30T00:00:00.000Z'),
  ];

  it('are due from their due instant on', () => {
    expect(isDue(cards[0]!, now)).toBe(true);
    expect(isDue(cards[3]!, now)).toBe(false);
  });

  it('come most overdue first, ties by question id', () => {
    expect(dueNow(cards, now).map((c) => c.questionId)).toEqual(['b', 'a', 'c']);
  });

  it('count for today up to the day end the caller gives, overdue included', () => {
    expect(dueTodayCount(cards, now, new Date('2026-03-10T23:59:59.999Z'))).toBe(4);
    expect(dueTodayCount(cards, now, new Date('2026-03-11T01:00:00.000Z'))).toBe(5);
  });

  it('are forecast per day, today first with the overdue ones, later ones left out', () => {
    const ends = [10, 11, 12, 13].map((d) => new Date(Date.UTC(2026, 2, d, 23, 59, 59, 999)));
    const days = forecast(cards, now, 4, ends);
    expect(days.map((d) => d.count)).toEqual([4, 1, 0, 1]);
    expect(days[0]!.dayEnd).toEqual(ends[0]);
    // Every card due within the window is counted once.
    expect(days.reduce((s, d) => s + d.count, 0)).toBe(
      cards.filter((c) => c.due <= ends[3]!).length,
    );
  });

  it('forecast 7 local days by default', () => {
    const days = forecast(cards, now);
    expect(days).toHaveLength(7);
    expect(days[0]!.dayEnd).toEqual(endOfLocalDay(now));
    expect(days[0]!.count).toBe(dueTodayCount(cards, now));
  });
});

describe('local days', () => {
  it('end at the last millisecond before a local midnight', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (now) => {
          const end = endOfLocalDay(now);
          expect(end.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(end.getTime() - now.getTime()).toBeLessThan(DAY + 3_600_000); // a 25-hour day at most
          const next = new Date(end.getTime() + 1);
          expect([next.getHours(), next.getMinutes(), next.getSeconds()]).toEqual([0, 0, 0]);
          expect(end.getDate()).toBe(now.getDate());
        },
      ),
    );
  });

  it('follow each other one calendar day apart', () => {
    const ends = localDayEnds(new Date('2026-03-25T12:00:00Z'), 10);
    expect(ends).toHaveLength(10);
    for (let i = 1; i < ends.length; i++) {
      const gap = ends[i]!.getTime() - ends[i - 1]!.getTime();
      // 24 h, or 23/25 h across a daylight-saving change.
      expect(Math.abs(gap - DAY)).toBeLessThanOrEqual(3_600_000);
      expect(ends[i]!.getHours()).toBe(23);
    }
    expect(localDayEnds(t0, 0)).toEqual([]);
    expect(localDayEnds(t0, Number.NaN)).toEqual([]);
  });
});

describe('retrievability', () => {
  it('is 0 for a card never reviewed, 1 just after a review, and falls with time', () => {
    expect(retrievability(newCard('q', t0), t0)).toBe(0);
    const card = history([3, 3, 3]).at(-1)!.card;
    const at = (days: number) =>
      retrievability(card, new Date(card.last_review!.getTime() + days * DAY));
    expect(at(0)).toBe(1);
    expect(at(-5)).toBe(1); // a clock behind the last review is read as "just reviewed"
    expect(at(5)).toBeLessThan(at(1));
    expect(at(100)).toBeLessThan(at(5));
  });

  it('is close to the desired retention when a card falls due', () => {
    for (const step of history([3, 3, 3, 3, 1, 3, 4, 2]).filter((s) => s.card.scheduled_days >= 2))
      expect(retrievability(step.card, step.card.due)).toBeCloseTo(0.9, 1);
  });

  it('averages over reviewed cards only, and is null when there are none', () => {
    expect(averageRetrievability([], t0)).toBe(null);
    expect(averageRetrievability([newCard('q', t0)], t0)).toBe(null);
    const a = history([3, 3]).at(-1)!.card;
    const now = new Date(a.due.getTime() + 3 * DAY);
    expect(averageRetrievability([a, newCard('n', t0)], now)).toBe(retrievability(a, now));
  });
});

describe('stored form', () => {
  it('round-trips cards and logs through JSON and the schemas', () => {
    for (const step of history([3, 1, 3, 4, 2])) {
      const json = JSON.parse(JSON.stringify(toStored(step.card))) as unknown;
      const back = fromStored(storedCard.parse(json));
      expect(back).toEqual(step.card);
      const log = JSON.parse(JSON.stringify(logToStored(step.log))) as unknown;
      expect(logFromStored(storedReviewLog.parse(log))).toEqual(step.log);
    }
    const fresh = newCard('q', t0);
    expect(toStored(fresh).last_review).toBe(null);
    expect(fromStored(storedCard.parse(toStored(fresh)))).toEqual(fresh);
  });

  it('schedules a card read back from storage exactly as the original', () => {
    const card = history([3, 3, 3]).at(-1)!.card;
    const copy = fromStored(storedCard.parse(JSON.parse(JSON.stringify(toStored(card)))));
    expect(review(copy, 3, card.due)).toEqual(review(card, 3, card.due));
  });

  it('refuses damaged cards', () => {
    const good = toStored(history([3, 3]).at(-1)!.card);
    const bad: Record<string, unknown>[] = [
      { ...good, due: 'yesterday' },
      { ...good, due: '2026-13-01T00:00:00.000Z' },
      { ...good, stability: -1 },
      { ...good, stability: null },
      { ...good, difficulty: 11 },
      { ...good, reps: 1.5 },
      { ...good, state: 4 },
      { ...good, last_review: null },
      { ...good, questionId: '' },
      { ...good, questionId: 'x'.repeat(201) },
    ];
    for (const b of bad) expect(storedCard.safeParse(b).success, JSON.stringify(b)).toBe(false);
    expect(storedCard.safeParse(good).success).toBe(true);
  });

  it('refuses review entries with a manual or unknown rating', () => {
    const log = logToStored(history([3]).at(-1)!.log);
    expect(storedReviewLog.safeParse(log).success).toBe(true);
    expect(storedReviewLog.safeParse({ ...log, rating: 0 }).success).toBe(false);
    expect(storedReviewLog.safeParse({ ...log, rating: 5 }).success).toBe(false);
    expect(storedReviewLog.safeParse({ ...log, review: 12 }).success).toBe(false);
  });
});
