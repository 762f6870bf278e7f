import type { Block, CompiledLesson, SlideInfo, SlideNotes } from '../../content/types';

/** `?slide=N` (1-based) → a slide index (0-based) within `count`; anything unreadable is slide 1. */
export function slideFromSearch(search: string, count: number): number {
  const raw = new URLSearchParams(search).get('slide');
  const n = raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), Math.max(count, 1)) - 1;
}

/**
 * Minutes planned for each slide: a `:::notes{minutes="…"}` figure where the author gave one,
 * and the rest of the lesson's `minutes` shared among the other slides by how much they hold.
 */
export function plannedMinutes(
  total: number,
  slides: readonly Pick<SlideInfo, 'weight'>[],
  notes: readonly (Pick<SlideNotes, 'minutes'> | null)[],
): number[] {
  const fixed = slides.map((_, i) => notes[i]?.minutes ?? null);
  const spare = Math.max(0, total - fixed.reduce<number>((sum, m) => sum + (m ?? 0), 0));
  const freeWeight = slides.reduce((sum, s, i) => sum + (fixed[i] === null ? s.weight : 0), 0);
  return slides.map((s, i) => fixed[i] ?? (freeWeight > 0 ? (spare * s.weight) / freeWeight : 0));
}

/** Seconds as m:ss (or h:mm:ss from an hour). Negative time reads as 0:00. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** Minutes for people: "4 min", "2.5 min", "under a minute". */
export function minutesText(minutes: number): string {
  const half = Math.round(minutes * 2) / 2;
  return half < 1 ? 'under a minute' : `${half} min`;
}

function componentsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.t) {
      case 'el':
        return componentsOf(b.children);
      case 'widget':
        return [`Widget: ${b.attrs.id ?? b.type}`];
      case 'quiz':
        return [`Quiz: ${b.quiz.title}`];
      case 'exercise':
        return [`Exercise: ${b.title || b.key}`];
      case 'mermaid':
        return [b.title ? `Diagram: ${b.title}` : 'Diagram'];
      default:
        return [];
    }
  });
}

/** A compact, text-only view of a slide for the console: its ### headings and live parts. */
export function slideOutline(
  lesson: CompiledLesson,
  index: number,
): { headings: string[]; parts: string[] } {
  const slide = lesson.slides[index];
  if (!slide) return { headings: [], parts: [] };
  const at = slide.id ? lesson.headings.findIndex((h) => h.id === slide.id) : -1;
  const headings: string[] = [];
  if (slide.id && at >= 0) {
    for (const h of lesson.headings.slice(at + 1)) {
      if (h.depth === 2) break;
      headings.push(h.text);
    }
  }
  return { headings, parts: componentsOf(lesson.blocks.slice(slide.start, slide.end)) };
}

export type SlideAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'help';

/** What a key press does in the presenter (null: leave it alone). */
export function slideAction(key: string, shiftKey: boolean): SlideAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case ' ':
      return shiftKey ? 'previous' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case '?':
      return 'help';
    default:
      return null;
  }
}

const typing =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], .monaco-editor';
const pressable =
  'button, a[href], summary, [role="button"], [role="tab"], [role="radio"], [role="checkbox"]';

/**
 * Keys typed into a widget's field, a slider or the code editor belong to it, and Space on a
 * button presses the button: the presenter only takes keys nothing else on the slide wants.
 */
export function keyBelongsToControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest(typing)) return true;
  return key === ' ' && target.closest(pressable) !== null;
}
