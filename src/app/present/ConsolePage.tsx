import './present.css';
import { useState } from 'react';
import { findLesson } from '../../content/manifest';
import { loadNotes } from '../../content/notes';
import type { CompiledLesson, LessonSummary, SlideNotes } from '../../content/types';
import { LessonSkeleton } from '../pages/LessonSkeleton';
import { NotFoundPage } from '../pages/NotFoundPage';
import { useCompiledLesson, useLoad } from '../pages/useCompiledLesson';
import { useDocumentTitle } from '../useDocumentTitle';
import { LoadError, PresentShell, slideTitle } from './shell';
import { clockText, minutesText, plannedMinutes, slideOutline } from './slideMath';
import { useNow, useSlideDeck, useSlideKeys } from './useSlideDeck';

function Outline({ lesson, index }: { lesson: CompiledLesson; index: number }) {
  const { headings, parts } = slideOutline(lesson, index);
  if (headings.length === 0 && parts.length === 0) return null;
  return (
    <ul className="console-outline">
      {headings.map((h, i) => (
        <li key={`h${i}`}>{h}</li>
      ))}
      {parts.map((p, i) => (
        <li key={`p${i}`} className="console-part">
          {p}
        </li>
      ))}
    </ul>
  );
}

function Timers({ index, planned }: { index: number; planned: number[] }) {
  const now = useNow();
  const [started, setStarted] = useState(() => Date.now());
  const [section, setSection] = useState(() => ({ index, since: Date.now() }));
  // A new slide restarts the section timer (React's "adjust state on a prop change" pattern).
  if (section.index !== index) setSection({ index, since: now });
  const spent = (now - section.since) / 1000;
  const plan = planned[index] ?? 0;
  const over = plan > 0 && spent > plan * 60;
  return (
    <section className="console-panel console-time" aria-labelledby="console-time">
      <h2 id="console-time">Time</h2>
      <dl>
        <div>
          <dt>Clock</dt>
          <dd>{new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{clockText((now - started) / 1000)}</dd>
        </div>
        <div>
          <dt>This section</dt>
          <dd className={over ? 'console-over' : undefined}>
            {clockText(spent)} <span className="console-plan">of {minutesText(plan)} planned</span>
            {over && <span className="console-over-note"> (over time)</span>}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        onClick={() => {
          setStarted(Date.now());
          setSection({ index, since: Date.now() });
        }}
      >
        Restart timers
      </button>
    </section>
  );
}

function Console({
  lesson,
  compiled,
  notes,
}: {
  lesson: LessonSummary;
  compiled: CompiledLesson;
  notes: (SlideNotes | null)[];
}) {
  const count = compiled.slides.length;
  const { index, goTo } = useSlideDeck(lesson.id, count);
  useSlideKeys(index, count, goTo);
  useDocumentTitle(`Presenter console · ${lesson.title}`);
  const planned = plannedMinutes(lesson.minutes, compiled.slides, notes);
  const current = notes[index];
  return (
    <main id="main" className="console" tabIndex={-1}>
      <h1>
        Presenter console <span className="console-lesson">{lesson.title}</span>
      </h1>
      <nav className="present-bar console-bar" aria-label="Slides">
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
      </nav>
      <div className="console-grid">
        <section className="console-panel console-now" aria-labelledby="console-now">
          <h2 id="console-now">Now</h2>
          <p className="console-slide-title">{slideTitle(lesson, compiled, index)}</p>
          <Outline lesson={compiled} index={index} />
        </section>
        <section className="console-panel console-next" aria-labelledby="console-next">
          <h2 id="console-next">Next</h2>
          {index + 1 < count ? (
            <>
              <p className="console-slide-title">{slideTitle(lesson, compiled, index + 1)}</p>
              <Outline lesson={compiled} index={index + 1} />
            </>
          ) : (
            <p>This is the last slide.</p>
          )}
        </section>
        <section className="console-panel console-notes" aria-labelledby="console-notes">
          <h2 id="console-notes">Speaker notes</h2>
          {current ? (
            // Build-time HTML, sanitised like the lesson's own (src/content/compiler/slides.ts).
            <div className="flow" dangerouslySetInnerHTML={{ __html: current.html }} />
          ) : (
            <p className="console-empty">No notes for this slide.</p>
          )}
        </section>
        <Timers index={index} planned={planned} />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {`Slide ${index + 1} of ${count}: ${slideTitle(lesson, compiled, index)}`}
      </p>
    </main>
  );
}

function LoadedConsole({ lesson }: { lesson: LessonSummary }) {
  const compiled = useCompiledLesson(lesson.id);
  const notes = useLoad(lesson.id, loadNotes);
  if (compiled.status === 'ready' && notes.status === 'ready')
    return <Console lesson={lesson} compiled={compiled.value} notes={notes.value} />;
  const failed = compiled.status === 'error' ? compiled : notes.status === 'error' ? notes : null;
  return (
    <PresentShell>
      {failed ? <LoadError message={failed.message} /> : <LessonSkeleton />}
    </PresentShell>
  );
}

/** The presenter's own window: `/present/<module>/<slug>/console`. */
export default function ConsolePage({ moduleId, slug }: { moduleId: string; slug: string }) {
  const lesson = findLesson(`${moduleId}/${slug}`);
  if (!lesson)
    return (
      <PresentShell>
        <NotFoundPage what="lesson" />
      </PresentShell>
    );
  return <LoadedConsole key={lesson.id} lesson={lesson} />;
}
