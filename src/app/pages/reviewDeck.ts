import { manifest } from '../../content/manifest';
import { loadLesson } from '../../content/lessons';
import type { Block } from '../../content/types';
import type { Question } from '../../quiz/types';

/**
 * Finds the questions behind review cards: the manifest says which lesson holds each question,
 * and that lesson's compiled chunk holds the question itself. Lessons load only when needed.
 */
function questionsIn(blocks: readonly Block[], out: Map<string, Question>) {
  for (const b of blocks) {
    if (b.t === 'quiz') for (const q of b.quiz.questions) out.set(q.id, q);
    else if (b.t === 'el') questionsIn(b.children, out);
  }
}

export async function loadQuestions(ids: readonly string[]): Promise<Map<string, Question>> {
  const lessonIds = new Set(
    ids.map((id) => manifest.questions[id]?.lessonId).filter((x) => x !== undefined),
  );
  const out = new Map<string, Question>();
  const loading = [...lessonIds].map((id) => loadLesson(id)).filter((p) => p !== null);
  for (const lesson of await Promise.all(loading)) questionsIn(lesson.blocks, out);
  return out;
}

/** Where a question lives, for a "see it in context" link. */
export function questionHome(id: string): string | null {
  const where = manifest.questions[id];
  if (!where) return null;
  const [moduleId, slug] = where.lessonId.split('/');
  return moduleId && slug ? `/learn/${moduleId}/${slug}` : null;
}
