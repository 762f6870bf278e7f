import { memo, useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ErrorBar,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtDuration, fmtNum } from '../../calc/format';
import type { CostPoint } from './plan';
import type { HistogramBar, HockeyPoint } from './report';

/**
 * Every Recharts chart of the queue calculator, in one lazily loaded module. The charts are
 * pictures (aria-hidden); each has a table or a sentence beside it in the view.
 */
/** Number in the system and number waiting, time-averaged per bin, over the simulated run. */
export const QueueOverTime = memo(function QueueOverTime({
  inSystem,
  waiting,
  binS,
  warmupS,
}: {
  inSystem: Float32Array;
  waiting: Float32Array;
  binS: number;
  warmupS: number;
}) {
  const c = useChartPalette();
  const data = useMemo(
    () =>
      Array.from(inSystem, (value, i) => ({
        t: (i + 0.5) * binS,
        inSystem: value,
        waiting: waiting[i] ?? 0,
      })),
    [inSystem, waiting, binS],
  );
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, inSystem.length * binS]}
            unit=" s"
            tickFormatter={(t: number) => fmtNum(t)}
            {...axisProps(c.text)}
          />
          <YAxis width={56} tickFormatter={(x: number) => fmtNum(x)} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(t) => `around ${fmtNum(Number(t))} s`}
            formatter={(v) => fmtNum(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          {warmupS > 0 && (
            <ReferenceLine
              x={warmupS}
              stroke={c.text}
              strokeDasharray="4 4"
              label={{
                value: 'end of warm-up',
                fill: c.text,
                fontSize: 12,
                position: 'insideTopLeft',
              }}
            />
          )}
          <Line
            dataKey="inSystem"
            name="In the system (L)"
            stroke={c.theory}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="waiting"
            name="Waiting (Lq)"
            stroke={c.sim}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

/** How long the customers who waited waited: simulated shares per bucket, theory as a line. */
export const WaitHistogram = memo(function WaitHistogram({
  bars,
  p99,
}: {
  bars: readonly HistogramBar[];
  p99: number;
}) {
  const c = useChartPalette();
  const data = bars.map((b) => ({
    mid: (b.from + b.to) / 2,
    simulated: b.simulated * 100,
    theory: b.theory === null ? null : b.theory * 100,
  }));
  const hasTheory = bars.some((b) => b.theory !== null);
  const top = bars.at(-1)?.to ?? 1;
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
          barCategoryGap={0}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="mid"
            type="number"
            domain={[0, top]}
            tickFormatter={(s: number) => fmtDuration(s)}
            {...axisProps(c.text)}
          />
          <YAxis
            width={56}
            unit=" %"
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(s) => `waits near ${fmtDuration(Number(s))}`}
            formatter={(v) => `${fmtNum(Number(v))} % of customers`}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <Bar dataKey="simulated" name="Simulated" fill={c.bar} isAnimationActive={false} />
          {hasTheory && (
            <Line
              dataKey="theory"
              name="Theory"
              stroke={c.theory}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          )}
          {p99 > 0 && p99 <= top && (
            <ReferenceLine
              x={p99}
              stroke={c.mark}
              strokeDasharray="4 4"
              label={{ value: 'p99', fill: c.text, fontSize: 12, position: 'insideTopRight' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

/** Mean wait against utilisation: the theory curve, the sweep's points, and where you are. */
export const HockeyStickChart = memo(function HockeyStickChart({
  points,
  current,
}: {
  points: readonly HockeyPoint[];
  current: { rho: number; wait: number } | null;
}) {
  const c = useChartPalette();
  const data = points.map((p) => ({
    rho: p.rho * 100,
    theory: p.theory === null ? null : p.theory * 1000,
    simulated: p.simulated === null ? null : p.simulated * 1000,
    error: p.error === null ? null : [p.error[0] * 1000, p.error[1] * 1000],
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="rho"
            type="number"
            domain={[0, 100]}
            unit=" %"
            ticks={[0, 20, 40, 60, 80, 90, 100]}
            {...axisProps(c.text)}
          />
          <YAxis
            width={64}
            unit=" ms"
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(r) => `utilisation ${fmtNum(Number(r))} %`}
            formatter={(v) => `${fmtNum(Number(v))} ms`}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <Line
            dataKey="theory"
            name="Theory: mean wait Wq"
            stroke={c.theory}
            dot={false}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Scatter
            dataKey="simulated"
            name="Simulated (95 % interval)"
            fill={c.sim}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="error" direction="y" stroke={c.sim} width={6} />
          </Scatter>
          {current && (
            <ReferenceDot
              x={current.rho * 100}
              y={current.wait * 1000}
              r={6}
              fill="none"
              stroke={c.mark}
              strokeWidth={2}
              ifOverflow="extendDomain"
              label={{ value: 'your setting', fill: c.text, fontSize: 12, position: 'top' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

/** Hourly cost around the planner's answer: servers plus the cost of customers' waiting. */
export const CostChart = memo(function CostChart({
  points,
  answer,
}: {
  points: readonly CostPoint[];
  answer: number | null;
}) {
  const c = useChartPalette();
  const data = points.map((p) => ({ ...p, total: p.serverCost + p.waitingCost }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="servers"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            {...axisProps(c.text)}
          />
          <YAxis width={64} tickFormatter={(x: number) => fmtNum(x)} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            formatter={(v) => fmtNum(Number(v))}
            labelFormatter={(s) => `${Number(s)} servers`}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <Bar
            dataKey="serverCost"
            name="Servers"
            stackId="cost"
            fill={c.bar}
            isAnimationActive={false}
          />
          <Bar
            dataKey="waitingCost"
            name="Customers waiting"
            stackId="cost"
            fill={c.sim}
            isAnimationActive={false}
          />
          {answer !== null && (
            <ReferenceLine
              x={answer}
              stroke={c.mark}
              strokeDasharray="4 4"
              label={{
                value: 'smallest that meets the target',
                fill: c.text,
                fontSize: 12,
                position: 'insideTopLeft',
              }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
