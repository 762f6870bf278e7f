import { fmtInt, fmtNum, fmtPct } from '../../calc/format';
import { autoscalerSchema } from './params';
import type { AutoscalerParams } from './params';
import type { AutoscalerResult, Strategy, StrategyRun } from './types';

/**
 * Everything the autoscaler view says about a run, as plain strings: the comparison table, the
 * theory beside the simulation, the sentence a screen reader hears, the charts' names and
 * rows. Pure, so the words are tested without a browser; nothing here prints NaN or Infinity.
 */

/** Guards ceil() against binary rounding, as the model does. */
const EPS = 1e-9;
/** Theory and simulation agree when within this relative difference (or both are past 100 %). */
export const AGREEMENT = 0.1;
/** The utilisation chart stops here; taller values are cut off and the view says so. */
export const UTILISATION_CAP = 4;

export function strategyLabels(downWindowMin: number): Readonly<Record<Strategy, string>> {
  return {
    reactive: 'Reactive',
    stabilised:
      downWindowMin > 0
        ? `Stabilised (${fmtInt(downWindowMin)}-min window)`
        : 'Stabilised (no window)',
    predictive: 'Predictive',
  };
}

/** A whole percent: "60 %", "158 %". Shares below 1 % keep a decimal ("0.4 %"). */
export function pctWhole(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const p = x * 100;
  if (p !== 0 && Math.abs(p) < 1) return `${p.toFixed(1)} %`;
  return `${Math.round(p).toLocaleString('en')} %`;
}

/** True utilisation: demand ÷ ready capacity, which can pass 100 %. */
export const utilisationText = (u: number) => (u > 1 ? `${pctWhole(u)} (overloaded)` : pctWhole(u));

const plural = (n: number, one: string, many: string) => `${fmtInt(n)} ${n === 1 ? one : many}`;
const minutes = (n: number) => plural(n, 'minute', 'minutes');

/** "2,115,106 (5.7 %)", or "none" when every request was served. */
export const unservedText = (run: StrategyRun) =>
  run.unserved > 0 ? `${fmtInt(run.unserved)} (${fmtPct(run.unservedShare)})` : 'none';

export interface ComparisonRow {
  label: string;
  /** One cell per run, in the result's order. */
  cells: string[];
}

export function comparisonRows(
  result: AutoscalerResult,
  params: AutoscalerParams,
): ComparisonRow[] {
  const row = (label: string, cell: (r: StrategyRun) => string): ComparisonRow => ({
    label,
    cells: result.runs.map(cell),
  });
  const cheapest = Math.min(...result.runs.map((r) => r.replicaMinutes));
  return [
    row('Requests not served', unservedText),
    row(
      'Minutes overloaded',
      (r) => `${fmtInt(r.overloadedMinutes)} of ${fmtInt(params.durationMin)}`,
    ),
    row('Peak utilisation', (r) => utilisationText(r.peakUtilisation)),
    row('Replica-minutes (cost)', (r) =>
      r.replicaMinutes === cheapest || !(cheapest > 0)
        ? `${fmtInt(r.replicaMinutes)} (cheapest)`
        : `${fmtInt(r.replicaMinutes)} (+${pctWhole(r.replicaMinutes / cheapest - 1)})`,
    ),
    row('Scaling actions', (r) => fmtInt(r.actions)),
    row('Reversals (flapping)', (r) => fmtInt(r.reversals)),
  ];
}

/** The contrast the widget exists to show, in one or two sentences. */
export function headline(result: AutoscalerResult, params: AutoscalerParams): string {
  const labels = strategyLabels(params.downWindowMin);
  const traffic =
    params.peakRps > params.baseRps
      ? `Traffic rises from ${fmtInt(params.baseRps)} to ${fmtInt(params.peakRps)} requests a second`
      : `Traffic stays around ${fmtInt(params.baseRps)} requests a second`;
  const start = `${traffic}, on replicas that each serve ${fmtInt(params.capacityRps)} and take ${minutes(params.delayMin)} to start.`;
  if (result.runs.some((r) => r.unserved > 0)) {
    const each = result.runs
      .map((r) => `${labels[r.strategy].toLowerCase()}, ${unservedText(r)}`)
      .join('; ');
    return `${start} Requests not served: ${each}.`;
  }
  const each = result.runs
    .map(
      (r) =>
        `${labels[r.strategy].toLowerCase()} ${fmtInt(r.actions)} (${plural(r.reversals, 'reversal', 'reversals')})`,
    )
    .join(', ');
  return `${start} Every strategy served every request; they differ in cost and in how often they changed the count: ${each}.`;
}

