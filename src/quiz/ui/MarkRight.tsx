import type { Question, Response } from '../types';

/** Question types a machine checks against typed text, where the checker can be wrong. */
const typed = new Set<Question['type']>(['text', 'numeric', 'formula']);

/** Whether the learner may say "I was right": a typed answer, given, and marked wrong. */
export function canMarkRight(
  question: Question,
  answer: { correct: boolean | null; response: Response },
): boolean {
  const r = answer.response;
  const given = 'value' in r && typeof r.value === 'string' && r.value.trim() !== '';
  return typed.has(question.type) && answer.correct === false && given;
}

/**
 * "I was right": after a typed answer is marked wrong, the learner can overrule the checker
 * (Anki and Runestone offer the same). The answer then counts as right, its card is scheduled
 * as Good instead of Again, and the review log notes the override. Shown once overruled.
 */
export function MarkRight({
  question,
  answer,
  onMarkRight,
}: {
  question: Question;
  answer: { correct: boolean | null; response: Response; overridden?: boolean };
  onMarkRight: () => void;
}) {
  if (answer.overridden)
    return (
      <p className="field-help">You marked this answer right; it counts as right, rated Good.</p>
    );
  if (!canMarkRight(question, answer)) return null;
  return (
    <p className="quiz-mark-right">
      <button type="button" onClick={onMarkRight}>
        I was right
      </button>{' '}
      <span className="field-help">
        If your answer means the same as the right one, count it as right.
      </span>
    </p>
  );
}
