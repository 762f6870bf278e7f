import { lazy, Suspense } from 'react';
import type { Quiz } from '../../quiz/types';

const QuizView = lazy(() => import('../../quiz/ui/QuizView'));

/** Where a ```quiz or ```gauntlet fence renders; the quiz code loads only on pages that have one. */
export function QuizSlot({ quiz }: { quiz: Quiz }) {
  return (
    <Suspense
      fallback={
        <section className="quiz" aria-busy="true" aria-label={quiz.title}>
          <p className="run-status">Loading the quiz…</p>
        </section>
      }
    >
      <QuizView quiz={quiz} />
    </Suspense>
  );
}
