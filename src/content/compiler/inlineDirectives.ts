import type { Parent, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { calculations } from '../../calc/registry.ts';

/**
 * Inline directives, wherever lesson Markdown is compiled (the lesson body and the text fields
 * of quizzes): `:calc{…}` becomes its number, and anything else written `:word` is put back as
 * the text it was.
 */

type Directive = ContainerDirective | LeafDirective | TextDirective;

const text = (value: string): Text => ({ type: 'text', value });

export function attributesOf(node: Directive): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * `:calc{of="queue.mmc" ...}` becomes the number the named calculation returns, so a lesson's
 * figures come from the same tested code as its widgets. Problems go to the lint; the reader
 * then sees the directive's text rather than a made-up number.
 */
export function replaceWithCalculation(
  node: TextDirective,
  parent: Parent | undefined,
  problem: (node: TextDirective, message: string) => void,
) {
  if (!parent) return;
  const attrs = attributesOf(node);
  const name = attrs.of ?? '';
  const calculate = calculations[name];
  let value: string;
  if (!calculate) {
    problem(node, `:calc needs of="…", one of ${Object.keys(calculations).join(', ')}`);
    value = `[${name || 'calc'}?]`;
  } else {
    const result = calculate(attrs);
    if (result.ok) value = result.text;
    else {
      for (const message of result.problems) problem(node, `:calc{of="${name}"}: ${message}`);
      value = `[${name}?]`;
    }
  }
  parent.children.splice(parent.children.indexOf(node), 1, text(value) as RootContent);
}

/**
 * remark-directive reads `:word` inside prose as a text directive (e.g. "ratio 3:1x" or "note:this").
 * The workbook defines none, so put the characters back instead of losing them.
 */
export function restoreTextDirective(node: TextDirective, parent: Parent | undefined) {
  if (!parent) return;
  const index = parent.children.indexOf(node);
  if (index < 0) return;
  const label = node.children.length ? `[${toString(node)}]` : '';
  parent.children.splice(index, 1, text(`:${node.name}${label}`) as RootContent);
}
