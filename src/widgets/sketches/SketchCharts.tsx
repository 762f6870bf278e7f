import { memo } from 'react';
import {
  Area,
  Bar,
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
import type { CountMinRunResult, HllRunResult } from './simulate';

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
