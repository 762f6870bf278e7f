import { fmtInt, fmtPct } from '../../calc/format.ts';
import type { Outcomes } from './simulate.ts';

/**
 * The outcome table's rows: each policy's value in words and which side did better, so the
 * view can highlight the difference. Never NaN: a share with nothing to divide is said in words.
 */

export type Better = 'a' | 'b' | 'same' | 'none';

export interface OutcomeRow {
  label: string;
  a: string;
  b: string;
  better: Better;
  /** Why this row matters, for the row's description. */
  help: string;
}

/** Minutes as "42 min", "3 h 5 min", "2 d 4 h". */
export function fmtMinutes(m: number): string {
  const total = Math.round(m);
  if (total < 60) return `${total} min`;
  if (total < 24 * 60) {
    const h = Math.floor(total / 60);
    const r = total % 60;
    return r ? `${h} h ${r} min` : `${h} h`;
  }
  const d = Math.floor(total / 1440);
  const h = Math.round((total % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

type Direction = 'lower' | 'higher';

function compareValues(a: number | null, b: number | null, dir: Direction): Better {
  if (a === null || b === null) return 'none';
  if (Math.abs(a - b) < 1e-9) return 'same';
  return (dir === 'lower' ? a < b : a > b) ? 'a' : 'b';
}

export function outcomeRows(a: Outcomes, b: Outcomes, incidents: number): OutcomeRow[] {
  const share = (x: number | null, none: string) => (x === null ? none : fmtPct(x));
  const time = (x: number | null) => (x === null ? 'nothing detected' : fmtMinutes(x));
  const row = (
    label: string,
    help: string,
    get: (o: Outcomes) => number | null,
    show: (o: Outcomes) => string,
    dir: Direction,
  ): OutcomeRow => ({
    label,
    help,
    a: show(a),
    b: show(b),
    better: compareValues(get(a), get(b), dir),
  });
  return [
    row(
      'Pages',
      'Every page interrupts someone.',
      (o) => o.pages,
      (o) => fmtInt(o.pages),
      'lower',
    ),
    row(
      'Pages at night',
      'Pages between 23:00 and 07:00.',
      (o) => o.nightPages,
      (o) => fmtInt(o.nightPages),
      'lower',
    ),
    row(
      'Sleep interruptions',
      'Night pages that woke the engineer (none in the hour before).',
      (o) => o.sleepInterruptions,
      (o) => fmtInt(o.sleepInterruptions),
      'lower',
    ),
    row(
      'Precision',
      'Share of pages that pointed at a real incident.',
      (o) => o.precision,
      (o) => share(o.precision, 'no pages'),
      'higher',
    ),
    row(
      'Recall',
      `Share of the ${incidents} incidents that caused at least one page.`,
      (o) => o.recall,
      (o) =>
        o.recall === null ? 'no incidents' : `${fmtPct(o.recall)} (${o.detected} of ${incidents})`,
      'higher',
    ),
    row(
      'Incidents never acknowledged',
      'No page, or every page ignored.',
      (o) => o.missed,
      (o) => fmtInt(o.missed),
      'lower',
    ),
    row(
      'Time to detect, median',
      'From the start of an incident to its first page.',
      (o) => o.ttdMedian,
      (o) => time(o.ttdMedian),
      'lower',
    ),
    row(
      'Time to detect, p90',
      '',
      (o) => o.ttdP90,
      (o) => time(o.ttdP90),
      'lower',
    ),
    row(
      'Time to acknowledge, median',
      'From the start of an incident to the first acknowledged page about it.',
      (o) => o.ttaMedian,
      (o) => (o.ttaMedian === null ? 'nothing acknowledged' : fmtMinutes(o.ttaMedian)),
      'lower',
    ),
    row(
      'Time to acknowledge, p90',
      '',
      (o) => o.ttaP90,
      (o) => (o.ttaP90 === null ? 'nothing acknowledged' : fmtMinutes(o.ttaP90)),
      'lower',
    ),
    row(
      'Pages ignored',
      'Missed or shrugged off: more likely after many false alarms.',
      (o) => o.ignoredPages,
      (o) => fmtInt(o.ignoredPages),
      'lower',
    ),
    row(
      'User impact',
      'Minutes users were hurt, summed over incidents.',
      (o) => o.impactMinutes,
      (o) => fmtMinutes(o.impactMinutes),
      'lower',
    ),
    row(
      'Peak fatigue',
      '0 is rested, 100 % exhausted.',
      (o) => o.peakFatigue,
      (o) => fmtPct(o.peakFatigue),
      'lower',
    ),
    row(
      'Tickets',
      'Filed for working hours; they wake nobody.',
      (o) => o.tickets,
      (o) => fmtInt(o.tickets),
      'lower',
    ),
  ];
}

/** One sentence on the two runs, for the live region and the results' opening line. */
export function summary(names: [string, string], a: Outcomes, b: Outcomes): string {
  const pages = (o: Outcomes) => `${fmtInt(o.pages)} page${o.pages === 1 ? '' : 's'}`;
  const recall = (o: Outcomes) =>
    o.recall === null ? 'no incidents to catch' : `caught ${fmtPct(o.recall)} of incidents`;
  return `${names[0]}: ${pages(a)}, ${recall(a)}. ${names[1]}: ${pages(b)}, ${recall(b)}.`;
}
