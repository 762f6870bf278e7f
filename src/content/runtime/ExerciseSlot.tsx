import { lazy } from 'react';
import type { ExerciseBlock } from '../types';
import { NearViewport } from './NearViewport';

const ExerciseView = lazy(() => import('../../exercises/ui/ExerciseView'));

/**
 * Where `::exercise{id=…}` renders, loaded when it comes near the screen. Until then, the starter code already
 * shows in the editor's place, so nothing jumps.
 */
export function ExerciseSlot({ block }: { block: ExerciseBlock }) {
  return (
    <NearViewport
      placeholder={({ ref, loading }) => (
        <section
          ref={ref}
          className="exercise exercise-loading"
          aria-label={`Exercise: ${block.title}`}
          aria-busy="true"
          {...loading}
        >
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
      )}
    >
      <ExerciseView block={block} />
    </NearViewport>
  );
}
