import path from 'node:path';
import type { Logger, Plugin } from 'vite';
import { loadExercise } from '../exercises/load.ts';
import { compileOneLesson, loadContent } from './compiler/loadContent.ts';
import type { LoadedContent } from './compiler/loadContent.ts';
import { ContentError } from './compiler/diagnostics.ts';

const MANIFEST_ID = 'virtual:workbook/manifest';
const LESSONS_ID = 'virtual:workbook/lessons';
const LESSON_PREFIX = 'virtual:workbook/lesson/';
const EXERCISES_ID = 'virtual:workbook/exercises';
const EXERCISE_PREFIX = 'virtual:workbook/exercise/';
const NOTES_ID = 'virtual:workbook/notes';
const NOTES_PREFIX = 'virtual:workbook/notes/';

/**
 * Compiles `content/` when the app is built or served, so the browser receives finished HTML
 * and a manifest, never a Markdown parser. Any content problem fails the build with file:line.
 *
 * The build compiles everything up front. The dev server answers at once, reads an outline
 * (front matter and structure, no HTML) in the background for the manifest, and compiles a
 * lesson when the browser asks for it (and proves an exercise when its editor loads), printing
 * each to the terminal; a problem shows in Vite's error overlay. `npm run lint:content` checks everything.
 */
export function workbookContent(options: { contentDir: string; rootDir: string }): Plugin {
  let serving = false;
  let loaded: Promise<LoadedContent> | null = null;
  const lessonCache = new Map<string, ReturnType<typeof compileOneLesson>>();
  const exerciseCache = new Map<string, ReturnType<typeof loadExercise>>();
  let logger: Logger | null = null;
  const log = (message: string) => logger?.info(`workbook: ${message}`, { timestamp: true });

  const load = () =>
    (loaded ??= (async () => {
      const started = Date.now();
      const content = await loadContent(options.contentDir, options.rootDir, { outline: serving });
      if (serving) {
        const lessons = content.manifest.modules.reduce((n, m) => n + m.lessons.length, 0);
        log(`outline of ${lessons} lessons in ${Date.now() - started} ms; each lesson compiles when opened`);
      }
      return content;
    })());
  const checked = async () => {
    const content = await load();
    if (content.diagnostics.length > 0) throw new ContentError(content.diagnostics);
    return content;
  };
  const exercise = (moduleId: string, id: string) => {
    const key = `${moduleId}/${id}`;
    let pending = exerciseCache.get(key);
    if (!pending) {
      const started = Date.now();
      pending = loadExercise(options.contentDir, moduleId, id, options.rootDir);
      exerciseCache.set(key, pending);
      void pending.then(({ problems }) =>
        log(`proved exercise ${key} in ${Date.now() - started} ms${problems.length ? ` — ${problems.length} problem(s)` : ''}`),
      );
    }
    return pending;
  };
  const lessonOnDemand = async (lessonId: string) => {
    const content = await checked();
    let pending = lessonCache.get(lessonId);
    if (!pending) {
      const started = Date.now();
      pending = compileOneLesson(content, lessonId, options.contentDir, options.rootDir);
      lessonCache.set(lessonId, pending);
      void pending.then(({ diagnostics }) =>
        log(`compiled ${lessonId} in ${Date.now() - started} ms${diagnostics.length ? ` — ${diagnostics.length} problem(s)` : ''}`),
      );
    }
    const { lesson, notes, diagnostics } = await pending;
    if (diagnostics.length > 0) throw new ContentError(diagnostics);
    return { lesson, notes };
  };

  return {
    name: 'workbook-content',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      logger = config.logger;
    },
    async buildStart() {
      if (serving) {
        // The server answers at once; the outline is read meanwhile and awaited by the first
        // request for the manifest (its problems show in the error overlay).
        void load().catch(() => undefined);
        return;
      }
      const content = await load();
      for (const file of content.files) this.addWatchFile(file);
      if (content.diagnostics.length > 0) this.error(new ContentError(content.diagnostics).message);
    },
    configureServer(s) {
      s.watcher.add(options.contentDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(path.resolve(options.contentDir))) return;
        loaded = null;
        lessonCache.clear();
        exerciseCache.clear();
        for (const mod of s.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:workbook/')) s.moduleGraph.invalidateModule(mod);
        }
        s.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('change', onChange);
      s.watcher.on('add', onChange);
      s.watcher.on('unlink', onChange);
    },
    resolveId(id) {
      if (
        id === MANIFEST_ID ||
        id === LESSONS_ID ||
        id === EXERCISES_ID ||
        id === NOTES_ID ||
        id.startsWith(NOTES_PREFIX) ||
        id.startsWith(LESSON_PREFIX) ||
        id.startsWith(EXERCISE_PREFIX)
      )
        return `\0${id}`;
      return null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:workbook/')) return null;
      const content = await checked();
      const real = id.slice(1);
      if (real === MANIFEST_ID) return `export default ${JSON.stringify(content.manifest)};`;
      if (real === LESSONS_ID) {
        const entries = [...content.lessonFiles.keys()].map(
          (lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(LESSON_PREFIX + lessonId)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real === EXERCISES_ID) {
        // One lazily loaded chunk per exercise: checks, solution and kit types load with the editor.
        const entries = Object.keys(content.manifest.exercises).map(
          (key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(EXERCISE_PREFIX + key)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real === NOTES_ID) {
        // Speaker notes: one chunk per lesson, loaded only by the presenter console.
        const entries = [...content.lessonFiles.keys()].map(
          (lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(NOTES_PREFIX + lessonId)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real.startsWith(NOTES_PREFIX)) {
        const lessonId = real.slice(NOTES_PREFIX.length);
        // The dev server compiles a lesson (and so its notes) when it is first asked for.
        const notes =
          content.notes.get(lessonId) ?? (serving ? (await lessonOnDemand(lessonId)).notes : undefined);
        return notes ? `export default JSON.parse(${JSON.stringify(JSON.stringify(notes))});` : null;
      }
      if (real.startsWith(EXERCISE_PREFIX)) {
        const key = real.slice(EXERCISE_PREFIX.length);
        let data = content.exercises.get(key);
        if (!data && serving && key in content.manifest.exercises) {
          const [moduleId = '', id = ''] = key.split('/');
          const loaded = await exercise(moduleId, id);
          if (loaded.problems.length > 0)
            throw new ContentError(
              loaded.problems.map((d) => ({ ...d, file: path.relative(options.rootDir, d.file).split(path.sep).join('/') })),
            );
          data = loaded.exercise ?? undefined;
        }
        return data ? `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});` : null;
      }
      const lessonId = real.slice(LESSON_PREFIX.length);
      const lesson = serving ? (await lessonOnDemand(lessonId)).lesson : content.lessons.get(lessonId);
      if (!lesson) return null;
      // JSON.parse of a string literal is faster to start than an object literal this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lesson))});`;
    },
  };
}
