#!/usr/bin/env node
/**
 * `npm run budget`: how much JavaScript a lesson page loads before any widget, diagram or
 * editor is needed, read from the production build's manifest (dist/.vite/manifest.json).
 *
 * Two budgets, because they grow for different reasons: the app's code (the entry chunk, the
 * lesson route chunk and every chunk they import statically) grows with features; a lesson's
 * compiled content (its HTML, with KaTeX's and Shiki's markup, in one chunk) grows with what an
 * author writes, and the largest lesson is the one measured. Not counted: anything behind a
 * dynamic import() (Mermaid, Monaco, Recharts, widgets, exercises), which loads only when the
 * page needs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const CODE_BUDGET_KB = 120;
const LESSON_BUDGET_KB = 50;
const dist = path.resolve(import.meta.dirname, '..', 'dist');
let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch {
  console.error('bundle budget: no dist/.vite/manifest.json — run `npm run build` first');
  process.exit(1);
}

const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

const roots = ['index.html', 'src/app/pages/LessonPage.tsx'];
const lessonKeys = Object.keys(manifest).filter((k) => k.startsWith('virtual:workbook/lesson/'));
if (
  !manifest['index.html'] ||
  !manifest['src/app/pages/LessonPage.tsx'] ||
  lessonKeys.length === 0
) {
  console.error('bundle budget: the manifest lacks the entry, the lesson page or any lesson chunk');
  process.exit(1);
}
const largestLesson = lessonKeys
  .map((k) => ({ k, kb: gzipKb(manifest[k].file) }))
  .sort((a, b) => b.kb - a.kb)[0].k;
roots.push(largestLesson);

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) visit(dep);
};
roots.forEach(visit);

const rows = [...seen]
  .map((key) => ({ key, file: manifest[key].file, kb: gzipKb(manifest[key].file) }))
  .filter((r) => r.file.endsWith('.js'))
  .sort((a, b) => b.kb - a.kb);
for (const r of rows) console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.file}`);
const lesson = rows.find((r) => r.key === largestLesson)?.kb ?? 0;
const code = rows.filter((r) => r.key !== largestLesson).reduce((n, r) => n + r.kb, 0);
const verdict = (kb, budget) =>
  `${kb.toFixed(1)} KB gzip of ${budget} KB — ${kb <= budget ? 'within budget' : 'OVER BUDGET'}`;
console.log(`lesson page code: ${verdict(code, CODE_BUDGET_KB)}`);
console.log(
  `largest lesson's content (${largestLesson.replace('virtual:workbook/lesson/', '')}): ${verdict(lesson, LESSON_BUDGET_KB)}`,
);
console.log(`together: ${(code + lesson).toFixed(1)} KB gzip`);
process.exit(code <= CODE_BUDGET_KB && lesson <= LESSON_BUDGET_KB ? 0 : 1);
