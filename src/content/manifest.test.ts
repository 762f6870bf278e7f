import { describe, expect, it, vi } from 'vitest';
import type { ContentManifest, LessonSummary } from './types';

vi.mock('virtual:workbook/manifest', () => ({ default: { modules: [] } }));
const { allLessons, neighbours, nextUnfinished, findLesson } = await import('./manifest');

const lesson = (moduleId: string, slug: string): LessonSummary => ({
  id: `${moduleId}/${slug}`,
  moduleId,
  slug,
  order: 0,
  path: `/learn/${moduleId}/${slug}`,
  phases: [],
  title: slug,
  summary: '',
  minutes: 1,
  difficulty: 'introductory',
  kind: 'focus',
  tags: [],
  prerequisites: [],
});

const m: ContentManifest = {
  modules: [
    { id: 'a', title: 'A', summary: '', order: 1, lessons: [lesson('a', 'one'), lesson('a', 'two')] },
    { id: 'b', title: 'B', summary: '', order: 2, lessons: [lesson('b', 'three')] },
  ],
  questions: {},
  exercises: {},
};

describe('manifest helpers', () => {
  it('walks lessons across modules in reading order', () => {
    expect(allLessons(m).map((l) => l.id)).toEqual(['a/one', 'a/two', 'b/three']);
    expect(neighbours('a/two', m)).toEqual({ previous: m.modules[0]?.lessons[0], next: m.modules[1]?.lessons[0] });
    expect(neighbours('a/one', m).previous).toBeUndefined();
    expect(neighbours('b/three', m).next).toBeUndefined();
    expect(findLesson('b/three', m)?.title).toBe('three');
    expect(findLesson('nope', m)).toBeUndefined();
  });

  it('suggests the first lesson not yet completed', () => {
    expect(nextUnfinished({}, m)?.id).toBe('a/one');
    expect(nextUnfinished({ 'a/one': {}, 'a/two': {} }, m)?.id).toBe('b/three');
    expect(nextUnfinished({ 'a/one': {}, 'a/two': {}, 'b/three': {} }, m)).toBeUndefined();
  });
});
