import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { fixLabels } from './params.ts';
import type { CascadeParams } from './params.ts';
import type { CascadeTheory } from './theory.ts';
import type { CascadeResult, Interval, Outcome } from './types.ts';

/** The lab's words and tables, from a finished run. Pure, so tests read what the learner reads. */

export const outcomeWords: Record<Outcome, string> = {
  held: 'held: it never stopped answering',
  recovered: 'recovered',
  metastable: 'stuck after the trigger was gone (metastable)',
  overloaded: 'failing while the trigger lasts',
};

const share = (x: number) => fmtPct(Math.min(1, Math.max(0, x)));
const interval = (i: Interval) =>
  `${fmtPct(i.mean)} (95 % interval ${fmtPct(i.low)} to ${fmtPct(i.high)})`;

/** One sentence for the live region: how the run ended and why it matters. */
export function headline(r: CascadeResult): string {
  const f = r.final;
  const end = `over the last ${fmtDuration(r.series.t.length * r.bucketS - f.fromS)} it answered ${share(f.answeredShare)} of ${fmtNum(f.usersPerS)} user requests a second, with ${fmtNum(f.attemptsPerS)} attempts a second reaching ${fmtNum(f.serving)} servers in rotation`;
  switch (r.outcome) {
    case 'held':
      return `The pool held: ${end}.`;
    case 'recovered':
      return `The pool recovered${r.recoveredAtS === null ? '' : ` from ${fmtDuration(r.recoveredAtS)}`}: ${end}.`;
    case 'metastable':
      return `Metastable: the last trigger ended at ${fmtDuration(r.triggerEndS ?? 0)}, yet ${end}.`;
    case 'overloaded':
      return `Failing while the trigger lasts: ${end}.`;
  }
}

export interface TheoryRow {
  label: string;
  theory: string;
  measured: string;
}

/** Theory beside simulation, one row each, in the order the lesson builds the argument. */
export function theoryRows(p: CascadeParams, th: CascadeTheory, r: CascadeResult): TheoryRow[] {
  const rows: TheoryRow[] = [];
  rows.push({
    label: 'Each server’s load before any failure (users’ misses ÷ capacity)',
    theory: fmtPct(th.utilisation),
    measured: '—',
  });
  if (th.survivors !== null) {
    const s = r.survivors;
    rows.push({
      label: `Each survivor’s load with ${fmtInt(p.failCount)} of ${fmtInt(p.servers)} out, first attempts: u·n/(n − k)`,
      theory: fmtPct(th.survivors),
      measured: s
        ? `${interval(s.first)}, ${fmtDuration(s.fromS)}–${fmtDuration(s.toS)}`
        : 'no time with exactly these survivors',
    });
    rows.push({
      label: 'The same with retries: at most (R + 1) times as much',
      theory: `${fmtPct(th.survivors)} to ${fmtPct(th.survivors * (p.retries + 1))}`,
      measured: s ? interval(s.all) : '—',
    });
  }
  rows.push({
    label: 'Servers the pool can lose with the survivors at or below 100 %',
    theory: fmtInt(th.tolerable),
    measured:
      r.totals.ejections > 0 ? `${fmtInt(r.totals.ejections)} taken out by the health check` : '—',
  });
  rows.push({
    label: `Load a failing pool offers itself: misses × (R + 1), against its capacity of ${fmtNum(th.capacity)} a second`,
    theory: `${fmtNum(th.stuckLoad)} a second${th.flushFactor !== null ? `; ${fmtNum(th.stuckLoadCold)} with the cache cold` : ''}`,
    measured:
      r.outcome === 'metastable' || r.outcome === 'overloaded'
        ? `${fmtNum(r.final.attemptsPerS)} attempts a second at the end`
        : '—',
  });
  if (p.fix === 'budget')
    rows.push({
      label: 'The same under a retry budget: misses × 1.1',
      theory: `${fmtNum(th.stuckLoadBudget)} a second`,
      measured: '—',
    });
  rows.push({
    label: 'The lesson’s one-queue toy: healthy up to, recovers on its own below (users a second)',
    theory: `${fmtNum(th.toy.healthyUpTo)}; ${fmtNum(th.toy.recoversUpTo)}`,
    measured: `users’ misses: ${fmtNum(th.missLoad)}`,
  });
  return rows;
}

export const regionWords = {
  stable:
    'Stable: even with every attempt failing, the retries cannot hold the pool over its capacity, so it recovers from any trigger that ends.',
  vulnerable:
    'Vulnerable: healthy now, but once every attempt fails the retries alone offer more than the pool can do, so a trigger that tips it over can leave it stuck after the trigger is gone.',
  overloaded: 'Overloaded: the users’ misses alone exceed what the pool can do.',
} as const;

/** Where the cursor is: one line for the playback's live readout. */
export function atTime(r: CascadeResult, time: number): string {
  const s = r.series;
  const b = Math.min(s.t.length - 1, Math.max(0, Math.floor(time / r.bucketS)));
  const users = s.users[b]!;
  return `At ${fmtDuration(s.t[b]!)}: ${fmtNum(s.serving[b]!)} servers in rotation, each offered ${fmtPct(s.offeredUtil[b]!)} of its capacity; ${fmtNum(s.attempts[b]!)} attempts a second for ${fmtNum(users)} user requests, ${share(users > 0 ? s.answered[b]! / users : 1)} answered; cache hit ratio ${fmtPct(s.hit[b]!)}.`;
}

export interface SeriesRow {
  fromS: number;
  serving: string;
  offered: string;
  first: string;
  attempts: string;
  answered: string;
  hit: string;
  queue: string;
}

/** The chart as a table, every bucket (a few hundred at most). */
export function seriesRows(r: CascadeResult): SeriesRow[] {
  const s = r.series;
  return Array.from(s.t, (t, b) => ({
    fromS: t,
    serving: fmtNum(s.serving[b]!),
    offered: fmtPct(s.offeredUtil[b]!),
    first: fmtPct(s.firstUtil[b]!),
    attempts: fmtNum(s.attempts[b]!),
    answered: share(s.users[b]! > 0 ? s.answered[b]! / s.users[b]! : 1),
    hit: fmtPct(s.hit[b]!),
    queue: fmtDuration(s.queueS[b]!),
  }));
}

export const fixWords = fixLabels;
