import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtInt } from '../../calc/format';
import { pctWhole, utilisationTicks } from './report';
import type { StrategyRun } from './types';

/**
 * One strategy's run over time, as two charts that share the minute axis: replicas (needed at
 * the target, ready, and ready plus still starting) and true utilisation against 100 % and the
 * target. Loaded lazily (Recharts is heavy). The view names each and puts its numbers in a table.
 * Series differ by dash as well as colour, and nothing animates.
 */

const margin = { top: 16, right: 24, bottom: 8, left: 0 };
const minuteLabel = (m: unknown) => `Minute ${fmtInt(Number(m))}`;

/** The minute axis both charts share. */
const minuteAxis = (minutes: number, text: string) => ({
  dataKey: 'm',
  type: 'number' as const,
  domain: [0, minutes],
  unit: ' min',
  allowDecimals: false,
  ...axisProps(text),
});

export const ReplicasChart = memo(function ReplicasChart({
  run,
  needed,
  name,
}: {
  run: StrategyRun;
  /** Replicas the load needs at the target, per minute. */
  needed: Uint16Array;
  /** The chart's accessible name, a sentence that says what it shows. */
  name: string;
}) {
  const c = useChartPalette();
  const data = useMemo(() => {
    const rows = Array.from(run.ready, (ready, m) => ({
      m,
      needed: needed[m] ?? 0,
      ready,
      ordered: ready + (run.pending[m] ?? 0),
    }));
    // Repeat the last minute at its end, so the last step is drawn as wide as the others.
    const last = rows[rows.length - 1];
    if (last) rows.push({ ...last, m: rows.length });
    return rows;
  }, [run, needed]);
  const minutes = run.ready.length;
  return (
    <div className="chart" role="img" aria-label={name}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart accessibilityLayer={false} data={data} margin={margin}>
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis {...minuteAxis(minutes, c.text)} />
          <YAxis
            width={48}
            allowDecimals={false}
            tickFormatter={(x: number) => fmtInt(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            labelFormatter={minuteLabel}
            formatter={(v) => fmtInt(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} itemSorter={null} />
          <Line
            dataKey="needed"
            name="Needed at the target"
            type="stepAfter"
            stroke={c.theory}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="ready"
            name="Ready"
            type="stepAfter"
            stroke={c.second}
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="ordered"
            name="Ready + starting"
            type="stepAfter"
            stroke={c.mark}
            strokeWidth={1.5}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

export const UtilisationChart = memo(function UtilisationChart({
  run,
  target,
  top,
  name,
}: {
  run: StrategyRun;
  /** The autoscaler's target, a share. */
  target: number;
  /** The top of the axis, a share; taller minutes are cut off there (see `utilisationTop`). */
  top: number;
  name: string;
}) {
  const c = useChartPalette();
  const data = useMemo(
    () => Array.from(run.utilisation, (u, m) => ({ m, u: Math.round(u * 1000) / 10 })),
    [run],
  );
  return (
    <div className="chart" role="img" aria-label={name}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart accessibilityLayer={false} data={data} margin={margin}>
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis {...minuteAxis(run.utilisation.length, c.text)} />
          <YAxis
            width={56}
            domain={[0, top * 100]}
            ticks={utilisationTicks(top).map((t) => t * 100)}
            allowDataOverflow
            // A no-break space: Recharts wraps a tick at a space when it is tight.
            tickFormatter={(x: number) => `${fmtInt(x)}\u00a0%`}
            {...axisProps(c.text)}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            labelFormatter={minuteLabel}
            formatter={(v) => `${fmtInt(Number(v))} %`}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <ReferenceLine
            y={100}
            stroke={c.text}
            strokeWidth={1.5}
            label={{
              value: '100 %: overloaded above',
              fill: c.text,
              fontSize: 12,
              position: 'insideBottomRight',
            }}
          />
          <ReferenceLine
            y={target * 100}
            stroke={c.theory}
            strokeDasharray="6 3"
            strokeWidth={1.5}
            label={{
              value: `target ${pctWhole(target)}`,
              fill: c.text,
              fontSize: 12,
              position: 'insideTopRight',
            }}
          />
          <Line
            dataKey="u"
            name="True utilisation"
            stroke={c.sim}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
