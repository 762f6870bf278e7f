import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnswer, formatAnswer } from '../../quiz/check';
import { judgeFormula } from '../../quiz/formula/judge';
import type { Question, Response } from '../../quiz/types';
import type { Block } from '../types';
import { loadContent } from './loadContent';

/**
 * Keep it true: every question in content/ is run through the checker the learner's answers
 * meet, with the author's own key (it must be accepted), and every formula question with
 * answers known to be wrong (they must be refused). A new formula question needs its entry here.
 */
const knownWrong: Record<string, string[]> = {
  'monstat-c7-tukey': [
    'Q3 - 1.5 IQR',
    'Q1 - 1.5 IQR',
    'Q1 + 1.5 IQR',
    'Q3 + 3 IQR',
    'Q3 + 1.5 Q1',
    'Q3 + 1.5 (Q1 - Q3)',
  ],
  'nnload-c5-pareto-capacity': [
    'x_m r^(1/alpha)',
    'x_m r^(-alpha)',
    'x_m r^alpha',
    'x_m / r^(-1/alpha)',
    'r^(-1/alpha)',
    'x_m (1 - r)^(-1/alpha)',
  ],
  'bday-enough-bits': ['b', '2 b', 'b^2', 'sqrt(b)', 'b/4', '2^(b/2)'],
};

/** What a learner who knows the answer types, for each way the author wrote it. */
function keys(q: Question): Response[] {
  switch (q.type) {
    case 'single':
    case 'predict':
      return [{ type: q.type, choice: q.correct }];
    case 'multiple':
      return [{ type: 'multiple', choices: q.correct }];
    case 'ordering':
      return [{ type: 'ordering', order: q.items.map((_, i) => i) }];
    case 'numeric': {
      const unit = q.unit ? ` ${q.unit}` : '';
      return [
        { type: 'numeric', value: String(q.answer) },
        { type: 'numeric', value: `${formatAnswer(q.answer)}${unit}` },
      ];
    }
    case 'text':
      return q.accept.map((value) => ({ type: 'text', value }));
    case 'formula':
      return [q.answer, ...q.accept].map((value) => ({ type: 'formula', value }));
    case 'free':
      return [{ type: 'free', text: 'model answer', selfRating: 3 }];
  }
}

function questionsIn(blocks: readonly Block[], out: Question[]) {
  for (const b of blocks) {
    if (b.t === 'quiz') out.push(...b.quiz.questions);
    else if (b.t === 'el') questionsIn(b.children, out);
  }
  return out;
}

describe('every question in content/', () => {
  it(
    'accepts its own key, and refuses the known wrong formulas',
    async () => {
      const root = path.resolve(import.meta.dirname, '../../..');
      const { lessons } = await loadContent(path.join(root, 'content'), root);
      const questions = [...lessons.values()].flatMap((l) => questionsIn(l.blocks, []));
      expect(questions.length).toBeGreaterThan(100);
      const refused: string[] = [];
      for (const q of questions)
        for (const r of keys(q)) {
          const result = checkAnswer(q, r, judgeFormula);
          if (result.correct !== true) refused.push(`${q.id}: ${JSON.stringify(r)} → ${result.feedback}`);
        }
      expect(refused).toEqual([]);

      const formulas = questions.filter((q) => q.type === 'formula');
      expect(formulas.map((q) => q.id).sort()).toEqual(Object.keys(knownWrong).sort());
      const accepted: string[] = [];
      for (const q of formulas)
        for (const value of knownWrong[q.id] ?? []) {
          const result = checkAnswer(q, { type: 'formula', value }, judgeFormula);
          if (result.correct !== false || result.unreadable) accepted.push(`${q.id}: ${value}`);
        }
      expect(accepted).toEqual([]);
    },
    // It compiles every lesson, as the build does: about a minute on a quiet 2-core machine,
    // over three minutes with other builds running. The ceiling is for a machine under load.
    900_000,
  );
});
