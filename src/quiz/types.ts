/**
 * Quizzes and gauntlets as the app sees them after the build: every prompt, option and
 * explanation is already sanitised HTML (compiled from the lesson's Markdown, math included).
 * A gauntlet is a quiz with a time limit.
 *
 * Authoring format (a fenced block in a lesson, checked by the content lint) is described in
 * README.md, "Quizzes and gauntlets".
 */

/** HTML produced by the content compiler (sanitised; safe to insert). */
export type Html = string;

interface Base {
  /** Stable across edits: the id of the question's spaced-repetition card. */
  id: string;
  prompt: Html;
  /** Shown after answering. */
  explanation: Html;
}

export type Question =
  | (Base & { type: 'single'; options: Html[]; correct: number })
  | (Base & { type: 'multiple'; options: Html[]; correct: number[] })
  | (Base & {
      type: 'numeric';
      answer: number;
      /** relative: a fraction of the answer (0.05 = ±5 %); absolute: in the answer's unit. */
      tolerance: { kind: 'relative' | 'absolute'; value: number };
      unit: string | null;
    })
  | (Base & {
      type: 'text';
      /** Accepted answers, as written by the author; compared after normalisation. */
      accept: string[];
      /** When true, an answer is a list (comma, semicolon, "and" or new line separated) whose order does not matter. */
      unordered: boolean;
    })
  | (Base & { type: 'formula' } & FormulaSpec)
  | (Base & { type: 'ordering'; /** In the correct order. */ items: Html[] })
  | (Base & {
      type: 'free';
      /** The model answer, revealed after the learner has written theirs. */
      model: Html;
      /** What a good answer contains; the learner grades themselves against it. */
      rubric: Html[];
    })
  | (Base & {
      type: 'predict';
      options: Html[];
      correct: number;
      /** Id of the widget on the same page that shows the outcome. */
      widget: string;
    });

export type QuestionType = Question['type'];

/**
 * A formula answer: the learner types an expression over the named variables, judged equal to
 * the key by evaluating both at many points (src/quiz/formula/judge.ts).
 */
export interface FormulaSpec {
  /** The key, as the author writes it (plain text, e.g. `Q3 + 1.5 IQR`). */
  answer: string;
  /** Other right answers, when one is not the key rewritten (each judged the same way). */
  accept: string[];
  /** Free variables and the range each is drawn from. */
  variables: { name: string; min: number; max: number }[];
  /** Names defined by a formula of the free variables (`IQR` = `Q3 - Q1`); the learner may use either. */
  where: { name: string; formula: string }[];
}

export interface Quiz {
  /** Unique across the workbook. */
  id: string;
  title: string;
  /** Seconds; null for an untimed quiz (consolidation prompts). */
  timeLimitS: number | null;
  questions: Question[];
}

/** What the learner gave, per type. */
export type Response =
  | { type: 'single' | 'predict'; choice: number | null }
  | { type: 'multiple'; choices: number[] }
  | { type: 'numeric'; value: string }
  | { type: 'text'; value: string }
  | { type: 'formula'; value: string }
  /** Indexes into `items` (the correct order), in the order the learner put them. */
  | { type: 'ordering'; order: number[] }
  /** Self-graded: the learner's own rating after seeing the model answer (1 Again … 4 Easy). */
  | { type: 'free'; text: string; selfRating: 1 | 2 | 3 | 4 | null };

/** FSRS ratings, as ts-fsrs numbers them. */
export type Rating = 1 | 2 | 3 | 4;
