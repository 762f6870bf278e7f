import { memo, useState } from 'react';
import type { RunSeries } from './simulate';

/** The chart's numbers as a table, built only when opened (a long run has many rows). */
function SeriesTableView({ series, label }: { series: RunSeries; label: string }) {
  const [open, setOpen] = useState(false);
  const b = series.bins;
  return (
    <details className="series-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}: per-second numbers as a table</summary>
      {open && (
        <div className="table-scroll">
          <table className="stat-table">
            <thead>
              <tr>
                <th scope="col">Second</th>
                <th scope="col">Success</th>
                <th scope="col">Failure</th>
                <th scope="col">Timeout</th>
                <th scope="col">Failed fast</th>
                <th scope="col">Mean latency (ms)</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: b.success.length }, (_, i) => (
                <tr key={i}>
                  <th scope="row">{i}</th>
                  <td>{b.success[i]}</td>
                  <td>{b.failure[i]}</td>
                  <td>{b.timeout[i]}</td>
                  <td>{b.rejected[i]}</td>
                  <td>{Math.round(b.meanLatencyMs[i]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

/** Memoised: playback and progress updates must not redraw it. */
export const SeriesTable = memo(SeriesTableView);
