import { memo } from 'react';
import { TableScroll } from '../chrome/TableScroll';
import { Transport } from '../chrome/Transport';
import { usePlayback } from '../chrome/usePlayback';
import {
  cursorText,
  headline,
  placementRows,
  reignRows,
  schemeLabels,
  sideRows,
  stateRows,
  totalRows,
} from './report';
import type { Row } from './report';
import { Legend, Swimlane } from './Swimlane';
import { SCHEMES } from './types';
import type { ConsensusResult } from './types';

/** A finished run: totals side by side, the timeline with playback, sides, leaders and placements. */
export function Results({
  result,
  random,
  onEditScript,
}: {
  result: ConsensusResult;
  random: boolean;
  onEditScript: (text: string) => void;
}) {
  const playback = usePlayback(result.steps, 1);
  const step = Math.min(result.steps - 1, Math.floor(playback.time));
  return (
    <>
      <h4>Two failover schemes, the same faults</h4>
      <p aria-live="polite">{headline(result)}</p>
      <RowTable
        label="Totals under each scheme"
        head={['Measure', schemeLabels.naive, schemeLabels.quorum]}
        rows={totalRows(result)}
      />
      <Rules />

      <h4>Timeline</h4>
      <Script lines={result.script} random={random} onEdit={onEditScript} />
      <Transport playback={playback} duration={result.steps} disabled={false} />
      {SCHEMES.map((s) => (
        <div key={s}>
          <h5>{schemeLabels[s]}</h5>
          <Swimlane run={result.runs[s]} n={result.n} step={step} />
        </div>
      ))}
      <Legend />
      <p>{cursorText(result, step)}</p>
      <RowTable
        label={`Each node at step ${step}`}
        head={['Node', 'Zone', 'Side', schemeLabels.naive, schemeLabels.quorum]}
        rows={stateRows(result, step)}
      />

      <h4>Leaders per term</h4>
      <div className="consensus-pair">
        <RowTable
          label="Naive failover: primaries"
          head={['Promotion', 'Primary', 'Steps', 'Writes acknowledged']}
          rows={reignRows(result, 'naive')}
        />
        <RowTable
          label="Majority quorum: leaders per term"
          head={['Term', 'Leader', 'Steps', 'Writes acknowledged']}
          rows={reignRows(result, 'quorum')}
        />
      </div>
      <p className="field-help">
        Under the quorum rule each term has at most one leader. A leader cut off on a minority side
        can still believe it leads an old term for a while, but it can acknowledge nothing: only a
        majority of all {result.n} nodes can.
      </p>

      <h4>Writes acknowledged on each side</h4>
      <RowTable
        label="Writes acknowledged on each side of the network"
        head={['Steps', 'Side', schemeLabels.naive, schemeLabels.quorum]}
        rows={sideRows(result)}
      />

      <h4>A zone loss, for each placement of {result.n} nodes</h4>
      <p>
        Each placement below loses its biggest zone from step {result.lossFrom} to step{' '}
        {result.lossTo} ({result.lossTo - result.lossFrom} steps), with the leader in it, on{' '}
        {result.replications} seeds. Beside it, the lesson’s quorum arithmetic: whether the nodes
        left hold a majority, and the long-run availability with zones up {result.zoneUp * 100} %
        and nodes up {result.nodeUp * 100} % of the time.
      </p>
      <RowTable
        label="Availability during a zone loss, by placement"
        head={[
          'Placement',
          'Left after losing the biggest zone',
          'Majority left?',
          'Long-run availability (formula)',
          'Writes acknowledged during the loss: theory',
          'Measured, quorum (95 % interval)',
          'Measured, naive',
        ]}
        rows={placementRows(result)}
      />
      <p className="field-help">
        Theory: with a majority left, writes stop only until the first surviving follower’s timeout
        fires, one step less than the expected smallest of the survivors’ timeouts (each uniform
        from the shortest to the longest); without a majority, none are acknowledged. The interval
        is the mean over seeds ± 1.96 standard errors. The naive scheme keeps writing either way,
        which is exactly what splits its brain when the “lost” zone was only cut off.
      </p>
    </>
  );
}

function Rules() {
  return (
    <details className="params-details">
      <summary>The rules each scheme follows</summary>
      <p>
        <strong>Naive failover.</strong> A standby that hears nothing from a primary for its timeout
        promotes itself, with no vote. A primary acknowledges a write at once and copies its log to
        the standbys it can reach. When two primaries meet again, the one promoted last stays; the
        other steps down and copies its log, and what only it held is gone.
      </p>
      <p>
        <strong>Majority quorum (Raft, simplified).</strong> Every node keeps a term and votes at
        most once per term. A follower that hears no leader for its timeout becomes a candidate in
        the next term and asks the nodes it can reach; they grant the vote if its log is at least as
        up to date as theirs. Votes from a majority of all the cluster’s nodes make it leader. A
        write is acknowledged once a majority of all nodes store it. Any node that sees a higher
        term adopts it, and a leader that does steps down. Left out: message delays inside a side
        (so no split votes), log repair entry by entry, pre-vote and leases.
      </p>
    </details>
  );
}

function Script({
  lines,
  random,
  onEdit,
}: {
  lines: readonly string[];
  random: boolean;
  onEdit: (text: string) => void;
}) {
  if (lines.length === 0) return <p>No faults in this run.</p>;
  return (
    <>
      <p>
        {random ? 'Faults drawn from the seed' : 'Faults from the script'} ({lines.length}):{' '}
        <code>{lines.join(' · ')}</code>
      </p>
      {random && (
        <button type="button" onClick={() => onEdit(lines.join('\n'))}>
          Edit these faults as a script
        </button>
      )}
    </>
  );
}

const RowTable = memo(function RowTable({
  label,
  head,
  rows,
}: {
  label: string;
  head: readonly string[];
  rows: readonly Row[];
}) {
  return (
    <TableScroll label={label}>
      <table className="stat-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest], k) => (
            <tr key={k}>
              <th scope="row">{first}</th>
              {rest.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});
