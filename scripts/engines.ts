/**
 * Which installed packages say they need a newer Node than the workbook supports, read from
 * package-lock.json (npm records each package's `engines`). The README and `engines` promise
 * Node 20.19; a package that asks for more must either be replaced by a version that does not,
 * or be listed in `nodeNeverRunsThem` with the reason its Node requirement cannot matter here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Version = [number, number, number];

function parse(text: string): { version: Version; parts: number } | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) return null;
  const parts = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { version: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], parts };
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** One comparator (`>=20.19.0`, `^20.9.0`, `<16`, `20`); null when it is not understood. */
function comparator(version: Version, token: string): boolean | null {
  const m = /^(>=|<=|>|<|\^|~|=)?\s*(.+)$/.exec(token);
  if (!m) return null;
  const target = parse(m[2]!);
  if (!target) return null;
  const c = compare(version, target.version);
  const [major, minor] = target.version;
  switch (m[1]) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      return c >= 0 && version[0] === major;
    case '~':
      return c >= 0 && version[0] === major && (target.parts === 1 || version[1] === minor);
    default:
      // "20" means 20.x.x, "20.9" means 20.9.x.
      return target.parts === 1
        ? version[0] === major
        : target.parts === 2
          ? version[0] === major && version[1] === minor
          : c === 0;
  }
}

/** Whether `version` satisfies an npm range of `||` alternatives of space-separated comparators. */
export function satisfies(versionText: string, range: string): boolean | null {
  const version = parse(versionText)?.version;
  if (!version) return null;
  let understood = true;
  for (const alternative of range.split('||')) {
    const tokens = alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/);
    const results = tokens.filter(Boolean).map((t) => (t === '*' ? true : comparator(version, t)));
    if (results.includes(null)) understood = false;
    else if (results.every(Boolean)) return true;
  }
  return understood ? false : null;
}

/**
 * Packages that declare a newer Node but that Node never runs in this project, each with why.
 * Browser-only libraries are bundled by Vite and run in the browser; their `engines` describe
 * their own build tooling. A package here that Node starts to run must come off this list.
 */
export const nodeNeverRunsThem: Record<string, string> = {
  mermaid:
    'browser only: bundled by Vite and loaded lazily on lesson pages; unit tests mock it (MermaidRenderer.test.tsx)',
  '@mermaid-js/parser': 'browser only: part of mermaid',
  chevrotain: 'browser only: the parser generator behind @mermaid-js/parser',
  commander:
    "katex's command-line interface only (katex/cli.js); the build uses katex's library API, which never loads it",
};

export interface EngineProblem {
  name: string;
  path: string;
  node: string;
}

/** Every locked package whose `engines.node` is not met by `nodeVersion` and is not excused. */
export function enginesProblems(
  lock: { packages: Record<string, { engines?: { node?: string } | string[] }> },
  nodeVersion: string,
): EngineProblem[] {
  const problems: EngineProblem[] = [];
  for (const [where, pkg] of Object.entries(lock.packages)) {
    if (!where) continue; // the project itself
    const engines = pkg.engines;
    const node = engines && !Array.isArray(engines) ? engines.node : undefined;
    if (!node) continue;
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (satisfies(nodeVersion, node) === true || name in nodeNeverRunsThem) continue;
    problems.push({ name, path: where, node });
  }
  return problems;
}

export function readLock(root = path.resolve(import.meta.dirname, '..')) {
  return JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Parameters<
    typeof enginesProblems
  >[0];
}
