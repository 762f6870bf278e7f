import { memo } from 'react';
import type { CircuitBreakerRun, RunSummary } from './simulate';
import { fmtInt, fmtMs, fmtPct } from '../../calc/format';

const rows: { label: string; value: (s: RunSummary) => string }[] = [
  { label: 'Calls made by users', value: (s) => fmtInt(s.total) },
  { label: 'Calls that reached the dependency', value: (s) => fmtInt(s.forwarded) },
  {
    label: '…of which during faults',
    value: (s) => `${fmtInt(s.forwardedDuringFaults)} of ${fmtInt(s.callsDuringFaults)}`,
  },
  {
    label: 'Failed fast (fallback served)',
    value: (s) => `${fmtInt(s.rejected)} (${fmtPct(s.fallbackRate)})`,
  },
  {
    label: 'Errors users saw (failures + timeouts)',
    value: (s) => `${fmtInt(s.failures + s.timeouts)} (${fmtPct(s.userErrorRate)})`,
  },
  {
    label: 'Latency users saw: mean / p99',
    value: (s) => `${fmtMs(s.latencyMeanMs)} / ${fmtMs(s.latencyP99Ms)}`,
  },
  { label: 'Most calls waiting on the dependency at once', value: (s) => fmtInt(s.peakInFlight) },
  {
    label: 'First success after the last fault ended',
    value: (s) =>
      s.recoveryS === null
        ? s.callsDuringFaults === 0 && s.total > 0
          ? 'no faults'
          : 'none before the run ended'
        : `after ${s.recoveryS.toFixed(2)} s`,
  },
];

/** The same traffic with and without the breaker: what the breaker bought, and what it cost. */
function ComparisonView({ run }: { run: CircuitBreakerRun }) {
  return (
    <table className="stat-table">
      <caption className="visually-hidden">Whole run, with and without the breaker</caption>
      <thead>
        <tr>
          <th scope="col">Whole run</th>
          <th scope="col">With breaker</th>
          <th scope="col">Without breaker</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.value(run.withBreaker.summary)}</td>
            <td>{r.value(run.withoutBreaker.summary)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Memoised: playback and progress updates must not redraw it. */
export const Comparison = memo(ComparisonView);
