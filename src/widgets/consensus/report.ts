import { fmtInt, fmtPct } from '../../calc/format.ts';
import { fmtAvailability } from '../../formulas/availability.calc.ts';
import { nodeName } from './script.ts';
import { ROLES, SCHEMES } from './types.ts';
import type { ConsensusResult, PlacementRow, Role, Scheme } from './types.ts';

/** The words the lab's tables and live summary use, kept apart from React so they are tested. */

export const schemeLabels: Record<Scheme, string> = {
  naive: 'Naive failover',
  quorum: 'Majority quorum',
};

export const roleWords: Record<Scheme, Record<Role, string>> = {
  naive: { down: 'down', follower: 'standby', candidate: 'candidate', leader: 'primary' },
  quorum: { down: 'down', follower: 'follower', candidate: 'candidate', leader: 'leader' },
};

export const sideName = (side: readonly number[]) => side.map(nodeName).join(', ');

export type Row = readonly [string, ...string[]];

/** The run's totals, one row per measure, a column per scheme. */
export function totalRows(r: ConsensusResult): Row[] {
  const t = (s: Scheme) => r.runs[s].totals;
  const both = (label: string, f: (s: Scheme) => string): Row => [label, ...SCHEMES.map(f)];
  return [
    both('Client writes sent', (s) => fmtInt(t(s).offered)),
    both(
      'Acknowledged',
      (s) => `${fmtInt(t(s).acked)} (${fmtPct(t(s).acked / Math.max(1, t(s).offered))})`,
    ),
    both('Refused or timed out', (s) => fmtInt(t(s).refused)),
    both('Conflicting: acknowledged while another side also wrote', (s) =>
      fmtInt(t(s).conflicting),
    ),
    both('Lost: acknowledged, then held by no node', (s) => fmtInt(t(s).lost)),
    both('Steps with two sides writing', (s) => fmtInt(t(s).splitBrainSteps)),
    both('Most nodes acting as leader at once', (s) => fmtInt(t(s).maxLeaders)),
    both('Elections won (naive: promotions)', (s) => fmtInt(t(s).elections)),
    both('Highest term (naive: promotions + 1)', (s) => fmtInt(t(s).maxTerm)),
  ];
}

/** One sentence for the live region: what each scheme did with this script. */
export function headline(r: ConsensusResult): string {
  const q = r.runs.quorum.totals;
  const n = r.runs.naive.totals;
  const writes = (x: number) => `${fmtInt(x)} write${x === 1 ? '' : 's'}`;
  return (
    `Naive failover acknowledged ${writes(n.acked)} of ${fmtInt(n.offered)}, ` +
    `with up to ${n.maxLeaders} primaries at once, ${fmtInt(n.conflicting)} conflicting and ${writes(n.lost)} lost. ` +
    `Majority quorum acknowledged ${writes(q.acked)}, refused ${fmtInt(q.refused)}, ` +
    `and lost ${fmtInt(q.lost)}, with ${fmtInt(q.conflicting)} conflicting.`
  );
}

/** Each node at one step: its zone, which side it is on, its role and term under each scheme. */
export function stateRows(r: ConsensusResult, step: number): Row[] {
  const period = r.periods.find((p) => p.from <= step && step <= p.to);
  return r.zones.map((zone, i) => {
    const side = period?.sides.findIndex((s) => s.includes(i)) ?? -1;
    const cell = (s: Scheme) => {
      const role = ROLES[r.runs[s].roles[step * r.n + i]!]!;
      return role === 'down'
        ? 'down'
        : `${roleWords[s][role]}, ${s === 'quorum' ? 'term' : 'promotion'} ${r.runs[s].terms[step * r.n + i]}`;
    };
    return [
      nodeName(i),
      String(zone + 1),
      side < 0 ? '—' : String(side + 1),
      cell('naive'),
      cell('quorum'),
    ] as const;
  });
}

/** Writes acknowledged on each side of each stretch of the run with the same network. */
export function sideRows(r: ConsensusResult): Row[] {
  return r.periods.flatMap((p) =>
    p.sides.map(
      (side, k) =>
        [
          `${p.from}–${p.to}`,
          `${sideName(side)} (${side.length} of ${r.n})`,
          fmtInt(p.acked.naive[k]!),
          fmtInt(p.acked.quorum[k]!),
        ] as const,
    ),
  );
}

/** Who led, in which term (naive: which promotion), over which steps, and what they acknowledged. */
export function reignRows(r: ConsensusResult, scheme: Scheme): Row[] {
  return r.runs[scheme].reigns.map(
    (x) =>
      [
        String(x.term),
        nodeName(x.leader),
        x.from === x.to ? String(x.from) : `${x.from}–${x.to}`,
        fmtInt(x.acked),
      ] as const,
  );
}

const share = (m: { mean: number; low: number; high: number }) =>
  `${fmtPct(m.mean)} (${fmtPct(m.low)} to ${fmtPct(m.high)})`;

/** The zone-loss comparison of placements, with the formulas beside the measurements. */
export function placementRows(r: ConsensusResult): Row[] {
  return r.placements.map(
    (p: PlacementRow) =>
      [
        `${p.layout.join(' + ')}${p.current ? ' (this run)' : ''}`,
        `${p.remaining} of ${p.layout.reduce((a, b) => a + b, 0)} (need ${p.majority})`,
        p.keepsQuorum ? 'yes' : 'no',
        fmtAvailability(p.availability),
        p.theoryDuringLoss === null ? 'timeouts outlast the loss' : fmtPct(p.theoryDuringLoss),
        share(p.measured.quorum),
        `${share(p.measured.naive)}; ${fmtInt(p.measured.naive.lost)} lost`,
      ] as const,
  );
}

/** What the playback cursor shows, in words. */
export function cursorText(r: ConsensusResult, step: number): string {
  const naive = r.runs.naive.leaders[step] ?? 0;
  const quorum = r.runs.quorum.leaders[step] ?? 0;
  return (
    `At step ${step}: ${naive} ${naive === 1 ? 'primary' : 'primaries'} under naive failover, ` +
    `${quorum} node${quorum === 1 ? '' : 's'} acting as leader under the quorum rule; ` +
    `writes lost so far: naive ${fmtInt(r.runs.naive.lostSoFar[step] ?? 0)}, quorum ${fmtInt(r.runs.quorum.lostSoFar[step] ?? 0)}.`
  );
}
