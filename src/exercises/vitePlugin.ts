import path from 'node:path';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * `virtual:exercise-runtime` exports the sandbox worker's code as one self-contained script (a
 * string), bundled from src/exercises/sandbox/workerEntry.ts with everything it imports. The
 * exercise runner hands that string to a sandboxed iframe, which starts it from a blob: a
 * same-origin worker URL could not be loaded from the iframe's opaque origin, and a blob worker
 * inherits the iframe's Content Security Policy. The same in development and in the build.
 */
const ID = 'virtual:exercise-runtime';
const RESOLVED = `\0${ID}`;

/** The sandbox worker's code (workerEntry.ts and all it imports) as one minified strict-mode script (SES needs strict mode). */
export async function bundleExerciseRuntime(
  rootDir: string,
): Promise<{ code: string; files: string[] }> {
  const entry = path.join(rootDir, 'src/exercises/sandbox/workerEntry.ts');
  const bundle = await rolldown({ input: entry, platform: 'browser', logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true, strict: true });
    return { code: output[0].code, files: await bundle.watchFiles };
  } finally {
    await bundle.close();
  }
}

export function exerciseRuntime({ rootDir }: { rootDir: string }): Plugin {
  return {
    name: 'workbook-exercise-runtime',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const { code, files } = await bundleExerciseRuntime(rootDir);
      for (const file of files) this.addWatchFile(file);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
