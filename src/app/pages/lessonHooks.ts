import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useLocation } from 'wouter';
import type { CompiledLesson } from '../../content/types';
import { useWorkbook } from '../../store/store';

const reducedMotion = () =>
  'matchMedia' in window && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The lesson body arrives after navigation, so the browser's own jump to `#heading` has
 * nothing to land on. Do it once the body is in the page, and move focus there for keyboard
 * and screen-reader users. With no hash, start at the top.
 */
export function useScrollToHash(lesson: CompiledLesson | null) {
  useEffect(() => {
    if (!lesson) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
      target.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
    }
  }, [lesson]);
}

/** Remembers the section the learner is reading, for "pick up where you left off". */
export function usePlaceKeeper(lessonId: string, lesson: CompiledLesson | null) {
  const visit = useWorkbook((s) => s.visit);
  useEffect(() => {
    visit(lessonId, null);
  }, [lessonId, visit]);
  useEffect(() => {
    if (!lesson || typeof IntersectionObserver === 'undefined') return;
    const headings = lesson.headings
      .filter((h) => h.depth === 2)
      .map((h) => ({ h, el: document.getElementById(h.id) }))
      .filter((x): x is { h: (typeof lesson.headings)[number]; el: HTMLElement } => x.el !== null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const seen = entries.filter((e) => e.isIntersecting);
        const top = seen.sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
        const heading = top && headings.find((x) => x.el === top.target)?.h;
        if (!heading) return;
        clearTimeout(timer);
        // Writes go to localStorage: only record a section the learner stays on.
        timer = setTimeout(() => visit(lessonId, { id: heading.id, text: heading.text }), 800);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const { el } of headings) observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [lessonId, lesson, visit]);
}

/**
 * Links between lessons inside compiled HTML go through the router instead of reloading the
 * page. One delegated listener on the lesson body: the links themselves are plain <a>s, so
 * keyboard activation arrives here as a click too.
 */
export function useInternalLinks(ref: RefObject<HTMLElement | null>) {
  const [, navigate] = useLocation();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element).closest('a');
      const href = anchor?.getAttribute('href');
      if (!anchor || !href || !href.startsWith('/') || href.startsWith('//')) return;
      event.preventDefault();
      navigate(href);
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [ref, navigate]);
}
