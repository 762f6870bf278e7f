// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../types';
import { AnswerSummary } from './AnswerSummary';

afterEach(cleanup);

const single: Question = {
  id: 'q',
  type: 'single',
  prompt: 'P',
  explanation: 'E',
  options: [
    'The breaker closes.',
    'Any failed trial re-opens the breaker and the wait starts again.',
  ],
  correct: 1,
};

describe('AnswerSummary', () => {
  it('adds no full stop after an option that ends in its own (no "again.. Right answer")', () => {
    const { container } = render(
      <AnswerSummary question={single} response={{ type: 'single', choice: 0 }} />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('The breaker closes.');
    expect(text).toContain('starts again.');
    expect(text).not.toMatch(/\.\./);
  });

  it('shows a formula answer and its key, with the names it defines', () => {
    const q: Question = {
      id: 'f',
      type: 'formula',
      prompt: 'P',
      explanation: 'E',
      answer: 'Q3 + 1.5 IQR',
      accept: [],
      variables: [
        { name: 'Q1', min: 1, max: 10 },
        { name: 'Q3', min: 1, max: 10 },
      ],
      where: [{ name: 'IQR', formula: 'Q3 - Q1' }],
    };
    const { container } = render(
      <AnswerSummary question={q} response={{ type: 'formula', value: 'Q3 - 1.5 IQR' }} />,
    );
    expect(container.textContent).toContain('Q3 - 1.5 IQR');
    expect(container.textContent).toContain('Q3 + 1.5 IQR (where IQR = Q3 - Q1)');
  });
});
