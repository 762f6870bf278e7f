import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { phases as phaseOrder } from '../phases.ts';
import { lessonFileNamePattern, moduleDirPattern, moduleFileSchema } from '../schema.ts';
import { loadExercise, readExercise } from '../../exercises/load.ts';
import type { ExerciseData } from '../../exercises/load.ts';
import type {
  Block,
  CompiledLesson,
  ContentManifest,
  LessonSummary,
  ModuleSummary,
  SlideNotes,
} from '../types.ts';
import { compileLesson } from './compileLesson.ts';
import type { CompiledLessonSource } from './compileLesson.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface LoadedContent {
  manifest: ContentManifest;
  lessons: Map<string, CompiledLesson>;
  /** Speaker notes per lesson, one entry per slide: a chunk of their own, for the presenter console. */
  notes: Map<string, (SlideNotes | null)[]>;
  /** Coding exercises by `<module>/<id>`, each proven against its checks. */
  exercises: Map<string, ExerciseData>;
  /** Every file that was read, for watch mode. */
  files: string[];
  diagnostics: Diagnostic[];
  /** Printed by the content lint; they do not fail it or the build. */
  warnings: Diagnostic[];
  /** Lesson id → its Markdown file. */
  lessonFiles: Map<string, string>;
}

export interface LoadOptions {
  /**
   * Only the outline (what the manifest needs): lessons are read to their Markdown stage and
   * exercises to their exercise.json, so `lessons` and `exercises` stay empty, and links are
   * checked for their lesson but not their anchor. The dev server starts from it and compiles a
   * lesson with `compileOneLesson` when it is opened; the build and the lint load everything.
   */
  outline?: boolean;
}

interface Pending {
  summary: LessonSummary;
  compiled: CompiledLessonSource;
  file: string;
  source: string;
}

const lessonRoute = /^\/learn\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/;
const appRoutes = new Set(['/', '/review', '/progress']);

/** Reads and compiles everything under `contentDir`, and checks what spans lessons. */
export async function loadContent(
  contentDir: string,
  rootDir: string,
  { outline = false }: LoadOptions = {},
): Promise<LoadedContent> {
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const files: string[] = [];
  const rel = (file: string) => path.relative(rootDir, file).split(path.sep).join('/');
  const report = (file: string, line: number, message: string) =>
    diagnostics.push({ file: rel(file), line, message });

  const modules: ModuleSummary[] = [];
  const pending: Pending[] = [];
  const entries = await readdir(contentDir, { withFileTypes: true });
  for (const dir of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const moduleDir = path.join(contentDir, dir.name);
    if (!moduleDirPattern.test(dir.name)) {
      report(moduleDir, 1, 'Module folders are lowercase kebab-case, e.g. control-distribution');
      continue;
    }
    const moduleFile = path.join(moduleDir, 'module.json');
    files.push(moduleFile);
    let moduleMeta;
    try {
      const parsed = moduleFileSchema.safeParse(JSON.parse(await readFile(moduleFile, 'utf8')));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report(moduleFile, 1, `${issue.path.join('.') || 'module.json'}: ${issue.message}`);
        }
        continue;
      }
      moduleMeta = parsed.data;
    } catch (error) {
      report(moduleFile, 1, `module.json is missing or not valid JSON (${(error as Error).message})`);
      continue;
    }
    const module: ModuleSummary = { id: dir.name, ...moduleMeta, lessons: [] };
    modules.push(module);
    const orders = new Map<number, string>();
    for (const name of (await readdir(moduleDir)).sort()) {
      if (name === 'module.json' || name === 'exercises') continue;
      const file = path.join(moduleDir, name);
      const match = lessonFileNamePattern.exec(name);
      if (!match) {
        report(file, 1, 'Lesson files are named <nn>-<slug>.md, e.g. 01-circuit-breakers.md');
        continue;
      }
      files.push(file);
      const order = Number(match[1]);
      const slug = match[2] ?? '';
      const twin = orders.get(order);
      if (twin) report(file, 1, `Lesson number ${match[1]} is also used by ${twin}`);
      orders.set(order, name);
      const source = await readFile(file, 'utf8');
      const compiled = await compileLesson(source, { outline });
      for (const p of compiled.problems) report(file, p.line, p.message);
      for (const w of compiled.warnings) warnings.push({ file: rel(file), line: w.line, message: w.message });
      if (!compiled.frontMatter) continue;
      const summary: LessonSummary = {
        ...compiled.frontMatter,
        id: `${dir.name}/${slug}`,
        moduleId: dir.name,
        slug,
        order,
        path: `/learn/${dir.name}/${slug}`,
        phases: compiled.phases.map((p) => p.name),
      };
      module.lessons.push(summary);
      pending.push({ summary, compiled, file, source });
    }
  }
  modules.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

  const byId = new Map(pending.map((p) => [p.summary.id, p]));
  for (const p of pending) {
    checkPhases(p, (line, message) => report(p.file, line, message));
    checkPrerequisites(p, byId, (line, message) => report(p.file, line, message));
    checkLinks(p, byId, !outline, (line, message) => report(p.file, line, message));
  }

  // Question ids name spaced-repetition cards, so they must be unique across the workbook.
  const questions: ContentManifest['questions'] = {};
  const firstSeen = new Map<string, string>();
  for (const p of pending) {
    for (const q of p.compiled.questionIds) {
      const other = firstSeen.get(q.id);
      if (other !== undefined) report(p.file, q.line, `Question id "${q.id}" is also used in ${other}`);
      else firstSeen.set(q.id, rel(p.file));
    }
    for (const quiz of p.compiled.quizzes)
      for (const id of quiz.questionIds) questions[id] ??= { lessonId: p.summary.id, quizId: quiz.id };
  }

  // Coding exercises: each folder is read, type-checked and proven once, however many lessons use it.
  const exercises = new Map<string, ExerciseData>();
  const exerciseIndex: ContentManifest['exercises'] = {};
  const titles = new Map<string, string | null>();
  for (const p of pending) {
    for (const { id, line } of p.compiled.exercises) {
      const key = `${p.summary.moduleId}/${id}`;
      if (!titles.has(key)) {
        const read = outline
          ? await readExercise(contentDir, p.summary.moduleId, id, rootDir)
          : await loadExercise(contentDir, p.summary.moduleId, id, rootDir);
        files.push(...read.files);
        const problems = 'problems' in read ? read.problems : [];
        for (const problem of problems) report(problem.file, problem.line, problem.message);
        if ('exercise' in read && read.exercise) exercises.set(key, read.exercise);
        const title = 'exercise' in read ? (read.exercise?.title ?? null) : read.ok ? read.meta.title : null;
        titles.set(key, problems.length === 0 ? title : null);
      }
      const title = titles.get(key);
      if (!title) report(p.file, line, `exercise "${id}" could not be loaded (see above)`);
      else exerciseIndex[key] ??= { title, lessonId: p.summary.id };
    }
    if (outline) continue;
    fillExercises(p.compiled.blocks, p.summary.moduleId, exercises);
    fillChecklists(p.compiled.blocks, p.summary.id, { n: 0 });
  }

  const lessons = new Map<string, CompiledLesson>();
  const notes = new Map<string, (SlideNotes | null)[]>();
  if (!outline) {
    for (const p of pending) {
      lessons.set(p.summary.id, {
        id: p.summary.id,
        headings: p.compiled.headings,
        blocks: p.compiled.blocks,
        slides: p.compiled.slides,
      });
      notes.set(p.summary.id, p.compiled.notes);
    }
  }
  const lessonFiles = new Map(pending.map((p) => [p.summary.id, p.file]));
  return {
    manifest: { modules, questions, exercises: exerciseIndex },
    lessons,
    notes,
    exercises,
    files,
    diagnostics,
    warnings,
    lessonFiles,
  };
}

