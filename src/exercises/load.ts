import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { compileModule, transpile } from './evaluate.ts';
import { runChecks } from './harness.ts';
import type { Check } from './kit.ts';
import * as kit from './kit.ts';

/**
 * Build time: an exercise folder (`content/<module>/exercises/<id>/`) read, type-checked and
 * proven. The reference solution and the checks must type-check against the kit, the solution
 * must pass every check, and the starter must type-check and fail at least one (or the learner
 * would have nothing to do). The browser gets the starter, the checks compiled to JavaScript,
 * the solution (revealed once the learner passes) and the kit's type declarations.
 */

export const exerciseIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_TIME_LIMIT_MS = 10_000;

const metaSchema = z.strictObject({
  title: z.string().trim().min(1, 'needs a title').max(80),
  timeLimitMs: z.int().min(500).max(MAX_TIME_LIMIT_MS).optional(),
});

export interface ExerciseData {
  /** `<module>/<id>` */
  key: string;
  title: string;
  timeLimitMs: number;
  starter: string;
  solution: string;
  checks: string;
  checkTitles: string[];
  kitDts: string;
}

export interface ExerciseProblem {
  file: string;
  line: number;
  message: string;
}

const FILES = ['exercise.json', 'starter.ts', 'solution.ts', 'checks.ts'] as const;

let kitDtsCache: Promise<string> | null = null;

/** kit.ts's type declarations, for the editor's IntelliSense (`import … from 'kit'`). */
export function kitDeclarations(rootDir: string): Promise<string> {
  return (kitDtsCache ??= Promise.resolve().then(() => {
    const file = path.join(rootDir, 'src/exercises/kit.ts');
    let out = '';
    const program = ts.createProgram([file], {
      declaration: true,
      emitDeclarationOnly: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
    });
    program.emit(program.getSourceFile(file), (name, text) => {
      if (name.endsWith('kit.d.ts')) out = text;
    });
    return out.replace(/^import .*$/gm, '');
  }));
}

function typeCheck(dir: string, rootDir: string): ExerciseProblem[] {
  const files = ['starter.ts', 'solution.ts', 'checks.ts'].map((f) => path.join(dir, f));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    baseUrl: rootDir,
    paths: { kit: ['src/exercises/kit.ts'] },
    allowImportingTsExtensions: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(dir))
    .map((d) => ({
      file: d.file!.fileName,
      line: d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: `does not type-check: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    }));
}

/**
 * An exercise folder read and its exercise.json checked, without type-checking or proving the
 * code: enough for the dev server's outline (titles), which proves an exercise when it is opened.
 */
export async function readExercise(
  contentDir: string,
  moduleId: string,
  id: string,
  rootDir: string,
): Promise<
  | {
      ok: true;
      dir: string;
      meta: { title: string; timeLimitMs?: number | undefined };
      source: Record<(typeof FILES)[number], string>;
      files: string[];
    }
  | { ok: false; problems: ExerciseProblem[]; files: string[] }
> {
  const dir = path.join(contentDir, moduleId, 'exercises', id);
  const at = (name: (typeof FILES)[number]) => path.join(dir, name);
  const files = FILES.map(at);
  const fail = (file: string, message: string) => ({
    ok: false as const,
    problems: [{ file, line: 1, message }],
    files,
  });
  if (!exerciseIdPattern.test(id))
    return fail(dir, `exercise id "${id}" must be lowercase kebab-case`);
  const source: Partial<Record<(typeof FILES)[number], string>> = {};
  for (const name of FILES) {
    try {
      source[name] = await readFile(at(name), 'utf8');
    } catch {
      return fail(
        at(name),
        `exercise "${moduleId}/${id}" needs ${name} in ${path.relative(rootDir, dir)}/`,
      );
    }
  }
  try {
    const parsed = metaSchema.safeParse(JSON.parse(source['exercise.json']!));
    if (!parsed.success)
      return fail(
        at('exercise.json'),
        parsed.error.issues
          .map((i) => `${i.path.join('.') || 'exercise.json'}: ${i.message}`)
          .join('; '),
      );
    return {
      ok: true,
      dir,
      meta: parsed.data,
      source: source as Record<(typeof FILES)[number], string>,
      files,
    };
  } catch (error) {
    return fail(
      at('exercise.json'),
      `exercise.json is not valid JSON (${(error as Error).message})`,
    );
  }
}

export async function loadExercise(
  contentDir: string,
  moduleId: string,
  id: string,
  rootDir: string,
): Promise<{ exercise: ExerciseData | null; problems: ExerciseProblem[]; files: string[] }> {
  const read = await readExercise(contentDir, moduleId, id, rootDir);
  if (!read.ok) return { exercise: null, problems: read.problems, files: read.files };
  const { dir, meta, source, files } = read;
  const at = (name: (typeof FILES)[number]) => path.join(dir, name);
  const problems: ExerciseProblem[] = [];
  const fail = (file: string, message: string) => {
    problems.push({ file, line: 1, message });
    return { exercise: null, problems, files };
  };
  problems.push(...typeCheck(dir, rootDir));
  if (problems.length) return { exercise: null, problems, files };

  let checksJs: string;
  let checks: Check[];
  const load = (name: (typeof FILES)[number]) =>
    compileModule(transpile(source[name], name), { kit }, name)();
  try {
    checksJs = transpile(source['checks.ts'], 'checks.ts');
    checks = (compileModule(checksJs, { kit }, 'checks.js')().default ?? []) as Check[];
  } catch (error) {
    return fail(at('checks.ts'), `checks.ts does not load: ${(error as Error).message}`);
  }
  if (!Array.isArray(checks) || checks.length === 0)
    return fail(at('checks.ts'), 'checks.ts must export default a non-empty array of checks');
  for (const [name, file, mustPass] of [
    ['solution.ts', at('solution.ts'), true],
    ['starter.ts', at('starter.ts'), false],
  ] as const) {
    let mod: Record<string, unknown>;
    try {
      mod = load(name);
    } catch (error) {
      problems.push({
        file,
        line: 1,
        message: `${name} throws while loading: ${(error as Error).message}`,
      });
      continue;
    }
    const results = await runChecks(checks, mod);
    if (mustPass)
      for (const r of results.filter((r) => r.status !== 'pass'))
        problems.push({
          file,
          line: 1,
          message: `the reference solution fails check "${r.title}": ${r.message ?? r.status}${r.expected !== null ? ` (expected ${r.expected}, got ${r.actual})` : ''}`,
        });
    else if (results.every((r) => r.status === 'pass'))
      problems.push({
        file,
        line: 1,
        message: 'the starter already passes every check: the learner would have nothing to do',
      });
  }
  if (problems.length) return { exercise: null, problems, files };
  return {
    exercise: {
      key: `${moduleId}/${id}`,
      title: meta.title,
      timeLimitMs: meta.timeLimitMs ?? 3000,
      starter: source['starter.ts'],
      solution: source['solution.ts'],
      checks: checksJs,
      checkTitles: checks.map((c) => c.title),
      kitDts: await kitDeclarations(rootDir),
    },
    problems,
    files,
  };
}
