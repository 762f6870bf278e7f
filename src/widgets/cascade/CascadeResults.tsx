import { lazy, memo, Suspense, useMemo, useState } from 'react';
import { fmtDuration, fmtNum } from '../../calc/format';
import { TableScroll } from '../chrome/TableScroll';
import { Transport } from '../chrome/Transport';
import { usePlayback } from '../chrome/usePlayback';
import type { CascadeParams } from './params';
import { atTime, headline, outcomeWords, regionWords, seriesRows, theoryRows } from './report';
import { cascadeTheory } from './theory';
import type { CascadeResult } from './types';

const PoolChart = lazy(() => import('./CascadeCharts').then((m) => ({ default: m.PoolChart })));

/** A finished run: its outcome, the timeline with playback, the table, and theory beside it. */
export function CascadeResults({
  params,
  result,
}: {
  params: CascadeParams;
  result: CascadeResult;
}) {
  const duration = Math.round(result.series.t.length * result.bucketS * 10) / 10;
  const playback = usePlayback(duration);
  const theory = useMemo(() => cascadeTheory(params), [params]);
  const rows = useMemo(() => theoryRows(params, theory, result), [params, theory, result]);
  return (
    <>
      <h4>Outcome: {outcomeWords[result.outcome]}</h4>
      <p aria-live="polite" data-testid="cascade-summary">
        {headline(result)}
      </p>
      <p>{regionWords[theory.region]}</p>

      <h4>The pool over time</h4>
      <Transport playback={playback} duration={duration} disabled={false} />
      <p className="state-now">{atTime(result, Math.min(playback.time, duration - 1e-9))}</p>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <PoolChart
          result={result}
          upTo={playback.time}
          name={`The pool up to ${fmtDuration(playback.time)}: each server’s load from all attempts and from first attempts only, as a share of its capacity (100 % marked), the share of user requests answered and the cache hit ratio, in buckets of ${fmtDuration(result.bucketS)}.`}
        />
      </Suspense>
      <SeriesTable result={result} />

      <h4>Theory beside simulation</h4>
      <TheoryTable rows={rows} />
      <p className="field-help">
        Intervals are 95 % batch means over the window (ten batches). The formulas come from
        src/formulas/cascade.ts; the one-queue toy is the lesson’s, which treats the pool as a
        single M/M/1 queue, so it turns unhealthy at lower loads than this pool of steadier servers.
        What the two agree on is the way out: a failing pool stays failing while the users’ misses ×
        (R + 1) reach its capacity.
      </p>
    </>
  );
}

const TheoryTable = memo(function TheoryTable({ rows }: { rows: ReturnType<typeof theoryRows> }) {
  return (
    <TableScroll label="Theory beside simulation">
      <table className="stat-table">
        <caption className="visually-hidden">Theory beside simulation</caption>
        <thead>
          <tr>
            <th scope="col">Quantity</th>
            <th scope="col">Formula</th>
            <th scope="col">Simulation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.theory}</td>
              <td>{r.measured}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

/** The chart's numbers, built only when opened. */
function SeriesTable({ result }: { result: CascadeResult }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>The pool over time as a table</summary>
      {open && (
        <div
          className="table-scroll"
          // The table scrolls, so keyboard users must be able to focus it to scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={`The pool in each ${fmtDuration(result.bucketS)}`}
        >
          <table className="stat-table">
            <caption className="visually-hidden">
              The pool in each {fmtDuration(result.bucketS)}
            </caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Servers in rotation</th>
                <th scope="col">Load per server</th>
                <th scope="col">First attempts only</th>
                <th scope="col">Attempts a second</th>
                <th scope="col">Answered</th>
                <th scope="col">Cache hits</th>
                <th scope="col">Queue</th>
              </tr>
            </thead>
            <tbody>
              {seriesRows(result).map((r) => (
                <tr key={r.fromS}>
                  <th scope="row">{fmtNum(r.fromS)} s</th>
                  <td>{r.serving}</td>
                  <td>{r.offered}</td>
                  <td>{r.first}</td>
                  <td>{r.attempts}</td>
                  <td>{r.answered}</td>
                  <td>{r.hit}</td>
                  <td>{r.queue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
