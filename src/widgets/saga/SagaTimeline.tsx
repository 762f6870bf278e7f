import { fmtInt } from '../../calc/format';
import { TableScroll } from '../chrome/TableScroll';
import type { TraceEvent, Tone } from './types';

const toneColour: Record<Tone, string> = {
  ok: 'var(--ok)',
  bad: 'var(--danger)',
  unknown: 'var(--warning)',
  note: 'var(--text-muted)',
};

const toneWord: Record<Tone, string> = {
  ok: 'done',
  bad: 'failed or left behind',
  unknown: 'outcome unknown',
  note: 'a command or a decision',
};

const LANE_H = 36;
const LEFT = 96;
const STEP_X = 24;

/**
 * One saga as a swimlane per service (the orchestrator on top), events numbered in the order
 * they happen and coloured by what they mean, with the same events as a table beside it.
 */
export function SagaTimeline({
  name,
  events,
  lanes,
  laneOfStep,
}: {
  name: string;
  events: readonly TraceEvent[];
  lanes: readonly string[];
  laneOfStep: readonly number[];
}) {
  const laneOf = (e: TraceEvent) => (e.lane < 0 ? 0 : (laneOfStep[e.lane] ?? 0));
  const width = LEFT + (events.length + 1) * STEP_X;
  const height = lanes.length * LANE_H + 8;
  return (
    <div className="saga-timeline">
      <TableScroll label={`${name}: timeline`}>
        <svg
          role="img"
          aria-label={`${name}: ${fmtInt(events.length)} events on ${lanes.length} lanes (${lanes.join(', ')}); the table lists them`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {lanes.map((lane, i) => (
            <g key={lane}>
              <line
                x1={LEFT - 6}
                x2={width}
                y1={i * LANE_H + LANE_H / 2 + 4}
                y2={i * LANE_H + LANE_H / 2 + 4}
                stroke="var(--border)"
              />
              <text x={4} y={i * LANE_H + LANE_H / 2 + 8} fill="var(--text)" fontSize={12}>
                {lane}
              </text>
            </g>
          ))}
          {events.map((e, i) => {
            const x = LEFT + (i + 0.5) * STEP_X;
            const y = laneOf(e) * LANE_H + LANE_H / 2 + 4;
            return (
              <g key={i}>
                <circle cx={x} cy={y} r={10} fill={toneColour[e.tone]} />
                <text x={x} y={y + 4} textAnchor="middle" fontSize={10} fill="var(--bg)">
                  {i + 1}
                </text>
              </g>
            );
          })}
        </svg>
      </TableScroll>
      <p className="field-help">
        Colours:{' '}
        {Object.entries(toneWord).map(([tone, word], i) => (
          <span key={tone}>
            {i > 0 && '; '}
            <span className="saga-swatch" style={{ background: toneColour[tone as Tone] }} /> {word}
          </span>
        ))}
        .
      </p>
      <TableScroll label={`${name}: events`}>
        <table className="stat-table saga-events">
          <caption className="visually-hidden">{name}: events in order</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">At</th>
              <th scope="col">Where</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{fmtInt(e.atMs)} ms</td>
                <td>{lanes[laneOf(e)]}</td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
