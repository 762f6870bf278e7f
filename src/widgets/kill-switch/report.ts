import { approvalMean, expectedHarm, fleetPropagation } from '../../formulas/killSwitch.ts';
import { logNormalSummary } from '../../formulas/monitoringStats.ts';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { STORY_NOUNS } from './params.ts';
import type { KillSwitchParams } from './params.ts';
import { DESIGNS } from './types.ts';
import type { Design, DesignSummary, ExampleRun, KillSwitchResult, Summary } from './types.ts';

/**
 * Everything the drill's view says about a run, as plain strings: the designs side by side, the
 * formulas beside the simulation, the summary a screen reader hears and the example's rows.
 * Pure, so the words are tested without a browser; nothing here prints NaN or Infinity.
 */

export function designLabel(p: KillSwitchParams, d: Design): string {
  switch (d) {
    case 'yours':
      return 'Your design';
    case 'otherFail':
      return p.failMode === 'open' ? 'Fail closed instead' : 'Fail open instead';
    case 'otherApproval':
      return p.approval === 'one' ? 'Two people instead' : 'One person instead';
    case 'otherGuards':
      return p.guards ? 'Without guards' : 'With guards';
    case 'noSwitch':
      return 'No kill switch';
  }
}

export const designLabels = (p: KillSwitchParams) => DESIGNS.map((d) => designLabel(p, d));

const none = 'none in the window';

/** "4.6 min (4.5–4.7 min)": a mean and its 95 % interval. */
export function meanCell(s: Summary, fmt: (x: number) => string = fmtDuration): string {
  if (s.n === 0) return none;
  if (s.n === 1 || s.hi - s.lo < 1e-9 * Math.max(1, Math.abs(s.mean))) return fmt(s.mean);
  return `${fmt(s.mean)} (${fmt(Math.max(0, s.lo))}–${fmt(s.hi)})`;
}

/** "4.2 min / 7.9 min": median and 90th percentile. */
export const spreadCell = (s: Summary, fmt: (x: number) => string = fmtDuration) =>
  s.n === 0 ? none : `${fmt(s.p50)} / ${fmt(s.p90)}`;

const share = (k: number, n: number) =>
  `${fmtInt(k)} of ${fmtInt(n)} (${fmtPct(n > 0 ? k / n : 0)})`;

export interface Row {
  label: string;
  /** One cell per design, in DESIGNS order. */
  cells: string[];
}

export function comparisonRows(p: KillSwitchParams, r: KillSwitchResult): Row[] {
  const nouns = STORY_NOUNS[p.story];
  const row = (label: string, cell: (d: DesignSummary) => string): Row => ({
    label,
    cells: r.designs.map(cell),
  });
  const count = (x: number) => fmtInt(x);
  const rows = [
    row('Time to detect: mean (95 % interval)', (d) => meanCell(d.detect)),
    row('Time to detect: median / 90th percentile', (d) => spreadCell(d.detect)),
    row('Noticed through the alert’s page', (d) => share(d.byAlert, r.runs)),
    row('Time to decide and approve: mean (95 % interval)', (d) =>
      d.design === 'noSwitch' ? 'no switch' : meanCell(d.decide),
    ),
    row('Switch pulled within the window', (d) =>
      d.design === 'noSwitch' ? 'no switch' : share(d.flipped, r.runs),
    ),
    row('Time to reach every host: mean (95 % interval)', (d) =>
      d.design === 'noSwitch' ? 'no switch' : meanCell(d.fleet),
    ),
    row('Time to reach every host: median / 90th percentile', (d) =>
      d.design === 'noSwitch' ? 'no switch' : spreadCell(d.fleet),
    ),
    row(`Harm, ${nouns.many}: mean (95 % interval)`, (d) => meanCell(d.harm, count)),
    row(`Harm, ${nouns.many}: median / 90th percentile`, (d) => spreadCell(d.harm, count)),
  ];
  if (p.costPerAction > 0)
    rows.push(row('Cost: mean', (d) => dollars(d.harm.mean * p.costPerAction)));
  rows.push(
    row('Harm still going at the end of the window', (d) => share(d.stillGoing, r.runs)),
    row('Reached SEV-1', (d) => share(d.sev1, r.runs)),
  );
  return rows;
}

