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
          <pre className="code-editor code-editor-placeholder">{block.starter}</pre>
        </section>
      }
    >
      <ExerciseView block={block} />
    </Suspense>
  );
}