/** What the comparison table's rows count, under it. */
export const comparisonNote =
  'Overloaded: demand above what the ready replicas can serve. Utilisation: demand ÷ the ready replicas’ capacity, so it can pass 100 %. Replica-minutes: ready replicas summed over the minutes, with how much more each costs than the cheapest. A scaling action is a minute in which the count changed; a reversal, a change of direction.';

/** How the three strategies decide, under the comparison table. */
export function strategiesExplained(params: AutoscalerParams): string {
  const window =
    params.downWindowMin > 0
      ? `stabilised scales down no lower than the highest recommendation of the last ${minutes(params.downWindowMin)}`
      : 'stabilised has no scale-down window here, so it does what reactive does';
  return `All three apply the target-tracking rule once a minute. Reactive scales down as soon as the rule says so; ${window}; predictive is stabilised, and also never below what the traffic will need one lag ahead if it keeps growing as it did over the last five minutes.`;
}

/** One sentence for the strategy in the chart, announced politely when it changes. */
export function summarize(run: StrategyRun, params: AutoscalerParams): string {
  const label = strategyLabels(params.downWindowMin)[run.strategy];
  const served =
    run.unserved > 0 ? `${unservedText(run)} requests not served` : 'every request served';
  const overloaded =
    run.overloadedMinutes > 0
      ? `overloaded in ${fmtInt(run.overloadedMinutes)} of ${minutes(params.durationMin)}, at worst ${pctWhole(run.peakUtilisation)}`
      : `never overloaded, at worst ${pctWhole(run.peakUtilisation)}`;
  return `${label}: ${served}; ${overloaded}; ${fmtInt(run.replicaMinutes)} replica-minutes; ${plural(run.actions, 'scaling action', 'scaling actions')}, ${plural(run.reversals, 'reversal', 'reversals')}.`;
}

export interface TheoryReport {
  /** Growth, lag and the utilisation a reactive scaler runs at on a long ramp. */
  ramp: string;
  /** What that utilisation means: keeping up, or a saturated metric that falls behind. */
  consequence: string;
  /** The simulated reactive run over the ramp beside the formula, when there is a ramp to measure. */
  measured: { text: string; agrees: boolean | null };
  /** The replicas the peak needs at the target beside the stabilised run's count. */
  peak: string;
}

/** 1 + g to three decimals, as the formula prints it: 1.175. */
const growthFactor = (g: number) => (1 + g).toFixed(3);

/** Theory and simulation agree within AGREEMENT, relative, or when both are past 100 %. */
export function agrees(theory: number, measured: number): boolean {
  if (theory >= 1 && measured >= 1) return true;
  return Math.abs(measured - theory) <= AGREEMENT * Math.abs(theory);
}

