import { memo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  ErrorBar,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtNum } from '../../calc/format';

export interface RatePoint {
  x: number;
  theory: number;
  measured: number;
  low: number;
  high: number;
}

const pct = (x: number) => `${fmtNum(x * 100)} %`;

/**
 * Measured false-positive rates (points with their 95 % interval) against the formula (line).
 * A picture only: the view puts the same numbers in a table.
 */
export const RateChart = memo(function RateChart({
  points,
  xLabel,
  mark,
}: {
  points: readonly RatePoint[];
  xLabel: string;
  mark: { x: number; label: string } | null;
}) {
  const c = useChartPalette();
  const data = points.map((p) => ({
    ...p,
    error: [p.measured - p.low, p.high - p.measured] as [number, number],
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 16, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
            label={{
              value: xLabel,
              position: 'insideBottom',
              offset: -8,
              fill: c.text,
              fontSize: 12,
            }}
          />
          <YAxis
            width={64}
            tickFormatter={pct}
            stroke={c.text}
            tick={{ fill: c.text, fontSize: 12 }}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(x) => `${xLabel}: ${fmtNum(Number(x))}`}
            formatter={(v) => (Array.isArray(v) ? '' : pct(Number(v)))}
          />
          <Legend verticalAlign="top" wrapperStyle={{ color: c.text }} />
          <Line
            dataKey="theory"
            name="Formula (1 − e^(−kn/m))^k"
            stroke={c.theory}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Scatter
            dataKey="measured"
            name="Measured (95 % interval)"
            fill={c.sim}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="error" direction="y" stroke={c.sim} width={4} />
          </Scatter>
          {mark && (
            <ReferenceLine
              x={mark.x}
              stroke={c.mark}
              strokeDasharray="4 4"
              label={{ value: mark.label, fill: c.text, fontSize: 12, position: 'insideTopRight' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
