import { useId } from 'react';
import { MAX_ANSWER_CHARS } from '../numeric';
import type { Question, Response } from '../types';
import { FormulaInput } from './FormulaInput';

/** Build-time HTML from the content compiler (sanitised there). */
export function Rich({
  html,
  as = 'span',
  id,
}: {
  html: string;
  as?: 'span' | 'div';
  id?: string;
}) {
  const Tag = as;
  return <Tag id={id} className="rich" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function emptyResponse(q: Question): Response {
  switch (q.type) {
    case 'single':
    case 'predict':
      return { type: q.type, choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'numeric':
      return { type: 'numeric', value: '' };
    case 'text':
      return { type: 'text', value: '' };
    case 'formula':
      return { type: 'formula', value: '' };
    case 'ordering':
      return { type: 'ordering', order: shuffled(q.items.length, q.id) };
    case 'free':
      return { type: 'free', text: '', selfRating: null };
  }
}

/** A fixed, never-correct starting order for an ordering question (same every time for one id). */
export function shuffled(n: number, seedText: string): number[] {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Never start in the right order: rotate by one if the shuffle happened to land there.
  if (order.every((v, i) => v === i) && n > 1) order.push(order.shift()!);
  return order;
}

/** One question's input, by type. Everything is a native control: keyboard and screen readers work. */
export function QuestionInput({
  question,
  response,
  onChange,
  disabled,
  enterSubmits = true,
  problemId,
}: {
  question: Question;
  response: Response;
  onChange: (r: Response) => void;
  disabled: boolean;
  /** Whether Enter in a text box submits the surrounding form (a single review card) or not (a gauntlet page). */
  enterSubmits?: boolean;
  /** The id of a message saying why the answer could not be read (it marks the input invalid). */
  problemId?: string | undefined;
}) {
  const id = useId();
  const onKeyDown = enterSubmits
    ? undefined
    : (e: React.KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') e.preventDefault();
      };
  switch (question.type) {
    case 'single':
    case 'predict': {
      const choice = response.type === question.type ? response.choice : null;
      return (
        <div className="quiz-options">
          {question.options.map((html, i) => (
            <label key={i} className="quiz-option">
              <input
                type="radio"
                name={`${id}-choice`}
                checked={choice === i}
                disabled={disabled}
                onChange={() => onChange({ type: question.type, choice: i })}
              />{' '}
              <Rich html={html} />
            </label>
          ))}
        </div>
      );
    }
    case 'multiple': {
      const choices = response.type === 'multiple' ? response.choices : [];
      return (
        <div className="quiz-options">
          {question.options.map((html, i) => (
            <label key={i} className="quiz-option">
              <input
                type="checkbox"
                checked={choices.includes(i)}
                disabled={disabled}
                onChange={(e) =>
                  onChange({
                    type: 'multiple',
                    choices: e.target.checked
                      ? [...choices, i].sort((a, b) => a - b)
                      : choices.filter((c) => c !== i),
                  })
                }
              />{' '}
              <Rich html={html} />
            </label>
          ))}
        </div>
      );
    }
    case 'numeric':
      return (
        <div className="field quiz-numeric">
          <label htmlFor={`${id}-n`}>
            Your answer
            {question.unit ? <span className="field-unit"> ({question.unit})</span> : null}
          </label>
          <input
            id={`${id}-n`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={100}
            onKeyDown={onKeyDown}
            value={response.type === 'numeric' ? response.value : ''}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'numeric', value: e.target.value })}
          />
        </div>
      );
    case 'text':
      return (
        <div className="field">
          <label htmlFor={`${id}-t`}>Your answer</label>
          <input
            id={`${id}-t`}
            type="text"
            autoComplete="off"
            maxLength={1000}
            onKeyDown={onKeyDown}
            value={response.type === 'text' ? response.value : ''}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'text', value: e.target.value })}
          />
          {question.unordered && <p className="field-help">Any order; separate with commas.</p>}
        </div>
      );
    case 'formula':
      return (
        <FormulaInput
          id={id}
          spec={question}
          value={response.type === 'formula' ? response.value : ''}
          disabled={disabled}
          onKeyDown={onKeyDown}
          problemId={problemId}
          onChange={(value) => onChange({ type: 'formula', value })}
        />
      );
    case 'ordering': {
      const order = response.type === 'ordering' ? response.order : [];
      const move = (from: number, to: number) => {
        const next = [...order];
        const [item] = next.splice(from, 1);
        next.splice(to, 0, item!);
        onChange({ type: 'ordering', order: next });
      };
      return (
        <ol className="quiz-ordering">
          {order.map((item, pos) => (
            <li key={item}>
              <Rich html={question.items[item] ?? ''} />
              <span className="quiz-move">
                <button
                  type="button"
                  disabled={disabled || pos === 0}
                  onClick={() => move(pos, pos - 1)}
                  aria-label={`Move up: item ${pos + 1}`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={disabled || pos === order.length - 1}
                  onClick={() => move(pos, pos + 1)}
                  aria-label={`Move down: item ${pos + 1}`}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
      );
    }
    case 'free':
      return (
        <div className="field">
          <label htmlFor={`${id}-f`}>Your answer</label>
          <textarea
            id={`${id}-f`}
            rows={4}
            maxLength={MAX_ANSWER_CHARS}
            value={response.type === 'free' ? response.text : ''}
            disabled={disabled}
            onChange={(e) => onChange({ type: 'free', text: e.target.value, selfRating: null })}
          />
          <p className="field-help">
            After you submit, compare with the model answer and grade yourself.
          </p>
        </div>
      );
  }
}
