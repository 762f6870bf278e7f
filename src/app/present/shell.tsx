import type { ReactNode } from 'react';
import type { CompiledLesson, LessonSummary } from '../../content/types';

/** A slide's title: its `##` heading, or the lesson's title for the title slide. */
export const slideTitle = (lesson: LessonSummary, compiled: CompiledLesson, index: number) =>
  compiled.slides[index]?.title ?? lesson.title;

/** The page frame for a presenter window that has no lesson to show (yet). */
export function PresentShell({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="present-stage" tabIndex={-1}>
      {children}
    </main>
  );
}

export function LoadError({ message }: { message: string }) {
  return (
    <div className="block-error" role="alert">
      <p>
        <strong>This lesson could not be loaded</strong> ({message}). If you are offline, it may not
        have been saved for offline use yet; reload when you are back online.
      </p>
    </div>
  );
}
