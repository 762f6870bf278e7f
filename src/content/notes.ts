import loaders from 'virtual:workbook/notes';
import type { SlideNotes } from './types';

/** Loads one lesson's speaker notes (their own chunk; only the presenter console asks). */
export function loadNotes(id: string): Promise<(SlideNotes | null)[]> | null {
  const load = loaders[id];
  return load ? load().then((m) => m.default as (SlideNotes | null)[]) : null;
}
