import { describe, expect, it } from 'vitest';
import type { Block } from '../types.ts';
import { compileLesson } from './compileLesson.ts';

const front = (extra = '') => `---
title: Test lesson
summary: A lesson used by the tests.
minutes: 5
difficulty: introductory
kind: overview
tags: [test]
prerequisites: []
${extra}---
`;

const htmlOf = (blocks: Block[]): string =>
  blocks
    .map((b) => (b.t === 'html' ? b.html : b.t === 'el' ? (b.html ?? htmlOf(b.children)) : ''))
    .join('\n');

describe('compileLesson', () => {
  it('reads valid front matter', async () => {
    const out = await compileLesson(`${front()}\nHello.\n`);
    expect(out.problems).toEqual([]);
    expect(out.frontMatter).toMatchObject({ title: 'Test lesson', minutes: 5, kind: 'overview' });
  });

  it('reports front matter problems on the line of the offending key', async () => {
    const source = `---
title: Test
summary: S
minutes: 5
difficulty: expert
kind: overview
tags: [test]
prerequisites: []
---
`;
    const out = await compileLesson(source);
    expect(out.frontMatter).toBeNull();
    expect(out.problems).toEqual([
      { line: 5, message: expect.stringContaining('difficulty must be one of') as string },
    ]);
  });

  it('reports a missing field and invalid YAML', async () => {
    const missing = await compileLesson('---\ntitle: T\n---\nx\n');
    expect(missing.problems.map((p) => p.message).join('\n')).toMatch(/summary/);
    const broken = await compileLesson('---\ntitle: [unclosed\nsummary: s\n---\n');
    expect(broken.problems[0]?.message).toMatch(/not valid YAML/);
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(2);
    const none = await compileLesson('# Just markdown\n');
    expect(none.problems[0]).toEqual({ line: 1, message: expect.stringMatching(/Missing front matter/) as string });
  });

  it('strips scripts, event handlers and javascript: URLs from raw HTML', async () => {
    const out = await compileLesson(
      `${front()}\nHi <script>alert(1)</script><img src="/x.png" onerror="alert(2)"> <a href="javascript:alert(3)">x</a> <kbd>Ctrl</kbd>\n`,
    );
    const html = htmlOf(out.blocks);
    expect(html).not.toMatch(/<script|onerror|javascript:|alert/);
    expect(html).toContain('<kbd>Ctrl</kbd>');
  });

  it('renders math with KaTeX at build time, with MathML for screen readers', async () => {
    const out = await compileLesson(`${front()}\nInline $L = \\lambda W$ and\n\n$$\nW = \\frac{1}{\\mu - \\lambda}\n$$\n`);
    const html = htmlOf(out.blocks);
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    // Wide formulas scroll sideways, so a displayed one takes a tab stop (keyboard scrolling).
    expect(html).toMatch(/<span class="katex-display" tabindex="0">/);
    expect(out.problems).toEqual([]);
  });

  it('fails on a formula KaTeX cannot render', async () => {
    const out = await compileLesson(`${front()}\n$$\n\\frac{1}{\n$$\n`);
    expect(out.problems.some((p) => /Formula does not render/.test(p.message))).toBe(true);
  });

  it('highlights code blocks with both themes', async () => {
    const out = await compileLesson(`${front()}\n\`\`\`ts\nconst x: number = 1;\n\`\`\`\n`);
    const html = htmlOf(out.blocks);
    expect(html).toContain('class="shiki');
    expect(html).toContain('--shiki-dark');
  });

  it('gives headings stable ids and anchor links, and rejects duplicates with a line', async () => {
    const out = await compileLesson(`${front()}\n## Why it fails\n\ntext\n\n### Why it fails\n`);
    expect(out.headings).toEqual([{ id: 'why-it-fails', text: 'Why it fails', depth: 2 }]);
    expect(htmlOf(out.blocks)).toContain('href="#why-it-fails"');
    expect(out.problems).toEqual([
      { line: 15, message: expect.stringContaining('Duplicate heading id "why-it-fails"') as string },
    ]);
  });

  it('rejects a level-one heading in the body', async () => {
    const out = await compileLesson(`${front()}\n# Title again\n`);
    expect(out.problems[0]?.message).toMatch(/lesson title comes from front matter/);
  });

  it('turns callouts and reveals into labelled HTML', async () => {
    const out = await compileLesson(
      `${front()}\n:::scenario[A made-up week]\nIt was busy.\n:::\n\n:::reveal[Model answer]\nBecause.\n:::\n`,
    );
    const html = htmlOf(out.blocks);
    expect(html).toContain('<div class="callout callout-scenario" role="note">');
    expect(html).toContain('Illustrative scenario: A made-up week');
    expect(html).toMatch(/<details class="reveal"><summary>Model answer<\/summary>/);
    expect(out.problems).toEqual([]);
  });

  it('refuses two widgets with the same name on a page', async () => {
    const out = await compileLesson(
      `${front()}\n::widget{type="queue"}\n\n::widget{type="queue"}\n\n::widget{type="queue" id="second"}\n`,
    );
    expect(out.problems.map((p) => p.message)).toEqual([
      'Two widgets on this page are both named "queue": give each a different id="…"',
    ]);
  });

  it('reports unknown directives, widgets and stray fences with their lines', async () => {
    const out = await compileLesson(
      `${front()}\n:::sidebar\nx\n:::\n\n::widget{type="warp-drive"}\n\n::widget\n\n::::tip\ninner\n::::\n:::\n`,
    );
    expect(out.problems).toEqual([
      { line: 11, message: expect.stringContaining('Unknown directive ":::sidebar"') as string },
      { line: 15, message: expect.stringContaining('Unknown widget type "warp-drive"') as string },
      { line: 17, message: expect.stringContaining('A widget needs a type') as string },
      { line: 22, message: expect.stringContaining('Stray directive fence') as string },
    ]);
  });

  it('replaces :calc with the number the model computes, and reports a bad one', async () => {
    const out = await compileLesson(
      `${front()}\nAt 80 % the wait is :calc{of="queue.mmc" lambda="0.8" service="1" servers="1" metric="Wq"} and 22 servers give :calc{of="queue.mmc" lambda="1000" service="0.02" servers="22" metric="waitP99"}; you need :calc{of="queue.servers" lambda="1000" service="0.02" waitP99="0.05"}.\n\nBad: :calc{of="queue.mmc" lambda="2" service="1" servers="1" metric="W"} and :calc{of="nope"} and :calc{of="queue.servers" lambda="1" service="1"}.\n`,
    );
    const html = htmlOf(out.blocks);
    expect(html).toContain('At 80 % the wait is 4 s and 22 servers give 40.4 ms; you need 22.');
    expect(out.problems).toEqual([
      { line: 13, message: expect.stringContaining('arrivals outpace') as string },
      { line: 13, message: expect.stringContaining(':calc needs of=') as string },
      { line: 13, message: expect.stringContaining('give exactly one target') as string },
    ]);
    expect(html).toContain('Bad: [queue.mmc?] and [nope?]');
  });

  it('catches a fence at the end of a paragraph and dollar amounts read as maths', async () => {
    const out = await compileLesson(
      `${front()}\nSome text\n:::\n\nIt lost $440 million and then $400 million more.\n\nMath $a + b$ and $\\text{fine words}$.\n`,
    );
    expect(out.problems).toEqual([
      { line: 11, message: expect.stringContaining('Stray directive fence') as string },
      { line: 14, message: expect.stringContaining('prose between two dollar signs') as string },
    ]);
  });

  it('keeps prose that merely looks like a text directive', async () => {
    const out = await compileLesson(`${front()}\nA ratio of 3:1 and see:this[label] here.\n`);
    expect(htmlOf(out.blocks)).toContain('A ratio of 3:1 and see:this[label] here.');
    expect(out.problems).toEqual([]);
  });

  it('makes Mermaid fences into diagram blocks that keep their source and title', async () => {
    const out = await compileLesson(
      `${front()}\n:::note\n\`\`\`mermaid title="Breaker states"\nstateDiagram-v2\n  [*] --> closed\n\`\`\`\n:::\n`,
    );
    expect(out.blocks).toEqual([
      {
        t: 'el',
        tag: 'div',
        attrs: { className: 'callout callout-note', role: 'note' },
        children: [
          { t: 'html', html: '<p class="callout-title">Note</p>' },
          { t: 'mermaid', source: 'stateDiagram-v2\n  [*] --> closed', title: 'Breaker states', line: 12 },
        ],
      },
    ]);
  });

  it('rejects remote images, which would not work offline', async () => {
    const out = await compileLesson(`${front()}\n![chart](https://example.com/a.png)\n`);
    expect(out.problems[0]?.message).toMatch(/public\//);
  });

  it.each([
    '<img src="https://evil.example/track.png">',
    '<img src="//evil.example/track.png">',
    '<img src="/\\evil.example/track.png">',
    '<img src="/&#9;/evil.example/track.png">',
    '<img src="data:image/png;base64,AAAA">',
    '<picture><source srcset="https://evil.example/a.png 2x"><img src="/ok.png" alt=""></picture>',
    '![chart](//evil.example/a.png)',
  ])('refuses an off-site image in a lesson, with its line, and drops it: %s', async (html) => {
    const out = await compileLesson(`${front()}\nSome text.\n\n${html}\n`);
    expect(out.problems.map((p) => p.line)).toEqual([13]);
    expect(out.problems[0]?.message).toMatch(/^Images must live in public\/ .* from another site/);
    expect(htmlOf(out.blocks)).not.toMatch(/evil|data:/);
  });

  it('keeps images from this site', async () => {
    const out = await compileLesson(
      `${front()}\n<img src="/figures/a.png" alt="A"> ![b](figures/b.png) <picture><source srcset="/a.png 1x, /a2.png 2x"><img src="/a.png" alt=""></picture>\n`,
    );
    expect(out.problems).toEqual([]);
    const html = htmlOf(out.blocks);
    expect(html).toContain('src="/figures/a.png"');
    expect(html).toContain('src="figures/b.png"');
    expect(html).toContain('srcset="/a.png 1x, /a2.png 2x"');
  });

  it.each([
    '<wb-widget data-type="queue" data-attrs="{}"></wb-widget>',
    '<wb-mermaid data-source="graph TD; a-->b"></wb-mermaid>',
    '<div><wb-quiz data-quiz="{}"></wb-quiz></div>',
    '<wb-exercise data-id="breaker-basic"></wb-exercise>',
  ])('does not let raw HTML create a component: %s', async (html) => {
    const out = await compileLesson(`${front()}\n${html}\n\n::widget{type="queue"}\n`);
    expect(out.problems.map((p) => p.line)).toEqual([11]);
    expect(out.problems[0]?.message).toMatch(/^<wb-[a-z]+> in raw HTML is not allowed/);
    const components = out.blocks.filter((b) => b.t !== 'html' && b.t !== 'el');
    // Only the directive's widget is left, and it carries no stamp.
    expect(components.map((b) => b.t)).toEqual(['widget']);
    expect(JSON.stringify(out.blocks)).not.toMatch(/wb-(mermaid|quiz|exercise)|directive/i);
  });

  it('collects links and phases with their lines', async () => {
    const source = `${front().replace('kind: overview', 'kind: focus')}\n:::priming[Why]\nSee [it](/learn/a/b#c).\n:::\n`;
    const out = await compileLesson(source);
    expect(out.links).toEqual([{ url: '/learn/a/b#c', line: 12 }]);
    expect(out.phases).toEqual([{ name: 'priming', line: 11 }]);
    expect(out.headings[0]).toEqual({ id: 'why', text: 'Why', depth: 2 });
  });
});

describe('task lists', () => {
  it('become a checklist block whose items are named by their text', async () => {
    const r = await compileLesson(
      `---\ntitle: T\nsummary: S\nminutes: 5\ndifficulty: introductory\nkind: reference\ntags: []\nprerequisites: []\n---\n\n- [ ] Every call has a **timeout**\n- [x] Retries have a budget\n- [ ] Retries have a budget\n`,
    );
    expect(r.problems).toEqual([]);
    const block = r.blocks.find((b) => b.t === 'checklist');
    expect(block).toMatchObject({
      t: 'checklist',
      items: [
        { id: 'every-call-has-a-timeout', html: 'Every call has a <strong>timeout</strong>' },
        { id: 'retries-have-a-budget', html: 'Retries have a budget' },
        { id: 'retries-have-a-budget-2', html: 'Retries have a budget' },
      ],
    });
  });
});

describe('tables', () => {
  it('get a tab stop, since a wide one scrolls sideways', async () => {
    const r = await compileLesson(
      `---\ntitle: T\nsummary: S\nminutes: 5\ndifficulty: introductory\nkind: reference\ntags: []\nprerequisites: []\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`,
    );
    const html = r.blocks.map((b) => (b.t === 'html' ? b.html : '')).join('');
    expect(html).toContain('<table tabindex="0">');
  });
});
