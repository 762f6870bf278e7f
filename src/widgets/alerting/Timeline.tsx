import { memo } from 'react';
import { fmtPct } from '../../calc/format';
import type { ComparisonResult } from './simulate';
import { MINUTES_PER_DAY } from './world';

/**
 * The period at a glance: night bands, incidents as bars, and each policy's pages as ticks —
 * solid when a page pointed at an incident, short and grey when it was noise, hollow when the
 * engineer ignored it. A picture (aria-hidden); the incident table beside it has the same facts.
 */

const W = 1000;
const LEFT = 110;
const ROW = 34;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const Timeline = memo(function Timeline({ result }: { result: ComparisonResult }) {
  const { minutes, incidents, runs } = result;
  const x = (t: number) => LEFT + ((W - LEFT - 10) * t) / minutes;
  const days = minutes / MINUTES_PER_DAY;
  const height = 30 + ROW * 3;
  const rows = [
    { label: 'Incidents', y: 20 },
    { label: 'A pages', y: 20 + ROW },
    { label: 'B pages', y: 20 + 2 * ROW },
  ];
  const nights: { from: number; to: number }[] = [];
  for (let d = 0; d <= days; d++) {
    const start = d * MINUTES_PER_DAY;
    nights.push({ from: Math.max(0, start - 60), to: Math.min(minutes, start + 7 * 60) });
  }
  const labelEvery = days > 14 ? 7 : 1;
  return (
    <svg className="alert-timeline" viewBox={`0 0 ${W} ${height}`} aria-hidden="true">
      {nights.map((n, i) => (
        <rect
          key={i}
          x={x(n.from)}
          y={10}
          width={Math.max(0, x(n.to) - x(n.from))}
          height={ROW * 3}
          className="timeline-night"
        />
      ))}
      {Array.from({ length: Math.floor(days) + 1 }, (_, d) => (
        <g key={d}>
          <line
            x1={x(d * MINUTES_PER_DAY)}
            x2={x(d * MINUTES_PER_DAY)}
            y1={10}
            y2={10 + ROW * 3}
            className="timeline-grid"
          />
          {d < days && d % labelEvery === 0 && (
            <text x={x(d * MINUTES_PER_DAY) + 4} y={height - 4} className="timeline-text">
              {DAY_NAMES[d % 7]}
              {days > 7 ? ` ${d + 1}` : ''}
            </text>
          )}
        </g>
      ))}
      {rows.map((r) => (
        <text key={r.label} x={4} y={r.y + ROW / 2} className="timeline-text">
          {r.label}
        </text>
      ))}
      {incidents.map((inc) => (
        <rect
          key={inc.id}
          x={x(inc.start)}
          y={rows[0]!.y + 4}
          width={Math.max(3, x(inc.end) - x(inc.start))}
          height={ROW - 12}
          className={`timeline-incident timeline-incident-${inc.kind}`}
        >
          <title>
            {inc.kind} in {inc.service}, peak {fmtPct(inc.peakErrorRatio)} errors
          </title>
        </rect>
      ))}
      {runs.map((run, r) =>
        Array.from(run.pageMinute, (t, k) => {
          const real = run.pageActionable[k] === 1;
          const ignored = run.pageIgnored[k] === 1;
          const y = rows[r + 1]!.y;
          return (
            <line
              key={k}
              x1={x(t)}
              x2={x(t)}
              y1={real ? y + 2 : y + 10}
              y2={y + ROW - 6}
              className={`timeline-page${real ? ' timeline-page-real' : ''}${ignored ? ' timeline-page-ignored' : ''}`}
            />
          );
        }),
      )}
    </svg>
  );
});