export function theoryReport(result: AutoscalerResult, params: AutoscalerParams): TheoryReport {
  const t = result.theory;
  const g = t.growthPerMinute;
  const lag = t.lagMinutes;
  const lagWords = `${minutes(lag)}: the ${fmtInt(params.delayMin)}-minute start-up delay plus 1 minute until the autoscaler’s next decision`;
  if (!(g > 0)) {
    return {
      ramp: `The traffic has no ramp up, so there is no growth to chase. A measurement still takes ${lagWords} to become serving capacity.`,
      consequence: `With nothing growing, a reactive autoscaler runs near its target of ${pctWhole(params.target)}; what moves the count is the noise, and the tolerance band and the scale-down window are what keep it still.`,
      measured: {
        text: 'There is no ramp, so there is nothing to measure against the formula.',
        agrees: null,
      },
      peak: peakText(result, params),
    };
  }
  const X = t.rampUtilisation;
  const ramp = `During the ramp the traffic grows ${fmtPct(g)} a minute. A measurement turns into serving capacity only after a lag of ${lagWords}. So on a long ramp a reactive autoscaler runs at target × (1 + g)^lag = ${pctWhole(params.target)} × ${growthFactor(g)}^${fmtInt(lag)} = ${pctWhole(X)}.`;
  const safeTarget = 1 / (1 + g) ** lag;
  const minTarget = autoscalerSchema.shape.target.minValue ?? 0;
  const headroom =
    safeTarget >= minTarget
      ? `To stay under 100 % through this ramp, the target would have to be at most ${pctWhole(safeTarget)}.`
      : `To stay under 100 % through this ramp the target would have to be ${pctWhole(safeTarget)}, below any target worth running: only a forecast or a schedule can keep up.`;
  const f = t.followableGrowth;
  const consequence =
    X >= 1
      ? `That is past 100 %, and a CPU metric cannot read past 100 %: it stops there and under-reports the demand. Reading 100 %, the rule can multiply the replicas by at most 1 ÷ target = ${fmtNum(1 / params.target)} per lag, so it can follow growth of at most ${fmtPct(f)} a minute, ${g > f ? 'less than' : 'no more than'} the ramp’s ${fmtPct(g)}: it falls further behind every minute until the ramp ends. ${headroom}`
      : `That is under 100 %: the lag eats into the headroom between the target and 100 %, but the autoscaler keeps up. ${headroom}`;
  return { ramp, consequence, measured: measuredText(result, X), peak: peakText(result, params) };
}

function measuredText(result: AutoscalerResult, X: number): TheoryReport['measured'] {
  const t = result.theory;
  const measured = t.measuredRampUtilisation;
  if (t.rampWindow === null || measured === null) {
    return {
      text: `The ramp is too short for the reactive run to settle on it within the run (it would need more than the lag plus a minute, ${minutes(t.lagMinutes + 1)}), so there is no stretch to measure: the formula describes a longer ramp.`,
      agrees: null,
    };
  }
  const { from, to } = t.rampWindow;
  const span =
    to - 1 > from ? `minutes ${fmtInt(from)} to ${fmtInt(to - 1)}` : `minute ${fmtInt(from)}`;
  const simulated = `Simulated: the reactive run’s mean true utilisation over ${span} of the ramp was ${pctWhole(measured)}, against ${pctWhole(X)} from the formula.`;
  const ok = agrees(X, measured);
  const verdict = !ok
    ? `They differ by ${pctWhole(Math.abs(measured - X) / X)}: the formula leaves out the tolerance band, rounding up to whole replicas, the minimum and maximum and the noise, and assumes a ramp long enough to settle.`
    : X >= 1 && measured >= 1
      ? 'Both are past 100 %: they agree that the reactive autoscaler is overloaded on the ramp.'
      : `They agree (within ${pctWhole(AGREEMENT)}).`;
  return { text: `${simulated} ${verdict}`, agrees: ok };
}

/** The last minute of the hold at the peak, or of the run if that comes first. */
export function endOfHold(params: AutoscalerParams): { minute: number; inRun: boolean } {
  const last = params.rampStartMin + params.rampMinutes + params.holdMinutes - 1;
  return last < params.durationMin
    ? { minute: Math.max(0, last), inRun: true }
    : { minute: params.durationMin - 1, inRun: false };
}

