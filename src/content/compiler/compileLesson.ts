import type { Root as HastRoot } from 'hast';
import rehypeShiki from '@shikijs/rehype';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { FrontMatter } from '../schema.ts';
import type { Block, Heading, Phase, SlideInfo, SlideNotes } from '../types.ts';
import { checkAuthorHtml, directiveStamp, markDirectiveElements } from './authorHtml.ts';
import type { AuthorHtmlFindings } from './authorHtml.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { rehypeHeadings } from './rehypeHeadings.ts';
import type { HeadingFindings } from './rehypeHeadings.ts';
import { remarkWorkbook } from './remarkWorkbook.ts';
import type { RemarkFindings } from './remarkWorkbook.ts';
import { sanitizeSchema } from './sanitizeSchema.ts';
import { toSlides } from './slides.ts';

export interface CompiledLessonSource {
  frontMatter: FrontMatter | null;
  headings: Heading[];
  blocks: Block[];
  slides: SlideInfo[];
  /** Speaker notes per slide: kept out of `blocks`, so learners never receive them. */
  notes: (SlideNotes | null)[];
  phases: { name: Phase; line: number }[];
  outsidePhases: number[];
  links: { url: string; line: number }[];
  questionIds: { id: string; line: number }[];
  quizzes: { id: string; questionIds: string[] }[];
  exercises: { id: string; line: number }[];
  problems: { line: number; message: string }[];
  /** Reported by the lint without failing it. */
  warnings: { line: number; message: string }[];
}

const codeLanguages = ['ts', 'tsx', 'js', 'json', 'yaml', 'python', 'bash', 'sql', 'go', 'java'] as const;

/**
 * Markdown → sanitised HTML blocks, at build time. Order matters: author HTML is sanitised
 * before our own trusted steps (KaTeX, highlighting, heading anchors) add markup and styles.
 *
 * With `outline: true` only the Markdown stage runs (front matter, phases, links, quizzes,
 * exercises and their problems), a fraction of the cost: no HTML, headings, blocks or `:calc`. The dev
 * server builds its manifest that way and compiles a lesson in full when it is opened.
 */
export async function compileLesson(
  source: string,
  { outline = false }: { outline?: boolean } = {},
): Promise<CompiledLessonSource> {
  const front = parseFrontMatter(source);
  const remarkFindings: RemarkFindings = {
    problems: [],
    warnings: [],
    links: [],
    phases: [],
    outsidePhases: [],
    questionIds: [],
    quizzes: [],
    exercises: [],
  };
  const headingFindings: HeadingFindings = { headings: [], problems: [] };
  const katexProblems: { line: number; message: string }[] = [];
  const authorFindings: AuthorHtmlFindings = { problems: [] };
  const stamp = directiveStamp();

  const markdown = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkDirective)
    .use(remarkWorkbook(remarkFindings, { outline }));
  if (outline) {
    await markdown.run(markdown.parse(source));
    return findings(front, remarkFindings, { headings: [], problems: [] }, [], {
      blocks: [],
      slides: [],
      notes: [],
    });
  }
  const processor = markdown
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(markDirectiveElements(stamp))
    .use(rehypeRaw)
    .use(checkAuthorHtml(stamp, authorFindings))
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeKatex, {
      throwOnError: false,
      errorColor: 'currentColor',
      strict: (code: string, message: string) => {
        katexProblems.push({ line: 1, message: `KaTeX (${code}): ${message}` });
        return 'ignore';
      },
    })
    .use(rehypeShiki, {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
      langs: [...codeLanguages],
      fallbackLanguage: 'text',
      defaultLanguage: 'text',
    })
    .use(rehypeHeadings(headingFindings));

  const mdast = processor.parse(source);
  const hast = (await processor.run(mdast));
  collectKatexErrors(hast, katexProblems);
  makeDisplayMathFocusable(hast);

  let blocks: Block[] = [];
  let slides: SlideInfo[] = [];
  let notes: (SlideNotes | null)[] = [];
  const later = [...authorFindings.problems, ...katexProblems];
  try {
    const cut = toSlides(hast.children, headingFindings.headings);
    ({ blocks, slides, notes } = cut);
    later.push(...cut.problems);
  } catch (error) {
    later.push({ line: 1, message: (error as Error).message });
  }
  return findings(front, remarkFindings, headingFindings, later, { blocks, slides, notes });
}

function findings(
  front: ReturnType<typeof parseFrontMatter>,
  remark: RemarkFindings,
  headings: HeadingFindings,
  later: { line: number; message: string }[],
  compiled: Pick<CompiledLessonSource, 'blocks' | 'slides' | 'notes'>,
): CompiledLessonSource {
  return {
    frontMatter: front.data,
    headings: headings.headings,
    ...compiled,
    phases: remark.phases,
    outsidePhases: remark.outsidePhases,
    links: remark.links,
    questionIds: remark.questionIds,
    quizzes: remark.quizzes,
    exercises: remark.exercises,
    problems: [...front.problems, ...remark.problems, ...headings.problems, ...later],
    warnings: remark.warnings,
  };
}

/**
 * A displayed formula or a table scrolls sideways when it is wider than the column (styles.css),
 * and a scrollable region must be reachable from the keyboard: give it a tab stop, as Shiki
 * does for code.
 */
function makeDisplayMathFocusable(tree: HastRoot) {
  const walk = (node: HastRoot | HastRoot['children'][number]) => {
    if (node.type === 'element') {
      const cls = node.properties.className;
      if (Array.isArray(cls) && cls.includes('katex-display')) node.properties.tabIndex = 0;
      // Lesson tables scroll sideways on a narrow screen too (styles.css).
      if (node.tagName === 'table') node.properties.tabIndex = 0;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}

/** rehype-katex renders a bad formula as a red span with a title; make it a build error instead. */
function collectKatexErrors(tree: HastRoot, out: { line: number; message: string }[]) {
  const walk = (node: HastRoot | HastRoot['children'][number]) => {
    if (node.type === 'element') {
      const cls = node.properties.className;
      if (Array.isArray(cls) && cls.includes('katex-error')) {
        out.push({
          line: node.position?.start.line ?? 1,
          message: `Formula does not render: ${String(node.properties.title ?? 'KaTeX error')}`,
        });
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}
