import { lazy, Suspense, useMemo, useState } from 'react';
import { SelectField } from '../chrome/ChoiceFields';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { parseNumber } from '../chrome/paramForm';
import { RunStatus } from '../chrome/RunStatus';
import { useSimulationRun } from '../chrome/useSimulationRun';
import type { PlanParams, QueueParams } from './params';
import { beyondSimulation, costPoints, planRows, simulationStart, theoryAnswerText } from './plan';
import type { PlanResult } from './studies';
import { smallestServers } from './theory';
import type { ServerTarget } from './theory';
import { TableScroll } from '../chrome/TableScroll';

const CostChart = lazy(() => import('./QueueCharts').then((m) => ({ default: m.CostChart })));

const targets = [
  { value: 'waitP99', label: 'p99 wait at most (ms)' },
  { value: 'Wq', label: 'Mean wait at most (ms)' },
  { value: 'pWait', label: 'Share who wait at most (%)' },
] as const;

/** Customers per simulated server count. */
const CUSTOMERS = 60_000;

type Metric = ServerTarget['metric'];

function readTarget(metric: Metric, text: string): ServerTarget | null {
  const x = parseNumber(text);
  if (!Number.isFinite(x) || x <= 0) return null;
  if (metric === 'pWait') return x < 100 ? { metric, value: x / 100 } : null;
  return { metric, value: x / 1000 };
}

const show = (metric: Metric, v: number | null) =>
  v === null ? '—' : metric === 'pWait' ? fmtPct(v) : fmtDuration(v);

/**
 * The smallest pool that meets a target, by Erlang C at once and by simulation on request,
 * with the hourly cost of each pool size around it.
 */
