import { describe, expect, it } from 'vitest';
import type { Block } from '../types.ts';
import { compileLesson } from './compileLesson.ts';

const front = `---
title: Test lesson
summary: A lesson used by the tests.
minutes: 10
difficulty: introductory
kind: overview
tags: [test]
prerequisites: []
---
`;

const textOf = (blocks: readonly Block[]): string =>
  blocks
    .map((b) => (b.t === 'html' ? b.html : b.t === 'el' ? (b.html ?? '') + textOf(b.children) : `[${b.t}]`))
    .join('\n');

describe('slides', () => {
  it('makes one slide per ## section, after a title slide, each a range of the blocks', async () => {
    const out = await compileLesson(
      `${front}\nIntro text.\n\n## First part\n\nAlpha.\n\n::widget{type="queue"}\n\n## Second part\n\nBeta.\n`,
    );
    expect(out.problems).toEqual([]);
    expect(out.slides.map((s) => [s.id, s.title])).toEqual([
      ['', null],
      ['first-part', 'First part'],
      ['second-part', 'Second part'],
    ]);
    const [intro, first, second] = out.slides.map((s) => textOf(out.blocks.slice(s.start, s.end)));
    expect(intro).toContain('Intro text.');
    expect(intro).not.toContain('Alpha');
    expect(first).toContain('Alpha.');
    expect(first).toContain('[widget]');
    expect(first).not.toContain('Beta');
    expect(second).toContain('Beta.');
    expect(out.slides.at(-1)?.end).toBe(out.blocks.length);
    // The widget weighs more than its handful of characters.
    expect(out.slides[1]!.weight).toBeGreaterThan(out.slides[2]!.weight + 500);
  });

  it('has no title slide when the lesson opens with a section', async () => {
    const out = await compileLesson(`${front}\n## Only part\n\nText.\n`);
    expect(out.slides.map((s) => s.title)).toEqual(['Only part']);
  });

  it('takes speaker notes out of the learner blocks and keeps them per slide with their minutes', async () => {
    const out = await compileLesson(
      `${front}\n## First part\n\nAlpha.\n\n:::notes{minutes="4"}\nAsk the room **why** before revealing.\n:::\n\n## Second part\n\nBeta.\n`,
    );
    expect(out.problems).toEqual([]);
    expect(textOf(out.blocks)).not.toContain('Ask the room');
    expect(out.notes).toEqual([
      { html: '<p>Ask the room <strong>why</strong> before revealing.</p>', minutes: 4 },
      null,
    ]);
  });

  it('finds notes inside a phase section', async () => {
    const out = await compileLesson(
      `${front.replace('kind: overview', 'kind: focus')}\n::::priming[Warm up]\nText.\n\n:::notes\nPoll the room.\n:::\n::::\n`,
    );
    expect(out.slides.map((s) => s.title)).toEqual(['Warm up']);
    expect(out.notes[0]?.html).toContain('Poll the room.');
    expect(textOf(out.blocks)).not.toContain('Poll the room');
  });

  it('reports misplaced or malformed notes with their lines', async () => {
    const source = [
      front,
      ':::notes', // line 11: before any ## section
      'Too early.',
      ':::',
      '',
      '## Part',
      '',
      '::::tip',
      ':::notes', // line 18: inside a callout
      'Hidden in a tip.',
      ':::',
      '::::',
      '',
      ':::notes{minutes="soon" who="me"}', // line 23: bad attributes
      'Text.',
      '',
      '::widget{type="queue"}', // line 26: widget in notes
      ':::',
      '',
      '::notes', // line 29: leaf
    ].join('\n');
    const out = await compileLesson(source);
    const got = out.problems.map((p) => `${p.line}: ${p.message}`);
    expect(got).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^11: Speaker notes \(:::notes\) must sit inside a ## section/),
        expect.stringMatching(/^18: Speaker notes \(:::notes\) cannot sit inside :::tip/),
        expect.stringMatching(/^23: notes: unknown attribute "who"/),
        expect.stringMatching(/^23: notes: minutes="soon" must be a positive number/),
        expect.stringMatching(/^26: Speaker notes are text for the presenter/),
        expect.stringMatching(/^29: Speaker notes are a container/),
      ]),
    );
  });
});
