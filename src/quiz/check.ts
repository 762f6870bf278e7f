import type { FormulaJudge } from './formula/load';
import { MAX_ANSWER_CHARS, readNumber } from './numeric';
import { matchText } from './text';
import { autoRating } from './rating';
import type { Question, Rating, Response } from './types';

export interface CheckResult {
  /** null: a free response the learner has not rated yet. */
  correct: boolean | null;
  /** One or two sentences for the learner; never empty. */
  feedback: string;
  /**
   * The answer could not be read (a formula that does not parse, or names a variable the
   * question does not use): the learner should be asked to fix it rather than be marked wrong.
   * Where that is impossible (the gauntlet's time ran out) it counts as not correct.
   */
  unreadable?: true;
}

/**
 * Grades one answer. Pure and total: any response, however malformed (wrong type, NaN,
 * negative or out-of-range indexes, megabytes of text), comes back as "not correct" with a
 * reason, never as an exception.
 *
 * - single / predict: the chosen index equals the correct one.
 * - multiple: the chosen set equals the correct set (order and repeats ignored).
 * - ordering: the exact sequence; feedback counts items already in the right place.
 * - numeric: see numeric.ts for what is read; correct when |x − a| ≤ tolerance, edges included,
 *   where a relative tolerance v means v·|a|. With an answer of 0 a relative tolerance is 0 too,
 *   so only 0 is accepted: authors should give an absolute tolerance there.
 * - text: see text.ts (normalisation; unordered lists as multisets).
 * - formula: judged by `judge` (src/quiz/formula/judge.ts, loaded on demand by the caller):
 *   equal to the key at many random points of its variables. Without a judge, or with an
 *   answer it cannot read, the result is `unreadable`.
 * - free: correct once self-rated, when the learner's rating is Good (3) or Easy (4).
 */
export function checkAnswer(
  question: Question,
  response: Response,
  judge?: FormulaJudge,
): CheckResult {
  if (!fits(question, response))
    return { correct: false, feedback: 'This answer belongs to a different kind of question.' };
  switch (question.type) {
    case 'single':
    case 'predict':
      return checkChoice(question.options.length, question.correct, (response as Choice).choice);
    case 'multiple':
      return checkMultiple(question.options.length, question.correct, (response as Multi).choices);
    case 'ordering':
      return checkOrdering(question.items.length, (response as Ordering).order);
    case 'numeric':
      return checkNumeric(question, (response as NumericResponse).value);
    case 'text': {
      const value = (response as TextResponse).value;
      if (typeof value !== 'string') return notAnswered;
      return matchText(question.accept, value, question.unordered);
    }
    case 'formula':
      return checkFormula(question, (response as FormulaResponse).value, judge);
    case 'free':
      return checkFree(response as Free);
  }
}

function checkFormula(
  question: Extract<Question, { type: 'formula' }>,
  typed: unknown,
  judge: FormulaJudge | undefined,
): CheckResult {
  if (typeof typed !== 'string' || typed.trim() === '') return notAnswered;
  if (!judge)
    return { correct: false, unreadable: true, feedback: 'The formula checker is not loaded yet.' };
  const verdict = judge(question, typed);
  return verdict.correct === null
    ? { correct: false, unreadable: true, feedback: verdict.feedback }
    : { correct: verdict.correct, feedback: verdict.feedback };
}

type Choice = Extract<Response, { choice: number | null }>;
type Multi = Extract<Response, { type: 'multiple' }>;
type Ordering = Extract<Response, { type: 'ordering' }>;
type NumericResponse = Extract<Response, { type: 'numeric' }>;
type TextResponse = Extract<Response, { type: 'text' }>;
type FormulaResponse = Extract<Response, { type: 'formula' }>;
type Free = Extract<Response, { type: 'free' }>;

const MAX_PICKS = 1000;

const notAnswered: CheckResult = { correct: false, feedback: 'No answer was given.' };

/** Single-choice and predict responses share a shape, so either fits either question. */
function fits(question: Question, response: Response): boolean {
  if (typeof response !== 'object' || response === null) return false;
  const choice = (t: string) => t === 'single' || t === 'predict';
  return choice(question.type) ? choice(response.type) : question.type === response.type;
}

const isIndex = (i: unknown, length: number): i is number =>
  typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < length;

function checkChoice(options: number, correct: number, choice: unknown): CheckResult {
  if (choice === null || choice === undefined) return notAnswered;
  if (!isIndex(choice, options)) return { correct: false, feedback: 'That option does not exist.' };
  return choice === correct
    ? { correct: true, feedback: 'Correct.' }
    : { correct: false, feedback: 'Not this one.' };
}

