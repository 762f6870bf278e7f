import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Heading } from '../types.ts';

export interface HeadingFindings {
  headings: Heading[];
  problems: { line: number; message: string }[];
}

/**
 * Gives every h2/h3 a stable id derived from its text (GitHub's slug rules) and an anchor link.
 * Two headings with the same id would make one deep link ambiguous, so that is an error rather
 * than a silent "-1" suffix.
 */
export function rehypeHeadings(findings: HeadingFindings) {
  return () => (tree: Root) => {
    const seen = new Map<string, number>();
    visit(tree, 'element', (node: Element) => {
      const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
      if (!depth) return;
      const line = node.position?.start.line ?? 1;
      // remark-rehype's footnote heading already has an id and is for screen readers only.
      if (node.properties.id !== undefined) return;
      const text = toString(node).trim();
      const id = slug(text);
      if (!id) {
        findings.problems.push({ line, message: 'Heading has no text to make a link id from' });
        return;
      }
      const first = seen.get(id);
      if (first !== undefined) {
        findings.problems.push({
          line,
          message: `Duplicate heading id "${id}" (first used on line ${first}); reword one of them`,
        });
        return;
      }
      seen.set(id, line);
      node.properties.id = id;
      node.properties.tabIndex = -1;
      const anchor: ElementContent = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}` },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['visually-hidden'] },
            children: [{ type: 'text', value: `Link to section: ${text}` }],
          },
          {
            type: 'element',
            tagName: 'span',
            properties: { ariaHidden: 'true' },
            children: [{ type: 'text', value: '#' }],
          },
        ],
      };
      node.children.push(anchor);
      if (depth === '2' || depth === '3') {
        findings.headings.push({ id, text, depth: depth === '2' ? 2 : 3 });
      }
    });
  };
}
