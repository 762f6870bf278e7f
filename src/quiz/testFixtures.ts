/**
 * Shared test data for the quiz engine's tests (not used by the app): a gauntlet result and a
 * learner's data built by the engine itself, so fixtures stay in step with the real shapes.
 */
import type { GauntletResult } from './results';
import { logToStored, reviewOrEnrol, toStored } from './schedule';
import type { QuizCard, StoredReviewLog } from './schedule';
import type { TransferData } from './transfer';
import type { Rating } from './types';

export const sampleResult: GauntletResult = {
  quizId: 'circuit-breaker-gauntlet',
  startedAt: '2026-11-20T10:00:00.000Z',
  finishedAt: '2026-11-20T10:04:30.000Z',
  timeLimitS: 300,
  score: 2,
  total: 4,
  answers: [
    {
      questionId: 'cb-states',
      response: { type: 'text', value: 'closed, open, half-open' },
      correct: true,
      rating: 3,
      seconds: 21,
    },
    {
      questionId: 'cb-trip',
      response: { type: 'single', choice: 2 },
      correct: false,
      rating: 1,
      seconds: 40,
    },
    {
      questionId: 'cb-timeout',
      response: { type: 'numeric', value: '2,000 ms' },
      correct: true,
      rating: 4,
      seconds: 9.5,
    },
    {
      questionId: 'cb-why',
      response: { type: 'free', text: 'Because…', selfRating: null },
      correct: null,
      rating: null,
      seconds: 150,
    },
  ],
};

/** Reviews each question with its ratings, each review when the card falls due. */
export function learnerData(
  plan: Record<string, readonly Rating[]>,
  start = new Date('2026-11-01T08:00:00.000Z'),
): TransferData {
  const cards: QuizCard[] = [];
  const reviewLog: StoredReviewLog[] = [];
  for (const [questionId, ratings] of Object.entries(plan)) {
    let card: QuizCard | undefined;
    for (const r of ratings) {
      const next = reviewOrEnrol(card, questionId, r, card?.due ?? start);
      card = next.card;
      reviewLog.push(logToStored(next.log));
    }
    if (card) cards.push(card);
  }
  return {
    progress: {
      completed: { 'control/circuit-breaker': { at: '2026-11-02T09:00:00.000Z' } },
      lastVisited: {
        lessonId: 'control/circuit-breaker',
        headingId: 'half-open',
        headingText: 'Half open',
        at: '2026-11-03T09:00:00.000Z',
      },
    },
    gauntletResults: [sampleResult],
    cards: cards.map(toStored),
    reviewLog,
  };
}
