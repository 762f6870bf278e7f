import { lazy, Suspense, useMemo } from 'react';
import { fmtDuration, fmtPct } from '../../calc/format';
import { RunStatus } from '../chrome/RunStatus';
import { useDebounced } from '../chrome/useDebounced';
import { useSimulationRun } from '../chrome/useSimulationRun';
import type { QueueParams, SweepParams } from './params';
import { hockeyPoints } from './report';
import type { SweepPoint } from './studies';
import { theoryFor } from './theory';

const HockeyStickChart = lazy(() =>
  import('./QueueCharts').then((m) => ({ default: m.HockeyStickChart })),
);

/** Customers per utilisation point: enough for intervals a few per cent wide below ρ = 0.9. */
const CUSTOMERS = 60_000;

/**
 * Mean wait against utilisation for the learner's servers and service shape: the theory's curve
 * and a simulated point (with its interval) at each of eight utilisations.
 */
export function HockeyStick({ params, seed }: { params: QueueParams; seed: number }) {
  const sweepParams: SweepParams = {
    meanService: params.meanService,
    service: params.service,
    cv: params.cv,
    servers: params.servers,
    customers: CUSTOMERS,
  };
  const request = useDebounced({ params: sweepParams, seed }, 600);
  const run = useSimulationRun<SweepParams, SweepPoint[]>('queue-sweep', request);
  const points = useMemo(() => hockeyPoints(params, run.result), [params, run.result]);
  const rho = (params.lambda * params.meanService) / params.servers;
  const here = theoryFor({ ...params, room: null });
  const current =
    rho < 1 && (here.kind === 'exact' || here.kind === 'approximate')
      ? { rho, wait: here.metrics.Wq }
      : null;
  const at = (r: number) => points.find((p) => Math.abs(p.rho - r) < 1e-9)?.theory ?? null;
  const w80 = at(0.8);
  const w90 = at(0.9);
  const w95 = at(0.95);
  return (
    <>
      <h4>Wait against utilisation: the hockey stick</h4>
      <p>
        With {params.servers === 1 ? 'one server' : `${params.servers} servers`} and this service
        time, the theory’s mean wait is {w80 === null ? '—' : fmtDuration(w80)} at 80 % busy,{' '}
        {w90 === null ? '—' : fmtDuration(w90)} at 90 % and {w95 === null ? '—' : fmtDuration(w95)}{' '}
        at 95 %: the last few per cent of utilisation cost more waiting than all the rest.
        {current
          ? ` Your setting, ${fmtPct(rho)} busy, is circled.`
          : ` Your setting, ${fmtPct(rho)} busy, is off the chart: there is no steady state.`}
      </p>
      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        label="Utilisation sweep progress"
        done={
          run.result &&
          `Simulated points: ${CUSTOMERS.toLocaleString('en')} requests at each of ${run.result.length} utilisations.`
        }
      />
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <HockeyStickChart points={points} current={current} />
      </Suspense>
      {run.result && run.resultFor && (
        <details className="chart-data">
          <summary>The simulated points as a table</summary>
          <table className="stat-table">
            <thead>
              <tr>
                <th scope="col">Utilisation</th>
                <th scope="col">Theory: mean wait</th>
                <th scope="col">Simulated (95 % interval)</th>
              </tr>
            </thead>
            <tbody>
              {points
                .filter((p) => p.simulated !== null)
                .map((p) => (
                  <tr key={p.rho}>
                    <th scope="row">{fmtPct(p.rho)}</th>
                    <td>{p.theory === null ? '—' : fmtDuration(p.theory)}</td>
                    <td>
                      {fmtDuration(p.simulated!)}
                      {p.low !== null && p.high !== null
                        ? ` (${fmtDuration(p.low)} to ${fmtDuration(p.high)})`
                        : ''}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
