import { memo, useState } from 'react';
import { RadioRow, SelectField } from '../chrome/ChoiceFields';
import { TableScroll } from '../chrome/TableScroll';
import type { SagaParams } from './params';
import {
  exampleLabel,
  headline,
  lanesOf,
  leftoverRows,
  outcomeLabels,
  outcomeRows,
  policyLabels,
  theoryRows,
  theoryVerdict,
} from './report';
import type { Row } from './report';
import { SagaTimeline } from './SagaTimeline';
import { POLICIES } from './types';
import type { Policy, SagaResult } from './types';

/** A finished run: outcomes side by side, theory beside them, and example sagas as timelines. */
export function Results({ params, result }: { params: SagaParams; result: SagaResult }) {
  return (
    <>
      <h4>Two orchestrators, the same sagas</h4>
      <p aria-live="polite">{headline(result)}</p>
      <RowTable
        label="Outcomes under each orchestrator"
        first="Outcome"
        rows={outcomeRows(result)}
      />
      <p className="field-help">
        In brackets: the share of all sagas and its 95 % interval (Wilson; for compensations, the
        mean’s normal interval). Inconsistent: the saga did not complete and left something in place
        that nobody is tracking (stock held, money taken with no order). The correct orchestrator
        never leaves that silently: what it cannot finish or undo goes to the dead-letter queue,
        where a person sees it.
      </p>
      <RowTable
        label="Effects left in place by sagas that did not complete"
        first="Step"
        rows={leftoverRows(params, result)}
      />

      <h4>Theory beside simulation</h4>
      <Theory params={params} result={result} />

      <h4>Inspect a saga</h4>
      <Examples params={params} result={result} />
    </>
  );
}

const RowTable = memo(function RowTable({
  label,
  first,
  rows,
}: {
  label: string;
  first: string;
  rows: readonly Row[];
}) {
  return (
    <TableScroll label={label}>
      <table className="stat-table saga-outcomes">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {POLICIES.map((p) => (
              <th key={p} scope="col">
                {policyLabels[p]}
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

function Theory({ params, result }: { params: SagaParams; result: SagaResult }) {
  const rows = theoryRows(params, result);
  if (!rows)
    return (
      <p>
        The lesson’s formulas leave out the orchestrator’s crash. Set “Crash the orchestrator at” to
        never (or the share to 0 %) to compare them with the simulation.
      </p>
    );
  return (
    <>
      <p>
        With each step succeeding independently, a saga completes with the product of the steps’
        chances, and a failure at step k undoes the k − 1 steps before it (the lesson’s formulas). A
        retriable step tried A times with the same key succeeds unless every try fails; a try that
        took effect late shows up as done on the next.
      </p>
      <TableScroll label="Formulas against the simulation">
        <table className="stat-table">
          <caption className="visually-hidden">Formulas against the simulation</caption>
          <thead>
            <tr>
              <th scope="col">Quantity</th>
              <th scope="col">Formula</th>
              <th scope="col">Simulated</th>
              <th scope="col">Inside the interval?</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.theory}</td>
                <td>{r.simulated}</td>
                <td>{r.agrees ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className={rows.every((r) => r.agrees) ? 'verdict-agrees' : 'verdict-differs'}>
        {theoryVerdict(rows)}
      </p>
    </>
  );
}

function Examples({ params, result }: { params: SagaParams; result: SagaResult }) {
  const [picked, setPicked] = useState(0);
  const [policy, setPolicy] = useState<Policy>('naive');
  const example = result.examples[picked] ?? result.examples[0];
  if (!example) return null;
  const { names, laneOfStep } = lanesOf(params);
  const events = example.traces[policy];
  const name = `Saga ${example.saga} under the ${policyLabels[policy].toLowerCase()} orchestrator`;
  return (
    <>
      <p>
        One saga of each kind of pair of endings, the ones where the orchestrators disagree first.
        Both ran on the same random numbers.
      </p>
      <SelectField
        label="Saga to inspect"
        value={String(result.examples.indexOf(example))}
        options={result.examples.map((e, i) => ({ value: String(i), label: exampleLabel(e) }))}
        onChange={(v) => setPicked(Number(v))}
      />
      <RadioRow
        legend="Orchestrator"
        value={policy}
        options={POLICIES.map((p) => ({ value: p, label: policyLabels[p] }))}
        onChange={setPolicy}
      />
      <p aria-live="polite">
        {name}: {outcomeLabels[example.outcomes[policy]].toLowerCase()}, {events.length} events.
      </p>
      <SagaTimeline name={name} events={events} lanes={names} laneOfStep={laneOfStep} />
    </>
  );
}
