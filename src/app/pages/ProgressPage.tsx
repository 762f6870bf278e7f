import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { findLesson, manifest } from '../../content/manifest';
import { averageRetrievability, dueNow, fromStored } from '../../quiz/schedule';
import {
  exportFileName,
  exportJson,
  parseImport,
  refuseBySize,
  reviewLogCsv,
} from '../../quiz/transfer';
import type { ExportFile } from '../../quiz/transfer';
import { useWorkbook } from '../../store/store';
import { importedState, transferDataOf } from '../../store/transfer';
import { download } from '../download';
import { useDocumentTitle } from '../useDocumentTitle';
import { streakDays } from './progressStats';

const HistoryChart = lazy(() => import('./GauntletHistoryChart'));

/** Completion, gauntlet history, the review deck, and the learner's data in and out. */
export default function ProgressPage() {
  useDocumentTitle('Progress');
  const state = useWorkbook();
  const [now] = useState(() => new Date());
  const cards = useMemo(() => Object.values(state.cards).map(fromStored), [state.cards]);
  const retention = averageRetrievability(cards, now);
  const streak = streakDays(
    [
      ...Object.values(state.completed).map((c) => c.at),
      ...state.gauntletResults.map((r) => r.finishedAt),
      ...state.reviewLog.map((l) => l.review),
    ],
    now,
  );
  const titles = useMemo(() => {
    const out = new Map<string, string>();
    for (const [qid, where] of Object.entries(manifest.questions)) {
      const lesson = manifest.modules
        .flatMap((m) => m.lessons)
        .find((l) => l.id === where.lessonId);
      if (lesson && !out.has(where.quizId)) out.set(where.quizId, lesson.title);
      void qid;
    }
    return out;
  }, []);

  return (
    <article className="progress-page">
      <h1>Your progress</h1>
      <p className="lesson-summary">
        Everything here is stored in this browser only. Export it to keep a copy or move it to
        another device.
      </p>
      <dl className="review-stats">
        <div>
          <dt>Study streak</dt>
          <dd>
            {streak} {streak === 1 ? 'day' : 'days'}
          </dd>
        </div>
        <div>
          <dt>Cards due now</dt>
          <dd>
            <Link href="/review">{dueNow(cards, now).length}</Link>
          </dd>
        </div>
        <div>
          <dt>Cards in your deck</dt>
          <dd>{cards.length}</dd>
        </div>
        <div>
          <dt>Estimated recall today</dt>
          <dd>{retention === null ? '—' : `${Math.round(retention * 100)} %`}</dd>
        </div>
      </dl>

      <h2>Lessons</h2>
      {manifest.modules.map((m) => {
        const done = m.lessons.filter((l) => l.id in state.completed).length;
        return (
          <section key={m.id} aria-labelledby={`progress-${m.id}`} className="progress-module">
            <h3 id={`progress-${m.id}`}>{m.title}</h3>
            <p>
              <progress
                value={done}
                max={Math.max(1, m.lessons.length)}
                aria-label={`${m.title}: lessons complete`}
              />{' '}
              {done} of {m.lessons.length} complete
            </p>
            <ul className="progress-lessons">
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link href={l.path}>{l.title}</Link> —{' '}
                  {l.id in state.completed ? 'complete' : 'not yet'}
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <ExerciseProgress />

      <h2>Gauntlets</h2>
      {state.gauntletResults.length === 0 ? (
        <p>No gauntlets taken yet.</p>
      ) : (
        <>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <HistoryChart results={state.gauntletResults} />
          </Suspense>
          <table className="stat-table">
            <caption className="visually-hidden">Every gauntlet attempt</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Gauntlet</th>
                <th scope="col">Score</th>
                <th scope="col">Time used</th>
              </tr>
            </thead>
            <tbody>
              {[...state.gauntletResults].reverse().map((r) => (
                <tr key={`${r.quizId}-${r.startedAt}`}>
                  <th scope="row">
                    {new Date(r.finishedAt).toLocaleString('en', {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </th>
                  <td>{titles.get(r.quizId) ?? r.quizId}</td>
                  <td>
                    {r.score} of {r.total}
                  </td>
                  <td>
                    {Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000)} s
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>Your data</h2>
      <DataTransfer />
    </article>
  );
}

function DataTransfer() {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ file: ExportFile; summary: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportAll = () => {
    const now = new Date();
    download(
      exportFileName(now),
      exportJson(transferDataOf(useWorkbook.getState()), now),
      'application/json',
    );
    setMessage({ text: 'Exported. Keep the file somewhere safe.', error: false });
  };
  const exportCsv = () => {
    download(
      'reliability-workbook-reviews.csv',
      reviewLogCsv(useWorkbook.getState().reviewLog),
      'text/csv',
    );
  };
  const read = async (file: File) => {
    setPending(null);
    let result = refuseBySize(file.size);
    if (!result) {
      try {
        result = parseImport(await file.text());
      } catch {
        result = {
          ok: false,
          message: 'The file could not be read (it may have been moved). Nothing was imported.',
        };
      }
    }
    if (result.ok) setPending({ file: result.data, summary: result.summary });
    else setMessage({ text: result.message, error: true });
  };
  const apply = (mode: 'merge' | 'replace') => {
    if (!pending) return;
    useWorkbook.setState((s) => importedState(s, pending.file, mode));
    setPending(null);
    setMessage({
      text:
        mode === 'merge'
          ? 'Imported and merged with your progress here.'
          : 'Imported: your progress here was replaced.',
      error: false,
    });
  };

  return (
    <div className="data-transfer">
      <p>
        <button type="button" onClick={exportAll}>
          Export everything (JSON)
        </button>{' '}
        <button type="button" onClick={exportCsv}>
          Export the review log (CSV)
        </button>
      </p>
      <p className="field-help">
        The CSV has one row per review (card id, review time, rating, elapsed days), for other FSRS
        tools.
      </p>
      <div className="field">
        <label htmlFor="import-file">Import a file exported from the workbook</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
            e.target.value = '';
          }}
        />
      </div>
      {pending && (
        <div className="callout callout-note" role="group" aria-label="Confirm the import">
          <p>This file holds {pending.summary}. What should happen to the progress already here?</p>
          <p>
            <button type="button" className="button-primary" onClick={() => apply('merge')}>
              Merge with what is here
            </button>{' '}
            <button type="button" onClick={() => apply('replace')}>
              Replace what is here
            </button>{' '}
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </p>
        </div>
      )}
      <p role="status" className={message?.error ? 'form-error' : 'run-status'}>
        {message?.text}
      </p>
    </div>
  );
}

/** Every coding exercise: passed (and when), started, or not yet, with a link to its lesson. */
function ExerciseProgress() {
  const exercises = useWorkbook((s) => s.exercises);
  const entries = Object.entries(manifest.exercises);
  if (!entries.length) return null;
  const passed = entries.filter(([key]) => (exercises[key]?.passedAt ?? null) !== null).length;
  return (
    <section aria-labelledby="progress-exercises">
      <h2 id="progress-exercises">Coding exercises</h2>
      <p>
        <progress value={passed} max={entries.length} aria-label="Coding exercises passed" />{' '}
        {passed} of {entries.length} passed. Passing one also adds its lesson’s review questions to
        your review deck.
      </p>
      <ul className="progress-lessons">
        {entries.map(([key, { title, lessonId }]) => {
          const record = exercises[key];
          const lesson = findLesson(lessonId);
          const status = record?.passedAt
            ? `passed on ${new Date(record.passedAt).toLocaleDateString()}`
            : record && (record.runs > 0 || record.code)
              ? `started${record.runs ? `, ${record.runs} run${record.runs === 1 ? '' : 's'}` : ''}`
              : 'not started';
          return (
            <li key={key}>
              {lesson ? <Link href={lesson.path}>{title}</Link> : title} — {status}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
