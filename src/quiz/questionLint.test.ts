import { describe, expect, it } from 'vitest';
import { questionFindings } from './questionLint';
import type { Question } from './types';

const base = { id: 'q', prompt: 'P', explanation: 'E' };
const text = (accept: string[]): Question => ({ ...base, type: 'text', accept, unordered: false });

describe('questionFindings', () => {
  it('fails a text answer that is a formula, not a hyphenated word', () => {
    expect(questionFindings(text(['half-open', 'and/or'])).errors).toEqual([]);
    const { errors } = questionFindings(text(['half', 'b/2', 'Q3 - Q1']));
    expect(errors.map((e) => e.field)).toEqual([
      ['accept', 1],
      ['accept', 2],
    ]);
    expect(errors[0]!.message).toMatch(/make this a formula question \(type: formula\)/);
  });

  it('warns when two accepted answers are one answer to the checker', () => {
    const { errors, warnings } = questionFindings(
      text(['stabilization window', 'the stabilisation windows', 'cool-down']),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        field: ['accept', 1],
        message:
          '"the stabilisation windows" is the same answer as "stabilization window" once normalised; one of them is enough',
      },
    ]);
  });

  it('fails a formula whose key names a variable it does not declare', () => {
    const q: Question = {
      ...base,
      type: 'formula',
      answer: 'x_m r^(-1/alpha)',
      accept: [],
      variables: [{ name: 'r', min: 0.01, max: 0.5 }],
      where: [],
    };
    expect(questionFindings(q).errors).toEqual([
      {
        field: ['answer'],
        message: '“x_m” is not a name this question uses; its formula uses r.',
      },
    ]);
  });
});
