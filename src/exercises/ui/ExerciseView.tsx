import { useEffect, useId, useMemo, useRef, useState } from 'react';
import loaders from 'virtual:workbook/exercises';
import { z } from 'zod/mini';
import { manifest } from '../../content/manifest';
import type { ExerciseBlock } from '../../content/types';
import { useWorkbook } from '../../store/store';
import type { RunResult } from '../harness';
import { runSandboxed } from '../runSandboxed';
import { CodeEditor } from './CodeEditor';
import { seconds } from '../text';
import { lineDiff } from './diff';

/**
 * A coding exercise: the learner's code in an editor (autosaved with their progress), "Run the
 * checks" in a sandboxed worker with a time limit, each check's verdict with what it teaches,
 * console output, and — once everything passes — the reference solution beside their code.
 */

const dataSchema = z.object({
  key: z.string(),
  title: z.string(),
  timeLimitMs: z.number(),
  starter: z.string(),
  solution: z.string(),
  checks: z.string(),
  checkTitles: z.array(z.string()),
  kitDts: z.string(),
});
type ExerciseData = z.infer<typeof dataSchema>;

const SAVE_DELAY_MS = 500;

/** The review questions of the lesson that shows an exercise: passing it enrols them. */
function relatedQuestions(key: string): string[] {
  const lessonId = manifest.exercises[key]?.lessonId;
  return Object.entries(manifest.questions)
    .filter(([, where]) => where.lessonId === lessonId)
    .map(([id]) => id);
}

