import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { isOnSiteUrl } from './sanitizeSchema.ts';

/**
 * Raw HTML typed into a lesson is checked where the sanitiser cannot tell it apart from our own
 * markup:
 *
 * - Only directives create the workbook's components (`wb-widget`, `wb-mermaid`, `wb-quiz`,
 *   `wb-exercise`): those pass the lint's checks, a hand-written tag would not. Before raw HTML
 *   is parsed, every component element present was made by a directive; `markDirectiveElements`
 *   stamps each with a secret made afresh for every compile. After parsing,
 *   `checkAuthorHtml` drops any component without it, with a problem on its line.
 * - An image whose source is not on this site is refused, from Markdown or raw HTML alike (the
 *   sanitiser drops it too).
 */

const isComponent = (tag: string) => tag.startsWith('wb-');

export interface AuthorHtmlFindings {
  problems: { line: number; message: string }[];
}

/** A secret for one compile: never in a lesson, so raw HTML cannot forge the stamp. */
export function directiveStamp(): string {
  return crypto.randomUUID();
}

export function markDirectiveElements(stamp: string) {
  return () => (tree: Root) => {
    visitParents(tree, 'element', (node: Element) => {
      if (isComponent(node.tagName)) node.properties.dataDirective = stamp;
    });
  };
}

const lineOf = (node: Element) => node.position?.start.line ?? 1;

/** Attributes through which an element fetches what they name. */
const fetching = ['src', 'srcSet', 'poster', 'data'] as const;

export function checkAuthorHtml(stamp: string, findings: AuthorHtmlFindings) {
  return () => (tree: Root) => {
    const forged: { node: Element; parent: Root | Element }[] = [];
    visitParents(tree, 'element', (node: Element, ancestors) => {
      if (isComponent(node.tagName)) {
        if (node.properties.dataDirective === stamp) delete node.properties.dataDirective;
        else {
          forged.push({ node, parent: ancestors.at(-1) as Root | Element });
          findings.problems.push({
            line: lineOf(node),
            message: `<${node.tagName}> in raw HTML is not allowed: write the directive (::widget{…}, a \`\`\`mermaid fence, a quiz fence or ::exercise{…}) so the lint can check it`,
          });
          return 'skip';
        }
      }
      for (const key of fetching) {
        const value = node.properties[key];
        const urls = Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
        if (urls.some((url) => !isOnSiteUrl(url))) {
          findings.problems.push({
            line: lineOf(node),
            message: `Images must live in public/ and be linked by path, so the workbook works offline and fetches nothing from another site: <${node.tagName}> loads ${urls.join(', ')}`,
          });
        }
      }
      return undefined;
    });
    for (const { node, parent } of forged) {
      parent.children.splice(parent.children.indexOf(node), 1);
    }
  };
}
