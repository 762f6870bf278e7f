import { memo } from 'react';
import { TableScroll } from '../chrome/TableScroll';
import { ExampleRunView } from './ExampleRunView';
import type { KillSwitchParams } from './params';
import { comparisonRows, designLabels, headline, theoryRows, theoryVerdict } from './report';
import type { KillSwitchResult } from './types';

/** A finished drill: the designs side by side, the formulas beside them, and one run to play. */
export function Results({
  params,
  result,
}: {
  params: KillSwitchParams;
  result: KillSwitchResult;
}) {
  return (
    <>
      <h4>The same incident under five designs</h4>
      <p aria-live="polite">{headline(params, result)}</p>
      <Comparison params={params} result={result} />
      <p className="field-help">
        Each column changes one decision of yours, on the same random numbers. Means come with their
        95 % interval (normal, ±1.96 standard errors over the runs); times are from the start of the
        harm (detect), from detection (decide and approve) and from the flip (reach every host).
      </p>

      <h4>Theory beside simulation</h4>
      <Theory params={params} result={result} />

      <h4>One run, second by second</h4>
      <ExampleRunView params={params} result={result} />
    </>
  );
}

const Comparison = memo(function Comparison({
  params,
  result,
}: {
  params: KillSwitchParams;
  result: KillSwitchResult;
}) {
  const labels = designLabels(params);
  const label = 'Outcomes under each design';
  return (
    <TableScroll label={label}>
      <table className="stat-table ks-designs">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Over {result.runs} runs</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparisonRows(params, result).map((row) => (
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

function Theory({ params, result }: { params: KillSwitchParams; result: KillSwitchResult }) {
  const rows = theoryRows(params, result);
  return (
    <>
      <p>
        Each host’s next poll comes a uniform time U(0, P) after the switch reaches the shared
        cache, which itself refreshes a uniform time U(0, T) after the flip. One host waits (T +
        P)/2 on average; the whole fleet waits for the slowest of n hosts, whose poll wait has mean
        nP/(n + 1), so T/2 + nP/(n + 1), and never more than T + P. Harm while the switch travels is
        the rate on each misbehaving host times its own wait, not the fleet’s.
      </p>
      {rows.length > 0 && (
        <TableScroll label="Formulas against the simulation">
          <table className="stat-table">
            <caption className="visually-hidden">Formulas against the simulation</caption>
            <thead>
              <tr>
                <th scope="col">Quantity (your design)</th>
                <th scope="col">Formula</th>
                <th scope="col">Theory</th>
                <th scope="col">Simulated (95 % interval)</th>
                <th scope="col">Inside the interval?</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.formula}</td>
                  <td>{r.theory}</td>
                  <td>{r.simulated}</td>
                  <td>{r.agrees ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className={rows.every((r) => r.agrees) ? 'verdict-agrees' : 'verdict-differs'}>
        {theoryVerdict(rows)}
      </p>
      {params.flagDownForS > 0 && (
        <p className="field-help">
          The propagation formulas assume the flag service answers: runs whose switch met the outage
          are left out of their rows.
        </p>
      )}
    </>
  );
}
