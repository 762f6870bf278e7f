import { lazy, Suspense } from 'react';
import { fmtNum } from '../../calc/format';
import { TableScroll } from '../chrome/TableScroll';
import { logisticRows, logisticSummary } from './logisticReport';
import type { LogisticRun } from './types';

const LogisticChart = lazy(() =>
  import('./CascadeCharts').then((m) => ({ default: m.LogisticChart })),
);

const signed = (x: number) => fmtNum(x).replace(/^-/, '−');

/**
 * The companion panel: sensitivity as a property of the rule. Two starts a hair apart, the
 * exponent measured from the pair beside `lyapunovExponent` from src/formulas/cascade.ts, and the
 * same measurement from other starts.
 */
export function LogisticPanel({ run }: { run: LogisticRun }) {
  const { pair, formula } = run;
  return (
    <>
      <h4>Companion: sensitivity in the logistic map</h4>
      <p>
        A picture, not a model of the pool: the rule x → r·x·(1 − x), run from x₀ and from a start a
        hair away. How fast nearby runs separate is the Lyapunov exponent, and it belongs to r, not
        to where you start.
      </p>
      <p aria-live="polite">{logisticSummary(run)}</p>
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <LogisticChart
          run={run}
          name={`The logistic map at r = ${fmtNum(run.r)}: the runs from x₀ = ${fmtNum(run.x0)} and from ${run.gap.toExponential(0)} above it, for ${run.a.length - 1} steps${run.apartAt === null ? '' : `, more than 0.1 apart from step ${run.apartAt}`}.`}
        />
      </Suspense>
      <TableScroll label="The Lyapunov exponent, measured and from the formula">
        <table className="stat-table">
          <caption className="visually-hidden">
            The Lyapunov exponent, measured and from the formula
          </caption>
          <thead>
            <tr>
              <th scope="col">How</th>
              <th scope="col">λ per step</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                Measured from the two runs ({pair.ok ? `${fmtNum(pair.steps)} steps` : 'failed'})
              </th>
              <td>
                {pair.ok
                  ? `${signed(pair.value.mean)} (95 % interval ${signed(pair.value.low)} to ${signed(pair.value.high)})`
                  : pair.reason}
              </td>
            </tr>
            <tr>
              <th scope="row">lyapunovExponent(r, x₀), src/formulas/cascade.ts</th>
              <td>{formula.ok ? signed(formula.value) : formula.reason}</td>
            </tr>
            {run.starts.map((s) => (
              <tr key={s.x0}>
                <th scope="row">Measured from x₀ = {fmtNum(s.x0)}</th>
                <td>{s.value === null ? s.reason : signed(s.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <details className="chart-data">
        <summary>The two runs as a table</summary>
        <TableScroll label="The two runs, step by step">
          <table className="stat-table">
            <caption className="visually-hidden">The two runs, step by step</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">From x₀</th>
                <th scope="col">From x₀ + gap</th>
                <th scope="col">Distance</th>
              </tr>
            </thead>
            <tbody>
              {logisticRows(run).map((r) => (
                <tr key={r.n}>
                  <th scope="row">{r.n}</th>
                  <td>{r.a}</td>
                  <td>{r.b}</td>
                  <td>{r.distance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </>
  );
}
