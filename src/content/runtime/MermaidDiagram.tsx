import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { MermaidBlock } from '../types';

const MermaidRenderer = lazy(() => import('./MermaidRenderer'));

/**
 * Mermaid is ~30 KB to start and hundreds of KB per diagram type, so it loads only when a
 * diagram comes near the viewport. Until then a box of the same shape holds its place.
 */
export function MermaidDiagram({ block }: { block: MermaidBlock }) {
  const ref = useRef<HTMLElement>(null);
  // Without IntersectionObserver (very old browsers), draw straight away.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);

  const label = block.title ?? 'Diagram';
  const placeholder = (
    <div className="diagram-placeholder" aria-hidden="true">
      Drawing diagram…
    </div>
  );
  return (
    <figure className="diagram" ref={ref} aria-label={label}>
      {near ? (
        <Suspense fallback={placeholder}>
          <MermaidRenderer source={block.source} label={label} />
        </Suspense>
      ) : (
        placeholder
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
