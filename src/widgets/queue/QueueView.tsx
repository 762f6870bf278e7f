import { lazy, Suspense, useId, useMemo } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format';
import { RunStatus } from '../chrome/RunStatus';
import { TableScroll } from '../chrome/TableScroll';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import { checkQueueForm, paramsToForm } from './form';
import { HockeyStick } from './HockeyStick';
import { queueModel } from './model';
import { presets } from './params';
import type { QueueParams, QueuePresetName } from './params';
import { Planner } from './Planner';
import { QueueSettings } from './QueueSettings';
import { compare, histogramBars, isBalanced, littleCheck, overloadText } from './report';
import type { ComparisonRow } from './report';
import type { QueueSimResult } from './simulate';
import { theoryFor } from './theory';
import type { Theory } from './theory';

const QueueOverTime = lazy(() =>
  import('./QueueCharts').then((m) => ({ default: m.QueueOverTime })),
);
const WaitHistogram = lazy(() =>
  import('./QueueCharts').then((m) => ({ default: m.WaitHistogram })),
);

export default function QueueView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) {
    return <DirectiveError widget="queue" problems={lesson.problems} />;
  }
  return <Calculator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Calculator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: QueuePresetName; params: QueueParams; seed: number };
}) {
  const scenario = useScenario<QueueParams, QueueSimResult>({
    lesson,
    widgetId,
    model: 'queue',
    validate: (p) => queueModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkQueueForm,
  });
  const { values, set, check, seed, run } = scenario;
  const result = run.result;
  const shown = run.resultFor;
  const liveTheory = useMemo(() => (check.params ? theoryFor(check.params) : null), [check.params]);

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Queue calculator</h3>
      <p className="widget-intro">
        Requests arrive at random (Poisson) and wait in one first-come, first-served line for c
        servers. The closed-form theory for your settings sits beside a discrete-event simulation of
        them, run in a background worker, with the simulation’s 95 % confidence intervals.
      </p>
      <ScenarioHeader scenario={scenario} presets={presets} />

      <SettingsDetails check={check} hasResult={result !== null}>
        <QueueSettings values={values} errors={check.fieldErrors} set={set} />
      </SettingsDetails>

      {check.params && liveTheory && <Outlook params={check.params} theory={liveTheory} />}

      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        done={
          result &&
          run.elapsedMs !== null &&
          shown &&
          `Simulated ${fmtNum(shown.params.durationS)} s of traffic (${fmtInt(result.arrivals)} arrivals after the warm-up, seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />
      <p className="visually-hidden" aria-live="polite">
        {result && shown ? announce(shown.params, result) : ''}
      </p>

      {result && shown && <Results params={shown.params} sim={result} />}

      {check.params && seed !== null && <HockeyStick params={check.params} seed={seed} />}
      {check.params && seed !== null && <Planner params={check.params} seed={seed} />}
    </section>
  );
}

/** The theory's verdict on the settings as typed, before any simulation: stable or not, and why. */
function Outlook({ params, theory }: { params: QueueParams; theory: Theory }) {
  const offered = params.lambda * params.meanService;
  if (theory.kind === 'unstable') {
    return (
      <div className="callout callout-warning outlook" role="note">
        <p className="callout-title">No steady state</p>
        <p>
          {theory.reason}. {overloadText(params)} Averages do not exist, so the theory column is
          empty; the simulation below shows the queue over its {fmtNum(params.durationS)} s.
        </p>
      </div>
    );
  }
  return (
    <p className="outlook">
      <strong>{theory.model}</strong>, ρ = {fmtPct(offered / params.servers)}.{' '}
      {theory.kind === 'none' ? theory.reason : theory.method}
      {theory.kind === 'approximate' && ' Approximate: expect the simulation to differ a little.'}
    </p>
  );
}

function announce(params: QueueParams, sim: QueueSimResult): string {
  return `Run finished. ${fmtPct(sim.pWait.mean)} of requests waited; mean wait ${fmtDuration(sim.Wq.mean)}, p99 wait ${fmtDuration(sim.waitP99)}${params.room !== null ? `; ${fmtPct(sim.dropRate)} turned away` : ''}.`;
}

function Results({ params, sim }: { params: QueueParams; sim: QueueSimResult }) {
  const theory = useMemo(() => theoryFor(params), [params]);
  const rows = useMemo(() => compare(params, theory, sim), [params, theory, sim]);
  const little = littleCheck(params, theory, sim);
  const bars = useMemo(() => histogramBars(params, theory, sim), [params, theory, sim]);
  const first = sim.inSystem.slice(0, Math.max(1, Math.floor(sim.inSystem.length / 10)));
  const last = sim.inSystem.slice(-Math.max(1, Math.floor(sim.inSystem.length / 10)));
  const mean = (xs: Float32Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const waited = sim.admitted - sim.noWait;
  return (
    <>
      <h4>Theory beside simulation</h4>
      <ComparisonTable rows={rows} model={theory.model} />
      <p className={little.applies && !little.holds ? 'little little-off' : 'little'}>
        {little.text}
      </p>

      <h4>Queue over the run</h4>
      <p>
        {theory.kind === 'unstable'
          ? `The number in the system went from about ${fmtNum(mean(first))} in the first tenth of the run to about ${fmtNum(mean(last))} in the last. ${isBalanced(params) ? 'At exactly ρ = 1 it wanders without settling: run longer, or try other seeds, and it reaches ever higher.' : 'It keeps growing for as long as the overload lasts.'}`
          : `On average ${fmtNum(sim.L)} requests were in the system and ${fmtNum(sim.Lq)} of them waiting. The line wanders even in a steady state: that is randomness, not a trend.`}
      </p>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <QueueOverTime
          inSystem={sim.inSystem}
          waiting={sim.waiting}
          binS={sim.binS}
          warmupS={params.warmupS}
        />
      </Suspense>

      <h4>How long requests waited</h4>
      <p>
        {fmtPct(sim.admitted ? sim.noWait / sim.admitted : 0)} of requests found a free server and
        did not wait at all. The chart shows the other {fmtInt(waited)}: the share of all requests
        whose wait fell in each range
        {bars.some((b) => b.theory !== null)
          ? ', with Erlang C’s prediction, C·e^(−(cμ−λ)t), as a line.'
          : '.'}
      </p>
      {waited > 0 && (
        <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
          <WaitHistogram bars={bars} p99={sim.waitP99} />
        </Suspense>
      )}
    </>
  );
}

function ComparisonTable({ rows, model }: { rows: readonly ComparisonRow[]; model: string }) {
  return (
    <TableScroll label="Theory beside simulation">
      <table className="stat-table theory-table">
        <caption className="visually-hidden">Theory ({model}) beside simulation</caption>
        <thead>
          <tr>
            <th scope="col">Quantity</th>
            <th scope="col">Theory ({model})</th>
            <th scope="col">Simulation (95 % interval)</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.theory}</td>
              <td>{r.simulated}</td>
              <td className={`verdict verdict-${r.kind}`}>{r.verdict}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