export function Planner({ params, seed }: { params: QueueParams; seed: number }) {
  const [metric, setMetric] = useState<Metric>('waitP99');
  const [targetText, setTargetText] = useState('50');
  const [serverCostText, setServerCostText] = useState('2');
  const [waitCostText, setWaitCostText] = useState('20');
  const [planRequest, setPlanRequest] = useState<{ params: PlanParams; seed: number } | null>(null);
  const plan = useSimulationRun<PlanParams, PlanResult>('queue-plan', planRequest);

  const target = readTarget(metric, targetText);
  const serverCost = parseNumber(serverCostText);
  const waitCost = parseNumber(waitCostText);
  const costsOk =
    Number.isFinite(serverCost) && serverCost >= 0 && Number.isFinite(waitCost) && waitCost >= 0;
  const exponential = params.service === 'exponential';
  // Cheap on the main thread at any load: a bounded binary search over Erlang C (theory.ts).
  const theoryAnswer = useMemo(
    () => (target ? smallestServers(params.lambda, 1 / params.meanService, target) : null),
    [params.lambda, params.meanService, target?.metric, target?.value], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const canSimulate = simulationStart(params.lambda, 1 / params.meanService, theoryAnswer) !== null;

  // The simulated plan belongs to the settings it ran with; say so when they have changed.
  const planFor = plan.resultFor?.params ?? null;
  const planCurrent =
    planFor !== null &&
    target !== null &&
    planFor.lambda === params.lambda &&
    planFor.meanService === params.meanService &&
    planFor.service === params.service &&
    planFor.cv === params.cv &&
    planFor.target.metric === target.metric &&
    planFor.target.value === target.value;
  const result = planCurrent ? plan.result : null;
  const rows = useMemo(
    () =>
      target && costsOk ? planRows(params, target, serverCost, waitCost, theoryAnswer, result) : [],
    [params, target?.metric, target?.value, costsOk, serverCost, waitCost, theoryAnswer, result], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const simulate = () => {
    if (!target || !canSimulate) return;
    setPlanRequest({
      params: {
        lambda: params.lambda,
        meanService: params.meanService,
        service: params.service,
        cv: params.cv,
        customers: CUSTOMERS,
        target,
      },
      seed,
    });
  };

  const targetError =
    target === null
      ? metric === 'pWait'
        ? 'Enter a share above 0 and below 100 %.'
        : 'Enter a time above 0 ms.'
      : undefined;

  return (
    <>
      <h4>Capacity planner: how many servers?</h4>
      <p>
        For {fmtNum(params.lambda)} requests a second at {fmtDuration(params.meanService)} each,
        find the smallest number of servers that meets a target, and what each pool size costs an
        hour: the servers, plus the customers’ time spent waiting (on average Lq of them are waiting
        at any moment).
      </p>
      <div className="param-grid">
        <SelectField
          label="Target"
          value={metric}
          options={targets}
          onChange={(v) => setMetric(v as Metric)}
        />
        <NumberField
          label="Target value"
          value={targetText}
          onChange={setTargetText}
          min={0}
          error={targetError}
        />
        <NumberField
          label="Cost of a server"
          unit="per hour"
          value={serverCostText}
          onChange={setServerCostText}
          min={0}
          error={Number.isFinite(serverCost) && serverCost >= 0 ? undefined : 'Enter 0 or more.'}
        />
        <NumberField
          label="Cost of a customer-hour of waiting"
          value={waitCostText}
          onChange={setWaitCostText}
          min={0}
          error={Number.isFinite(waitCost) && waitCost >= 0 ? undefined : 'Enter 0 or more.'}
        />
      </div>
      {target && (
        <p className="outlook" aria-live="polite">
          {theoryAnswerText(params, theoryAnswer)}
          {!canSimulate && ` ${beyondSimulation}`}
          {result &&
            (result.smallest === null
              ? ' By simulation, none of the sizes tried met the target.'
              : ` By simulation: ${result.smallest} servers.`)}
          {result &&
            exponential &&
            result.smallest !== null &&
            theoryAnswer !== null &&
            Math.abs(result.smallest - theoryAnswer) === 1 &&
            ` The two differ by one: each size was measured on ${fmtInt(CUSTOMERS)} simulated requests, so a measured value near the target can fall on either side of it. Another seed may agree.`}
        </p>
      )}
      <button type="button" onClick={simulate} disabled={!target || !canSimulate || plan.running}>
        Check by simulation
      </button>
      {planRequest && (
        <RunStatus
          running={plan.running}
          progress={plan.progress}
          error={plan.error?.message ?? null}
          label="Planner simulation progress"
          done={
            plan.result &&
            (planCurrent
              ? `Simulated ${CUSTOMERS.toLocaleString('en')} requests for each of ${plan.result.rows.length} pool sizes.`
              : 'The settings changed since the last check: check again to simulate these.')
          }
        />
      )}
      {rows.length > 0 && target && (
        <>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <CostChart points={costPoints(rows)} answer={result?.smallest ?? theoryAnswer} />
          </Suspense>
          <TableScroll label="Pool sizes around the answer">
            <table className="stat-table planner-table">
              <caption className="visually-hidden">Pool sizes around the answer</caption>
              <thead>
                <tr>
                  <th scope="col">Servers</th>
                  <th scope="col">Utilisation</th>
                  <th scope="col">Erlang C</th>
                  <th scope="col">Simulated</th>
                  <th scope="col">Meets the target</th>
                  <th scope="col">Servers per hour</th>
                  <th scope="col">Waiting per hour</th>
                  <th scope="col">Total per hour</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.servers} className={r.meets ? 'meets' : undefined}>
                    <th scope="row">{r.servers}</th>
                    <td>{fmtPct((params.lambda * params.meanService) / r.servers)}</td>
                    <td>{show(metric, exponential ? r.theory : null)}</td>
                    <td>{show(metric, r.simulated)}</td>
                    <td>{r.meets === null ? '—' : r.meets ? 'yes' : 'no'}</td>
                    <td>{fmtNum(r.serverCost)}</td>
                    <td>{fmtNum(r.waitingCost)}</td>
                    <td>{fmtNum(r.serverCost + r.waitingCost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
