import type { Code, Parent, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { isMap, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { authoredQuizSchema, formulaSpecOf, quizProblems, readTolerance } from '../../quiz/authoring.ts';
import { questionFindings } from '../../quiz/questionLint.ts';
import type { AuthoredQuestion } from '../../quiz/authoring.ts';
import type { Question, Quiz } from '../../quiz/types.ts';
import { replaceWithCalculation, restoreTextDirective } from './inlineDirectives.ts';

/**
 * ```gauntlet and ```quiz fences: YAML checked against the authoring schema, with every problem
 * reported on its own line of the lesson. A good quiz becomes a `wb-quiz` node: its answers and
 * structure as JSON, and each Markdown part (prompt, option, explanation…) as a child that the
 * rest of the pipeline sanitises and typesets like any other Markdown. `toBlocks` joins the two.
 */
export const quizLanguages = new Set(['gauntlet', 'quiz']);

export interface QuizFindings {
  problems: { line: number; message: string }[];
  /** Reported by the lint without failing it (accepted answers the checker cannot tell apart). */
  warnings: { line: number; message: string }[];
  questionIds: { id: string; line: number }[];
  quizzes: { id: string; questionIds: string[] }[];
  /** Predict-then-run questions name a widget on the page. */
  widgetRefs: { widget: string; line: number }[];
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDirective);

/**
 * Markdown → mdast children; a lone paragraph is unwrapped so options stay inline. Numbers come
 * from `:calc{…}` here as in the lesson body; block directives have no place in a question.
 */
function parseMarkdown(text: string, problem: (message: string) => void): RootContent[] {
  const root = markdown.parse(text);
  visitParents(root, (node, ancestors) => {
    const parent = ancestors.at(-1);
    if (node.type === 'textDirective') {
      if (node.name === 'calc') replaceWithCalculation(node, parent, (_, message) => problem(message));
      else restoreTextDirective(node, parent);
    } else if (node.type === 'leafDirective' || node.type === 'containerDirective') {
      problem(`::${node.name} cannot be used inside a question; only :calc{…} works here`);
    }
  });
  const only = root.children[0];
  if (root.children.length === 1 && only?.type === 'paragraph') return only.children;
  return root.children;
}

export function replaceWithQuiz(node: Code, parent: Parent | undefined, findings: QuizFindings) {
  if (!parent) return;
  const fenceLine = node.position?.start.line ?? 1;
  const timed = node.lang === 'gauntlet';
  const counter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on the line after the opening fence.
  const lineAt = (offset: number | undefined) => fenceLine + (offset === undefined ? 1 : counter.linePos(offset).line);
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const found = doc.getIn(path.slice(0, n) as (string | number)[], true) as YamlNode | undefined;
      const range = found && typeof found === 'object' && 'range' in found ? found.range : undefined;
      if (range) return lineAt(range[0]);
    }
    return fenceLine;
  };
  const problem = (line: number, message: string) =>
    findings.problems.push({ line, message: `${timed ? 'gauntlet' : 'quiz'}: ${message}` });

  const fail = () => {
    // Keep the author's text visible rather than dropping the block.
    parent.children.splice(parent.children.indexOf(node), 1, { ...node, lang: 'yaml' } as RootContent);
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problem(lineAt(e.pos[0]), `not valid YAML: ${e.message.split('\n')[0] ?? ''}`);
    return fail();
  }
  if (!isMap(doc.contents)) {
    problem(fenceLine, 'write the quiz as YAML: id, title, questions');
    return fail();
  }
  const parsed = authoredQuizSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      problem(lineOf(issue.path), `${where}${issue.message}`);
    }
    return fail();
  }
  const extra = quizProblems(parsed.data, timed);
  for (const p of extra) problem(lineOf(p.path), `${p.path.join('.')}: ${p.message}`);
  if (extra.length > 0) return fail();

  const authored = parsed.data;
  const parts: { key: string; text: string }[] = [];
  const part = (key: string, text: string) => {
    parts.push({ key, text });
    return '';
  };
  let checkerErrors = 0;
  const questions = authored.questions.map((q, i): Question => {
    findings.questionIds.push({ id: q.id, line: lineOf(['questions', i, 'id']) });
    const k = `q${i}`;
    const base = { id: q.id, prompt: part(`${k}.prompt`, q.prompt), explanation: part(`${k}.explanation`, q.explanation) };
    const opts = (o: string[]) => o.map((text, j) => part(`${k}.option${j}`, text));
    const question = fromAuthored(q, base, opts, (items) => items.map((text, j) => part(`${k}.item${j}`, text)), (rubric) =>
      rubric.map((text, j) => part(`${k}.rubric${j}`, text)),
    (model) => part(`${k}.model`, model), (widget) => findings.widgetRefs.push({ widget, line: lineOf(['questions', i, 'widget']) }));
    // The answers checked with the checker the learner's answers meet.
    const { errors, warnings } = questionFindings(question);
    const at = (field: (string | number)[]) => ['questions', i, ...field.map((f) => (/^\d+$/.test(String(f)) ? Number(f) : f))];
    for (const e of errors) problem(lineOf(at(e.field)), `${at(e.field).join('.')}: ${e.message}`);
    for (const w of warnings)
      findings.warnings.push({ line: lineOf(at(w.field)), message: `${timed ? 'gauntlet' : 'quiz'}: ${at(w.field).join('.')}: ${w.message}` });
    checkerErrors += errors.length;
    return question;
  });
  if (checkerErrors > 0) return fail();
  const quiz: Quiz = {
    id: authored.id,
    title: authored.title,
    timeLimitS: authored.minutes === undefined ? null : Math.round(authored.minutes * 60),
    questions,
  };
  findings.quizzes.push({ id: quiz.id, questionIds: questions.map((q) => q.id) });
  const replacement = {
    type: 'wbQuiz',
    data: { hName: 'wb-quiz', hProperties: { dataQuiz: JSON.stringify(quiz), dataLine: fenceLine } },
    children: parts.map((p) => ({
      type: 'wbQuizPart',
      data: { hName: 'div', hProperties: { dataPart: p.key } },
      children: parseMarkdown(p.text, (message) => problem(fenceLine, `${p.key}: ${message}`)),
    })),
    ...(node.position ? { position: node.position } : {}),
  };
  parent.children.splice(parent.children.indexOf(node), 1, replacement as unknown as RootContent);
}

