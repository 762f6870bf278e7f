import { z } from 'zod';
import type { FormulaSpec } from './types';

/**
 * What an author writes in a ```gauntlet (timed) or ```quiz (untimed) fence, as YAML. Text
 * fields are Markdown (math allowed); the compiler turns them into sanitised HTML. Checked at
 * build time: a malformed quiz fails the content lint with its line.
 */
const md = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');
const id = z
  .string({ error: 'needs an id' })
  .max(100, 'ids are at most 100 characters')
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'ids are lowercase letters, digits and hyphens, like cb-three-states',
  );

const base = { id, prompt: md, explanation: md };

const options = z.array(md).min(2, 'needs at least two options').max(8, 'at most eight options');

const tolerance = z.union([
  z.number().nonnegative('tolerance cannot be negative'),
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*%$/, 'tolerance is a number (absolute) or a percentage like "5%"'),
]);

const variableName = z
  .string({ error: 'a variable name is text' })
  .trim()
  .regex(
    /^[\p{L}][\p{L}\p{N}_]*$/u,
    'a variable name is a letter, then letters, digits or _ (like x_m, Q3, alpha or α)',
  );
const range = z
  .tuple([z.number(), z.number()], {
    error: 'a range is two numbers, low then high: [0.001, 0.5]',
  })
  .nullable();
const formulaText = z
  .string({ error: 'a formula is text' })
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'at most 500 characters');

/** Where a variable is drawn from when none is given: positive values of ordinary size. */
export const DEFAULT_RANGE: readonly [number, number] = [1, 10];

export const authoredQuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      ...base,
      type: z.literal('single'),
      options,
      correct: z.int('correct is the index of the right option, from 0').nonnegative(),
    }),
    z.object({
      ...base,
      type: z.literal('multiple'),
      options,
      correct: z.array(z.int().nonnegative()).min(1, 'at least one option must be correct'),
    }),
    z.object({
      ...base,
      type: z.literal('numeric'),
      answer: z.number({ error: 'answer must be a number' }),
      tolerance: tolerance.optional(),
      unit: z.string().trim().min(1).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('text'),
      accept: z.array(md).min(1, 'accept lists at least one answer'),
      unordered: z.boolean().default(false),
    }),
    z.object({
      ...base,
      type: z.literal('formula'),
      /** The key: a formula over the variables, e.g. "Q3 + 1.5 IQR". */
      answer: formulaText,
      /** Free variables: a list of names (drawn from DEFAULT_RANGE) or name → [low, high]. */
      variables: z.union(
        [z.array(variableName).min(1, 'name at least one variable'), z.record(variableName, range)],
        { error: 'variables is a list of names, or names with ranges: { r: [0.001, 0.5] }' },
      ),
      /** Names defined from the variables, which the learner may use: { IQR: Q3 - Q1 }. */
      where: z.record(variableName, formulaText).optional(),
      /** Other right answers that are not the key rewritten. */
      accept: z.array(formulaText).default([]),
    }),
    z.object({
      ...base,
      type: z.literal('ordering'),
      items: z.array(md).min(2, 'needs at least two items').max(10),
    }),
    z.object({
      ...base,
      type: z.literal('free'),
      model: md,
      rubric: z.array(md).min(1, 'a rubric lists at least one point'),
    }),
    z.object({
      ...base,
      type: z.literal('predict'),
      options,
      correct: z.int().nonnegative(),
      widget: id,
    }),
  ],
  { error: 'type is one of single, multiple, numeric, text, formula, ordering, free, predict' },
);

export type AuthoredQuestion = z.infer<typeof authoredQuestionSchema>;

export const authoredQuizSchema = z.object({
  id,
  title: md,
  /** Gauntlets only: the time limit in minutes. */
  minutes: z
    .number()
    .min(0.5, 'a gauntlet lasts at least half a minute')
    .max(120, 'at most 120 minutes')
    .optional(),
  questions: z.array(authoredQuestionSchema).min(1, 'a quiz needs at least one question'),
});

export type AuthoredQuiz = z.infer<typeof authoredQuizSchema>;

/**
 * Rules zod's shapes cannot state: a right option that exists, a tolerance on every numeric
 * answer, ids unique within the quiz, a time limit on gauntlets only. Paths point at the field.
 */
export function quizProblems(
  quiz: AuthoredQuiz,
  timed: boolean,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (timed && quiz.minutes === undefined)
    problems.push({ path: ['minutes'], message: 'a gauntlet needs a time limit: minutes: 5' });
  if (!timed && quiz.minutes !== undefined)
    problems.push({
      path: ['minutes'],
      message: 'only a gauntlet has a time limit (use a ```gauntlet fence)',
    });
  const seen = new Map<string, number>();
  quiz.questions.forEach((q, i) => {
    const first = seen.get(q.id);
    if (first !== undefined)
      problems.push({
        path: ['questions', i, 'id'],
        message: `duplicate question id "${q.id}" (also question ${first + 1})`,
      });
    seen.set(q.id, i);
    if ((q.type === 'single' || q.type === 'predict') && q.correct >= q.options.length)
      problems.push({
        path: ['questions', i, 'correct'],
        message: `no option ${q.correct}: options are numbered 0 to ${q.options.length - 1}`,
      });
    if (q.type === 'multiple') {
      for (const c of q.correct)
        if (c >= q.options.length)
          problems.push({
            path: ['questions', i, 'correct'],
            message: `no option ${c}: options are numbered 0 to ${q.options.length - 1}`,
          });
      if (new Set(q.correct).size !== q.correct.length)
        problems.push({
          path: ['questions', i, 'correct'],
          message: 'an option is listed as correct twice',
        });
    }
    if (q.type === 'numeric' && q.tolerance === undefined)
      problems.push({
        path: ['questions', i, 'tolerance'],
        message: 'a numeric answer needs a tolerance, like tolerance: "5%" or tolerance: 0',
      });
  });
  return problems;
}

/** "5%" → relative 0.05; 3 → absolute 3. */
export function readTolerance(t: number | string): {
  kind: 'relative' | 'absolute';
  value: number;
} {
  return typeof t === 'number'
    ? { kind: 'absolute', value: t }
    : { kind: 'relative', value: Number(t.replace('%', '').trim()) / 100 };
}

type AuthoredFormula = Extract<AuthoredQuestion, { type: 'formula' }>;

/** The formula as the checker sees it: ranges filled in, `where` as a list. */
export function formulaSpecOf(q: AuthoredFormula): FormulaSpec {
  const variables = Array.isArray(q.variables)
    ? q.variables.map((name) => ({ name, min: DEFAULT_RANGE[0], max: DEFAULT_RANGE[1] }))
    : Object.entries(q.variables).map(([name, r]) => ({
        name,
        min: r ? r[0] : DEFAULT_RANGE[0],
        max: r ? r[1] : DEFAULT_RANGE[1],
      }));
  const where = Object.entries(q.where ?? {}).map(([name, formula]) => ({ name, formula }));
  return { answer: q.answer, accept: q.accept, variables, where };
}