/**
 * One lesson compiled in full, as the build does, for the dev server (`outline` is its
 * `loadContent(…, { outline: true })`): the lesson's own problems, the lessons its links name,
 * anchors within the lesson, and its exercises' titles and starters. Anchors into other lessons
 * are checked by the build and `npm run lint:content`; the dev server proves an exercise when
 * its editor loads.
 */
export async function compileOneLesson(
  outline: LoadedContent,
  lessonId: string,
  contentDir: string,
  rootDir: string,
): Promise<{
  lesson: CompiledLesson | null;
  notes: (SlideNotes | null)[];
  diagnostics: Diagnostic[];
}> {
  const file = outline.lessonFiles.get(lessonId);
  const lessons = outline.manifest.modules.flatMap((m) => m.lessons);
  const summary = lessons.find((l) => l.id === lessonId);
  if (!file || !summary) return { lesson: null, notes: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const rel = (f: string) => path.relative(rootDir, f).split(path.sep).join('/');
  const report = (f: string, line: number, message: string) => diagnostics.push({ file: rel(f), line, message });

  const source = await readFile(file, 'utf8');
  const compiled = await compileLesson(source);
  for (const p of compiled.problems) report(file, p.line, p.message);
  const self: Pending = { summary, compiled, file, source };
  // The other lessons are known by id only: an outline has no headings to check anchors against.
  const byId = new Map<string, Pending>(lessons.map((l) => [l.id, l.id === lessonId ? self : { ...self, summary: l }]));
  checkLinks(self, byId, (id) => id === lessonId, (line, message) => report(file, line, message));

  const exercises = new Map<string, ExerciseText>();
  for (const { id, line } of compiled.exercises) {
    const read = await readExercise(contentDir, summary.moduleId, id, rootDir);
    if (read.ok) {
      exercises.set(`${summary.moduleId}/${id}`, { title: read.meta.title, starter: read.source['starter.ts'] });
    } else {
      for (const problem of read.problems) report(problem.file, problem.line, problem.message);
      report(file, line, `exercise "${id}" could not be loaded (see above)`);
    }
  }
  fillExercises(compiled.blocks, summary.moduleId, exercises);
  fillChecklists(compiled.blocks, summary.id, { n: 0 });
  return {
    lesson: { id: lessonId, headings: compiled.headings, blocks: compiled.blocks, slides: compiled.slides },
    notes: compiled.notes,
    diagnostics,
  };
}

/** Names each checklist after its lesson and place, so its ticks can be saved. */
function fillChecklists(blocks: Block[], lessonId: string, counter: { n: number }) {
  for (const block of blocks) {
    if (block.t === 'el') fillChecklists(block.children, lessonId, counter);
    if (block.t === 'checklist') block.key = `${lessonId}#${++counter.n}`;
  }
}

type ExerciseText = Pick<ExerciseData, 'title' | 'starter'>;

/** Gives each exercise block its workbook-wide key, title and starter code. */
function fillExercises(blocks: Block[], moduleId: string, exercises: ReadonlyMap<string, ExerciseText>) {
  for (const block of blocks) {
    if (block.t === 'el') fillExercises(block.children, moduleId, exercises);
    if (block.t !== 'exercise') continue;
    const data = exercises.get(`${moduleId}/${block.key}`);
    block.key = `${moduleId}/${block.key}`;
    if (data) {
      block.title = data.title;
      block.starter = data.starter;
    }
  }
}

type Report = (line: number, message: string) => void;

function checkPhases({ summary, compiled }: Pending, report: Report) {
  const found = compiled.phases;
  if (summary.kind !== 'focus') {
    for (const p of found) report(p.line, `Phase "${p.name}" only belongs in a focus lesson (kind: focus)`);
    return;
  }
  for (const line of compiled.outsidePhases) {
    report(line, 'Content after the first phase must sit inside a phase (did a phase close early?)');
  }
  const names = found.map((p) => p.name);
  for (const { name } of phaseOrder) {
    const count = names.filter((n) => n === name).length;
    if (count === 0) report(1, `Focus lesson is missing its "${name}" phase (:::${name}[Heading])`);
    if (count > 1) {
      const second = found.filter((p) => p.name === name)[1];
      report(second?.line ?? 1, `Phase "${name}" appears ${count} times; each phase appears once`);
    }
  }
  const expected = phaseOrder.map((p) => p.name).filter((n) => names.includes(n));
  const unique = names.filter((n, i) => names.indexOf(n) === i);
  const firstOut = unique.findIndex((n, i) => n !== expected[i]);
  if (firstOut >= 0) {
    const at = found.find((p) => p.name === unique[firstOut]);
    report(at?.line ?? 1, `Phases are out of order; the order is ${phaseOrder.map((p) => p.name).join(' → ')}`);
  }
}

function lineOfKey(source: string, key: string): number {
  const index = source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}

function checkPrerequisites({ summary, source }: Pending, byId: Map<string, Pending>, report: Report) {
  for (const id of summary.prerequisites) {
    if (id === summary.id) report(lineOfKey(source, 'prerequisites'), 'A lesson cannot be its own prerequisite');
    else if (!byId.has(id)) report(lineOfKey(source, 'prerequisites'), `Unknown prerequisite "${id}"`);
  }
}

/** `anchors`: whether a target lesson's headings are known (true for all, or per lesson id). */
function checkLinks(
  { summary, compiled }: Pending,
  byId: Map<string, Pending>,
  anchors: boolean | ((lessonId: string) => boolean),
  report: Report,
) {
  const checkAnchors = (id: string) => (typeof anchors === 'function' ? anchors(id) : anchors);
  for (const { url, line } of compiled.links) {
    if (/^(https?:|mailto:)/i.test(url)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      report(line, `Link "${url}" uses a scheme the workbook does not allow`);
      continue;
    }
    const [pathPart = '', hash] = url.split('#', 2);
    let target: Pending | undefined;
    if (pathPart === '') {
      target = byId.get(summary.id);
    } else if (pathPart.startsWith('/')) {
      const m = lessonRoute.exec(pathPart);
      if (m) {
        target = byId.get(`${m[1]}/${m[2]}`);
        if (!target) {
          report(line, `Dead link: no lesson at ${pathPart}`);
          continue;
        }
      } else if (!appRoutes.has(pathPart)) {
        report(line, `Dead link: ${pathPart} is not a page of the workbook`);
        continue;
      }
    } else {
      report(line, `Link "${url}" is relative; write /learn/<module>/<slug>#heading or #heading`);
      continue;
    }
    if (hash && target && !hash.startsWith('user-content-') && checkAnchors(target.summary.id)) {
      if (!target.compiled.headings.some((h) => h.id === hash)) {
        report(line, `Dead link: ${target.summary.path} has no heading #${hash}`);
      }
    }
  }
}
