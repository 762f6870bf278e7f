import { z } from 'zod';

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
  { error: 'type is one of single, multiple, numeric, text, ordering, free, predict' },
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
