import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { compileOneLesson, loadContent } from './loadContent';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function tree(files: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), 'workbook-content-'));
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  return loadContent(path.join(dir, 'content'), dir);
}

const moduleJson = (title: string, order: number) =>
  JSON.stringify({ title, summary: `${title} summary`, order });

const lesson = (opts: { kind?: string; prerequisites?: string; body?: string; title?: string } = {}) => `---
title: ${opts.title ?? 'A lesson'}
summary: Something to learn.
minutes: 10
difficulty: intermediate
kind: ${opts.kind ?? 'overview'}
tags: [test]
prerequisites: ${opts.prerequisites ?? '[]'}
---

${opts.body ?? 'Body.'}
`;

const allPhases = ['priming', 'concept', 'visual', 'analogy', 'practice', 'consolidation']
  .map((p) => `:::${p}[The ${p} part]\nText.\n:::\n`)
  .join('\n');

describe('loadContent', () => {
  it('builds a manifest ordered by module order and lesson number', async () => {
    const out = await tree({
      'content/zeta/module.json': moduleJson('Zeta', 1),
      'content/zeta/02-second.md': lesson({ title: 'Second' }),
      'content/zeta/01-first.md': lesson({ title: 'First' }),
      'content/alpha/module.json': moduleJson('Alpha', 2),
      'content/alpha/00-intro.md': lesson({ kind: 'focus', body: allPhases }),
    });
    expect(out.diagnostics).toEqual([]);
    expect(out.manifest.modules.map((m) => m.id)).toEqual(['zeta', 'alpha']);
    expect(out.manifest.modules[0]?.lessons.map((l) => [l.id, l.path, l.order])).toEqual([
      ['zeta/first', '/learn/zeta/first', 1],
      ['zeta/second', '/learn/zeta/second', 2],
    ]);
    expect(out.manifest.modules[1]?.lessons[0]?.phases).toHaveLength(6);
    expect(out.lessons.get('alpha/intro')?.headings[0]).toEqual({
      id: 'the-priming-part',
      text: 'The priming part',
      depth: 2,
    });
  });

  it('requires every phase, once, in order, in a focus lesson', async () => {
    const body = [':::concept[Idea]\nx\n:::', ':::priming[Hook]\nx\n:::', ':::concept[Again]\nx\n:::'].join('\n\n');
    const out = await tree({
      'content/m/module.json': moduleJson('M', 1),
      'content/m/01-focus.md': lesson({ kind: 'focus', body }),
    });
    const messages = out.diagnostics.map(formatDiagnostic);
    expect(messages).toContain('content/m/01-focus.md:1: Focus lesson is missing its "visual" phase (:::visual[Heading])');
    expect(messages).toContain('content/m/01-focus.md:19: Phase "concept" appears 2 times; each phase appears once');
    expect(messages.some((m) => m.startsWith('content/m/01-focus.md:11: Phases are out of order'))).toBe(true);
  });

  it('reports content left between phases, as when a nested fence closes a phase early', async () => {
    const body = '::::priming[Hook]\n:::note\nx\n:::\n::::\n\nStray paragraph.\n\n' + allPhases.split('\n').slice(3).join('\n');
    const out = await tree({
      'content/m/module.json': moduleJson('M', 1),
      'content/m/01-focus.md': lesson({ kind: 'focus', body }),
    });
    expect(out.diagnostics.map(formatDiagnostic)).toContain(
      'content/m/01-focus.md:17: Content after the first phase must sit inside a phase (did a phase close early?)',
    );
  });

  it('rejects phases outside focus lessons', async () => {
    const out = await tree({
      'content/m/module.json': moduleJson('M', 1),
      'content/m/00-overview.md': lesson({ body: ':::priming[Hook]\nx\n:::' }),
    });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      'content/m/00-overview.md:11: Phase "priming" only belongs in a focus lesson (kind: focus)',
    ]);
  });

  it('reports dead internal links, missing anchors and unknown prerequisites', async () => {
    const body = [
      '## Real heading',
      '[ok](/learn/m/other#target) [ok](#real-heading) [ok](/) [ok](https://example.com)',
      '[no lesson](/learn/m/missing)',
      '[no anchor](/learn/m/other#nowhere)',
      '[no page](/settings)',
      '[relative](other.md)',
    ].join('\n\n');
    const out = await tree({
      'content/m/module.json': moduleJson('M', 1),
      'content/m/01-one.md': lesson({ body, prerequisites: '[m/other, m/ghost]' }),
      'content/m/02-other.md': lesson({ body: '## Target\n' }),
    });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      'content/m/01-one.md:8: Unknown prerequisite "m/ghost"',
      'content/m/01-one.md:15: Dead link: no lesson at /learn/m/missing',
      'content/m/01-one.md:17: Dead link: /learn/m/other has no heading #nowhere',
      'content/m/01-one.md:19: Dead link: /settings is not a page of the workbook',
      'content/m/01-one.md:21: Link "other.md" is relative; write /learn/<module>/<slug>#heading or #heading',
    ]);
  });

  it('reports badly named files, duplicate numbers and a broken module.json', async () => {
    const out = await tree({
      'content/m/module.json': moduleJson('M', 1),
      'content/m/01-one.md': lesson(),
      'content/m/01-two.md': lesson(),
      'content/m/notes.md': 'x',
      'content/broken/module.json': '{ "title": ',
      'content/Bad_Name/module.json': moduleJson('Bad', 3),
    });
    expect(out.diagnostics.map(formatDiagnostic)).toEqual([
      'content/Bad_Name:1: Module folders are lowercase kebab-case, e.g. control-distribution',
      expect.stringMatching(/^content\/broken\/module.json:1: module.json is missing or not valid JSON/) as string,
      'content/m/01-two.md:1: Lesson number 01 is also used by 01-one.md',
      'content/m/notes.md:1: Lesson files are named <nn>-<slug>.md, e.g. 01-circuit-breakers.md',
    ]);
  });

  describe('the dev server: an outline first, then one lesson when it is opened', () => {
    const files = {
      'content/m/module.json': moduleJson('M', 1),
      'content/m/01-one.md': lesson({
        body: [
          '## Real heading',
          'Servers: :calc{of="queue.servers" lambda="1000" service="0.02" waitP99="0.05"}.',
          ':calc{of="queue.nope"}',
          '[ok](#real-heading) [other](/learn/m/other#nowhere) [self](#missing)',
          '::exercise{id="ex"}',
        ].join('\n\n'),
      }),
      'content/m/02-other.md': lesson({ body: '## Target\n' }),
      'content/m/exercises/ex/exercise.json': JSON.stringify({ title: 'An exercise' }),
      'content/m/exercises/ex/starter.ts': 'export const x = 1;\n',
      'content/m/exercises/ex/solution.ts': 'export const x = 2;\n',
      'content/m/exercises/ex/checks.ts': 'export default [];\n',
    };

    it('outlines the manifest without compiling lessons, computing :calc or proving exercises', async () => {
      await tree(files);
      const outline = await loadContent(path.join(dir, 'content'), dir, { outline: true });
      expect(outline.diagnostics).toEqual([]);
      expect(outline.manifest.modules[0]?.lessons.map((l) => l.id)).toEqual(['m/one', 'm/other']);
      expect(outline.manifest.exercises).toEqual({ 'm/ex': { title: 'An exercise', lessonId: 'm/one' } });
      expect(outline.lessons.size).toBe(0);
      expect([...outline.lessonFiles.keys()]).toEqual(['m/one', 'm/other']);
    });

    it('compiles the opened lesson in full, with its own problems and the exercise’s starter', async () => {
      await tree(files);
      const outline = await loadContent(path.join(dir, 'content'), dir, { outline: true });
      const { lesson, diagnostics } = await compileOneLesson(outline, 'm/one', path.join(dir, 'content'), dir);
      expect(diagnostics.map(formatDiagnostic)).toEqual([
        expect.stringMatching(/^content\/m\/01-one.md:15: :calc needs of="…"/) as string,
        'content/m/01-one.md:17: Dead link: /learn/m/one has no heading #missing',
      ]);
      const json = JSON.stringify(lesson);
      expect(json).toContain('Servers: 22.');
      expect(json).toContain('"title":"An exercise"');
      expect(json).toContain('"starter":"export const x = 1;\\n"');
      // The full lint still sees everything the outline left for later, and more (the exercise's proof).
      const full = await loadContent(path.join(dir, 'content'), dir);
      expect(full.diagnostics.map(formatDiagnostic)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/01-one.md:15: :calc needs/) as string,
          'content/m/01-one.md:17: Dead link: /learn/m/other has no heading #nowhere',
        ]),
      );
    });
  });
});
