import { lazy, memo, Suspense, useState } from 'react';
import { fmtDuration, fmtInt } from '../../calc/format';
import { RadioRow } from '../chrome/ChoiceFields';
import { TableScroll } from '../chrome/TableScroll';
import { Transport } from '../chrome/Transport';
import { usePlayback } from '../chrome/usePlayback';
import { STORY_NOUNS } from './params';
import type { KillSwitchParams } from './params';
import { delayBins, designLabel, dollars, exampleAt, harmRows, playbackStep } from './report';
import { DESIGNS } from './types';
import type { Design, EventKind, ExampleRun, KillSwitchResult, TimelineEvent } from './types';

const HarmChart = lazy(() => import('./HarmChart').then((m) => ({ default: m.HarmChart })));

/** Run 1 of the seed: pick a design, play or scrub through it, read its events and its hosts. */
export function ExampleRunView({
  params,
  result,
}: {
  params: KillSwitchParams;
  result: KillSwitchResult;
}) {
  const [design, setDesign] = useState<Design>('yours');
  const step = playbackStep(result.durationS);
  const playback = usePlayback(result.durationS, step);
  const ex = result.examples.find((e) => e.design === design) ?? result.examples[0]!;
  const nouns = STORY_NOUNS[params.story];
  const now = exampleAt(ex, result.stepS, playback.time);
  const past = ex.events.filter((e) => e.atS <= playback.time);
  const last = past[past.length - 1];
  const level = [...past].reverse().find((e) => e.level !== undefined)?.level;
  return (
    <>
      <p>
        The first run of this seed, under the design you pick: the same draws in every design, so
        the same person notices at the same moment and the same hosts poll at the same phases.
      </p>
      <RadioRow
        legend="Design shown"
        value={design}
        options={DESIGNS.map((d) => ({ value: d, label: designLabel(params, d) }))}
        onChange={setDesign}
      />
      <p aria-live="polite">
        {designLabel(params, design)}: {fmtInt(ex.total)} {nouns.many}
        {params.costPerAction > 0 && ` (${dollars(ex.total * params.costPerAction)})`} in this run;{' '}
        {ex.events.length} events.
      </p>
      <Transport
        playback={playback}
        duration={result.durationS}
        disabled={false}
        stepSeconds={step}
      />
      <p className="state-now">
        At {fmtDuration(playback.time)}: {fmtInt(now.harm)} {nouns.many}, {fmtInt(now.acting)} of{' '}
        {fmtInt(params.affected)} misbehaving hosts acting
        {level !== undefined ? `, SEV-${level}` : ', nobody has noticed yet'}
        {last ? `. Last: ${last.text.toLowerCase()}.` : '.'}
      </p>
      <IncidentTimeline
        name={`${designLabel(params, design)}, run 1`}
        events={ex.events}
        durationS={result.durationS}
        timeS={playback.time}
      />
      <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
        <HarmChart params={params} result={result} timeS={playback.time} />
      </Suspense>
      <HarmTable params={params} result={result} />
      <Hosts params={params} ex={ex} />
    </>
  );
}

type Lane = 'Harm' | 'Flag service' | 'People' | 'Severity' | 'Switch';
const LANES: readonly Lane[] = ['Harm', 'Flag service', 'People', 'Severity', 'Switch'];

const laneOf: Record<EventKind, Lane> = {
  start: 'Harm',
  guard: 'Harm',
  stopped: 'Harm',
  end: 'Harm',
  'flag-down': 'Flag service',
  'flag-up': 'Flag service',
  alert: 'People',
  ack: 'People',
  noticed: 'People',
  decided: 'People',
  approved: 'People',
  severity: 'Severity',
  flip: 'Switch',
  'first-host': 'Switch',
  'half-hosts': 'Switch',
  'all-hosts': 'Switch',
};

const sevColour = { 3: 'var(--warning)', 2: 'var(--focus)', 1: 'var(--danger)' } as const;

const W = 640;
const LEFT = 96;
const LANE_H = 34;

