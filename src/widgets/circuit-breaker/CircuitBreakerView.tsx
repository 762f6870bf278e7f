import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { ScenarioToolbar } from '../chrome/ScenarioToolbar';
import { scenarioUrl } from '../chrome/scenarioLink';
import { Transport } from '../chrome/Transport';
import { useDebounced } from '../chrome/useDebounced';
import { usePlayback } from '../chrome/usePlayback';
import { RunStatus } from '../chrome/RunStatus';
import { SettingsDetails } from '../chrome/useScenario';
import { useSimulationRun } from '../chrome/useSimulationRun';
import type { WidgetViewProps } from '../types';
import { Comparison } from './Comparison';
import { EventLog } from './EventLog';
import { checkBreakerForm, paramsToForm } from './form';
import { fmtInt, fmtPct } from '../../calc/format';
import { stateLabel } from './format';
import type { StateName } from './machine';
import { presets } from './params';
import type { CircuitBreakerParams, PresetName } from './params';
import { ParamsPanel } from './ParamsPanel';
import { fromDirective, MODEL, startingPoint } from './scenario';
import { parseSeed } from '../chrome/startingPoint';
import { SeriesTable } from './SeriesTable';
import type { CircuitBreakerRun } from './simulate';
import { SoFar } from './SoFar';
import { TheoryTable } from './TheoryTable';

const TimelineChart = lazy(() => import('./TimelineChart'));

const presetOptions = [
  { value: '', label: 'Custom settings' },
  ...Object.entries(presets).map(([value, p]) => ({ value, label: p.title })),
];

