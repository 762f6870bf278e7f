import { lazy } from 'react';
import type { CSSProperties } from 'react';
import type { Quiz } from '../../quiz/types';
import { NearViewport } from './NearViewport';

const QuizView = lazy(() => import('../../quiz/ui/QuizView'));

/** Where a ```quiz or ```gauntlet fence renders; the quiz code loads when it comes near the screen,
 * behind a placeholder sized from its number of questions (styles.css). */
export function QuizSlot({ quiz }: { quiz: Quiz }) {
  return (
    <NearViewport
      placeholder={({ ref, loading }) => (
        <section
          ref={ref}
          className="quiz quiz-loading"
          aria-busy="true"
          aria-label={`${quiz.timeLimitS === null ? 'Quiz' : 'Gauntlet'}: ${quiz.title}`}
          data-timed={quiz.timeLimitS === null ? undefined : ''}
          style={{ '--quiz-questions': quiz.questions.length } as CSSProperties}
          {...loading}
        >
          <p className="run-status">Loading the quiz…</p>
        </section>
      )}
    >
      <QuizView quiz={quiz} />
    </NearViewport>
  );
}
