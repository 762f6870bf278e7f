import { memo } from 'react';
import {
  Area,
  Bar,
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
import type { CountMinRunResult, HllRunResult } from './simulate';

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

/** The top items' true counts and estimates (bars), with the εN error bound above the truth. */
export const CountMinChart = memo(function CountMinChart({
  result,
}: {
  result: CountMinRunResult;
}) {
  const c = useChartPalette();
  const data = Array.from(result.top.rank, (rank, i) => ({
    rank: rank + 1,
    trueCount: result.top.trueCount[i]!,
    over: result.top.estimate[i]! - result.top.trueCount[i]!,
    bound: result.top.trueCount[i]! + result.bound,
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 16, left: 8 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="rank"
            {...axisProps(c.text)}
            label={{
              value: 'item rank',
              position: 'insideBottom',
              offset: -8,
              fill: c.text,
              fontSize: 12,
            }}
          />
          <YAxis width={72} tickFormatter={(x: number) => fmtNum(x)} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(v) => fmtNum(Number(v))}
            labelFormatter={(r) => `rank ${Number(r)}`}
          />
          <Legend verticalAlign="top" wrapperStyle={{ color: c.text }} />
          <Bar
            dataKey="trueCount"
            name="True count"
            stackId="n"
            fill={c.bar}
            isAnimationActive={false}
          />
          <Bar
            dataKey="over"
            name="Overestimate"
            stackId="n"
            fill={c.sim}
            isAnimationActive={false}
          />
          <Line
            dataKey="bound"
            name="True count + εN"
            stroke={c.mark}
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

/** Estimate against the true distinct count as the stream grows, with the ±1.04/√m band. */
export const HllChart = memo(function HllChart({ result }: { result: HllRunResult }) {
  const c = useChartPalette();
  const data = Array.from(result.position, (x, i) => ({
    x,
    truth: result.trueDistinct[i]!,
    estimate: result.estimate[i]!,
    withoutAlpha: result.withoutAlpha[i]!,
    band: [result.bandLow[i]!, result.bandHigh[i]!] as [number, number],
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 16, left: 8 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale="log"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
            label={{
              value: 'items streamed (log scale)',
              position: 'insideBottom',
              offset: -8,
              fill: c.text,
              fontSize: 12,
            }}
          />
          <YAxis
            width={72}
            scale="log"
            domain={['auto', 'auto']}
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(v) =>
              Array.isArray(v) ? v.map((x) => fmtNum(Number(x))).join(' to ') : fmtNum(Number(v))
            }
            labelFormatter={(x) => `${fmtNum(Number(x))} items`}
          />
          <Legend verticalAlign="top" wrapperStyle={{ color: c.text }} />
          <Area
            dataKey="band"
            name="±1.04/√m around the truth"
            fill={c.theory}
            fillOpacity={0.15}
            stroke="none"
            isAnimationActive={false}
          />
          <Line
            dataKey="truth"
            name="True distinct count"
            stroke={c.theory}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="estimate"
            name="HyperLogLog estimate"
            stroke={c.sim}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="withoutAlpha"
            name="Without α_m (the seed's bug)"
            stroke={c.mark}
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
