import { Suspense, useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';

/** How far below (or above) the screen a block starts loading: about one phone screen ahead. */
export const NEAR_MARGIN = '600px 0px';

/**
 * True once the element has come within `NEAR_MARGIN` of the viewport, and from then on.
 * Without IntersectionObserver (old browsers, some test environments) it is true at once.
 */
export function useNearViewport<T extends Element>(eager = false): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => eager || typeof IntersectionObserver === 'undefined');
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
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

export interface PlaceholderProps {
  ref: RefObject<HTMLElement | null>;
  /**
   * Set while the block's code is loading (it is near the screen). Spread onto the placeholder:
   * `data-near-loading` tells the bundle budget (scripts/bundle-budget.ts) that a load is under way.
   */
  loading: { 'data-near-loading'?: '' };
}

/**
 * A block whose code loads only when it comes near the screen: until then, and while it loads,
 * `placeholder` holds its place (same element, name and size as the real view, so nothing jumps).
 * `children` is the lazy component; `eager` loads it at once (the widget a shared link names).
 */
export function NearViewport({
  placeholder,
  children,
  eager = false,
}: {
  placeholder: (props: PlaceholderProps) => ReactNode;
  children: ReactNode;
  eager?: boolean;
}) {
  const [ref, near] = useNearViewport<HTMLElement>(eager);
  if (!near) return placeholder({ ref, loading: {} });
  return (
    <Suspense fallback={placeholder({ ref, loading: { 'data-near-loading': '' } })}>{children}</Suspense>
  );
}
