import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { LinkNotice } from '../chrome/LinkNotice';
import { NumberField } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioToolbar } from '../chrome/ScenarioToolbar';
import { fmtInt, fmtPct } from '../../calc/format';
import { scenarioUrl } from '../chrome/scenarioLink';
import { parseSeed, startingPoint } from '../chrome/startingPoint';
import { useDebounced } from '../chrome/useDebounced';
import { useSimulationRun } from '../chrome/useSimulationRun';
import type { WidgetViewProps } from '../types';
import { fromAlertDirective } from './directive';
import { checkPolicy, checkWorld, policyToForm, worldToForm } from './form';
import type { PolicyForm, WorldForm } from './form';
import { alertComparisonModel } from './model';
import { ModelCard } from './ModelCard';
import { presetComparison, presets } from './params';
import type { ComparisonInput, PresetName } from './params';
import { PolicyEditor } from './PolicyEditor';
import { fmtMinutes, outcomeRows, summary } from './report';
import type { ComparisonParams, ComparisonResult } from './simulate';
import { Timeline } from './Timeline';
import { TableScroll } from '../chrome/TableScroll';

const FatigueChart = lazy(() => import('./FatigueChart'));

const presetOptions = [
  { value: '', label: 'Custom settings' },
  ...Object.entries(presets).map(([value, p]) => ({ value, label: p.title })),
];