function fromAuthored(
  q: AuthoredQuestion,
  base: Pick<Question, 'id' | 'prompt' | 'explanation'>,
  options: (o: string[]) => string[],
  items: (o: string[]) => string[],
  rubric: (o: string[]) => string[],
  model: (m: string) => string,
  widgetRef: (w: string) => void,
): Question {
  switch (q.type) {
    case 'single':
      return { ...base, type: 'single', options: options(q.options), correct: q.correct };
    case 'multiple':
      return { ...base, type: 'multiple', options: options(q.options), correct: [...q.correct].sort((a, b) => a - b) };
    case 'numeric':
      return { ...base, type: 'numeric', answer: q.answer, tolerance: readTolerance(q.tolerance ?? 0), unit: q.unit ?? null };
    case 'text':
      return { ...base, type: 'text', accept: q.accept, unordered: q.unordered };
    case 'formula':
      return { ...base, type: 'formula', ...formulaSpecOf(q) };
    case 'ordering':
      return { ...base, type: 'ordering', items: items(q.items) };
    case 'free':
      return { ...base, type: 'free', model: model(q.model), rubric: rubric(q.rubric) };
    case 'predict':
      widgetRef(q.widget);
      return { ...base, type: 'predict', options: options(q.options), correct: q.correct, widget: q.widget };
  }
}

/** Puts the compiled HTML of each part back into the quiz (used by toBlocks). */
export function fillQuiz(quiz: Quiz, html: ReadonlyMap<string, string>): Quiz {
  const get = (key: string) => html.get(key) ?? '';
  return {
    ...quiz,
    questions: quiz.questions.map((q, i) => {
      const k = `q${i}`;
      const base = { prompt: get(`${k}.prompt`), explanation: get(`${k}.explanation`) };
      switch (q.type) {
        case 'single':
        case 'multiple':
        case 'predict':
          return { ...q, ...base, options: q.options.map((_, j) => get(`${k}.option${j}`)) };
        case 'ordering':
          return { ...q, ...base, items: q.items.map((_, j) => get(`${k}.item${j}`)) };
        case 'free':
          return { ...q, ...base, model: get(`${k}.model`), rubric: q.rubric.map((_, j) => get(`${k}.rubric${j}`)) };
        default:
          return { ...q, ...base };
      }
    }),
  };
}