/** "$445 million", "$2.2 million", "$980". */
export function dollars(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1e9) return `$${fmtNum(x / 1e9)} billion`;
  if (Math.abs(x) >= 1e6) return `$${fmtNum(x / 1e6)} million`;
  return `$${fmtInt(x)}`;
}

/** The comparison in one or two sentences, for the page and for screen readers. */
export function headline(p: KillSwitchParams, r: KillSwitchResult): string {
  const nouns = STORY_NOUNS[p.story];
  const of = (d: Design) => r.designs.find((x) => x.design === d)!;
  const yours = of('yours');
  const bare = of('noSwitch');
  const best = [...r.designs].sort((a, b) => a.harm.mean - b.harm.mean)[0]!;
  const harm = (d: DesignSummary) => `${fmtInt(d.harm.mean)} ${nouns.many}`;
  const cost = (d: DesignSummary) =>
    p.costPerAction > 0 ? ` (${dollars(d.harm.mean * p.costPerAction)})` : '';
  const lead = `Over ${fmtInt(r.runs)} runs, your design did a mean of ${harm(yours)}${cost(yours)}; with no switch, ${harm(bare)}${cost(bare)}.`;
  return best.design === 'yours'
    ? `${lead} No other design here did less.`
    : `${lead} Least harm: ${designLabel(p, best.design).toLowerCase()}, ${harm(best)}${cost(best)}.`;
}

export interface TheoryRow {
  label: string;
  formula: string;
  theory: string;
  simulated: string;
  agrees: boolean;
}

const inside = (x: number, s: Summary) =>
  s.n > 1 && x >= s.lo - 1e-9 * Math.abs(x) && x <= s.hi + 1e-9 * Math.abs(x);

const simCell = (s: Summary, fmt: (x: number) => string = fmtDuration) =>
  `${meanCell(s, fmt)}, ${fmtInt(s.n)} runs`;

/**
 * The formulas beside the simulation, for your design: the switch's time to one host and to the
 * whole fleet (when the flag service answers), a two-person approval, a person's time to notice
 * when no alert helps, and the harm while the switch travels when nothing else bounds it.
 */
export function theoryRows(p: KillSwitchParams, r: KillSwitchResult): TheoryRow[] {
  const rows: TheoryRow[] = [];
  const yours = r.designs.find((d) => d.design === 'yours')!;
  const fleet = fleetPropagation(p.hosts, p.ttlS, p.pollS);
  if (fleet.ok && yours.fleetClean.n > 1) {
    rows.push({
      label: 'Flip to one host, mean',
      formula: '(T + P) / 2',
      theory: fmtDuration(fleet.value.hostMean),
      simulated: simCell(yours.hostMeanClean),
      agrees: inside(fleet.value.hostMean, yours.hostMeanClean),
    });
    rows.push({
      label: `Flip to all ${fmtInt(p.hosts)} hosts, mean`,
      formula: 'T/2 + nP/(n + 1)',
      theory: fmtDuration(fleet.value.fleetMean),
      simulated: simCell(yours.fleetClean),
      agrees: inside(fleet.value.fleetMean, yours.fleetClean),
    });
  }
  const twoPerson = r.designs.find((d) => d.approval.n > 1);
  if (twoPerson) {
    const m = approvalMean(p.approveMedianS, p.sigma, p.fallbackS);
    if (m.ok)
      rows.push({
        label: `Two-person approval, mean (${designLabel(p, twoPerson.design).toLowerCase()})`,
        formula: 'E[min(X, f + Y)]',
        theory: fmtDuration(m.value),
        simulated: simCell(twoPerson.approval),
        agrees: inside(m.value, twoPerson.approval),
      });
  }
  if (!p.alert && yours.detect.n === r.runs) {
    const ln = logNormalSummary(Math.log(p.humanMedianS), p.sigma);
    if (ln.ok)
      rows.push({
        label: 'A person notices, mean',
        formula: 'm·e^(σ²/2)',
        theory: fmtDuration(ln.value.mean),
        simulated: simCell(yours.detect),
        agrees: inside(ln.value.mean, yours.detect),
      });
  }
  const unbounded =
    !p.guards && p.growthPctPerMin === 0 && p.flagDownForS === 0 && yours.stillGoing === 0;
  if (unbounded && yours.flipped === r.runs) {
    const flipMean = yours.detect.mean + yours.decide.mean;
    const h = expectedHarm(p.actionsPerS / p.affected, p.affected, flipMean, p.ttlS, p.pollS);
    if (h.ok)
      rows.push({
        label: 'Harm, mean',
        formula: 'r·a·(E[flip] + (T + P)/2)',
        theory: fmtInt(h.value),
        simulated: simCell(yours.harm, fmtInt),
        agrees: inside(h.value, yours.harm),
      });
  }
  return rows;
}

