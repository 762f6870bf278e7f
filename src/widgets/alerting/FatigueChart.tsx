import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { axisProps, tooltipStyle, useChartPalette } from '../chrome/chartTheme';
import { fmtNum, fmtPct } from '../../calc/format';

/**
 * The engineer's fatigue under each policy over the period (lazily loaded with Recharts). A
 * picture (aria-hidden): the outcome table states the peaks in words.
 */
export default memo(function FatigueChart({
  a,
  b,
  names,
  sampleMinutes,
}: {
  a: Float32Array;
  b: Float32Array;
  names: [string, string];
  sampleMinutes: number;
}) {
  const c = useChartPalette();
  const data = useMemo(() => {
    // About 400 points are plenty for the eye; take each bucket's highest value so peaks show.
    const step = Math.max(1, Math.ceil(a.length / 400));
    const out: { day: number; a: number; b: number }[] = [];
    for (let i = 0; i < a.length; i += step) {
      let ma = 0;
      let mb = 0;
      for (let j = i; j < Math.min(a.length, i + step); j++) {
        ma = Math.max(ma, a[j]!);
        mb = Math.max(mb, b[j] ?? 0);
      }
      out.push({ day: (i * sampleMinutes) / 1440, a: ma, b: mb });
    }
    return out;
  }, [a, b, sampleMinutes]);
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
            dataKey="day"
            type="number"
            domain={[0, (a.length * sampleMinutes) / 1440]}
            unit=" d"
            tickFormatter={(d: number) => fmtNum(d)}
            {...axisProps(c.text)}
          />
          <YAxis
            width={56}
            domain={[0, 1]}
            tickFormatter={(x: number) => fmtPct(x)}
            {...axisProps(c.text)}
          />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={(d) => `day ${fmtNum(Number(d) + 1)}`}
            formatter={(v) => fmtPct(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} />
          <Line
            name={`A: ${names[0]}`}
            dataKey="a"
            stroke={c.sim}
            dot={false}
            isAnimationActive={false}
            strokeWidth={2}
          />
          <Line
            name={`B: ${names[1]}`}
            dataKey="b"
            stroke={c.theory}
            dot={false}
            isAnimationActive={false}
            strokeWidth={2}
            strokeDasharray="6 3"
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
