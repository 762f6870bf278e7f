import { memo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtNum } from '../../calc/format';

const pct = (x: number) => `${fmtNum(x * 100)} %`;

/** P(first collision ≤ x): the simulation's share of trials against the theory. */
export const CdfChart = memo(function CdfChart({
  points,
  xLabel,
}: {
  points: readonly { x: number; measured: number; theory: number }[];
  xLabel: string;
}) {
  const c = useChartPalette();
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart
          accessibilityLayer={false}
          data={points}
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
          <YAxis width={64} domain={[0, 1]} tickFormatter={pct} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(v) => pct(Number(v))}
            labelFormatter={(x) => `${xLabel}: ${fmtNum(Number(x))}`}
          />
          <Legend verticalAlign="top" wrapperStyle={{ color: c.text }} />
          <Line
            dataKey="theory"
            name="Theory: P(collided by then)"
            stroke={c.theory}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="measured"
            name="Share of trials"
            stroke={c.sim}
            dot={false}
            strokeWidth={2}
            strokeDasharray="5 3"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
