import type { Element, ElementContent, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Block, Heading, SlideInfo, SlideNotes } from '../types.ts';
import { toBlocks } from './toBlocks.ts';

export interface SlidesResult {
  /** The lesson's blocks: the same tree the learner sees, cut so no block spans two slides. */
  blocks: Block[];
  slides: SlideInfo[];
  /** Speaker notes per slide (same order), or null: never part of `blocks`. */
  notes: (SlideNotes | null)[];
  problems: { line: number; message: string }[];
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/** The `##` heading that opens a slide: a top-level h2, or the h2 of a phase section. */
function slideHeading(node: RootContent): Element | null {
  if (!isElement(node)) return null;
  if (node.tagName === 'h2') return node;
  if (node.tagName === 'section' && node.properties.dataFootnotes === undefined) {
    return node.children.find((c): c is Element => isElement(c) && c.tagName === 'h2') ?? null;
  }
  return null;
}

/** Removes every `<wb-notes>` under `nodes`, returning them in document order. */
function takeNotes(nodes: (RootContent | ElementContent)[]): Element[] {
  const found: Element[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node || !isElement(node)) continue;
    if (node.tagName === 'wb-notes') {
      found.push(node);
      nodes.splice(i, 1);
      i--;
    } else {
      found.push(...takeNotes(node.children));
    }
  }
  return found;
}

/** How much there is to read or do on a slide, for sharing out the lesson's planned minutes. */
function weightOf(nodes: readonly RootContent[]): number {
  let weight = 0;
  for (const node of nodes) {
    weight += toString(node).replace(/\s+/g, ' ').length;
    if (isElement(node)) {
      // A widget, quiz or exercise takes time out of proportion to its few characters.
      const walk = (n: RootContent | ElementContent): number =>
        isElement(n)
          ? (['wb-widget', 'wb-quiz', 'wb-exercise'].includes(n.tagName) ? 600 : 0) +
            n.children.reduce((sum, c) => sum + walk(c), 0)
          : 0;
      weight += walk(node);
    }
  }
  return Math.max(1, weight);
}

/**
 * Cuts a compiled lesson into slides, one per `##` section (the text before the first one is the
 * title slide), and lifts the speaker notes (`:::notes`) out of the learner's tree into their
 * own list. Each slide's blocks are a contiguous range of the lesson's blocks, so the presenter
 * renders a slice with the same renderer as the lesson page.
 */
export function toSlides(children: readonly RootContent[], headings: readonly Heading[]): SlidesResult {
  const groups: { heading: Element | null; nodes: RootContent[] }[] = [{ heading: null, nodes: [] }];
  for (const node of children) {
    const heading = slideHeading(node);
    if (heading) groups.push({ heading, nodes: [node] });
    else groups.at(-1)?.nodes.push(node);
  }
  // Footnotes and trailing whitespace belong to the last slide; an empty title slide is dropped.
  const first = groups[0];
  if (first && groups.length > 1 && first.nodes.every((n) => n.type === 'text' && !n.value.trim())) {
    groups.shift();
  }

  const blocks: Block[] = [];
  const slides: SlideInfo[] = [];
  const notes: (SlideNotes | null)[] = [];
  const problems: SlidesResult['problems'] = [];
  for (const group of groups) {
    const taken = takeNotes(group.nodes);
    if (!group.heading) {
      for (const n of taken)
        problems.push({
          line: Number(n.properties.dataLine ?? n.position?.start.line ?? 1),
          message: 'Speaker notes (:::notes) must sit inside a ## section (a phase, or after a ## heading)',
        });
    }
    const start = blocks.length;
    blocks.push(...toBlocks(group.nodes));
    const id = group.heading ? String(group.heading.properties.id ?? '') : '';
    const title = group.heading
      ? (headings.find((h) => h.id === id)?.text ?? toString(group.heading).trim())
      : null;
    slides.push({ id, title, start, end: blocks.length, weight: weightOf(group.nodes) });
    if (group.heading && taken.length > 0) {
      const minutes = taken
        .map((n) => Number(n.properties.dataMinutes))
        .filter((m) => Number.isFinite(m) && m > 0);
      notes.push({
        html: taken.map((n) => toHtml(n.children).trim()).join('\n'),
        minutes: minutes.length > 0 ? minutes.reduce((a, b) => a + b, 0) : null,
      });
    } else {
      notes.push(null);
    }
  }
  return { blocks, slides, notes, problems };
}
