import path from 'node:path';
import type { Plugin } from 'vite';
import { loadContent } from './compiler/loadContent.ts';
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
 */
export function workbookContent(options: { contentDir: string; rootDir: string }): Plugin {
  let loaded: Promise<LoadedContent> | null = null;
  const load = () => (loaded ??= loadContent(options.contentDir, options.rootDir));
  const checked = async () => {
    const content = await load();
    if (content.diagnostics.length > 0) throw new ContentError(content.diagnostics);
    return content;
  };

  return {
    name: 'workbook-content',
    enforce: 'pre',
    async buildStart() {
      const content = await load();
      for (const file of content.files) this.addWatchFile(file);
      if (content.diagnostics.length > 0) this.error(new ContentError(content.diagnostics).message);
    },
    configureServer(s) {
      s.watcher.add(options.contentDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(path.resolve(options.contentDir))) return;
        loaded = null;
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
        const entries = [...content.lessons.keys()].map(
          (lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(LESSON_PREFIX + lessonId)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real === EXERCISES_ID) {
        // One lazily loaded chunk per exercise: checks, solution and kit types load with the editor.
        const entries = [...content.exercises.keys()].map(
          (key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(EXERCISE_PREFIX + key)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real === NOTES_ID) {
        // Speaker notes: one chunk per lesson, loaded only by the presenter console.
        const entries = [...content.notes.keys()].map(
          (lessonId) => `  ${JSON.stringify(lessonId)}: () => import(${JSON.stringify(NOTES_PREFIX + lessonId)}),`,
        );
        return `const loaders = {\n${entries.join('\n')}\n};\nexport default loaders;`;
      }
      if (real.startsWith(NOTES_PREFIX)) {
        const notes = content.notes.get(real.slice(NOTES_PREFIX.length));
        return notes ? `export default JSON.parse(${JSON.stringify(JSON.stringify(notes))});` : null;
      }
      if (real.startsWith(EXERCISE_PREFIX)) {
        const exercise = content.exercises.get(real.slice(EXERCISE_PREFIX.length));
        return exercise ? `export default JSON.parse(${JSON.stringify(JSON.stringify(exercise))});` : null;
      }
      const lesson = content.lessons.get(real.slice(LESSON_PREFIX.length));
      if (!lesson) return null;
      // JSON.parse of a string literal is faster to start than an object literal this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(lesson))});`;
    },
  };
}
