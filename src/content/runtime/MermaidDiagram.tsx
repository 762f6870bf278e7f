import { lazy, Suspense } from 'react';
import type { MermaidBlock } from '../types';
import { useNearViewport } from './NearViewport';

const MermaidRenderer = lazy(() => import('./MermaidRenderer'));

/**
 * Mermaid is ~30 KB to start and hundreds of KB per diagram type, so it loads only when a
 * diagram comes near the viewport. Until then a box of the same shape holds its place.
 */
export function MermaidDiagram({ block }: { block: MermaidBlock }) {
  const [ref, near] = useNearViewport<HTMLElement>();

  const label = block.title ?? 'Diagram';
  const placeholder = (loading: boolean) => (
    <div className="diagram-placeholder" aria-hidden="true" {...(loading ? { 'data-near-loading': '' } : {})}>
      Drawing diagram…
    </div>
  );
  return (
    <figure className="diagram" ref={ref} aria-label={label}>
      {near ? (
        <Suspense fallback={placeholder(true)}>
          <MermaidRenderer source={block.source} label={label} />
        </Suspense>
      ) : (
        placeholder(false)
      )}
      {block.title && <figcaption>{block.title}</figcaption>}
      <details className="diagram-source">
        <summary>Diagram as text</summary>
        <pre>
          <code>{block.source}</code>
        </pre>
      </details>
    </figure>
  );
}
