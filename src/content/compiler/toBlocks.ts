import type { Element, ElementContent, Properties, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Quiz } from '../../quiz/types.ts';
import type { Block, ElementBlock } from '../types.ts';
import { fillQuiz } from './quizFence.ts';

const componentTags = new Set(['wb-widget', 'wb-mermaid', 'wb-quiz', 'wb-exercise']);
const containerTags = new Set<ElementBlock['tag']>(['section', 'div', 'details', 'figure', 'blockquote']);

function isChecklist(node: RootContent): boolean {
  if (node.type !== 'element' || node.tagName !== 'ul') return false;
  const cls = (node).properties.className;
  return Array.isArray(cls) && cls.includes('contains-task-list');
}

function isComponent(node: RootContent): boolean {
  return (node.type === 'element' && componentTags.has(node.tagName)) || isChecklist(node);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'item';

/** A task list's items, each its HTML without the disabled checkbox, named by its text. */
function checklistBlock(node: Element): Block {
  const items: { id: string; html: string }[] = [];
  const seen = new Map<string, number>();
  for (const li of node.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const content = li.children.filter((c) => !(c.type === 'element' && c.tagName === 'input'));
    const html = toHtml(content).trim();
    const base = slug(toString(li));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    items.push({ id: n === 1 ? base : `${base}-${n}`, html });
  }
  return { t: 'checklist', key: '', items, line: node.position?.start.line ?? 1 };
}

function containsComponent(node: RootContent): boolean {
  if (node.type !== 'element') return false;
  return isComponent(node) || node.children.some(containsComponent);
}

function kebab(name: string, prefix: 'data' | 'aria'): string {
  return `${prefix}-${name.slice(prefix.length).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}`;
}

/** hast properties → the React props the runtime renderer passes on (a closed list). */
function reactAttrs(properties: Properties): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const v = Array.isArray(value) ? value.join(' ') : String(value);
    if (key === 'className' || key === 'id' || key === 'role') out[key] = v;
    else if (key === 'open') out.open = '';
    else if (/^data[A-Z]/.test(key)) out[kebab(key, 'data')] = v;
    else if (/^aria[A-Z]/.test(key)) out[kebab(key, 'aria')] = v;
  }
  return out;
}

function componentBlock(node: Element): Block {
  if (isChecklist(node)) return checklistBlock(node);
  const p = node.properties;
  const line = Number(p.dataLine ?? 1);
  if (node.tagName === 'wb-mermaid') {
    const title = String(p.dataTitle ?? '');
    return { t: 'mermaid', source: String(p.dataSource ?? ''), title: title || null, line };
  }
  if (node.tagName === 'wb-quiz') {
    const parts = new Map<string, string>();
    for (const child of node.children) {
      if (child.type === 'element' && typeof child.properties.dataPart === 'string')
        parts.set(child.properties.dataPart, toHtml(child.children).trim());
    }
    const quiz = JSON.parse(String(p.dataQuiz ?? '{}')) as Quiz;
    return { t: 'quiz', quiz: fillQuiz(quiz, parts), line };
  }
  if (node.tagName === 'wb-exercise') {
    // Filled in by loadContent, which knows the lesson's module and reads the exercise folder.
    return { t: 'exercise', key: String(p.dataId ?? ''), title: '', starter: '', line };
  }
  const attrs = JSON.parse(String(p.dataAttrs ?? '{}')) as Record<string, string>;
  return { t: 'widget', type: String(p.dataType ?? ''), attrs, line };
}

/**
 * Static runs of the tree become HTML strings (no Markdown or HTML parser ships to the browser);
 * diagrams and widgets become component blocks; containers around them stay as elements.
 */
export function toBlocks(nodes: readonly RootContent[]): Block[] {
  const out: Block[] = [];
  let pending: ElementContent[] = [];
  const flush = () => {
    const html = toHtml(pending).trim();
    if (html) out.push({ t: 'html', html });
    pending = [];
  };
  for (const node of nodes) {
    if (node.type === 'doctype') continue;
    if (node.type === 'element' && isComponent(node)) {
      flush();
      out.push(componentBlock(node));
    } else if (node.type === 'element' && containsComponent(node)) {
      flush();
      const tag = node.tagName as ElementBlock['tag'];
      if (!containerTags.has(tag)) {
        throw new Error(`a diagram or widget cannot sit inside <${node.tagName}>`);
      }
      const children: Block[] = [];
      let run: ElementContent[] = [];
      for (const child of node.children) {
        // <summary> must stay the first child of <details>, not wrapped in a div.
        if (child.type === 'element' && child.tagName === 'summary') {
          children.push(...toBlocks(run));
          run = [];
          children.push({
            t: 'el',
            tag: 'summary',
            attrs: reactAttrs(child.properties),
            children: [],
            html: toHtml(child.children),
          });
        } else {
          run.push(child);
        }
      }
      children.push(...toBlocks(run));
      out.push({ t: 'el', tag, attrs: reactAttrs(node.properties), children });
    } else {
      pending.push(node);
    }
  }
  flush();
  return out;
}
