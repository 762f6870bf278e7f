import { formulaSpecProblems } from './formula/judge.ts';
import { hasOperator, textKey } from './text.ts';
import type { Question } from './types.ts';

export interface QuestionFinding {
  /** The field the finding is about, as a path inside the question. */
  field: (string | number)[];
  message: string;
}

/**
 * What the content lint checks of one compiled question with the checker itself (the content
 * compiler runs in Node, so the formula judge is imported directly here):
 * - errors: a formula whose key or accepted forms do not read or use undeclared names; a text
 *   answer written as a formula (+ − * / ^ = as operators: make it `type: formula`);
 * - warnings: two accepted text answers that the checker cannot tell apart (the same key).
 */
export function questionFindings(q: Question): {
  errors: QuestionFinding[];
  warnings: QuestionFinding[];
} {
  const errors: QuestionFinding[] = [];
  const warnings: QuestionFinding[] = [];
  if (q.type === 'formula') {
    for (const p of formulaSpecProblems(q))
      errors.push({ field: p.field.split('.'), message: p.message });
  }
  if (q.type === 'text') {
    const seen = new Map<string, number>();
    q.accept.forEach((a, i) => {
      if (hasOperator(a))
        errors.push({
          field: ['accept', i],
          message: `"${a}" is a formula (it uses an operator): make this a formula question (type: formula)`,
        });
      const key = textKey(a);
      const first = seen.get(key);
      if (first !== undefined)
        warnings.push({
          field: ['accept', i],
          message: `"${a}" is the same answer as "${q.accept[first]}" once normalised; one of them is enough`,
        });
      else seen.set(key, i);
    });
  }
  return { errors, warnings };
}