function peakText(result: AutoscalerResult, params: AutoscalerParams): string {
  const t = result.theory;
  const stabilised = result.runs.find((r) => r.strategy === 'stabilised');
  const rising = params.peakRps > params.baseRps;
  const top = Math.max(params.peakRps, params.baseRps);
  const raw = Math.ceil(top / (params.capacityRps * params.target) - EPS);
  const clamp =
    raw > t.peakReplicas
      ? ` (${fmtInt(raw)}, capped by the maximum)`
      : raw < t.peakReplicas
        ? ` (${fmtInt(raw)}, raised to the minimum)`
        : '';
  const need = `${rising ? 'At the peak of' : 'At'} ${fmtInt(top)} requests a second the target needs ⌈${fmtInt(top)} ÷ (${fmtInt(params.capacityRps)} × ${pctWhole(params.target)})⌉ = ${fmtInt(t.peakReplicas)} replicas${clamp}.`;
  if (!stabilised) return need;
  const at = rising ? endOfHold(params) : { minute: params.durationMin - 1, inRun: false };
  const ready = stabilised.ready[at.minute] ?? 0;
  const when = at.inRun
    ? `at the end of the hold (minute ${fmtInt(at.minute)})`
    : `at the end of the run (minute ${fmtInt(at.minute)})`;
  const gap = t.peakReplicas - ready;
  // Within the band the rule leaves the count alone, so a few replicas either way are expected.
  const served = ready * params.capacityRps * params.target;
  const inBand =
    served * (1 + params.tolerance) >= top - EPS && served * (1 - params.tolerance) <= top + EPS;
  const verdict =
    gap === 0
      ? ': it had caught up'
      : `, ${plural(Math.abs(gap), 'replica', 'replicas')} ${gap > 0 ? 'short' : 'more'}${
          inBand
            ? ', inside the tolerance band, where the rule leaves the count alone'
            : gap > 0
              ? ': it had not caught up'
              : ': noisy minutes asked for more, and the window keeps the highest recommendation'
        }`;
  return `${need} The stabilised run had ${fmtInt(ready)} ready ${when}${verdict}.`;
}

/** The utilisation chart's height (a share), and whether taller minutes are cut off. */
export function utilisationTop(
  run: StrategyRun,
  target: number,
): { top: number; clipped: boolean } {
  const peak = Number.isFinite(run.peakUtilisation) ? run.peakUtilisation : UTILISATION_CAP;
  const wanted = Math.max(1.2, target + 0.2, Math.ceil(peak * 2) / 2);
  return { top: Math.min(UTILISATION_CAP, wanted), clipped: peak > UTILISATION_CAP };
}

/** Ticks for the utilisation axis, as shares: every 20 %, 50 % or 100 % up to the top. */
export function utilisationTicks(top: number): number[] {
  const step = top <= 1.2 ? 0.2 : top <= 2.5 ? 0.5 : 1;
  const ticks: number[] = [];
  for (let k = 0; k * step <= top + EPS; k++) ticks.push(Math.round(k * step * 100) / 100);
  return ticks;
}

export function replicasChartName(label: string, params: AutoscalerParams): string {
  return `${label}: replicas the demand needs at the ${pctWhole(params.target)} target, replicas ready, and ready plus still starting, minute by minute for ${minutes(params.durationMin)}.`;
}

export function utilisationChartName(label: string, params: AutoscalerParams): string {
  return `${label}: true utilisation (demand ÷ ready capacity) minute by minute, against 100 % and the ${pctWhole(params.target)} target.`;
}

export interface MinuteRow {
  minute: number;
  load: string;
  needed: string;
  ready: string;
  starting: string;
  utilisation: string;
}

/** The charts' numbers, one row a minute, for the table beside them. */
export function minuteRows(result: AutoscalerResult, run: StrategyRun): MinuteRow[] {
  return Array.from(run.ready, (ready, m) => ({
    minute: m,
    load: fmtInt(result.load[m] ?? Number.NaN),
    needed: fmtInt(result.needed[m] ?? Number.NaN),
    ready: fmtInt(ready),
    starting: fmtInt(run.pending[m] ?? Number.NaN),
    utilisation: utilisationText(run.utilisation[m] ?? Number.NaN),
  }));
}

/** What the ramp fields mean right now, for the help under the ramp's length. */
export function rampHelp(baseRps: number, peakRps: number, rampMinutes: number): string {
  if (![baseRps, peakRps, rampMinutes].every((x) => Number.isFinite(x) && x > 0))
    return 'Exponential growth from base to peak, and as long to fall back';
  if (peakRps <= baseRps) return 'No growth: the peak is not above the base';
  const g = (peakRps / baseRps) ** (1 / rampMinutes) - 1;
  return `Grows ${fmtPct(g)} a minute, and as long to fall back`;
}
