import { createElement, memo } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import type { Block } from '../types';
import { ChecklistBlock } from './ChecklistBlock';
import { ExerciseSlot } from './ExerciseSlot';
import { LinkTargetNotice } from './LinkTargetNotice';
import { MermaidDiagram } from './MermaidDiagram';
import { QuizSlot } from './QuizSlot';
import { WidgetSlot } from './WidgetSlot';

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.t) {
    case 'html':
      // Build-time output: author HTML was sanitised by rehype-sanitize before our own
      // trusted steps (KaTeX, highlighting) ran. See src/content/compiler/compileLesson.ts.
      return <div key={key} className="flow" dangerouslySetInnerHTML={{ __html: block.html }} />;
    case 'el': {
      const { className, ...rest } = block.attrs;
      const props = { key, className, ...rest };
      if (block.html !== undefined) {
        return createElement(block.tag, { ...props, dangerouslySetInnerHTML: { __html: block.html } });
      }
      return createElement(block.tag, props, block.children.map(renderGuarded));
    }
    case 'mermaid':
      return <MermaidDiagram key={key} block={block} />;
    case 'widget':
      return <WidgetSlot key={key} block={block} />;
    case 'quiz':
      return <QuizSlot key={key} quiz={block.quiz} />;
    case 'exercise':
      return <ExerciseSlot key={key} block={block} />;
    case 'checklist':
      return <ChecklistBlock key={key} block={block} />;
  }
}

function renderGuarded(block: Block, key: number): ReactNode {
  if (block.t === 'html' || block.t === 'el' || block.t === 'checklist') return renderBlock(block, key);
  const label =
    block.t === 'mermaid'
      ? 'This diagram'
      : block.t === 'quiz'
        ? `The quiz “${block.quiz.title}”`
        : block.t === 'exercise'
          ? `The exercise “${block.title}”`
          : `The ${block.type} widget`;
  return (
    <ErrorBoundary key={key} label={label}>
      {renderBlock(block, key)}
    </ErrorBoundary>
  );
}

/** Renders a compiled lesson. Each top-level block has its own error boundary. */
export const LessonBody = memo(function LessonBody({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      <LinkTargetNotice blocks={blocks} search={window.location.search} />
      {blocks.map((block, i) => (
        <ErrorBoundary key={i} label="This part of the lesson">
          {renderGuarded(block, i)}
        </ErrorBoundary>
      ))}
    </>
  );
});
