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
import { useResolvedTheme } from '../theme';

/** Score (as a share) of every gauntlet attempt over time. The table beside it has the numbers. */
export default function GauntletHistoryChart({ results }: { results: readonly GauntletResult[] }) {
  const dark = useResolvedTheme() === 'dark';
  const text = dark ? '#e6e9ef' : '#1a1f2b';
  const line = dark ? '#93c5fd' : '#1d4ed8';
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
          <CartesianGrid stroke={dark ? '#343c4d' : '#d5dae3'} strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) =>
              new Date(t).toLocaleDateString('en', { month: 'short', day: 'numeric' })
            }
            stroke={text}
            tick={{ fill: text, fontSize: 12 }}
          />
          <YAxis
            domain={[0, 100]}
            unit=" %"
            width={52}
            stroke={text}
            tick={{ fill: text, fontSize: 12 }}
          />
          <Tooltip
            contentStyle={{
              background: 'var(--bg-raised)',
              border: '1px solid var(--border)',
              color: 'var(--text)',
            }}
            labelFormatter={(t) => new Date(Number(t)).toLocaleString('en')}
            formatter={(v) => `${Number(v)} %`}
          />
          <Line
            dataKey="score"
            name="Score"
            stroke={line}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