/** The run's events on a lane each, numbered as in the table below, with the playback cursor. */
const IncidentTimeline = memo(function IncidentTimeline({
  name,
  events,
  durationS,
  timeS,
}: {
  name: string;
  events: readonly TimelineEvent[];
  durationS: number;
  timeS: number;
}) {
  const x = (t: number) =>
    LEFT + (Math.min(durationS, Math.max(0, t)) / durationS) * (W - LEFT - 12);
  const y = (lane: Lane) => LANES.indexOf(lane) * LANE_H + LANE_H / 2 + 4;
  const height = LANES.length * LANE_H + 24;
  const stopped = events.find((e) => e.kind === 'stopped')?.atS ?? durationS;
  const down = events.find((e) => e.kind === 'flag-down')?.atS;
  const up = events.find((e) => e.kind === 'flag-up')?.atS ?? durationS;
  const sev = events.filter((e) => e.kind === 'severity');
  return (
    <div className="ks-timeline">
      <TableScroll label={`${name}: timeline`}>
        <svg
          role="img"
          aria-label={`${name}: ${events.length} events on ${LANES.length} lanes (${LANES.join(', ')}), cursor at ${fmtDuration(timeS)}; the table lists them`}
          viewBox={`0 0 ${W} ${height}`}
          width="100%"
        >
          {LANES.map((lane) => (
            <g key={lane}>
              <line x1={LEFT - 6} x2={W - 8} y1={y(lane)} y2={y(lane)} stroke="var(--border)" />
              <text x={4} y={y(lane) + 4} fill="var(--text)" fontSize={12}>
                {lane}
              </text>
            </g>
          ))}
          <rect
            x={x(0)}
            y={y('Harm') - 5}
            width={Math.max(1, x(stopped) - x(0))}
            height={10}
            fill="var(--danger)"
            opacity={0.6}
          />
          {down !== undefined && (
            <rect
              x={x(down)}
              y={y('Flag service') - 5}
              width={Math.max(1, x(up) - x(down))}
              height={10}
              fill="var(--text-muted)"
              opacity={0.6}
            />
          )}
          {sev.map((e, i) => {
            const to = sev[i + 1]?.atS ?? durationS;
            return (
              <g key={i}>
                <rect
                  x={x(e.atS)}
                  y={y('Severity') - 7}
                  width={Math.max(1, x(to) - x(e.atS))}
                  height={14}
                  fill={sevColour[e.level ?? 3]}
                  opacity={0.75}
                />
                {x(to) - x(e.atS) > 44 && (
                  <text x={x(e.atS) + 4} y={y('Severity') + 4} fontSize={11} fill="var(--bg)">
                    SEV-{e.level}
                  </text>
                )}
              </g>
            );
          })}
          {events.map((e, i) =>
            e.kind === 'severity' || e.kind === 'end' ? null : (
              <g key={i} opacity={e.atS > timeS ? 0.35 : 1}>
                <circle cx={x(e.atS)} cy={y(laneOf[e.kind])} r={8} fill="var(--text)" />
                <text
                  x={x(e.atS)}
                  y={y(laneOf[e.kind]) + 3.5}
                  textAnchor="middle"
                  fontSize={9}
                  fill="var(--bg)"
                >
                  {i + 1}
                </text>
              </g>
            ),
          )}
          <line
            x1={x(timeS)}
            x2={x(timeS)}
            y1={0}
            y2={height - 20}
            stroke="var(--link)"
            strokeWidth={2}
          />
          <text x={LEFT} y={height - 4} fontSize={11} fill="var(--text)">
            0
          </text>
          <text x={W - 12} y={height - 4} fontSize={11} fill="var(--text)" textAnchor="end">
            {fmtDuration(durationS)}
          </text>
        </svg>
      </TableScroll>
      <TableScroll label={`${name}: events`}>
        <table className="stat-table ks-events">
          <caption className="visually-hidden">{name}: events in order</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">At</th>
              <th scope="col">Lane</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={i} className={e.atS > timeS ? 'future' : undefined}>
                <th scope="row">{i + 1}</th>
                <td>{fmtDuration(e.atS)}</td>
                <td>{laneOf[e.kind]}</td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
});

const HarmTable = memo(function HarmTable({
  params,
  result,
}: {
  params: KillSwitchParams;
  result: KillSwitchResult;
}) {
  const rows = harmRows(result, 12);
  const label = `Harm so far in run 1, ${STORY_NOUNS[params.story].many}`;
  return (
    <details className="chart-data">
      <summary>The chart’s numbers as a table</summary>
      <TableScroll label={label}>
        <table className="stat-table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">At</th>
              {DESIGNS.map((d) => (
                <th key={d} scope="col">
                  {designLabel(params, d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.atS}>
                <th scope="row">{fmtDuration(r.atS)}</th>
                {r.harm.map((h, i) => (
                  <td key={i}>{fmtInt(h)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
});

function Hosts({ params, ex }: { params: KillSwitchParams; ex: ExampleRun }) {
  const bins = delayBins(ex, 10, params.flagDownForS === 0 ? params.ttlS + params.pollS : 0);
  if (ex.hostDelays.length === 0)
    return <p>No switch was pulled in this run, so it reached no host.</p>;
  if (bins.length === 0)
    return (
      <p>
        Some hosts never had the switch within the window: the flag service was down when they
        polled.
      </p>
    );
  const first = ex.hostDelays[0]!;
  const lastDelay = ex.hostDelays[ex.hostDelays.length - 1]!;
  const label = 'Time from the flip to each host';
  return (
    <>
      <h5>How long the switch took to reach each host</h5>
      <p>
        In this run the first of the {fmtInt(params.hosts)} hosts had it {fmtDuration(first)} after
        the flip and the last {fmtDuration(lastDelay)} after.{' '}
        {params.flagDownForS === 0
          ? `A host waits for the shared cache, then for its own next poll, so none can take longer than T + P = ${fmtDuration(params.ttlS + params.pollS)}.`
          : 'When the flag service is down, a host can read the switch only once it is back.'}
      </p>
      <TableScroll label={label}>
        <table className="stat-table">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">After the flip</th>
              <th scope="col">Hosts</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{fmtInt(b.hosts)}</td>
                <td aria-hidden="true" className="ks-bar-cell">
                  <span
                    className="ks-bar"
                    style={{
                      width: `${(100 * b.hosts) / Math.max(1, ...bins.map((x) => x.hosts))}%`,
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
