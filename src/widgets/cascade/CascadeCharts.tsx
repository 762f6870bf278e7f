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
import { fmtDuration, fmtNum, fmtPct } from '../../calc/format';
import type { CascadeResult, LogisticRun } from './types';

/**
 * The lab's two charts, loaded lazily (Recharts is heavy). The view names each with a sentence
 * and puts its numbers in a table beside it.
 */

/** The pool over time, up to the playback cursor: per-server load and the share answered, in %. */
export const PoolChart = memo(function PoolChart({
  result,
  upTo,
  name,
}: {
  result: CascadeResult;
  /** Simulated seconds shown (the playback cursor). */
  upTo: number;
  name: string;
}) {
  const c = useChartPalette();
  const s = result.series;
  const data = useMemo(
    () =>
      Array.from(s.t, (t, b) => ({
        t,
        offered: s.offeredUtil[b]! * 100,
        first: s.firstUtil[b]! * 100,
        answered: s.users[b]! > 0 ? Math.min(100, (s.answered[b]! / s.users[b]!) * 100) : 100,
        hit: s.hit[b]! * 100,
      })),
    [s],
  );
  const shown = useMemo(() => data.filter((d) => d.t <= upTo), [data, upTo]);
  const end = s.t.length * result.bucketS;
  const top = Math.min(
    500,
    Math.max(120, Math.ceil(Math.max(...data.map((d) => d.offered)) / 50) * 50),
  );
  return (
    <div className="chart" role="img" aria-label={name}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart
          accessibilityLayer={false}
          data={shown}
          margin={{ top: 16, right: 12, bottom: 8, left: 0 }}
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
            width={56}
            domain={[0, top]}
            allowDataOverflow
            unit=" %"
            tickFormatter={(x: number) => fmtNum(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(t) => `from ${fmtDuration(Number(t))}`}
            formatter={(v) => fmtPct(Number(v) / 100)}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <ReferenceLine
            y={100}
            stroke={c.mark}
            strokeDasharray="6 3"
            strokeWidth={2}
            label={{ value: 'capacity', fill: c.text, fontSize: 12, position: 'insideTopRight' }}
          />
          <Line
            dataKey="offered"
            name="Load per server, all attempts"
            stroke={c.sim}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="first"
            name="Load per server, first attempts"
            stroke={c.bar}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="answered"
            name="User requests answered"
            stroke={c.second}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            dataKey="hit"
            name="Cache hit ratio"
            stroke={c.theory}
            strokeDasharray="2 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

/** The two orbits of the logistic map, step by step. */
export const LogisticChart = memo(function LogisticChart({
  run,
  name,
}: {
  run: LogisticRun;
  name: string;
}) {
  const c = useChartPalette();
  const data = useMemo(() => Array.from(run.a, (a, n) => ({ n, a, b: run.b[n]! })), [run]);
  return (
    <div className="chart" role="img" aria-label={name}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 16, right: 12, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis dataKey="n" type="number" domain={[0, run.a.length - 1]} {...axisProps(c.text)} />
          <YAxis width={48} domain={[0, 1]} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(n) => `step ${Number(n)}`}
            formatter={(v) => fmtNum(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          {run.apartAt !== null && (
            <ReferenceLine
              x={run.apartAt}
              stroke={c.mark}
              strokeDasharray="4 4"
              strokeWidth={2}
              label={{
                value: 'more than 0.1 apart',
                fill: c.text,
                fontSize: 12,
                position: 'insideTopLeft',
              }}
            />
          )}
          <Line
            dataKey="a"
            name={`from x₀ = ${fmtNum(run.x0)}`}
            stroke={c.theory}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="b"
            name={`from x₀ + ${run.gap.toExponential(0)}`}
            stroke={c.sim}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
