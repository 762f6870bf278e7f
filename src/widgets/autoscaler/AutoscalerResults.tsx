import { lazy, memo, Suspense, useState } from 'react';
import { RadioRow } from '../chrome/ChoiceFields';
import { fmtInt } from '../../calc/format';
import type { AutoscalerParams } from './params';
import {
  comparisonNote,
  comparisonRows,
  headline,
  minuteRows,
  replicasChartName,
  strategiesExplained,
  strategyLabels,
  summarize,
  theoryReport,
  UTILISATION_CAP,
  utilisationChartName,
  utilisationTop,
} from './report';
import { STRATEGIES } from './types';
import type { AutoscalerResult, Strategy, StrategyRun } from './types';
import { TableScroll } from '../chrome/TableScroll';

const ReplicasChart = lazy(() =>
  import('./AutoscalerChart').then((m) => ({ default: m.ReplicasChart })),
);
const UtilisationChart = lazy(() =>
  import('./AutoscalerChart').then((m) => ({ default: m.UtilisationChart })),
);

/**
 * A finished run: the three strategies side by side, the ramp worked out by hand beside the
 * reactive run, and one strategy minute by minute as two charts and a table.
 */
export function Results({
  params,
  result,
  charted,
  onCharted,
}: {
  params: AutoscalerParams;
  result: AutoscalerResult;
  charted: Strategy;
  onCharted: (strategy: Strategy) => void;
}) {
  const labels = strategyLabels(params.downWindowMin);
  const run = result.runs.find((r) => r.strategy === charted) ?? result.runs[0];
  return (
    <>
      <h4>Three autoscalers, one traffic curve</h4>
      <p>{headline(result, params)}</p>
      <Comparison result={result} params={params} />
      <p className="field-help">{comparisonNote}</p>
      <p className="field-help">{strategiesExplained(params)}</p>

      <h4>Theory beside simulation</h4>
      <Theory result={result} params={params} />

      <h4>Minute by minute</h4>
      <RadioRow
        legend="Strategy in the charts"
        value={charted}
        options={STRATEGIES.map((s) => ({ value: s, label: labels[s] }))}
        onChange={onCharted}
      />
      <p aria-live="polite">{run ? summarize(run, params) : ''}</p>
      {run && <Charts run={run} result={result} params={params} label={labels[run.strategy]} />}
    </>
  );
}

const Comparison = memo(function Comparison({
  result,
  params,
}: {
  result: AutoscalerResult;
  params: AutoscalerParams;
}) {
  const labels = strategyLabels(params.downWindowMin);
  return (
    <TableScroll label="Comparison of the three autoscalers">
      <table className="stat-table autoscaler-table">
        <caption className="visually-hidden">The same traffic under each autoscaler</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            {result.runs.map((r) => (
              <th key={r.strategy} scope="col">
                {labels[r.strategy]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparisonRows(result, params).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

function Theory({ result, params }: { result: AutoscalerResult; params: AutoscalerParams }) {
  const t = theoryReport(result, params);
  const verdictClass =
    t.measured.agrees === null
      ? undefined
      : t.measured.agrees
        ? 'verdict-agrees'
        : 'verdict-differs';
  return (
    <div className="autoscaler-theory">
      <p>{t.ramp}</p>
      <p>{t.consequence}</p>
      <p className={verdictClass}>{t.measured.text}</p>
      <p>{t.peak}</p>
    </div>
  );
}

function Charts({
  run,
  result,
  params,
  label,
}: {
  run: StrategyRun;
  result: AutoscalerResult;
  params: AutoscalerParams;
  label: string;
}) {
  const { top, clipped } = utilisationTop(run, params.target);
  return (
    <>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <ReplicasChart run={run} needed={result.needed} name={replicasChartName(label, params)} />
      </Suspense>
      <Suspense
        fallback={<div className="chart-placeholder chart-placeholder-short">Loading chart…</div>}
      >
        <UtilisationChart
          run={run}
          target={params.target}
          top={top}
          name={utilisationChartName(label, params)}
        />
      </Suspense>
      {clipped && (
        <p className="field-help">
          Minutes above {fmtInt(UTILISATION_CAP * 100)} % are cut off at the top of the chart; the
          table has every value.
        </p>
      )}
      <MinuteTable run={run} result={result} label={label} />
    </>
  );
}

/** The charts' numbers, built only when opened: a long run has up to 1,440 minutes. */
function MinuteTable({
  run,
  result,
  label,
}: {
  run: StrategyRun;
  result: AutoscalerResult;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}: the charts as a table</summary>
      {open && (
        <div
          className="table-scroll"
          // The table scrolls, so keyboard users must be able to focus it to scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={`${label}: minute by minute`}
        >
          <table className="stat-table">
            <caption className="visually-hidden">
              {label}: traffic, replicas and utilisation, minute by minute
            </caption>
            <thead>
              <tr>
                <th scope="col">Minute</th>
                <th scope="col">Traffic (req/s)</th>
                <th scope="col">Needed at the target</th>
                <th scope="col">Ready</th>
                <th scope="col">Starting</th>
                <th scope="col">True utilisation</th>
              </tr>
            </thead>
            <tbody>
              {minuteRows(result, run).map((row) => (
                <tr key={row.minute}>
                  <th scope="row">{row.minute}</th>
                  <td>{row.load}</td>
                  <td>{row.needed}</td>
                  <td>{row.ready}</td>
                  <td>{row.starting}</td>
                  <td>{row.utilisation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
