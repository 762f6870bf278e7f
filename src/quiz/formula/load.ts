import type { FormulaSpec, Question } from '../types';

/** Judges a typed formula (src/quiz/formula/judge.ts); correct null: unreadable, told why. */
export type FormulaJudge = (
  spec: FormulaSpec,
  typed: unknown,
) => { correct: boolean | null; feedback: string };

let loading: Promise<FormulaJudge> | null = null;

/**
 * The formula judge, with the expression library behind it: a separate chunk, fetched the first
 * time a formula question is checked (or its box is typed in), never with the app's first load.
 * A failed fetch (offline before the chunk was cached) is not remembered, so a later try can work.
 */
export function loadFormulaJudge(): Promise<FormulaJudge> {
  loading ??= import('./judge').then(
    (m) => m.judgeFormula,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether checking these questions needs the formula judge. */
export const hasFormula = (questions: readonly Question[]) =>
  questions.some((q) => q.type === 'formula');

export const JUDGE_LOAD_FAILED =
  'The formula checker could not be loaded (is the network down?). Try again in a moment.';
