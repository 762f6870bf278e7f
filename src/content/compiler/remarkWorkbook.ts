import type { Code, Heading, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { calloutKinds, phaseLabel, phaseNames } from '../phases.ts';
import type { Phase } from '../types.ts';
import { widgetCatalog } from '../../widgets/catalog.ts';
import { attributesOf, replaceWithCalculation, restoreTextDirective } from './inlineDirectives.ts';
import { quizLanguages, replaceWithQuiz } from './quizFence.ts';
import type { QuizFindings } from './quizFence.ts';

/** What one pass over a lesson's Markdown found, besides the transformed tree. */
export interface RemarkFindings {
  problems: { line: number; message: string }[];
  /** Reported without failing the lint. */
  warnings: { line: number; message: string }[];
  links: { url: string; line: number }[];
  phases: { name: Phase; line: number }[];
  /** Lines of top-level content that follows the first phase but sits in none. */
  outsidePhases: number[];
  /** Question ids of every quiz and gauntlet, for the workbook-wide uniqueness check. */
  questionIds: { id: string; line: number }[];
  /** Quizzes on the page, for the review index. */
  quizzes: { id: string; questionIds: string[] }[];
  /** Coding exercises on the page (`::exercise{id="…"}`), loaded from the module's exercises/. */
  exercises: { id: string; line: number }[];
}

const lineOf = (node: { position?: { start: { line: number } } | undefined }): number =>
  node.position?.start.line ?? 1;

/** Takes the `[label]` paragraph remark-directive puts first in a container, if any. */
function takeLabel(node: ContainerDirective): PhrasingContent[] | null {
  const first = node.children[0];
  if (first && first.type === 'paragraph' && first.data?.directiveLabel) {
    node.children.shift();
    return first.children;
  }
  return null;
}

function text(value: string): Text {
  return { type: 'text', value };
}


/**
 * Turns the workbook's directives into HTML-shaped nodes and records every problem with its
 * line. Directive syntax is documented in README.md ("Writing a lesson").
 * `outline`: the structure only (see compileLesson); `:calc` numbers, which may run a
 * simulation each, are computed and checked when the lesson is compiled in full.
 */
export function remarkWorkbook(findings: RemarkFindings, { outline = false }: { outline?: boolean } = {}) {
  return () => (tree: Root) => {
    let afterFirstPhase = false;
    for (const child of tree.children) {
      const isPhase = child.type === 'containerDirective' && phaseNames.has(child.name);
      if (isPhase) afterFirstPhase = true;
      else if (afterFirstPhase && child.type !== 'footnoteDefinition' && child.type !== 'definition') {
        findings.outsidePhases.push(lineOf(child));
      }
    }
    const problem = (node: Parameters<typeof lineOf>[0], message: string) =>
      findings.problems.push({ line: lineOf(node), message });
    const widgetIds = new Set<string>();
    const quizFindings: QuizFindings = {
      problems: findings.problems,
      warnings: findings.warnings,
      questionIds: findings.questionIds,
      quizzes: findings.quizzes,
      widgetRefs: [],
    };

    visitParents(tree, (node, ancestors) => {
      switch (node.type) {
        case 'heading':
          if (node.depth === 1) {
            problem(node, 'Use ## and deeper in the body: the lesson title comes from front matter');
          }
          return;
        case 'paragraph':
          if (toString(node).split('\n').some((line) => /^:{2,}/.test(line.trim()))) {
            problem(
              node,
              'Stray directive fence: a container that holds another container needs more colons ' +
                '(::::outer … :::inner … ::: … ::::)',
            );
          }
          return;
        case 'inlineMath': {
          // Two dollar amounts in one paragraph ("$440 million ... $400 million") pair up as maths.
          const value = (node as { value: string }).value;
          if (!value.includes('\\') && /[a-z]{3,}\s+[a-z]{3,}/i.test(value)) {
            problem(node, 'This looks like prose between two dollar signs, not maths; write \\$ for a dollar sign');
          }
          return;
        }
        case 'link':
          findings.links.push({ url: (node).url, line: lineOf(node) });
          return;
        case 'code':
          if ((node.lang === 'mermaid' || (node.lang && quizLanguages.has(node.lang))) && insideNotes(ancestors))
            problem(node, notesHoldTextOnly);
          if (node.lang === 'mermaid') replaceWithMermaid(node, ancestors.at(-1));
          else if (node.lang && quizLanguages.has(node.lang)) replaceWithQuiz(node, ancestors.at(-1), quizFindings);
          return;
        case 'textDirective':
          if (node.name === 'calc') {
            if (!outline) replaceWithCalculation(node, ancestors.at(-1), problem);
          }
          else restoreTextDirective(node, ancestors.at(-1));
          return;
        case 'leafDirective':
        case 'containerDirective':
          if (node.name === 'widget') {
            // The page names each widget by its id, or by its type without one: two alike clash.
            const id = node.attributes?.id ?? node.attributes?.type;
            if (typeof id === 'string' && id !== '') {
              if (widgetIds.has(id))
                problem(node, `Two widgets on this page are both named "${id}": give each a different id="…"`);
              widgetIds.add(id);
            }
          }
          transformDirective(node, ancestors, problem);
          return;
        default:
          return;
      }
    });
    for (const ref of quizFindings.widgetRefs) {
      if (!widgetIds.has(ref.widget))
        findings.problems.push({
          line: ref.line,
          message: `predict-then-run question names widget "${ref.widget}", but no ::widget on this page has id="${ref.widget}"`,
        });
    }
  };

  function transformDirective(
    node: ContainerDirective | LeafDirective,
    ancestors: readonly Parent[],
    problem: (node: Parameters<typeof lineOf>[0], message: string) => void,
  ) {
    const name = node.name;
    const container = node.type === 'containerDirective';
    if ((name === 'widget' || name === 'exercise' || name === 'notes') && insideNotes(ancestors)) {
      problem(node, notesHoldTextOnly);
    }
    if (name === 'notes') return transformNotes(node, ancestors, problem);
    if (phaseNames.has(name)) {
      if (!container) return problem(node, `Phase "${name}" is a container: write :::${name}[Heading]`);
      const nested = ancestors.some(
        (a) => a.type === 'containerDirective' && phaseNames.has((a as ContainerDirective).name),
      );
      if (nested) problem(node, `Phase "${name}" is inside another phase; phases cannot nest`);
      if (ancestors.length > 1) problem(node, `Phase "${name}" must be at the top level of the lesson`);
      const phase = name as Phase;
      findings.phases.push({ name: phase, line: lineOf(node) });
      const label = takeLabel(node);
      const heading: Heading = {
        type: 'heading',
        depth: 2,
        children: label ?? [text(phaseLabel(phase))],
        data: { hProperties: { dataPhase: phase } },
        ...(node.position ? { position: node.position } : {}),
      };
      // The phase name is real text (not CSS content) so screen readers and search see it.
      node.children.unshift(
        {
          type: 'paragraph',
          children: [text(phaseLabel(phase))],
          data: { hProperties: { className: ['phase-label'] } },
        },
        heading,
      );
      node.data = {
        hName: 'section',
        hProperties: { className: ['phase', `phase-${phase}`], dataPhase: phase },
      };
      return;
    }
    if (name in calloutKinds) {
      if (!container) return problem(node, `Callout "${name}" is a container: write :::${name}`);
      const kindLabel = calloutKinds[name as keyof typeof calloutKinds];
      const label = takeLabel(node);
      node.children.unshift({
        type: 'paragraph',
        children: label ? [text(`${kindLabel}: `), ...label] : [text(kindLabel)],
        data: { hProperties: { className: ['callout-title'] } },
      });
      node.data = {
        hName: 'div',
        hProperties: { className: ['callout', `callout-${name}`], role: 'note' },
      };
      return;
    }
    if (name === 'reveal') {
      if (!container) return problem(node, 'A reveal is a container: write :::reveal[Model answer]');
      const label = takeLabel(node);
      node.children.unshift({
        type: 'paragraph',
        children: label ?? [text('Show answer')],
        data: { hName: 'summary' },
      });
      node.data = { hName: 'details', hProperties: { className: ['reveal'] } };
      if (node.children.length < 2) problem(node, 'This reveal has nothing to reveal');
      return;
    }
    if (name === 'exercise') {
      if (container) return problem(node, 'An exercise is a leaf directive: write ::exercise{id="..."}');
      const attrs = attributesOf(node);
      const id = attrs.id ?? '';
      for (const key of Object.keys(attrs))
        if (key !== 'id') problem(node, `exercise: unknown attribute "${key}" (known: id)`);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
        problem(node, 'An exercise needs the id of its folder in exercises/, e.g. ::exercise{id="breaker-basic"}');
      else findings.exercises.push({ id, line: lineOf(node) });
      node.data = {
        hName: 'wb-exercise',
        hProperties: { dataId: id, dataLine: lineOf(node) },
        hChildren: [],
      };
      return;
    }
    if (name === 'widget') {
      if (container) return problem(node, 'A widget is a leaf directive: write ::widget{type="..."}');
      const attrs = attributesOf(node);
      const type = attrs.type;
      const entry = type ? widgetCatalog[type] : undefined;
      if (!type) {
        problem(node, 'A widget needs a type, e.g. ::widget{type="circuit-breaker"}');
      } else if (!entry) {
        const known = Object.keys(widgetCatalog);
        problem(
          node,
          `Unknown widget type "${type}"` +
            (known.length ? ` (known: ${known.join(', ')})` : ' (no widgets are available yet)'),
        );
      } else {
        for (const message of entry.checkAttributes(attrs)) problem(node, `widget "${type}": ${message}`);
      }
      node.data = {
        hName: 'wb-widget',
        hProperties: { dataType: type ?? '', dataAttrs: JSON.stringify(attrs), dataLine: lineOf(node) },
        hChildren: [],
      };
      return;
    }
    problem(
      node,
      `Unknown directive "${container ? ':::' : '::'}${name}". Known: ` +
        `${[...phaseNames].join(', ')}, ${Object.keys(calloutKinds).join(', ')}, reveal, notes, widget, exercise (and :calc inline)`,
    );
    // Keep the author's text visible rather than dropping it.
    node.data = { hName: 'div' };
  }
}

const notesHoldTextOnly =
  'Speaker notes are text for the presenter: no widget, quiz, diagram, exercise or further notes inside :::notes';

function insideNotes(ancestors: readonly Parent[]): boolean {
  return ancestors.some((a) => a.type === 'containerDirective' && (a as ContainerDirective).name === 'notes');
}

/**
 * `:::notes{minutes="4"}` … `:::` holds speaker notes for the `##` section it sits in. It becomes a
 * <wb-notes> element that toSlides (slides.ts) lifts out of the learner's page into the notes data.
 * It must sit in a phase or at the top level under a `##` heading, not inside another container.
 */
function transformNotes(
  node: ContainerDirective | LeafDirective,
  ancestors: readonly Parent[],
  problem: (node: Parameters<typeof lineOf>[0], message: string) => void,
) {
  if (node.type !== 'containerDirective') {
    problem(node, 'Speaker notes are a container: write :::notes … :::');
    node.data = { hName: 'wb-notes', hChildren: [] };
    return;
  }
  const parent = ancestors.at(-1);
  const inPhase =
    ancestors.length === 2 &&
    parent?.type === 'containerDirective' &&
    phaseNames.has((parent as ContainerDirective).name);
  if (ancestors.length > 1 && !inPhase && !insideNotes(ancestors)) {
    const where =
      parent?.type === 'containerDirective' ? `:::${(parent as ContainerDirective).name}` : (parent?.type ?? 'another block');
    problem(node, `Speaker notes (:::notes) cannot sit inside ${where}: put them directly in the ## section`);
  }
  const attrs = attributesOf(node);
  for (const key of Object.keys(attrs))
    if (key !== 'minutes') problem(node, `notes: unknown attribute "${key}" (known: minutes)`);
  const minutes = attrs.minutes;
  if (minutes !== undefined && !(/^\d+(\.\d+)?$/.test(minutes) && Number(minutes) > 0))
    problem(node, `notes: minutes="${minutes}" must be a positive number of minutes, e.g. minutes="5"`);
  if (node.children.length === 0) problem(node, 'These speaker notes are empty');
  node.data = {
    hName: 'wb-notes',
    hProperties: { dataLine: lineOf(node), ...(minutes !== undefined ? { dataMinutes: minutes } : {}) },
  };
}

/**
 * A mermaid fence becomes its own node type: the `code` handler would wrap it in <pre>, and a
 * diagram is not preformatted text.
 */
function replaceWithMermaid(node: Code, parent: Parent | undefined) {
  if (!parent) return;
  const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1] ?? '';
  const diagram = {
    type: 'wbMermaid',
    data: {
      hName: 'wb-mermaid',
      hProperties: { dataSource: node.value, dataTitle: title, dataLine: lineOf(node) },
      hChildren: [],
    },
    ...(node.position ? { position: node.position } : {}),
  };
  parent.children.splice(parent.children.indexOf(node), 1, diagram as unknown as RootContent);
}

