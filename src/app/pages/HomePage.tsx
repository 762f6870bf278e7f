import { Link } from 'wouter';
import { findLesson, manifest, nextUnfinished } from '../../content/manifest';
import type { ModuleSummary } from '../../content/types';
import { useWorkbook } from '../../store/store';
import { useDocumentTitle } from '../useDocumentTitle';

function ModuleCard({ module }: { module: ModuleSummary }) {
  const completed = useWorkbook((s) => s.completed);
  const done = module.lessons.filter((l) => l.id in completed).length;
  const total = module.lessons.length;
  const minutes = module.lessons.reduce((n, l) => n + l.minutes, 0);
  const headingId = `module-${module.id}`;
  return (
    <section className="module-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{module.title}</h2>
      <p>{module.summary}</p>
      <p className="module-meta">
        <span>
          {total} {total === 1 ? 'lesson' : 'lessons'} · about {minutes} min
        </span>
        <span>
          <progress value={done} max={Math.max(total, 1)} aria-label={`${module.title} progress`} />{' '}
          {done} of {total} complete
        </span>
      </p>
      <ol className="lesson-list">
        {module.lessons.map((lesson) => {
          const isDone = lesson.id in completed;
          return (
            <li key={lesson.id} className={isDone ? 'done' : undefined}>
              <Link href={lesson.path}>{lesson.title}</Link>
              <span className="lesson-meta">
                {lesson.minutes} min · {lesson.difficulty}
                {isDone && (
                  <span className="done-mark">
                    {' '}
                    · <span aria-hidden="true">✓</span> completed
                  </span>
                )}
              </span>
              <p className="lesson-summary">{lesson.summary}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function ContinueCard() {
  const lastVisited = useWorkbook((s) => s.lastVisited);
  const completed = useWorkbook((s) => s.completed);
  const last = lastVisited ? findLesson(lastVisited.lessonId) : undefined;
  const next = nextUnfinished(completed);
  if (last && !(last.id in completed)) {
    const section = lastVisited?.headingText ?? null;
    const href = lastVisited?.headingId ? `${last.path}#${lastVisited.headingId}` : last.path;
    return (
      <aside className="continue-card" aria-label="Continue">
        <p>Pick up where you left off:</p>
        <p>
          <Link href={href}>
            {last.title}
            {section ? ` — ${section}` : ''}
          </Link>
        </p>
      </aside>
    );
  }
  if (next) {
    return (
      <aside className="continue-card" aria-label="What next">
        <p>{Object.keys(completed).length ? 'Up next:' : 'Start here:'}</p>
        <p>
          <Link href={next.path}>{next.title}</Link>
        </p>
      </aside>
    );
  }
  return null;
}

export function HomePage() {
  useDocumentTitle(null);
  return (
    <div className="home">
      <h1>How distributed systems fail, and how they are kept under control</h1>
      <p className="lede">
        Short lessons next to live simulations. Read a focus block, try the idea in practice, then
        answer the prompts before you reveal the model answers.
      </p>
      <ContinueCard />
      {manifest.modules.map((module) => (
        <ModuleCard key={module.id} module={module} />
      ))}
    </div>
  );
}
