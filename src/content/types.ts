import type { Quiz } from '../quiz/types';
import type { FrontMatter } from './schema';

/** What the build-time compiler hands to the browser. Plain JSON: no functions, no classes. */

export interface Heading {
  id: string;
  text: string;
  depth: 2 | 3;
}

/**
 * A compiled lesson body is a tree of blocks. Static Markdown becomes sanitised HTML strings;
 * only the parts that need code at run time (diagrams, widgets) become component blocks, and
 * only the containers around such parts stay as elements.
 */
export type Block =
  | ChecklistBlock
  | HtmlBlock
  | ElementBlock
  | MermaidBlock
  | WidgetBlock
  | QuizBlock
  | ExerciseBlock;

export interface HtmlBlock {
  t: 'html';
  html: string;
}

export interface ElementBlock {
  t: 'el';
  tag: 'section' | 'div' | 'details' | 'summary' | 'figure' | 'li' | 'ol' | 'ul' | 'blockquote';
  /** React-style props: className, id, role, aria-*, data-*. */
  attrs: Record<string, string>;
  children: Block[];
  /** Static inner HTML, for elements that must not get a wrapper (e.g. `<summary>`). */
  html?: string;
}

export interface MermaidBlock {
  t: 'mermaid';
  source: string;
  title: string | null;
  /** Line in the lesson file, for error messages. */
  line: number;
}

export interface WidgetBlock {
  t: 'widget';
  type: string;
  attrs: Record<string, string>;
  line: number;
}

/**
 * A Markdown task list (`- [ ] …`) the learner can tick; ticks are saved with their progress.
 * Items are named by a slug of their text, so reordering keeps ticks and rewording an item
 * starts it unticked.
 */
export interface ChecklistBlock {
  t: 'checklist';
  /** `<lesson id>#<n>`: the n-th checklist of its lesson (set by loadContent). */
  key: string;
  items: { id: string; html: string }[];
  line: number;
}

/** A coding exercise: its starter shows at once; the rest loads with the editor. */
export interface ExerciseBlock {
  t: 'exercise';
  /** `<module>/<id>`, the key of its lazily loaded data. */
  key: string;
  title: string;
  starter: string;
  line: number;
}

export interface QuizBlock {
  t: 'quiz';
  quiz: Quiz;
  line: number;
}

export type Phase = 'priming' | 'concept' | 'visual' | 'analogy' | 'practice' | 'consolidation';

export interface LessonSummary extends FrontMatter {
  /** `<module>/<slug>` */
  id: string;
  moduleId: string;
  slug: string;
  /** The `nn` prefix of the file name. */
  order: number;
  path: string;
  phases: Phase[];
}

export interface ModuleSummary {
  id: string;
  title: string;
  summary: string;
  order: number;
  lessons: LessonSummary[];
}

export interface ContentManifest {
  modules: ModuleSummary[];
  /** Every quiz question, by id: the lesson and quiz it lives in (for reviews across lessons). */
  questions: Record<string, { lessonId: string; quizId: string }>;
  /** Every coding exercise, by `<module>/<id>`: its title and the first lesson that shows it. */
  exercises: Record<string, { title: string; lessonId: string }>;
}

export interface CompiledLesson {
  id: string;
  headings: Heading[];
  blocks: Block[];
  /** One slide per `##` section, for the presenter view (see src/content/compiler/slides.ts). */
  slides: SlideInfo[];
}

/** A slide: blocks[start, end) of its lesson. The title slide (text before any `##`) has no title. */
export interface SlideInfo {
  /** The `##` heading's id; '' for the title slide. */
  id: string;
  title: string | null;
  start: number;
  end: number;
  /** How much the slide holds (characters, plus a fixed amount per widget, quiz or exercise). */
  weight: number;
}

/** A slide's speaker notes (`:::notes`), loaded only by the presenter console. */
export interface SlideNotes {
  html: string;
  /** Planned minutes from `:::notes{minutes="…"}`, if the author gave them. */
  minutes: number | null;
}