export default function AlertFatigueView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromAlertDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="alert-fatigue" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: PresetName; params: ComparisonInput; seed: number };
}) {
  const [start] = useState(() =>
    startingPoint(lesson, widgetId, window.location.search, (p) =>
      alertComparisonModel.validate(p),
    ),
  );
  const [world, setWorld] = useState<WorldForm>(() => worldToForm(start.params.world));
  const [policies, setPolicies] = useState<[PolicyForm, PolicyForm]>(() => [
    policyToForm(start.params.a),
    policyToForm(start.params.b),
  ]);
  const [seedText, setSeedText] = useState(String(start.seed));
  const [presetName, setPresetName] = useState<string>(start.fromLink ? '' : lesson.presetName);

  const worldCheck = useMemo(() => checkWorld(world), [world]);
  const checks = useMemo(() => policies.map(checkPolicy), [policies]);
  const worldErrors: Partial<Record<keyof WorldForm, string>> = worldCheck.ok
    ? {}
    : worldCheck.fieldErrors;
  const seed = parseSeed(seedText);
  const params: ComparisonParams | null =
    worldCheck.ok && checks[0]!.ok && checks[1]!.ok
      ? { world: worldCheck.value, a: checks[0]!.value, b: checks[1]!.value }
      : null;
  const request = useDebounced(params && seed !== null ? { params, seed } : null, 400);
  const run = useSimulationRun<ComparisonParams, ComparisonResult>('alert-comparison', request);
  const result = run.result;
  const shown = run.resultFor;

  const load = (p: ComparisonInput, s: number) => {
    setWorld(worldToForm(p.world));
    setPolicies([policyToForm(p.a), policyToForm(p.b)]);
    setSeedText(String(s));
  };
  const choosePreset = (name: string) => {
    if (!(name in presets)) return;
    load(presetComparison(name as PresetName), presets[name as PresetName].seed);
    setPresetName(name);
  };
  const setWorldField = (key: keyof WorldForm, value: string) => {
    setWorld((w) => ({ ...w, [key]: value }));
    setPresetName('');
  };
  const setPolicy = (i: 0 | 1, form: PolicyForm) => {
    setPolicies((p) => (i === 0 ? [form, p[1]] : [p[0], form]));
    setPresetName('');
  };

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Alert fatigue simulator</h3>
      <p className="widget-intro">
        A simulated on-call period: services with a daily traffic cycle, noise, harmless spikes and
        real incidents at seeded times. Two alerting policies watch the <em>same</em> period; each
        pages the same simulated engineer, who gets slower and starts ignoring pages as false alarms
        pile up. Edit either policy and compare.
      </p>
      <LinkNotice notice={start.notice} />
      <ScenarioToolbar
        options={presetOptions}
        preset={presetName}
        onPreset={choosePreset}
        seedText={seedText}
        onSeedText={setSeedText}
        seedValid={seed !== null}
        onReset={() => {
          load(lesson.params, lesson.seed);
          setPresetName(lesson.presetName);
        }}
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

      <details className="params-details">
        <summary>The world</summary>
        <div className="param-grid">
          <NumberField
            label="On-call period"
            unit="days"
            value={world.days}
            onChange={(v) => setWorldField('days', v)}
            error={worldErrors.days}
            step={1}
          />
          <NumberField
            label="Services"
            value={world.services}
            onChange={(v) => setWorldField('services', v)}
            error={worldErrors.services}
            step={1}
          />
          <NumberField
            label="Incidents per week (average)"
            value={world.incidentsPerWeek}
            onChange={(v) => setWorldField('incidentsPerWeek', v)}
            error={worldErrors.incidentsPerWeek}
          />
          <NumberField
            label="Harmless spikes per service per day"
            value={world.spikesPerDay}
            onChange={(v) => setWorldField('spikesPerDay', v)}
            error={worldErrors.spikesPerDay}
          />
        </div>
        {!worldCheck.ok &&
          worldCheck.formErrors.map((e) => (
            <p key={e} className="form-error" role="alert">
              {e}
            </p>
          ))}
      </details>

      <details className="params-details">
        <summary>The two policies (edit rules, grouping, inhibition)</summary>
        <div className="alert-policies">
          {([0, 1] as const).map((i) => {
            const check = checks[i]!;
            return (
              <PolicyEditor
                key={i}
                label={i === 0 ? 'Policy A' : 'Policy B'}
                form={policies[i]}
                onChange={(f) => setPolicy(i, f)}
                errors={check.ok ? {} : check.fieldErrors}
                problems={check.ok ? [] : check.formErrors}
              />
            );
          })}
        </div>
      </details>
      {!params && result && (
        <p className="run-status">
          Fix the settings above to run again; the last good run stays below.
        </p>
      )}

      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        done={
          result &&
          shown &&
          run.elapsedMs !== null &&
          `Simulated ${fmtInt(shown.params.world.days)} days of ${fmtInt(result.services.length)} services with ${fmtInt(result.incidents.length)} incidents (seed ${shown.seed}) under both policies in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />
      <p className="visually-hidden" aria-live="polite">
        {result
          ? summary(
              [result.runs[0].name, result.runs[1].name],
              result.runs[0].outcomes,
              result.runs[1].outcomes,
            )
          : ''}
      </p>
      {result && <Results result={result} />}
      <ModelCard />
    </section>
  );
}

function Results({ result }: { result: ComparisonResult }) {
  const [a, b] = result.runs;
  const names: [string, string] = [a.name, b.name];
  const rows = useMemo(
    () => outcomeRows(a.outcomes, b.outcomes, result.incidents.length),
    [a, b, result.incidents.length],
  );
  return (
    <>
      <h4>Outcomes</h4>
      <p>{summary(names, a.outcomes, b.outcomes)}</p>
      <TableScroll label="Outcomes of policy A and policy B">
        <table className="stat-table alert-outcomes">
          <caption className="visually-hidden">
            Outcomes of policy A and policy B on the same period
          </caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">A: {a.name}</th>
              <th scope="col">B: {b.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  {r.label}
                  {r.help && <span className="field-help"> {r.help}</span>}
                </th>
                <td className={r.better === 'a' ? 'outcome-better' : undefined}>
                  {r.a}
                  {r.better === 'a' && <span className="visually-hidden"> (better)</span>}
                </td>
                <td className={r.better === 'b' ? 'outcome-better' : undefined}>
                  {r.b}
                  {r.better === 'b' && <span className="visually-hidden"> (better)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h4>The period at a glance</h4>
      <p>
        Grey bands are nights. Incidents are the bars on the top row; below them each policy’s
        pages: a tall tick pointed at an incident, a short one was noise, a dashed one was ignored.
      </p>
      <Timeline result={result} />
      <details>
        <summary>Every incident, and when each policy caught it</summary>
        <IncidentTable result={result} />
      </details>

      <h4>The engineer’s fatigue</h4>
      <p>
        Peak fatigue: {fmtPct(a.outcomes.peakFatigue)} under A, {fmtPct(b.outcomes.peakFatigue)}{' '}
        under B. Each page adds to it, noise and wake-ups more; quiet hours let it fall back.
      </p>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <FatigueChart
          a={a.fatigue}
          b={b.fatigue}
          names={names}
          sampleMinutes={result.fatigueSampleMinutes}
        />
      </Suspense>
    </>
  );
}

const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
function when(t: number): string {
  const d = Math.floor(t / 1440);
  const m = Math.floor(t % 1440);
  return `${DAY[d % 7]}${d >= 7 ? ` (day ${d + 1})` : ''} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function IncidentTable({ result }: { result: ComparisonResult }) {
  if (!result.incidents.length) return <p>No incidents in this period: every page was noise.</p>;
  const caught = (i: number, r: 0 | 1) => {
    const o = result.runs[r].incidents[i]!;
    const inc = result.incidents[i]!;
    if (o.detectedAt === null) return 'not paged';
    const ack =
      o.ackAt === null
        ? 'never acknowledged'
        : `acknowledged after ${fmtMinutes(o.ackAt - inc.start)}`;
    return `paged after ${fmtMinutes(o.detectedAt - inc.start)}, ${ack}`;
  };
  return (
    <TableScroll label="Incidents and how each policy caught them">
      <table className="stat-table">
        <caption className="visually-hidden">Incidents and how each policy caught them</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">When</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
          </tr>
        </thead>
        <tbody>
          {result.incidents.map((inc, i) => (
            <tr key={inc.id}>
              <th scope="row">
                {inc.kind === 'bad-deploy'
                  ? 'Bad deploy'
                  : inc.kind === 'outage'
                    ? 'Outage'
                    : 'Slow degradation'}{' '}
                in {inc.service} (peak {fmtPct(inc.peakErrorRatio)} errors
                {inc.affected.length > 1
                  ? `; also felt by ${inc.affected.slice(1).join(', ')}`
                  : ''}
                )
              </th>
              <td>
                {when(inc.start)}, {fmtMinutes(inc.end - inc.start)}
              </td>
              <td>{caught(i, 0)}</td>
              <td>{caught(i, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