function checkMultiple(options: number, correct: readonly number[], choices: unknown): CheckResult {
  if (!Array.isArray(choices)) return notAnswered;
  // Repeats are harmless (a set is compared) but a huge array is junk: refuse it unread.
  if (choices.length > MAX_PICKS || !choices.every((c) => isIndex(c, options)))
    return { correct: false, feedback: 'The answer picks an option that does not exist.' };
  if (choices.length === 0) return notAnswered;
  const picked = new Set(choices);
  const right = new Set(correct);
  let hits = 0;
  for (const p of picked) if (right.has(p)) hits++;
  const wrong = picked.size - hits;
  if (hits === right.size && wrong === 0) return { correct: true, feedback: 'Correct.' };
  const of = `${hits} of the ${right.size} right ${right.size === 1 ? 'option' : 'options'}`;
  return {
    correct: false,
    feedback:
      wrong === 0
        ? `You picked ${of}, and none of the wrong ones.`
        : `You picked ${of}, and ${wrong} wrong ${wrong === 1 ? 'one' : 'ones'}.`,
  };
}

function checkOrdering(items: number, order: unknown): CheckResult {
  if (!Array.isArray(order) || order.length === 0) return notAnswered;
  const permutation =
    order.length === items &&
    new Set<unknown>(order).size === items &&
    order.every((i) => isIndex(i, items));
  if (!permutation)
    return { correct: false, feedback: 'The order must use every item exactly once.' };
  const inPlace = order.filter((item, position) => item === position).length;
  return inPlace === items
    ? { correct: true, feedback: 'Correct.' }
    : {
        correct: false,
        feedback: `${inPlace} of the ${items} items ${inPlace === 1 ? 'is' : 'are'} in the right place.`,
      };
}

/** Up to ten significant digits, grouped thousands: the author's number as they meant it. */
export function formatAnswer(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return x.toPrecision(6).replace(/\.?0+e/, 'e');
  return x.toLocaleString('en', { maximumSignificantDigits: 10 });
}

type NumericQuestion = Extract<Question, { type: 'numeric' }>;

/** The accepted interval, or why the question itself cannot be graded. */
export function acceptedRange(
  q: Pick<NumericQuestion, 'answer' | 'tolerance'>,
): { low: number; high: number } | null {
  const { answer } = q;
  const { kind, value } = q.tolerance;
  if (!Number.isFinite(answer) || !Number.isFinite(value) || value < 0) return null;
  const width = kind === 'relative' ? value * Math.abs(answer) : value;
  return { low: answer - width, high: answer + width };
}

function checkNumeric(q: NumericQuestion, typed: unknown): CheckResult {
  const range = acceptedRange(q);
  if (!range)
    return { correct: false, feedback: 'This question has no valid answer; please report it.' };
  if (typeof typed !== 'string') return notAnswered;
  if (typed.length <= MAX_ANSWER_CHARS && typed.trim() === '') return notAnswered;
  const reading = readNumber(typed, q.unit);
  if (!reading.ok) return { correct: false, feedback: reading.reason };

  const x = reading.value;
  const width = range.high - q.answer;
  // Edges count: "±5 %" of 2000 accepts 1900 exactly, however 1900 − 2000 rounds in binary.
  // The slack is a billionth of the numbers involved, far below any tolerance an author writes.
  const slack = 1e-9 * Math.max(Math.abs(x), Math.abs(q.answer));
  const miss = Math.abs(x - q.answer) - width;
  const unit = q.unit ? ` ${q.unit}` : '';
  const shown =
    width === 0
      ? `${formatAnswer(q.answer)}${unit}`
      : `${formatAnswer(q.answer)}${unit} (${formatAnswer(range.low)} to ${formatAnswer(range.high)} accepted)`;
  // A unit read for the learner (another unit of time, a percentage) is shown as it was read.
  const gave = reading.note ?? `${formatAnswer(x)}${unit}`;
  if (miss <= slack)
    return {
      correct: true,
      feedback: `Correct: the answer is ${shown}${reading.note ? `; you gave ${gave}` : ''}.`,
    };
  const close = width > 0 && miss <= width;
  return {
    correct: false,
    feedback: `${close ? 'Close, but outside the tolerance' : 'Not quite'}: the answer is ${shown}, and you gave ${gave}.`,
  };
}

function checkFree(r: Free): CheckResult {
  const rating = r.selfRating;
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4)
    return {
      correct: null,
      feedback: 'Compare your answer with the model answer, then rate how well you recalled it.',
    };
  return rating >= 3
    ? { correct: true, feedback: 'Rated as recalled.' }
    : { correct: false, feedback: 'Rated as not yet recalled; it will come back sooner.' };
}

/**
 * The rating to schedule a question's card with after this response: the automatic mapping
 * in rating.ts, or for a free response the learner's own rating (null until they have given one).
 */
export function ratingFor(
  question: Question,
  response: Response,
  seconds: number,
  judge?: FormulaJudge,
): Rating | null {
  if (question.type === 'free') {
    if (response.type !== 'free') return 1;
    const r = response.selfRating;
    return r === 1 || r === 2 || r === 3 || r === 4 ? r : null;
  }
  return autoRating(
    question.type,
    checkAnswer(question, response, judge).correct === true,
    seconds,
  );
}
