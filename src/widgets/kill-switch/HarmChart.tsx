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
import { fmtDuration, fmtInt } from '../../calc/format';
import { STORY_NOUNS } from './params';
import type { KillSwitchParams } from './params';
import { designLabel, timeTicks } from './report';
import type { KillSwitchResult } from './types';

/**
 * Run 1's cumulative harm under every design, one line each (told apart by dash as well as
 * colour), with the playback cursor. Loaded lazily; the view puts its numbers in a table.
 */
const dashes = ['', '6 3', '2 3', '10 4 2 4', '1 0'];
const margin = { top: 16, right: 24, bottom: 8, left: 8 };

export const HarmChart = memo(function HarmChart({
  params,
  result,
  timeS,
}: {
  params: KillSwitchParams;
  result: KillSwitchResult;
  timeS: number;
}) {
  const c = useChartPalette();
  const colours = [c.sim, c.theory, c.second, c.mark, c.bar];
  const data = useMemo(() => {
    const points = result.examples[0]?.harm.length ?? 0;
    return Array.from({ length: points }, (_, i) => {
      const row: Record<string, number> = { t: Math.min(result.durationS, i * result.stepS) };
      for (const e of result.examples) row[e.design] = e.harm[i] ?? 0;
      return row;
    });
  }, [result]);
  const nouns = STORY_NOUNS[params.story];
  return (
    <div
      className="chart"
      role="img"
      aria-label={`Run 1: ${nouns.many} so far under each design, over ${fmtDuration(result.durationS)}; the table below has the numbers`}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart accessibilityLayer={false} data={data} margin={margin}>
          <CartesianGrid stroke={c.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, result.durationS]}
            ticks={timeTicks(result.durationS)}
            tickFormatter={(t: number) => fmtDuration(t)}
            {...axisProps(c.text)}
          />
          <YAxis width={64} tickFormatter={(x: number) => fmtInt(x)} {...axisProps(c.text)} />
          <Tooltip
            isAnimationActive={false}
            contentStyle={tooltipStyle}
            labelFormatter={(t) => `At ${fmtDuration(Number(t))}`}
            formatter={(v) => fmtInt(Number(v))}
          />
          <Legend wrapperStyle={{ color: c.text }} itemSorter={null} />
          {result.examples.map((e, i) => (
            <Line
              key={e.design}
              dataKey={e.design}
              name={designLabel(params, e.design)}
              type="linear"
              stroke={colours[i] ?? c.text}
              strokeWidth={i === 0 ? 2.5 : 1.5}
              strokeDasharray={dashes[i] ?? ''}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          <ReferenceLine x={timeS} stroke={c.text} strokeDasharray="2 2" />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
