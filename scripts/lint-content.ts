/**
 * `npm run lint:content`: compiles every lesson exactly as the build does and prints each
 * problem as file:line, so an editor or CI log links straight to it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/compiler/loadContent.ts';
import { formatDiagnostic } from '../src/content/compiler/diagnostics.ts';
import { generatedDocs } from './generatedDocs.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.resolve(root, process.argv[2] ?? 'content');
const { diagnostics, warnings, manifest } = await loadContent(contentDir, root);
// The catalogue and :calc tables in docs/ must match the code (npm run docs rewrites them).
const staleDocs = await generatedDocs(root);
for (const p of staleDocs) console.error(p);
if (staleDocs.length) process.exitCode = 1;
for (const w of warnings) console.warn(`${formatDiagnostic(w)} (warning)`);
if (diagnostics.length > 0) {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  console.error(`\ncontent lint: ${diagnostics.length} problem(s)`);
  process.exit(1);
}
if (staleDocs.length) process.exit(1);
const lessons = manifest.modules.reduce((n, m) => n + m.lessons.length, 0);
console.log(
  `content lint: ${manifest.modules.length} module(s), ${lessons} lesson(s), no problems`,
);
