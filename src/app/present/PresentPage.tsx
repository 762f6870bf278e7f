import 'katex/dist/katex.min.css';
import './present.css';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { findLesson } from '../../content/manifest';
import { LessonBody } from '../../content/runtime/LessonBody';
import type { CompiledLesson, LessonSummary } from '../../content/types';
import { LessonSkeleton } from '../pages/LessonSkeleton';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useCompiledLesson } from '../pages/useCompiledLesson';
import { presentConsolePath } from '../routes';
import { ThemeSwitcher } from '../ThemeSwitcher';
import { useDocumentTitle } from '../useDocumentTitle';
import { HelpDialog } from './HelpDialog';
import { LoadError, PresentShell, slideTitle } from './shell';
import { toggleFullscreen, useSlideDeck, useSlideKeys } from './useSlideDeck';

function Deck({ lesson, compiled }: { lesson: LessonSummary; compiled: CompiledLesson }) {
  const count = compiled.slides.length;
  const { index, goTo } = useSlideDeck(lesson.id, count);
  const [help, setHelp] = useState(false);
  useSlideKeys(index, count, goTo, {
    onHelp: () => setHelp((h) => !h),
    onFullscreen: toggleFullscreen,
  });
  const slide = compiled.slides[index];
  const title = slideTitle(lesson, compiled, index);
  useDocumentTitle(`${title} (slide ${index + 1}) · ${lesson.title}`);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [index]);
  const openConsole = () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/$/, '')}${presentConsolePath(lesson.moduleId, lesson.slug)}?slide=${index + 1}`;
    window.open(url, `presenter-console:${lesson.id}`, 'popup,width=1100,height=760');
  };

  return (
    <div className="present">
      <main id="main" className="present-stage" tabIndex={-1}>
        <section
          key={index}
          className="present-slide lesson-body"
          aria-roledescription="slide"
          aria-label={`Slide ${index + 1} of ${count}: ${title}`}
        >
          {slide?.title === null ? (
            <header className="present-title-slide">
              <h1>{lesson.title}</h1>
              <p className="lede">{lesson.summary}</p>
            </header>
          ) : (
            <p className="present-lesson-name">{lesson.title}</p>
          )}
          {slide && <LessonBody blocks={compiled.blocks.slice(slide.start, slide.end)} />}
        </section>
      </main>
      <nav className="present-bar" aria-label="Slides">
        <button type="button" onClick={() => goTo(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">←</span> Previous
        </button>
        <p className="present-counter">
          <span className="visually-hidden">Slide </span>
          {index + 1} / {count}
        </p>
        <button type="button" onClick={() => goTo(index + 1)} disabled={index === count - 1}>
          Next <span aria-hidden="true">→</span>
        </button>
        <span className="present-bar-gap" />
        <button type="button" onClick={openConsole}>
          Open presenter console
        </button>
        {document.fullscreenEnabled && (
          <button type="button" onClick={toggleFullscreen}>
            Full screen
          </button>
        )}
        <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keys
        </button>
        <Link href={lesson.path}>Leave</Link>
        <ThemeSwitcher />
      </nav>
      <p className="visually-hidden" role="status" aria-live="polite">
        {`Slide ${index + 1} of ${count}: ${title}`}
      </p>
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

function LoadedDeck({ lesson }: { lesson: LessonSummary }) {
  const load = useCompiledLesson(lesson.id);
  if (load.status === 'ready') return <Deck lesson={lesson} compiled={load.value} />;
  return (
    <PresentShell>
      {load.status === 'loading' ? <LessonSkeleton /> : <LoadError message={load.message} />}
    </PresentShell>
  );
}

/** A lesson as slides, one per `##` section: `/present/<module>/<slug>?slide=N`. */
export default function PresentPage({ moduleId, slug }: { moduleId: string; slug: string }) {
  const lesson = findLesson(`${moduleId}/${slug}`);
  if (!lesson)
    return (
      <PresentShell>
        <NotFoundPage what="lesson" />
      </PresentShell>
    );
  return <LoadedDeck key={lesson.id} lesson={lesson} />;
}
