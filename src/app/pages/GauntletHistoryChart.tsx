import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { GauntletResult } from '../../quiz/results';
import { axisProps, tooltipStyle, useChartPalette } from '../../widgets/chrome/chartTheme';

/** Score (as a share) of every gauntlet attempt over time. The table beside it has the numbers. */
export default function GauntletHistoryChart({ results }: { results: readonly GauntletResult[] }) {
  const c = useChartPalette();
  const data = results.map((r) => ({
    at: Date.parse(r.finishedAt),
    score: r.total ? Math.round((r.score / r.total) * 100) : 0,
  }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 12, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) =>
              new Date(t).toLocaleDateString('en', { month: 'short', day: 'numeric' })
            }
            {...axisProps(c.text)}
          />
          <YAxis domain={[0, 100]} unit=" %" width={52} {...axisProps(c.text)} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(t) => new Date(Number(t)).toLocaleString('en')}
            formatter={(v) => `${Number(v)} %`}
          />
          <Line
            dataKey="score"
            name="Score"
            stroke={c.theory}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