export function theoryVerdict(rows: readonly TheoryRow[]): string {
  if (rows.length === 0)
    return 'No formula here covers this design’s runs: the flag service was down whenever the switch travelled, or guards, growth or the window’s end bound the harm.';
  const off = rows.filter((r) => !r.agrees).length;
  return off === 0
    ? 'Every formula falls inside the 95 % interval of the simulation.'
    : `${off} of ${rows.length} formulas fall outside the simulation’s 95 % interval: with 95 % intervals, about one in twenty does by chance; try another seed or more runs.`;
}

/** The example run's harm at time t (seconds), interpolated between its points, and the hosts acting then. */
export function exampleAt(
  ex: ExampleRun,
  stepS: number,
  t: number,
): { harm: number; acting: number } {
  const last = ex.harm.length - 1;
  const x = Math.min(last, Math.max(0, t / stepS));
  const i = Math.floor(x);
  const j = Math.min(last, i + 1);
  const a = ex.harm[i] ?? 0;
  const b = ex.harm[j] ?? a;
  return { harm: a + (b - a) * (x - i), acting: ex.acting[i] ?? 0 };
}

export interface DelayBin {
  label: string;
  hosts: number;
}

/** The example's delays from the flip to each host, in up to `bins` equal bins. */
export function delayBins(ex: ExampleRun, bins = 10, atMost = 0): DelayBin[] {
  const d = ex.hostDelays;
  if (d.length === 0 || !Number.isFinite(d[d.length - 1]!)) return [];
  // From 0 to the longest a host can wait (or the longest seen, if longer), so runs compare.
  const lo = 0;
  const hi = Math.max(atMost, d[d.length - 1]!);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(hi > lo ? bins : 1).fill(0);
  for (const x of d) counts[Math.min(counts.length - 1, Math.floor((x - lo) / width))]!++;
  return counts.map((hosts, i) => ({
    label:
      hi > lo
        ? `${fmtDuration(lo + i * width)} – ${fmtDuration(lo + (i + 1) * width)}`
        : fmtDuration(lo),
    hosts,
  }));
}

export interface HarmRow {
  atS: number;
  /** Cumulative harm per design, in DESIGNS order. */
  harm: number[];
}

/** The example runs' cumulative harm at `count` evenly spaced times, the window's end last. */
export function harmRows(r: KillSwitchResult, count: number): HarmRow[] {
  const rows: HarmRow[] = [];
  for (let k = 1; k <= count; k++) {
    const atS = Math.round((r.durationS * k) / count);
    rows.push({ atS, harm: r.examples.map((e) => exampleAt(e, r.stepS, atS).harm) });
  }
  return rows;
}

/** A step for playback buttons: about a hundredth of the window, rounded to a time people use. */
export function playbackStep(durationS: number): number {
  const steps = [1, 5, 10, 15, 30, 60, 120, 300, 600];
  return steps.find((s) => s >= durationS / 120) ?? 600;
}

/** Ticks for a time axis over [0, durationS]: at most 8, at a time people use. */
export function timeTicks(durationS: number): number[] {
  const steps = [10, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200];
  const step = steps.find((s) => durationS / s <= 8) ?? 7200;
  return Array.from({ length: Math.floor(durationS / step) + 1 }, (_, i) => i * step);
}
