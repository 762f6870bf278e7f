import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Question, Quiz, Rating, Response } from '../types';
import { hasFormula, JUDGE_LOAD_FAILED, loadFormulaJudge } from '../formula/load';
import type { FormulaJudge } from '../formula/load';
import { AnswerSummary } from './AnswerSummary';
import { emptyResponse, QuestionInput, Rich } from './QuestionInput';
import { answerSeconds, gradeAttempt } from './grading';
import type { ShownAnswer as GradedAnswer } from './grading';
import { MarkRight } from './MarkRight';
import { OVERRIDE_RATING } from '../rating';
import { useQuizRecorder } from './useQuizRecorder';

type Phase =
  | { name: 'ready' }
  | { name: 'running'; startedAt: number }
  | {
      name: 'done';
      startedAt: number;
      finishedAt: number;
      answers: GradedAnswer[];
      timedOut: boolean;
    };

/** When each question was last changed (read in an event handler, never during render). */
function stamp(lastChanged: (number | null)[], i: number) {
  lastChanged[i] = Date.now();
}

const fmtClock = (s: number) =>
  `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * A quiz or a timed gauntlet: start, answer, submit (or run out of time), then the results with
 * every explanation. Each answer is a review of its spaced-repetition card.
 */
export default function QuizView({ quiz }: { quiz: Quiz }) {
  const titleId = useId();
  const timed = quiz.timeLimitS !== null;
  const [phase, setPhase] = useState<Phase>(() =>
    timed ? { name: 'ready' } : { name: 'running', startedAt: Date.now() },
  );
  const [responses, setResponses] = useState<Response[]>(() => quiz.questions.map(emptyResponse));
  const lastChanged = useRef<(number | null)[]>(quiz.questions.map(() => null));
  const recorder = useQuizRecorder();
  const [announcement, setAnnouncement] = useState('');
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const start = () => {
    setResponses(quiz.questions.map(emptyResponse));
    lastChanged.current = quiz.questions.map(() => null);
    setPhase({ name: 'running', startedAt: Date.now() });
    setAnnouncement(timed ? `Started. You have ${fmtClock(quiz.timeLimitS ?? 0)} minutes.` : '');
  };

  // Answers that could not be read, by question index: shown beside them until fixed.
  const [problems, setProblems] = useState<Map<number, string>>(new Map());
  const grading = useRef(false);

  const finish = useCallback(
    (timedOut: boolean, judge: FormulaJudge | undefined) => {
      if (phase.name !== 'running') return;
      const finishedAt = Date.now();
      const answers = gradeAttempt(
        quiz,
        responses,
        answerSeconds(phase.startedAt, lastChanged.current),
        judge,
      );
      // A formula that cannot be read is sent back to be fixed, unless the time is up.
      const unreadable = new Map(
        answers.flatMap((a, i) => (a.unreadable ? [[i, a.feedback] as const] : [])),
      );
      if (!timedOut && unreadable.size > 0) {
        setProblems(unreadable);
        const which = [...unreadable.keys()].map((i) => i + 1).join(', ');
        setAnnouncement(
          `Question ${which}: the formula cannot be read yet. Nothing was submitted; fix it and submit again.`,
        );
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      setProblems(new Map());
      recorder.recordAttempt(quiz, phase.startedAt, finishedAt, answers);
      setPhase({ name: 'done', startedAt: phase.startedAt, finishedAt, answers, timedOut });
      const right = answers.filter((a) => a.correct === true).length;
      setAnnouncement(
        `${timedOut ? 'Time is up. ' : ''}You got ${right} of ${answers.length} right. Results below.`,
      );
    },
    [phase, quiz, responses, recorder],
  );

  const submit = useCallback(
    (timedOut: boolean) => {
      if (phase.name !== 'running' || grading.current) return;
      if (!hasFormula(quiz.questions)) return finish(timedOut, undefined);
      grading.current = true;
      void loadFormulaJudge()
        .then(
          (judge) => finish(timedOut, judge),
          () => {
            // Out of time: grade what can be graded; a formula then counts as unreadable.
            if (timedOut) finish(true, undefined);
            else setAnnouncement(JUDGE_LOAD_FAILED);
          },
        )
        .finally(() => {
          grading.current = false;
        });
    },
    [phase.name, quiz.questions, finish],
  );

  const formRef = useRef<HTMLFormElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const attempted = useRef(false);
  // Focus follows the attempt: the first answer on start, the results on submit, the start
  // button on "try again" (the button that had focus is gone each time).
  useEffect(() => {
    if (phase.name === 'done') {
      attempted.current = true;
      resultsRef.current?.focus();
    } else if (phase.name === 'running' && timed) {
      formRef.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    } else if (phase.name === 'ready' && attempted.current) {
      startRef.current?.focus();
    }
  }, [phase.name, timed]);

  const touch = (i: number) => stamp(lastChanged.current, i);

  return (
    <section className="quiz" aria-labelledby={titleId}>
      <h2 id={titleId} className="quiz-title">
        {timed ? 'Gauntlet: ' : 'Quiz: '}
        {quiz.title}
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {phase.name === 'ready' && (
        <div className="quiz-ready">
          <p>
            {quiz.questions.length} questions, {fmtClock(quiz.timeLimitS ?? 0)} minutes. The clock
            starts when you press start; at zero your answers are submitted as they stand.
          </p>
          <button ref={startRef} type="button" className="button-primary" onClick={start}>
            Start the gauntlet
          </button>
        </div>
      )}
      {phase.name === 'running' && (
        <form
          ref={formRef}
          onSubmit={(e) => {
            e.preventDefault();
            submit(false);
          }}
        >
          {timed && (
            <Countdown
              startedAt={phase.startedAt}
              limitS={quiz.timeLimitS ?? 0}
              onAnnounce={setAnnouncement}
              onExpire={() => submit(true)}
            />
          )}
          <ol className="quiz-questions">
            {quiz.questions.map((q, i) => (
              <li key={q.id}>
                <QuestionBlock
                  question={q}
                  index={i}
                  response={responses[i]!}
                  problem={problems.get(i) ?? null}
                  onChange={(r) => {
                    touch(i);
                    setResponses((all) => all.map((x, j) => (j === i ? r : x)));
                  }}
                />
              </li>
            ))}
          </ol>
          <button type="submit" className="button-primary">
            Submit answers
          </button>
        </form>
      )}
      {phase.name === 'done' && (
        <Results
          quiz={quiz}
          phase={phase}
          headingRef={resultsRef}
          onMarkRight={(i) => {
            const answers = phase.answers.map((a, j) =>
              j === i
                ? { ...a, rating: OVERRIDE_RATING, correct: true, overridden: true as const }
                : a,
            );
            recorder.markRight(quiz, phase.startedAt, phase.finishedAt, quiz.questions[i]!.id);
            setPhase({ ...phase, answers });
            setAnnouncement(`Question ${i + 1} marked right by you, and scheduled as Good.`);
          }}
          onSelfGrade={(i, rating) => {
            const answers = phase.answers.map((a, j) =>
              j === i ? { ...a, rating, correct: rating >= 3 } : a,
            );
            recorder.selfGrade(quiz, phase.startedAt, quiz.questions[i]!.id, rating);
            setPhase({ ...phase, answers });
          }}
          // A timed gauntlet goes back to its start screen: the clock must not start by surprise.
          onRetry={timed ? () => setPhase({ name: 'ready' }) : start}
        />
      )}
    </section>
  );
}

function QuestionBlock({
  question,
  index,
  response,
  problem,
  onChange,
}: {
  question: Question;
  index: number;
  response: Response;
  /** Why the answer could not be read at the last submit, or null. */
  problem: string | null;
  onChange: (r: Response) => void;
}) {
  const promptId = useId();
  const problemId = useId();
  return (
    <fieldset className="quiz-question" aria-labelledby={promptId}>
      <div id={promptId} className="quiz-prompt">
        <span className="visually-hidden">Question {index + 1}: </span>
        <Rich as="div" html={question.prompt} />
      </div>
      {question.type === 'predict' && (
        <p className="field-help">
          Predict first; after submitting, run <a href={`#${question.widget}`}>the simulator</a> to
          check.
        </p>
      )}
      {/* Enter in an answer box must not end the whole attempt: only the button submits. */}
      <QuestionInput
        question={question}
        response={response}
        onChange={onChange}
        disabled={false}
        enterSubmits={false}
        problemId={problem ? problemId : undefined}
      />
      {problem && (
        <p id={problemId} className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** The visible clock, and spoken warnings at half time, one minute, 30 s and 10 s. */
function Countdown({
  startedAt,
  limitS,
  onAnnounce,
  onExpire,
}: {
  startedAt: number;
  limitS: number;
  onAnnounce: (text: string) => void;
  onExpire: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  const said = useRef(new Set<number>());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, limitS - (now - startedAt) / 1000);
  useEffect(() => {
    for (const mark of [Math.floor(limitS / 2), 60, 30, 10]) {
      if (mark > 0 && mark < limitS && left <= mark && !said.current.has(mark)) {
        said.current.add(mark);
        onAnnounce(`${fmtClock(mark)} left.`);
      }
    }
    if (left <= 0) onExpire();
  }, [left, limitS, onAnnounce, onExpire]);
  return (
    <p className={`quiz-clock${left <= 30 ? ' quiz-clock-low' : ''}`}>
      Time left: <span role="timer">{fmtClock(Math.ceil(left))}</span>
    </p>
  );
}

const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

function Results({
  quiz,
  phase,
  headingRef,
  onSelfGrade,
  onMarkRight,
  onRetry,
}: {
  quiz: Quiz;
  phase: Extract<Phase, { name: 'done' }>;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onSelfGrade: (index: number, rating: Rating) => void;
  onMarkRight: (index: number) => void;
  onRetry: () => void;
}) {
  const right = phase.answers.filter((a) => a.correct === true).length;
  const pending = phase.answers.filter((a) => a.correct === null).length;
  const used = (phase.finishedAt - phase.startedAt) / 1000;
  return (
    <div className="quiz-results">
      <h3 ref={headingRef} tabIndex={-1}>
        {phase.timedOut ? 'Time is up. ' : ''}Score: {right} of {quiz.questions.length}
      </h3>
      <p>
        Time used: {fmtClock(Math.round(used))}
        {quiz.timeLimitS !== null ? ` of ${fmtClock(quiz.timeLimitS)}` : ''}.{' '}
        {pending > 0 &&
          `${pending} answer${pending === 1 ? '' : 's'} to grade yourself below, against the model answer.`}{' '}
        Every question is now in your <Link href="/review">review deck</Link>.
      </p>
      <ol className="quiz-questions">
        {quiz.questions.map((q, i) => {
          const a = phase.answers[i]!;
          return (
            <li key={q.id} className="quiz-question quiz-result">
              <Rich as="div" html={q.prompt} />
              <p
                className={`quiz-verdict quiz-verdict-${a.correct === null ? 'pending' : a.correct ? 'right' : 'wrong'}`}
              >
                {a.correct === null ? 'Grade yourself' : a.correct ? 'Right' : 'Not quite'}
              </p>
              {a.feedback && a.feedback !== 'Correct.' && a.correct !== null && (
                <p className="quiz-feedback">{a.feedback}</p>
              )}
              <AnswerSummary question={q} response={a.response} />
              <MarkRight answer={a} question={q} onMarkRight={() => onMarkRight(i)} />
              {q.type === 'free' && (
                <>
                  <div className="quiz-model">
                    <p className="quiz-label">Model answer</p>
                    <Rich as="div" html={q.model} />
                    <p className="quiz-label">A good answer has</p>
                    <ul>
                      {q.rubric.map((r, j) => (
                        <li key={j}>
                          <Rich html={r} />
                        </li>
                      ))}
                    </ul>
                  </div>
                  <div
                    role="group"
                    aria-label="How well did you answer?"
                    className="quiz-self-grade"
                  >
                    <span>How well did you answer? </span>
                    {([1, 2, 3, 4] as const).map((r) => (
                      <button
                        key={r}
                        type="button"
                        aria-pressed={a.rating === r}
                        disabled={a.rating !== null && a.rating !== r}
                        onClick={() => a.rating === null && onSelfGrade(i, r)}
                      >
                        {ratingNames[r]}
                      </button>
                    ))}
                  </div>
                </>
              )}
              <div className="quiz-explanation">
                <p className="quiz-label">Why</p>
                <Rich as="div" html={q.explanation} />
              </div>
              {a.rating !== null && (
                <p className="field-help">Scheduled for review as “{ratingNames[a.rating]}”.</p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
