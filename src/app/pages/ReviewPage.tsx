import 'katex/dist/katex.min.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { checkAnswer } from '../../quiz/check';
import { hasFormula, JUDGE_LOAD_FAILED, loadFormulaJudge } from '../../quiz/formula/load';
import { ratingFor } from '../../quiz/check';
import { OVERRIDE_RATING } from '../../quiz/rating';
import {
  averageRetrievability,
  dueNow,
  dueTodayCount,
  forecast,
  fromStored,
} from '../../quiz/schedule';
import type { QuizCard } from '../../quiz/schedule';
import type { Question, Rating, Response } from '../../quiz/types';
import { MarkRight } from '../../quiz/ui/MarkRight';
import { emptyResponse, QuestionInput, Rich } from '../../quiz/ui/QuestionInput';
import { useWorkbook } from '../../store/store';
import { useDocumentTitle } from '../useDocumentTitle';
import { loadQuestions, questionHome } from './reviewDeck';

/** Wall-clock time for answer timing (only ever read in event handlers and effects). */
const clock = () => Date.now();

const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
const dayName = (d: Date, i: number) =>
  i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : d.toLocaleDateString('en', { weekday: 'long' });

/** Cards due now across all modules, what is coming this week, and a review session. */
export default function ReviewPage() {
  useDocumentTitle('Review');
  const stored = useWorkbook((s) => s.cards);
  const [now, setNow] = useState(() => new Date());
  const cards = useMemo(() => Object.values(stored).map(fromStored), [stored]);
  const due = useMemo(() => dueNow(cards, now), [cards, now]);
  const [session, setSession] = useState<QuizCard[] | null>(null);

  if (session) {
    return (
      <Session
        cards={session}
        onDone={() => {
          setSession(null);
          setNow(new Date());
        }}
      />
    );
  }
  const week = forecast(cards, now, 7);
  const retention = averageRetrievability(cards, now);
  const next = cards
    .filter((c) => c.due > now)
    .sort((a, b) => a.due.getTime() - b.due.getTime())[0];
  return (
    <article className="review-page">
      <h1>Review</h1>
      <p className="lesson-summary">
        Every question you have answered comes back here just before you would forget it (scheduled
        with FSRS). Answer from memory; the schedule adapts to how it went.
      </p>
      {cards.length === 0 ? (
        <p>
          Your deck is empty. Questions join it when you answer them: try the{' '}
          <Link href="/learn/control-distribution/breaker-gauntlet">circuit-breaker gauntlet</Link>.
        </p>
      ) : (
        <>
          <dl className="review-stats">
            <div>
              <dt>Due now</dt>
              <dd>{due.length}</dd>
            </div>
            <div>
              <dt>Due by the end of today</dt>
              <dd>{dueTodayCount(cards, now)}</dd>
            </div>
            <div>
              <dt>Cards in your deck</dt>
              <dd>{cards.length}</dd>
            </div>
            <div>
              <dt>Estimated recall today</dt>
              <dd>{retention === null ? '—' : `${Math.round(retention * 100)} %`}</dd>
            </div>
          </dl>
          {due.length > 0 ? (
            <button type="button" className="button-primary" onClick={() => setSession(due)}>
              Review {due.length} {due.length === 1 ? 'card' : 'cards'} now
            </button>
          ) : (
            <p>
              Nothing is due now.
              {next &&
                ` The next card is due ${next.due.toLocaleString('en', { weekday: 'long', hour: '2-digit', minute: '2-digit' })}.`}
            </p>
          )}
          <h2>The coming week</h2>
          <table className="stat-table forecast-table">
            <caption className="visually-hidden">Cards due on each of the next seven days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Cards due</th>
              </tr>
            </thead>
            <tbody>
              {week.map((d, i) => (
                <tr key={d.dayEnd.toISOString()}>
                  <th scope="row">{dayName(d.dayEnd, i)}</th>
                  <td>
                    <span
                      className="forecast-bar"
                      style={{ width: `${Math.min(100, d.count * 8)}%` }}
                      aria-hidden="true"
                    />
                    {d.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <RetentionSetting />
          <p>
            See your results and export your data on the <Link href="/progress">progress page</Link>
            .
          </p>
        </>
      )}
    </article>
  );
}

/** Desired retention: how likely you want to be to remember a card when it comes due. */
function RetentionSetting() {
  const retention = useWorkbook((s) => s.retention);
  const setRetention = useWorkbook((s) => s.setRetention);
  const [text, setText] = useState(String(Math.round(retention * 100)));
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= 70 && value <= 99;
  return (
    <div className="field retention-field">
      <label htmlFor="retention">Desired retention (%)</label>
      <input
        id="retention"
        type="number"
        min={70}
        max={99}
        step={1}
        value={text}
        aria-describedby="retention-help"
        aria-invalid={valid ? undefined : true}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && v >= 70 && v <= 99) setRetention(v / 100);
        }}
      />
      <p id="retention-help" className={valid ? 'field-help' : 'field-error'}>
        {valid
          ? 'Higher means shorter gaps and more reviews; 90 % is the usual choice. It applies from your next review.'
          : 'Enter a whole number from 70 to 99.'}
      </p>
    </div>
  );
}

type Step =
  /** `problem`: why the last check could not read the answer (a formula), to fix and check again. */
  | { name: 'answering'; shownAt: number; problem?: string }
  | {
      name: 'checked';
      /** The rating the card was reviewed with when checked; null for a free answer not yet rated. */
      rating: Rating | null;
      feedback: string;
      correct: boolean | null;
      /** When the review was recorded (ms), for "I was right". */
      at: number;
      overridden?: true;
    };

function Session({ cards, onDone }: { cards: readonly QuizCard[]; onDone: () => void }) {
  const reviewCard = useWorkbook((s) => s.reviewCard);
  const markRight = useWorkbook((s) => s.markRight);
  const problemId = useId();
  const [questions, setQuestions] = useState<Map<string, Question> | null>(null);
  const [index, setIndex] = useState(0);
  // The answer in progress belongs to one card; a new card starts from an empty answer.
  const [answer, setAnswer] = useState<{ index: number; response: Response } | null>(null);
  const [step, setStep] = useState<Step>({ name: 'answering', shownAt: 0 });
  const [done, setDone] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    void loadQuestions(cards.map((c) => c.questionId)).then((q) => {
      if (!live) return;
      setQuestions(q);
      setStep({ name: 'answering', shownAt: Date.now() });
    });
    return () => {
      live = false;
    };
  }, [cards]);

  const available = useMemo(
    () => cards.filter((c) => questions?.has(c.questionId)),
    [cards, questions],
  );
  const missing = questions ? cards.length - available.length : 0;
  const card = available[index];
  const question = card ? questions?.get(card.questionId) : undefined;
  const response =
    answer?.index === index ? answer.response : question ? emptyResponse(question) : null;

  useEffect(() => {
    heading.current?.focus();
  }, [index, questions]);
  useEffect(() => {
    if (step.name === 'checked') nextButton.current?.focus();
  }, [step.name]);

  if (!questions) return <p className="run-status">Loading your cards…</p>;
  if (!card || !question || !response) {
    return (
      <article className="review-page">
        <h1 ref={heading} tabIndex={-1}>
          Review done
        </h1>
        <p>
          You reviewed {done} {done === 1 ? 'card' : 'cards'}. Each one now has its next date.
          {missing > 0 &&
            ` ${missing} ${missing === 1 ? 'card belongs to a question' : 'cards belong to questions'} no longer in the workbook and ${missing === 1 ? 'was' : 'were'} skipped.`}
        </p>
        <button type="button" onClick={onDone}>
          Back to the review summary
        </button>
      </article>
    );
  }

  // A checked answer is a review, recorded the moment it is graded: whatever the learner presses
  // next ("Next card", "Stop reviewing", leaving the page), the card has its new date.
  const grade = (judge: Parameters<typeof checkAnswer>[2]) => {
    if (step.name !== 'answering') return;
    const seconds = (clock() - step.shownAt) / 1000;
    const result = checkAnswer(question, response, judge);
    if (result.unreadable) {
      setStep({ name: 'answering', shownAt: step.shownAt, problem: result.feedback });
      return;
    }
    const rating = ratingFor(question, response, seconds, judge);
    const at = clock();
    if (rating !== null) {
      reviewCard(card.questionId, rating, new Date(at));
      setDone((d) => d + 1);
    }
    setStep({ name: 'checked', rating, feedback: result.feedback, correct: result.correct, at });
  };
  const check = () => {
    if (step.name !== 'answering') return;
    if (!hasFormula([question])) return grade(undefined);
    void loadFormulaJudge().then(grade, () =>
      setStep({ name: 'answering', shownAt: step.shownAt, problem: JUDGE_LOAD_FAILED }),
    );
  };
  const advance = () => {
    setIndex((i) => i + 1);
    setStep({ name: 'answering', shownAt: clock() });
  };
  /** A free answer's own rating: recorded now, then on to the next card. */
  const selfRate = (rating: Rating) => {
    reviewCard(card.questionId, rating);
    setDone((d) => d + 1);
    advance();
  };
  const overrule = () => {
    if (step.name !== 'checked') return;
    markRight(card.questionId, step.at);
    setStep({ ...step, correct: true, rating: OVERRIDE_RATING, overridden: true });
  };
  const home = questionHome(card.questionId);
  return (
    <article className="review-page">
      <h1 ref={heading} tabIndex={-1}>
        Card {index + 1} of {available.length}
      </h1>
      <p aria-live="polite" className="visually-hidden">
        {step.name === 'checked'
          ? step.correct === null
            ? 'Compare with the model answer.'
            : step.overridden
              ? 'Marked right by you, and scheduled as Good.'
              : step.correct
                ? 'Right.'
                : 'Not quite.'
          : (step.problem ?? '')}
      </p>
      <form
        className="quiz-question"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <Rich as="div" html={question.prompt} />
        <QuestionInput
          question={question}
          response={response}
          onChange={(r) => setAnswer({ index, response: r })}
          disabled={step.name === 'checked'}
          problemId={step.name === 'answering' && step.problem ? problemId : undefined}
        />
        {step.name === 'answering' && step.problem && (
          <p id={problemId} className="field-error">
            {step.problem}
          </p>
        )}
        {step.name === 'answering' && (
          <button type="submit" className="button-primary">
            Check
          </button>
        )}
      </form>
      {step.name === 'checked' && (
        <div className="quiz-result">
          <p
            className={`quiz-verdict quiz-verdict-${step.correct === null ? 'pending' : step.correct ? 'right' : 'wrong'}`}
          >
            {step.correct === null
              ? 'Compare with the model answer'
              : step.correct
                ? 'Right'
                : 'Not quite'}
          </p>
          {step.feedback && step.correct !== null && step.feedback !== 'Correct.' && (
            <p>{step.feedback}</p>
          )}
          <MarkRight
            question={question}
            answer={{
              correct: step.correct,
              response,
              ...(step.overridden ? { overridden: true } : {}),
            }}
            onMarkRight={overrule}
          />
          {question.type === 'free' && (
            <div className="quiz-model">
              <p className="quiz-label">Model answer</p>
              <Rich as="div" html={question.model} />
            </div>
          )}
          <div className="quiz-explanation">
            <p className="quiz-label">Why</p>
            <Rich as="div" html={question.explanation} />
          </div>
          {home && (
            <p>
              <Link href={home}>Open the lesson this comes from</Link>
            </p>
          )}
          {step.rating !== null ? (
            <button ref={nextButton} type="button" className="button-primary" onClick={advance}>
              Next card (scheduled as “{ratingNames[step.rating]}”)
            </button>
          ) : (
            <div role="group" aria-label="How well did you answer?" className="quiz-self-grade">
              <span>How well did you answer? </span>
              {([1, 2, 3, 4] as const).map((r) => (
                <button key={r} type="button" onClick={() => selfRate(r)}>
                  {ratingNames[r]}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      <button type="button" className="link-button" onClick={onDone}>
        Stop reviewing
      </button>
    </article>
  );
}
