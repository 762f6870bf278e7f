/**
 * The parts of docs/ that the code already knows: the widget catalogue with every preset
 * (docs/widgets.md) and every `:calc{of="…"}` name (docs/authoring.md). `npm run docs` writes
 * them between their markers; `npm run lint:content` fails when a marker's text is not what the
 * code gives, so the docs cannot fall behind a new widget, preset or calculation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { calculations } from '../src/calc/registry.ts';
import { widgetCatalog } from '../src/widgets/catalog.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** One row per widget type: its title and its presets by name and title. */
export function widgetPresetsTable(
  catalog: Readonly<
    Record<string, { title: string; presets: Readonly<Record<string, { title: string }>> }>
  > = widgetCatalog,
): string {
  const rows = Object.entries(catalog)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, entry]) => {
      const presets = Object.entries(entry.presets)
        .map(([name, p]) => `\`${name}\` (${cell(p.title)})`)
        .join(', ');
      return `| \`${type}\` | ${cell(entry.title)} | ${presets} |`;
    });
  return ['| type | widget | presets |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Every `:calc` name, grouped by the part before the dot (a widget type or a formulas module). */
export function calcNamesTable(names: readonly string[] = Object.keys(calculations)): string {
  const groups = new Map<string, string[]>();
  for (const name of [...names].sort()) {
    const prefix = name.split('.')[0]!;
    groups.set(prefix, [...(groups.get(prefix) ?? []), name]);
  }
  const rows = [...groups].map(
    ([prefix, list]) => `| \`${prefix}\` | ${list.map((n) => `\`${n}\``).join(', ')} |`,
  );
  return ['| group | names |', '| --- | --- |', ...rows].join('\n');
}

const begin = (name: string) =>
  `<!-- generated:${name} (npm run docs writes this; do not edit) -->`;
const end = (name: string) => `<!-- /generated:${name} -->`;

/** The text with the region `name` replaced by `body`; null when the markers are missing. */
export function replaceRegion(text: string, name: string, body: string): string | null {
  const a = text.indexOf(begin(name));
  const b = text.indexOf(end(name));
  if (a < 0 || b < a) return null;
  return `${text.slice(0, a + begin(name).length)}\n\n${body}\n\n${text.slice(b)}`;
}

const regions = [
  { file: 'docs/widgets.md', name: 'widget-presets', body: () => widgetPresetsTable() },
  { file: 'docs/authoring.md', name: 'calc-names', body: () => calcNamesTable() },
] as const;

/**
 * Problems in words, one per stale or missing region; `write` brings them up to date instead.
 * The file is compared as Prettier formats it (tables aligned), as `npm run format` leaves it.
 */
export async function generatedDocs(root: string, write = false): Promise<string[]> {
  const problems: string[] = [];
  for (const r of regions) {
    const file = path.join(root, r.file);
    const text = readFileSync(file, 'utf8');
    const replaced = replaceRegion(text, r.name, r.body());
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const next = replaced === null ? null : await prettier.format(replaced, options);
    if (next === null) problems.push(`${r.file}: the markers for "${r.name}" are missing`);
    else if (next !== text) {
      if (write) writeFileSync(file, next);
      else problems.push(`${r.file}: the "${r.name}" table is out of date; run npm run docs`);
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = await generatedDocs(root, true);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log('docs: generated tables up to date');
}
