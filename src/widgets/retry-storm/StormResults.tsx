import { lazy, memo, Suspense, useState } from 'react';
import { JITTERS } from '../../formulas/retries';
import type { Jitter } from '../../formulas/retries';
import { RadioRow } from '../chrome/ChoiceFields';
import { fmtDuration, fmtInt } from '../../calc/format';
import type { RetryStormParams } from './params';
import {
  bucketRows,
  capacityPerBucket,
  chartTop,
  comparisonRows,
  headline,
  jitterLabels,
  summarize,
  theoryCheck,
  waveOutcome,
} from './report';
import type { RetryStormResult, StrategyRun } from './types';
import { TableScroll } from '../chrome/TableScroll';

const RetryStormChart = lazy(() =>
  import('./RetryStormChart').then((m) => ({ default: m.RetryStormChart })),
);

/**
 * A finished run: the four strategies side by side, the no-jitter waves worked out by hand
 * beside the simulation, and one strategy's attempts over time as a chart and a table.
 */
export function Results({
  params,
  result,
  charted,
  onCharted,
}: {
  params: RetryStormParams;
  result: RetryStormResult;
  charted: Jitter;
  onCharted: (jitter: Jitter) => void;
}) {
  const run = result.runs.find((r) => r.jitter === charted) ?? result.runs[0];
  const none = result.runs.find((r) => r.jitter === 'none');
  return (
    <>
      <h4>Four strategies, one outage</h4>
      <p>{headline(result, params)}</p>
      <Comparison result={result} clients={params.clients} />
      <p className="field-help">
        A client gives up when its last retry fails, whether the dependency was still down or turned
        it away: jitter that draws short sleeps can use up every retry before the dependency is
        back.
      </p>

      <h4>Theory beside simulation</h4>
      <Waves result={result} outageS={params.outageS} none={none} />

      <h4>Attempts over time</h4>
      <RadioRow
        legend="Strategy in the chart"
        value={charted}
        options={JITTERS.map((j) => ({ value: j, label: jitterLabels[j] }))}
        onChange={onCharted}
      />
      <p aria-live="polite">{run ? summarize(run, params.clients, result.perWindow) : ''}</p>
      {run && (
        <>
          <AttemptsChart run={run} result={result} outageS={params.outageS} />
          <BucketTable run={run} bucketS={result.bucketS} />
        </>
      )}
    </>
  );
}

function AttemptsChart({
  run,
  result,
  outageS,
}: {
  run: StrategyRun;
  result: RetryStormResult;
  outageS: number;
}) {
  const capacity = capacityPerBucket(result);
  const { top, clipped } = chartTop(run, capacity);
  const bucket = fmtDuration(result.bucketS);
  return (
    <>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <RetryStormChart
          run={run}
          bucketS={result.bucketS}
          capacity={capacity}
          outageS={outageS}
          top={top}
          name={`${jitterLabels[run.jitter]}: attempts in each ${bucket}, stacked as served, turned away and failed while the dependency was down, with its capacity of ${fmtInt(capacity)} per ${bucket} and its return at ${fmtDuration(outageS)} marked.`}
        />
      </Suspense>
      {clipped && (
        <p className="field-help">
          The chart is zoomed to what the dependency saw once back: bars of attempts made while it
          was down that rise above {fmtInt(top)} are cut off. The table has every count.
        </p>
      )}
    </>
  );
}

const Comparison = memo(function Comparison({
  result,
  clients,
}: {
  result: RetryStormResult;
  clients: number;
}) {
  const rows = comparisonRows(result, clients);
  return (
    <TableScroll label="The same outage under each jitter strategy">
      <table className="stat-table storm-table">
        <caption className="visually-hidden">The same outage under each jitter strategy</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            {result.runs.map((r) => (
              <th key={r.jitter} scope="col">
                {jitterLabels[r.jitter]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
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

function Waves({
  result,
  outageS,
  none,
}: {
  result: RetryStormResult;
  outageS: number;
  none: StrategyRun | undefined;
}) {
  const { theory } = result;
  const verdict = none ? theoryCheck(theory, none) : null;
  return (
    <>
      <p>
        Without jitter no randomness is left: every client still waiting retries at the same
        instant, so the run can be worked out by hand, one wave at a time. The dependency, once
        back, takes what its 100 ms window has room for and turns the rest of the wave away.
      </p>
      {theory.waves.length === 0 ? (
        <p>With no retries, every client gives up as soon as its first request fails.</p>
      ) : (
        <TableScroll label="The waves of retries without jitter">
          <table className="stat-table">
            <caption className="visually-hidden">The waves of retries without jitter</caption>
            <thead>
              <tr>
                <th scope="col">Retry</th>
                <th scope="col">Lands at</th>
                <th scope="col">Clients retrying</th>
                <th scope="col">Served</th>
                <th scope="col">The rest</th>
              </tr>
            </thead>
            <tbody>
              {theory.waves.map((w) => (
                <tr key={w.k}>
                  <th scope="row">{w.k}</th>
                  <td>{fmtDuration(w.atS)}</td>
                  <td>{fmtInt(w.retrying)}</td>
                  <td>{fmtInt(w.served)}</td>
                  <td>{waveOutcome(w, outageS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {verdict && (
        <p className={verdict.agrees ? 'verdict-agrees' : 'verdict-differs'}>{verdict.text}</p>
      )}
    </>
  );
}

/** The chart's numbers, built only when opened: a long run has a few hundred buckets. */
function BucketTable({ run, bucketS }: { run: StrategyRun; bucketS: number }) {
  const [open, setOpen] = useState(false);
  const label = jitterLabels[run.jitter];
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}: the chart as a table</summary>
      {open && (
        <div
          className="table-scroll"
          // The table scrolls, so keyboard users must be able to focus it to scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={`${label}: attempts in each ${fmtDuration(bucketS)}`}
        >
          <table className="stat-table">
            <caption className="visually-hidden">
              {label}: attempts in each {fmtDuration(bucketS)}, by what became of them
            </caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Served</th>
                <th scope="col">Turned away</th>
                <th scope="col">Failed: down</th>
              </tr>
            </thead>
            <tbody>
              {bucketRows(run, bucketS).map((b) => (
                <tr key={b.fromS}>
                  <th scope="row">{fmtDuration(b.fromS)}</th>
                  <td>{fmtInt(b.served)}</td>
                  <td>{fmtInt(b.rejected)}</td>
                  <td>{fmtInt(b.down)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
