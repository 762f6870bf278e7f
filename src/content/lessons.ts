import loaders from 'virtual:workbook/lessons';
import type { CompiledLesson } from './types';

/** Loads one compiled lesson (its own chunk); null when no lesson has that id. */
export function loadLesson(id: string): Promise<CompiledLesson> | null {
  const load = loaders[id];
  return load ? load().then((m) => m.default as CompiledLesson) : null;
}
