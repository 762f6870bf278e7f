#!/usr/bin/env node
/**
 * `npm run budget`: how much JavaScript a lesson page loads before any widget, diagram or
 * editor is needed, read from the production build's manifest (dist/.vite/manifest.json).
 *
 * Counted: the entry chunk, the lesson route chunk, the largest compiled lesson, and every
 * chunk they import statically. Not counted: anything behind a dynamic import() (Mermaid,
 * Monaco, Recharts, widgets), which loads only when the page needs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
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
  .map((key) => ({ file: manifest[key].file, kb: gzipKb(manifest[key].file) }))
  .filter((r) => r.file.endsWith('.js'))
  .sort((a, b) => b.kb - a.kb);
for (const r of rows) console.log(`${r.kb.toFixed(1).padStart(7)} KB  ${r.file}`);
const total = rows.reduce((n, r) => n + r.kb, 0);
const ok = total <= BUDGET_KB;
console.log(
  `lesson page JavaScript: ${total.toFixed(1)} KB gzip of ${BUDGET_KB} KB budget — ${ok ? 'within budget' : 'OVER BUDGET'}`,
);
process.exit(ok ? 0 : 1);
