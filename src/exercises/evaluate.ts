import { transform } from 'sucrase';

/**
 * Turning an exercise file's TypeScript into a module object: sucrase strips the types and
 * rewrites imports to `require` calls (dynamic `import()` too), keeping line numbers, and the
 * result runs as a function whose `require` knows only the kit. Used by the sandbox worker and
 * by the content lint, so both run learner-style code the same way.
 */

/** Lines `new Function` adds before the body: "function anonymous(…\n) {\n". */
export const FUNCTION_HEADER_LINES = 2;

export function transpile(source: string, filename: string): string {
  return transform(source, {
    transforms: ['typescript', 'imports'],
    filePath: filename,
    disableESTransforms: true,
    production: true,
  }).code;
}

export type Modules = Readonly<Record<string, unknown>>;

/** Compiles (without running) a transpiled module; call the result to run it. */
export function compileModule(
  js: string,
  modules: Modules,
  sourceUrl = 'solution.ts',
): () => Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- exercise code is the point; it runs sandboxed
  const body = new Function(
    'exports',
    'require',
    'module',
    `${js}\n//# sourceURL=${sourceUrl}`,
  ) as (
    exports: Record<string, unknown>,
    require: (name: string) => unknown,
    module: { exports: Record<string, unknown> },
  ) => void;
  return () => {
    const module = { exports: {} as Record<string, unknown> };
    const require = (name: string): unknown => {
      const key = name.replace(/^\.\//, '');
      if (Object.hasOwn(modules, key)) return modules[key];
      throw new Error(`Only "kit" can be imported in an exercise, not "${name}"`);
    };
    body(module.exports, require, module);
    return module.exports;
  };
}

/**
 * The learner's own line for an error thrown from their code: the compiled module is named
 * "solution.ts" in stack traces, and `new Function` puts two header lines before its body.
 */
export function learnerLine(error: unknown): number | null {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const match = /solution\.ts:(\d+):\d+/.exec(stack);
  if (!match) return null;
  const line = Number(match[1]) - FUNCTION_HEADER_LINES;
  return line >= 1 ? line : null;
}

/** A syntax error's line from sucrase ("… (12:5)"). */
export function syntaxLine(error: unknown): number | null {
  const match = error instanceof Error ? /\((\d+):\d+\)/.exec(error.message) : null;
  return match ? Number(match[1]) : null;
}
