import { memo, useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtDuration, fmtInt, fmtNum } from '../../calc/format';
import type { StrategyRun } from './types';

/**
 * Attempts over time for one strategy: per bucket, stacked by what became of them, with the
 * capacity a bucket can serve and the moment the dependency came back as dashed lines. Loaded
 * lazily (Recharts is heavy). The view names it and puts its numbers in a table beside it.
 */
export const RetryStormChart = memo(function RetryStormChart({
  run,
  bucketS,
  capacity,
  outageS,
  top,
  name,
}: {
  run: StrategyRun;
  bucketS: number;
  /** Requests the dependency can serve in one bucket once it is back. */
  capacity: number;
  outageS: number;
  /** The top of the attempts axis; taller bars are cut off there (see `chartTop`). */
  top: number;
  /** The chart's accessible name, a sentence that says what it shows. */
  name: string;
}) {
  const c = useChartPalette();
  const data = useMemo(
    () =>
      Array.from(run.served, (served, i) => ({
        t: (i + 0.5) * bucketS,
        served,
        rejected: run.rejected[i] ?? 0,
        down: run.down[i] ?? 0,
      })),
    [run, bucketS],
  );
  const end = run.served.length * bucketS;
  return (
    <div className="chart" role="img" aria-label={name}>
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 16, right: 12, bottom: 8, left: 0 }}
          barCategoryGap={0}
          barGap={0}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, end]}
            unit=" s"
            tickFormatter={(t: number) => fmtNum(t)}
            {...axisProps(c.text)}
          />
          <YAxis
            width={64}
            domain={[0, top]}
            allowDataOverflow
            allowDecimals={false}
            tickFormatter={(x: number) => fmtInt(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(t) =>
              `${fmtDuration(Number(t) - bucketS / 2)} to ${fmtDuration(Number(t) + bucketS / 2)}`
            }
            formatter={(v) => fmtInt(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} itemSorter={null} />
          <Bar
            dataKey="served"
            name="Served"
            stackId="fate"
            fill={c.second}
            isAnimationActive={false}
          />
          <Bar
            dataKey="rejected"
            name="Turned away (over capacity)"
            stackId="fate"
            fill={c.sim}
            isAnimationActive={false}
          />
          <Bar
            dataKey="down"
            name="Failed: dependency down"
            stackId="fate"
            fill={c.bar}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={capacity}
            stroke={c.theory}
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{
              value: `capacity: ${fmtInt(capacity)} per ${fmtDuration(bucketS)}`,
              fill: c.text,
              fontSize: 12,
              position: 'insideBottomRight',
            }}
          />
          <ReferenceLine
            x={outageS}
            stroke={c.mark}
            strokeDasharray="4 4"
            strokeWidth={2}
            label={{
              value: 'dependency back',
              fill: c.text,
              fontSize: 12,
              position: 'insideTopLeft',
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
