import { memo } from 'react';
import { TableScroll } from '../chrome/TableScroll';
import { nodeName } from './script';
import { ROLES } from './types';
import type { Role, SchemeRun } from './types';
import { roleWords, schemeLabels } from './report';

const roleFill: Record<Role, string> = {
  down: 'var(--danger)',
  follower: 'var(--border)',
  candidate: 'var(--warning)',
  leader: 'var(--accent)',
};

const LANE_H = 22;
const LEFT = 34;
const TOP = 4;

export const cellWidth = (steps: number) => Math.max(3, Math.min(14, Math.floor(720 / steps)));

/**
 * A swimlane per node: its role at the end of every step (the run's role codes), a row below
 * marking steps with more than one node acting as leader, and the playback cursor. The lanes
 * are memoised: moving the cursor redraws only the cursor.
 */
export function Swimlane({ run, n, step }: { run: SchemeRun; n: number; step: number }) {
  const steps = run.offered.length;
  const w = cellWidth(steps);
  const width = LEFT + steps * w + 4;
  const height = TOP + (n + 1) * LANE_H + 4;
  const label = `${schemeLabels[run.scheme]}: role of each node at each of ${steps} steps; the tables below list the leaders and the state at the cursor`;
  return (
    <TableScroll label={`${schemeLabels[run.scheme]}: swimlanes`}>
      <svg
        role="img"
        aria-label={label}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <Lanes run={run} n={n} />
        <line
          x1={LEFT + (step + 0.5) * w}
          x2={LEFT + (step + 0.5) * w}
          y1={0}
          y2={height}
          stroke="var(--text)"
          strokeWidth={2}
        />
      </svg>
    </TableScroll>
  );
}

const Lanes = memo(function Lanes({ run, n }: { run: SchemeRun; n: number }) {
  const steps = run.offered.length;
  const w = cellWidth(steps);
  const cells = [];
  for (let i = 0; i < n; i++) {
    // Runs of equal role (and term) become one rectangle: a few dozen elements, not thousands.
    let start = 0;
    for (let t = 1; t <= steps; t++) {
      const same =
        t < steps &&
        run.roles[t * n + i] === run.roles[start * n + i] &&
        run.terms[t * n + i] === run.terms[start * n + i];
      if (same) continue;
      const role = ROLES[run.roles[start * n + i]!]!;
      const x = LEFT + start * w;
      const y = TOP + i * LANE_H;
      const span = (t - start) * w;
      cells.push(
        <g key={`${i}-${start}`}>
          <rect
            x={x}
            y={y + 3}
            width={span}
            height={LANE_H - 6}
            fill={roleFill[role]}
            opacity={role === 'down' ? 0.45 : 1}
          />
          {role === 'leader' && span >= 18 && (
            <text x={x + 3} y={y + LANE_H - 7} fontSize={10} fill="var(--bg)">
              {run.terms[start * n + i]}
            </text>
          )}
        </g>,
      );
      start = t;
    }
  }
  const many = [];
  for (let t = 0; t < steps; t++)
    if (run.leaders[t]! > 1)
      many.push(
        <rect
          key={t}
          x={LEFT + t * w}
          y={TOP + n * LANE_H + 5}
          width={w}
          height={LANE_H - 10}
          fill="var(--danger)"
        />,
      );
  return (
    <g>
      {Array.from({ length: n }, (_, i) => (
        <text key={i} x={4} y={TOP + i * LANE_H + LANE_H / 2 + 4} fontSize={12} fill="var(--text)">
          {nodeName(i)}
        </text>
      ))}
      <text x={4} y={TOP + n * LANE_H + LANE_H / 2 + 4} fontSize={10} fill="var(--text-muted)">
        2+
      </text>
      {cells}
      {many}
    </g>
  );
});

/** The colours in words, for the swimlanes above. */
export function Legend() {
  return (
    <p className="field-help">
      {(['leader', 'candidate', 'follower', 'down'] as const).map((role, k) => (
        <span key={role}>
          {k > 0 && '; '}
          <span
            className="saga-swatch"
            style={{ background: roleFill[role], opacity: role === 'down' ? 0.45 : 1 }}
          />{' '}
          {role === 'leader'
            ? 'leader / primary (its term or promotion number written on it)'
            : role === 'follower'
              ? `${roleWords.quorum.follower} / ${roleWords.naive.follower}`
              : role}
        </span>
      ))}
      ; red in the “2+” row: two or more nodes acting as leader in that step.
    </p>
  );
}