function useExerciseData(key: string) {
  const [state, setState] = useState<{ data: ExerciseData | null; error: string | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    const loader = loaders[key];
    if (!loader) {
      queueMicrotask(() =>
        setState({ data: null, error: 'This exercise is not part of this build.' }),
      );
      return;
    }
    loader().then(
      (mod) => {
        const parsed = dataSchema.safeParse(mod.default);
        if (live)
          setState(
            parsed.success
              ? { data: parsed.data, error: null }
              : { data: null, error: 'This exercise’s files are damaged.' },
          );
      },
      () =>
        live &&
        setState({
          data: null,
          error: 'The exercise could not be loaded. Are you offline on a first visit?',
        }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

const statusWords: Record<RunResult['status'], string> = {
  pass: 'Every check passes.',
  fail: 'Some checks fail.',
  error: 'Your code raised an error.',
  timeout: 'Stopped: out of time.',
};

export default function ExerciseView({ block }: { block: ExerciseBlock }) {
  const titleId = useId();
  const { data, error } = useExerciseData(block.key);
  const saved = useWorkbook((s) => s.exercises[block.key]);
  const saveCode = useWorkbook((s) => s.saveCode);
  const recordRun = useWorkbook((s) => s.recordRun);
  const forgetCode = useWorkbook((s) => s.forgetCode);
  const [code, setCode] = useState(() => (saved?.code ? saved.code : block.starter));
  const [result, setResult] = useState<RunResult | null>(null);
  const [running, setRunning] = useState(false);
  const [showSolution, setShowSolution] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const passed = (saved?.passedAt ?? null) !== null;

  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );

  const edit = (next: string) => {
    setCode(next);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => saveCode(block.key, next), SAVE_DELAY_MS);
  };

  const run = async () => {
    if (!data || running) return;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveCode(block.key, code);
    setRunning(true);
    setResult(null);
    try {
      const r = await runSandboxed({
        code,
        checks: data.checks,
        checkTitles: data.checkTitles,
        timeLimitMs: data.timeLimitMs,
      });
      setResult(r);
      recordRun(block.key, r.status === 'pass', new Date(), relatedQuestions(block.key));
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    setCode(block.starter);
    forgetCode(block.key);
    setResult(null);
    setShowSolution(false);
  };

  const passCount = result ? result.checks.filter((c) => c.status === 'pass').length : 0;

  return (
    <section className="exercise" aria-labelledby={titleId}>
      <h3 id={titleId}>Exercise: {block.title}</h3>
      <p className="widget-intro">
        Write TypeScript below and run the checks. Your code runs in a sandbox on this page only,
        with no network or storage and a time limit of {seconds(data?.timeLimitMs ?? 3000)}; it is
        saved with your progress as you type. Import helpers from <code>'kit'</code>.
      </p>
      <CodeEditor
        value={code}
        onChange={edit}
        label={`Your code for “${block.title}”`}
        kitDts={data?.kitDts ?? null}
        modelPath={block.key}
      />
      <div className="widget-toolbar">
        <button
          type="button"
          className="button-primary"
          onClick={() => void run()}
          disabled={!data || running}
        >
          {running ? 'Running the checks…' : 'Run the checks'}
        </button>
        <button type="button" onClick={reset} disabled={running}>
          Reset to the starter code
        </button>
        {passed && !running && (
          <span className="exercise-passed">
            Passed{saved?.runs ? ` (after ${saved.runs} run${saved.runs === 1 ? '' : 's'})` : ''}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite" className="exercise-status">
        {result && (
          <p className={`exercise-verdict exercise-verdict-${result.status}`}>
            <strong>{statusWords[result.status]}</strong>{' '}
            {result.checks.length > 0 && `${passCount} of ${result.checks.length} checks pass.`}{' '}
            {result.message}
          </p>
        )}
        {result && result.usedMs !== null && (
          <p className="field-help exercise-timing">
            Your code ran for {seconds(result.usedMs)} of its {seconds(result.limitMs)} limit (the
            sandbox’s own start-up is not counted).
          </p>
        )}
      </div>
      {result && result.checks.length > 0 && <CheckList result={result} />}
      {result && result.output && (
        <details open>
          <summary>Console output</summary>
          {/* A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <pre className="exercise-output" tabIndex={0}>
            {result.output}
          </pre>
        </details>
      )}
      {data && !result && (
        <details>
          <summary>The {data.checkTitles.length} checks</summary>
          <ol>
            {data.checkTitles.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        </details>
      )}
      {data && passed && (
        <div className="exercise-solution">
          <button
            type="button"
            aria-expanded={showSolution}
            onClick={() => setShowSolution((s) => !s)}
          >
            {showSolution ? 'Hide the reference solution' : 'Compare with the reference solution'}
          </button>
          {showSolution && <SolutionDiff theirs={code} ours={data.solution} />}
        </div>
      )}
    </section>
  );
}

function CheckList({ result }: { result: RunResult }) {
  return (
    <ol className="exercise-checks">
      {result.checks.map((c, i) => (
        <li key={i} className={`exercise-check exercise-check-${c.status}`}>
          <p>
            <span className="exercise-check-status">
              {c.status === 'pass' ? '✓ Pass' : c.status === 'fail' ? '✗ Fail' : '! Error'}
            </span>{' '}
            <strong>{c.title}</strong>
          </p>
          <p className="field-help">Teaches: {c.objective}</p>
          {c.status !== 'pass' && (
            <>
              {c.message && <p>{c.message}</p>}
              {c.expected !== null && (
                <p>
                  Expected <code>{c.expected}</code>, got <code>{c.actual ?? 'nothing'}</code>.
                </p>
              )}
              <p>
                <em>Hint:</em> {c.hint}
              </p>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

function SolutionDiff({ theirs, ours }: { theirs: string; ours: string }) {
  const lines = useMemo(() => lineDiff(theirs, ours), [theirs, ours]);
  return (
    <figure className="exercise-diff">
      <figcaption>
        Lines only in your code are marked −, lines only in the reference solution +. Different is
        not wrong: your code passed every check.
      </figcaption>
      {/* Scrollable, so reachable from the keyboard (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre tabIndex={0}>
        {lines.map((l, i) => (
          <span key={i} className={`diff-${l.kind}`}>
            {l.kind === 'same' ? '  ' : l.kind === 'theirs' ? '− ' : '+ '}
            {l.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
