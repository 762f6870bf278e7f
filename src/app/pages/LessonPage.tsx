import 'katex/dist/katex.min.css';
import { useRef } from 'react';
import { Link } from 'wouter';
import { findLesson, findModule, neighbours } from '../../content/manifest';
import { phaseLabel } from '../../content/phases';
import { LessonBody } from '../../content/runtime/LessonBody';
import type { LessonSummary } from '../../content/types';
import { useWorkbook } from '../../store/store';
import { presentPath } from '../routes';
import { useDocumentTitle } from '../useDocumentTitle';
import { LessonSkeleton } from './LessonSkeleton';
import { NotFoundPage } from './NotFoundPage';
import { TableOfContents } from './TableOfContents';
import { useInternalLinks, usePlaceKeeper, useScrollToHash } from './lessonHooks';
import { useCompiledLesson } from './useCompiledLesson';

function CompleteToggle({ lesson }: { lesson: LessonSummary }) {
  const done = useWorkbook((s) => lesson.id in s.completed);
  const setComplete = useWorkbook((s) => s.setComplete);
  return (
    <div className="complete-toggle">
      <button type="button" aria-pressed={done} onClick={() => setComplete(lesson.id, !done)}>
        {done ? 'Completed ✓' : 'Mark complete'}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {done ? `${lesson.title} is marked complete.` : ''}
      </p>
    </div>
  );
}

function LessonView({ lesson }: { lesson: LessonSummary }) {
  const load = useCompiledLesson(lesson.id);
  const module = findModule(lesson.moduleId);
  const { previous, next } = neighbours(lesson.id);
  const ready = load.status === 'ready' ? load.value : null;
  useDocumentTitle(lesson.title);
  useScrollToHash(ready);
  usePlaceKeeper(lesson.id, ready);
  const bodyRef = useRef<HTMLDivElement>(null);
  useInternalLinks(bodyRef);

  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <header className="lesson-header">
        <p className="breadcrumb">
          <Link href="/">Home</Link> <span aria-hidden="true">›</span> {module?.title}
        </p>
        <h1 id="lesson-title" tabIndex={-1}>
          {lesson.title}
        </h1>
        <p className="lede">{lesson.summary}</p>
        <p className="lesson-meta">
          About {lesson.minutes} min · {lesson.difficulty}
          {lesson.phases.length > 0 && ` · ${lesson.phases.map(phaseLabel).join(' → ')}`}
        </p>
        <p className="lesson-actions">
          <Link href={presentPath(lesson.moduleId, lesson.slug)}>Present</Link>
        </p>
      </header>
      {/* Outside the body: when the lesson arrives, the skeleton goes and the contents and
          body appear, so nothing that was on screen moves (no layout shift). */}
      {load.status === 'loading' && <LessonSkeleton />}
      {ready && ready.headings.length > 0 && <TableOfContents headings={ready.headings} />}
      <div className="lesson-body" ref={bodyRef}>
        {load.status === 'error' && (
          <div className="block-error" role="alert">
            <p>
              <strong>This lesson could not be loaded</strong> ({load.message}). If you are offline,
              it may not have been saved for offline use yet; reload when you are back online.
            </p>
          </div>
        )}
        {ready && <LessonBody blocks={ready.blocks} />}
      </div>
      <footer className="lesson-footer">
        <CompleteToggle lesson={lesson} />
        <nav className="pager" aria-label="Previous and next lesson">
          {previous ? (
            <Link href={previous.path} rel="prev">
              <span className="pager-label">Previous</span> {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={next.path} rel="next">
              <span className="pager-label">Next</span> {next.title}
            </Link>
          ) : (
            <Link href="/">
              <span className="pager-label">Done</span> Back to all modules
            </Link>
          )}
        </nav>
      </footer>
    </article>
  );
}

export default function LessonPage({ moduleId, slug }: { moduleId: string; slug: string }) {
  const lesson = findLesson(`${moduleId}/${slug}`);
  if (!lesson) return <NotFoundPage what="lesson" />;
  return <LessonView key={lesson.id} lesson={lesson} />;
}
