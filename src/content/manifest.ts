import generated from 'virtual:workbook/manifest';
import type { ContentManifest, LessonSummary, ModuleSummary } from './types';

/** Built by src/content/vitePlugin.ts from content/; its shape is ContentManifest by construction. */
export const manifest = generated as ContentManifest;

/** Every lesson in reading order: modules by their order, lessons by their number. */
export function allLessons(m: ContentManifest = manifest): LessonSummary[] {
  return m.modules.flatMap((mod) => mod.lessons);
}

export function findLesson(id: string, m: ContentManifest = manifest): LessonSummary | undefined {
  return allLessons(m).find((l) => l.id === id);
}

export function findModule(id: string, m: ContentManifest = manifest): ModuleSummary | undefined {
  return m.modules.find((mod) => mod.id === id);
}

export function neighbours(id: string, m: ContentManifest = manifest) {
  const list = allLessons(m);
  const i = list.findIndex((l) => l.id === id);
  return {
    previous: i > 0 ? list[i - 1] : undefined,
    next: i >= 0 && i < list.length - 1 ? list[i + 1] : undefined,
  };
}

/** The first lesson not yet completed, for "what next". */
export function nextUnfinished(
  completed: Readonly<Record<string, unknown>>,
  m: ContentManifest = manifest,
): LessonSummary | undefined {
  return allLessons(m).find((l) => !(l.id in completed));
}
