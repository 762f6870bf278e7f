import type { Question, Response } from '../types';
import { Rich } from './QuestionInput';

function Lines({ yours, right }: { yours: React.ReactNode; right: React.ReactNode }) {
  return (
    <dl className="quiz-answers">
      <dt>Your answer</dt>
      <dd>{yours}</dd>
      <dt>Right answer</dt>
      <dd>{right}</dd>
    </dl>
  );
}

const nothing = <em>nothing</em>;

/**
 * The learner's answer and the right one, in words. Each answer stands on its own line (a
 * definition list), so no punctuation is added after an author's option, which often ends in
 * its own full stop.
 */
export function AnswerSummary({
  question: q,
  response: r,
}: {
  question: Question;
  response: Response;
}) {
  const optionList = (indexes: number[], options: string[]) =>
    indexes.length === 0
      ? nothing
      : indexes.map((i, k) => (
          <span key={i}>
            {k > 0 && '; '}
            <Rich html={options[i] ?? ''} />
          </span>
        ));
  switch (q.type) {
    case 'single':
    case 'predict':
      return (
        <Lines
          yours={optionList(r.type === q.type && r.choice !== null ? [r.choice] : [], q.options)}
          right={optionList([q.correct], q.options)}
        />
      );
    case 'multiple':
      return (
        <Lines
          yours={optionList(r.type === 'multiple' ? r.choices : [], q.options)}
          right={optionList(q.correct, q.options)}
        />
      );
    case 'numeric':
      return (
        <Lines
          yours={r.type === 'numeric' && r.value.trim() ? r.value : nothing}
          right={`${q.answer.toLocaleString('en')}${q.unit ? ` ${q.unit}` : ''}${
            q.tolerance.value > 0
              ? q.tolerance.kind === 'relative'
                ? ` (±${Math.round(q.tolerance.value * 1000) / 10} %)`
                : ` (±${q.tolerance.value})`
              : ''
          }`}
        />
      );
    case 'text':
      return (
        <Lines
          yours={r.type === 'text' && r.value.trim() ? r.value : nothing}
          right={`${q.accept.join(' / ')}${q.unordered ? ' (in any order)' : ''}`}
        />
      );
    case 'formula':
      return (
        <Lines
          yours={r.type === 'formula' && r.value.trim() ? <code>{r.value}</code> : nothing}
          right={
            <>
              <code>{q.answer}</code>
              {q.where.length > 0 &&
                ` (where ${q.where.map((w) => `${w.name} = ${w.formula}`).join(', ')})`}
            </>
          }
        />
      );
    case 'ordering':
      return (
        <div>
          <p className="quiz-label">The right order</p>
          <ol>
            {q.items.map((html, i) => (
              <li key={i}>
                <Rich html={html} />
              </li>
            ))}
          </ol>
        </div>
      );
    case 'free':
      return r.type === 'free' && r.text.trim() ? (
        <p>
          Your answer: <span className="quiz-free-answer">{r.text}</span>
        </p>
      ) : (
        <p>Your answer: {nothing}</p>
      );
  }
}
