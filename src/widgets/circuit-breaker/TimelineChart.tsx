import { memo, useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useResolvedTheme } from '../../app/theme';
import { sumBins } from './simulate';
import type { RunSeries, StateSpan } from './simulate';

const palettes = {
  light: {
    success: '#15803d',
    failure: '#b91c1c',
    timeout: '#c2410c',
    rejected: '#6b7280',
    latency: '#1d4ed8',
    open: '#fecaca',
    half: '#fde68a',
    grid: '#d5dae3',
    text: '#1a1f2b',
  },
  dark: {
    success: '#4ade80',
    failure: '#f87171',
    timeout: '#fb923c',
    rejected: '#9ca3af',
    latency: '#93c5fd',
    open: '#7f1d1d',
    half: '#713f12',
    grid: '#343c4d',
    text: '#e6e9ef',
  },
};

/**
 * Calls per second are stacked step areas (four SVG paths), not bars (hundreds of rects), so a
 * finished run draws quickly. Long runs are grouped into at most this many steps.
 */
const MAX_POINTS = 240;
const Y_LEFT = 44;
const Y_RIGHT = 64;
const MARGIN = 8;

/**
 * Calls per second by outcome (stacked), mean latency, and the breaker state as a band. The
 * playback cursor is drawn over the chart, outside Recharts, so moving it never redraws the chart.
 */
function TimelineChart({
  series,
  band,
  timeS,
}: {
  series: RunSeries;
  band: readonly StateSpan[] | null;
  timeS: number;
}) {
  const seconds = series.bins.success.length;
  return (
    <div className="chart" aria-hidden="true">
      <Plot series={series} band={band} />
      <div
        className="chart-cursor"
        style={{
          left: `calc(${Y_LEFT}px + (100% - ${Y_LEFT + Y_RIGHT + MARGIN}px) * ${seconds ? Math.min(1, timeS / seconds) : 0})`,
        }}
      />
    </div>
  );
}

/** The four outcomes, stacked bottom to top in this order. */
const outcomeSeries = [
  { key: 'success', name: 'Success' },
  { key: 'failure', name: 'Failure' },
  { key: 'timeout', name: 'Timeout' },
  { key: 'rejected', name: 'Failed fast' },
] as const;

const Plot = memo(function Plot({
  series,
  band,
}: {
  series: RunSeries;
  band: readonly StateSpan[] | null;
}) {
  const c = palettes[useResolvedTheme()];
  const { data, per } = useMemo(() => {
    const b = series.bins;
    const n = b.success.length;
    const per = Math.max(1, Math.ceil(n / MAX_POINTS));
    const rows = [];
    for (let start = 0; start < n; start += per) {
      const sum = sumBins(b, start, start + per);
      const k = Math.min(n, start + per) - start;
      rows.push({
        t: start,
        success: sum.success / k,
        failure: sum.failure / k,
        timeout: sum.timeout / k,
        rejected: sum.rejected / k,
        latency: Math.round(sum.meanLatencyMs),
      });
    }
    // Step areas draw each bucket from its start to the next one: close the last bucket.
    const lastRow = rows.at(-1);
    if (lastRow) rows.push({ ...lastRow, t: n });
    return { data: rows, per };
  }, [series]);
  const seconds = series.bins.success.length;
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        accessibilityLayer={false}
        data={data}
        margin={{ top: MARGIN, right: MARGIN, bottom: MARGIN, left: 0 }}
      >
        <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
        {band
          ?.filter((s) => s.state !== 'closed')
          .map((s, i) => (
            <ReferenceArea
              key={i}
              yAxisId="calls"
              x1={s.fromMs / 1000}
              x2={s.toMs / 1000}
              fill={s.state === 'open' ? c.open : c.half}
              fillOpacity={0.6}
              ifOverflow="hidden"
            />
          ))}
        <XAxis
          dataKey="t"
          type="number"
          domain={[0, seconds]}
          stroke={c.text}
          tick={{ fill: c.text, fontSize: 12 }}
          unit=" s"
        />
        <YAxis
          yAxisId="calls"
          stroke={c.text}
          tick={{ fill: c.text, fontSize: 12 }}
          width={Y_LEFT}
        />
        <YAxis
          yAxisId="latency"
          orientation="right"
          stroke={c.latency}
          tick={{ fill: c.latency, fontSize: 12 }}
          unit=" ms"
          width={Y_RIGHT}
        />
        <Tooltip
          contentStyle={{
            background: 'var(--bg-raised)',
            border: '1px solid var(--border)',
            color: 'var(--text)',
          }}
          labelFormatter={(t) => `${Number(t)}–${Number(t) + per} s`}
        />
        <Legend wrapperStyle={{ color: c.text }} />
        {outcomeSeries.map((k, i) => (
          <Area
            key={k.key}
            yAxisId="calls"
            type="stepAfter"
            dataKey={k.key}
            name={i === 0 && per > 1 ? `${k.name} (per s, ${per} s steps)` : k.name}
            stackId="calls"
            stroke="none"
            fillOpacity={1}
            fill={c[k.key]}
            isAnimationActive={false}
          />
        ))}
        <Line
          yAxisId="latency"
          dataKey="latency"
          name="Mean latency (ms)"
          stroke={c.latency}
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

export default memo(TimelineChart);
