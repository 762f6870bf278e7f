import { lazy, Suspense } from 'react';
import type { ExerciseBlock } from '../types';

const ExerciseView = lazy(() => import('../../exercises/ui/ExerciseView'));

/**
 * Where `::exercise{id=…}` renders. Until the exercise's code loads, the starter code already
 * shows in the editor's place, so nothing jumps.
 */
export function ExerciseSlot({ block }: { block: ExerciseBlock }) {
  return (
    <Suspense
      fallback={
        <section className="exercise" aria-label={`Exercise: ${block.title}`} aria-busy="true">
          <h3>Exercise: {block.title}</h3>
          {/* It scrolls, so it is reachable and named (axe: scrollable-region-focusable). */}
          <pre
            className="code-editor code-editor-placeholder"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            role="region"
            aria-label={`Starter code for “${block.title}” (the editor is loading)`}
          >
            {block.starter}
          </pre>
        </section>
      }
    >
      <ExerciseView block={block} />
    </Suspense>
  );
}