export default function CircuitBreakerView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) {
    return <DirectiveError widget="circuit-breaker" problems={lesson.problems} />;
  }
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: PresetName; params: CircuitBreakerParams; seed: number };
}) {
  const [start] = useState(() => startingPoint(lesson, widgetId, window.location.search));
  const [values, setValues] = useState<Record<string, string>>(() => paramsToForm(start.params));
  const [seedText, setSeedText] = useState(String(start.seed));
  const [presetName, setPresetName] = useState<string>(start.fromLink ? '' : lesson.presetName);

  const check = useMemo(() => checkBreakerForm(values), [values]);
  const seed = parseSeed(seedText);
  const request = useDebounced(
    check.params && seed !== null ? { params: check.params, seed } : null,
    250,
  );
  const run = useSimulationRun<CircuitBreakerParams, CircuitBreakerRun>(MODEL, request);
  const result = run.result;
  const shown = run.resultFor;
  const playback = usePlayback(result?.durationS ?? 0);
  const timeMs = playback.time * 1000;

  const set = useCallback((key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setPresetName('');
  }, []);
  const setMany = useCallback((patch: Record<string, string>) => {
    setValues((v) => ({ ...v, ...patch }));
    setPresetName('');
  }, []);
  const load = (params: CircuitBreakerParams, s: number) => {
    setValues(paramsToForm(params));
    setSeedText(String(s));
  };
  const choosePreset = (name: string) => {
    const preset = presets[name as PresetName] as (typeof presets)[PresetName] | undefined;
    if (!preset) return;
    load(preset.params, preset.seed);
    setPresetName(name);
  };
  const resetToLesson = () => {
    load(lesson.params, lesson.seed);
    setPresetName(lesson.presetName);
  };

  const stateAt = currentState(result, timeMs);
  const announcement = useAnnouncement(result, stateAt, timeMs, playback.playing);

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Circuit breaker simulator</h3>
      <p className="widget-intro">
        Callers send Poisson traffic through a breaker to a dependency with log-normal latency and
        the faults you set. The same traffic also runs without a breaker, for comparison. Tripping
        follows Resilience4j (failure rate over a window, judged after a minimum number of calls);
        in half-open any failed trial re-opens.
      </p>
      {start.notice && (
        <p className="form-error" role="alert">
          {start.notice}
        </p>
      )}
      <ScenarioToolbar
        options={presetOptions}
        preset={presetName}
        onPreset={choosePreset}
        seedText={seedText}
        onSeedText={setSeedText}
        seedValid={seed !== null}
        onReset={resetToLesson}
        linkUrl={() =>
          scenarioUrl(
            window.location,
            widgetId,
            { params: shown?.params ?? lesson.params, seed: shown?.seed ?? lesson.seed },
            widgetId,
          )
        }
      />
      {presetName && <p className="run-status">{presets[presetName as PresetName].description}</p>}

      <SettingsDetails check={check} hasResult={result !== null}>
        <ParamsPanel values={values} errors={check.fieldErrors} set={set} setMany={setMany} />
      </SettingsDetails>

      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        done={
          result &&
          run.elapsedMs !== null &&
          `Simulated ${fmtInt(result.withBreaker.summary.total * 2)} calls (both runs, seed ${result.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {result && shown && (
        <>
          <Transport
            playback={playback}
            duration={result.durationS}
            disabled={run.running && !result}
          />
          <p className="state-now">
            At {playback.time.toFixed(1)} s the breaker is{' '}
            <span className={`state-pill state-${stateAt}`}>{stateLabel[stateAt]}</span>
          </p>
          <SoFar run={result} timeMs={timeMs} />
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <TimelineChart
              series={result.withBreaker}
              band={result.withBreaker.band}
              timeS={playback.time}
            />
          </Suspense>
          <SeriesTable series={result.withBreaker} label="With breaker" />
          <h4>Transitions</h4>
          <EventLog log={result.withBreaker.log} timeMs={timeMs} />
          <h4>What the breaker bought</h4>
          <Comparison run={result} />
          <WithoutBreaker run={result} timeS={playback.time} />
          <h4>Theory beside simulation</h4>
          <TheoryTable params={shown.params} run={result} />
        </>
      )}
    </section>
  );
}

/** The no-breaker run's chart, drawn only when the learner opens it. */
function WithoutBreaker({ run, timeS }: { run: CircuitBreakerRun; timeS: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="without-chart" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show the same traffic without a breaker</summary>
      {open && (
        <>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <TimelineChart series={run.withoutBreaker} band={null} timeS={timeS} />
          </Suspense>
          <SeriesTable series={run.withoutBreaker} label="Without breaker" />
        </>
      )}
    </details>
  );
}

function currentState(run: CircuitBreakerRun | null, timeMs: number): StateName {
  if (!run) return 'closed';
  const span =
    run.withBreaker.band.find((s) => timeMs >= s.fromMs && timeMs < s.toMs) ??
    run.withBreaker.band.at(-1);
  return span?.state ?? 'closed';
}

/** Words for screen readers: when a run finishes, and when playback crosses a transition. */
function useAnnouncement(
  run: CircuitBreakerRun | null,
  state: StateName,
  timeMs: number,
  playing: boolean,
): string {
  const [seen, setSeen] = useState<{
    run: CircuitBreakerRun | null;
    state: StateName;
    text: string;
  }>({ run: null, state: 'closed', text: '' });
  if (run !== seen.run) {
    const w = run?.withBreaker.summary;
    const wo = run?.withoutBreaker.summary;
    const opened = run?.withBreaker.log.filter((t) => t.to === 'open').length ?? 0;
    const text =
      run && w && wo
        ? `Run finished. The breaker opened ${opened} time${opened === 1 ? '' : 's'}. Users saw ${fmtPct(w.userErrorRate)} errors with the breaker and ${fmtPct(wo.userErrorRate)} without.`
        : '';
    setSeen({ run, state, text });
  } else if (state !== seen.state) {
    const t = playing ? run?.withBreaker.log.filter((x) => x.at <= timeMs).at(-1) : undefined;
    setSeen({
      run,
      state,
      text: t
        ? `${(t.at / 1000).toFixed(1)} s: breaker ${stateLabel[state]}. ${t.reason}.`
        : seen.text,
    });
  }
  return seen.text;
}
