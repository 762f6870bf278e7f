import { wilsonInterval } from '../../formulas/monitoringStats.ts';
import { fmtInt, fmtNum, fmtPct, plural } from '../../calc/format.ts';
import type { SagaParams } from './params.ts';
import { sagaTheory } from './theory.ts';
import { OUTCOMES, POLICIES } from './types.ts';
import type { Example, Outcome, Policy, PolicyRun, SagaResult } from './types.ts';

/** What the saga view shows, worked out from a result: words and table rows, no React. */

export const policyLabels: Record<Policy, string> = { naive: 'Naive', correct: 'Correct' };

export const outcomeLabels: Record<Outcome, string> = {
  completed: 'Completed',
  undone: 'Undone cleanly',
  inconsistent: 'Inconsistent: left behind, untracked',
  deadLetter: 'In the dead-letter queue',
};

export interface Share {
  count: number;
  estimate: number;
  low: number;
  high: number;
}

/** A count out of n with its 95 % Wilson interval (n ≥ 1: the schema asks for one saga at least). */
export function share(count: number, n: number): Share {
  const w = wilsonInterval(count, n);
  return w.ok
    ? { count, ...w.value }
    : { count, estimate: count / n, low: Number.NaN, high: Number.NaN };
}

/** "8,702 (87.0 %; 86.3–87.7 %)": the count, its share, and the share's 95 % interval. */
export const fmtShare = (s: Share) =>
  `${fmtInt(s.count)} (${fmtPct(s.estimate)}; ${fmtPct(s.low).replace(' %', '')}–${fmtPct(s.high)})`;

export const countOf = (run: PolicyRun, outcome: Outcome) =>
  run.counts[OUTCOMES.indexOf(outcome)] ?? 0;

export interface Row {
  label: string;
  cells: string[];
}

/** Outcomes, compensations and calls, one column per policy. */
export function outcomeRows(result: SagaResult): Row[] {
  const n = result.sagas;
  const rows: Row[] = OUTCOMES.map((o) => ({
    label: outcomeLabels[o],
    cells: POLICIES.map((p) => fmtShare(share(countOf(result.runs[p], o), n))),
  }));
  rows.push({
    label: 'Compensations per saga',
    cells: POLICIES.map((p) => fmtMean(compensationMean(result.runs[p], n))),
  });
  rows.push({
    label: 'Calls to services per saga',
    cells: POLICIES.map((p) => fmtNum(result.runs[p].calls / n)),
  });
  rows.push({
    label: 'Sagas the orchestrator crashed in',
    cells: POLICIES.map((p) => fmtInt(result.runs[p].crashed)),
  });
  return rows;
}

export interface Mean {
  mean: number;
  low: number;
  high: number;
}

/** The mean compensations per saga with a 95 % normal interval (the sample is thousands). */
export function compensationMean(run: PolicyRun, n: number): Mean {
  const mean = run.compensations / n;
  const variance = n > 1 ? Math.max(0, (run.compensationsSq - n * mean * mean) / (n - 1)) : 0;
  const half = 1.959963984540054 * Math.sqrt(variance / n);
  return { mean, low: Math.max(0, mean - half), high: mean + half };
}

const fmtMean = (m: Mean) => `${fmtNum(m.mean)} (${fmtNum(m.low)}–${fmtNum(m.high)})`;

/** Per step: sagas that did not complete and left the step's effect in place, per policy. */
export function leftoverRows(params: SagaParams, result: SagaResult): Row[] {
  return params.steps.map((s, k) => ({
    label: `${k + 1}. ${s.name} (${s.service})`,
    cells: POLICIES.map((p) => fmtInt(result.runs[p].leftovers[k] ?? 0)),
  }));
}

export interface TheoryRow {
  label: string;
  theory: string;
  simulated: string;
  agrees: boolean;
}

/** The formulas beside the simulation, each with whether it falls in the simulation's interval. */
export function theoryRows(params: SagaParams, result: SagaResult): TheoryRow[] | null {
  const theory = sagaTheory(params);
  if (!theory) return null;
  const n = result.sagas;
  const rows: TheoryRow[] = [];
  for (const p of POLICIES) {
    const done = share(countOf(result.runs[p], 'completed'), n);
    const t = theory[p].complete;
    rows.push({
      label: `${policyLabels[p]}: completes`,
      theory: fmtPct(t),
      simulated: fmtShare(done),
      agrees: inside(t, done.low, done.high),
    });
  }
  const c = theory.naive.compensations;
  if (c !== null) {
    const m = compensationMean(result.runs.naive, n);
    rows.push({
      label: 'Naive: compensations per saga',
      theory: fmtNum(c),
      simulated: fmtMean(m),
      agrees: inside(c, m.low, m.high),
    });
  }
  return rows;
}

/** Inside the interval, allowing for rounding at the ends (a formula of exactly 0 or 1). */
const inside = (x: number, low: number, high: number) => x >= low - 1e-12 && x <= high + 1e-12;

export function theoryVerdict(rows: readonly TheoryRow[]): string {
  const off = rows.filter((r) => !r.agrees).length;
  return off === 0
    ? 'Every formula falls inside the 95 % interval of the simulation.'
    : `${plural(off, 'formula falls', 'formulas fall')} outside the 95 % interval of the simulation; a 95 % interval misses about one time in twenty, so try another seed before doubting either.`;
}

/** One sentence for the aria-live summary: what the naive policy left behind, against the correct one. */
export function headline(result: SagaResult): string {
  const n = result.sagas;
  const naive = result.runs.naive;
  const correct = result.runs.correct;
  const bad = countOf(naive, 'inconsistent');
  const parts = [
    `Of ${fmtInt(n)} sagas, the naive orchestrator completed ${fmtInt(countOf(naive, 'completed'))} and left ${fmtInt(bad)} inconsistent (${fmtPct(bad / n)})`,
    `the correct one completed ${fmtInt(countOf(correct, 'completed'))}, left ${fmtInt(countOf(correct, 'inconsistent'))} inconsistent and put ${fmtInt(countOf(correct, 'deadLetter'))} in the dead-letter queue.`,
  ];
  return parts.join('; ');
}

const shortOutcome: Record<Outcome, string> = {
  completed: 'completed',
  undone: 'undone',
  inconsistent: 'inconsistent',
  deadLetter: 'dead-letter',
};

/** "Saga 27: naive inconsistent, correct completed": short enough for a phone's select. */
export const exampleLabel = (e: Example) =>
  `Saga ${fmtInt(e.saga)}: naive ${shortOutcome[e.outcomes.naive]}, correct ${shortOutcome[e.outcomes.correct]}`;

/** Where each step's service sits on the timeline: one lane per service, in order of first use. */
export function lanesOf(params: SagaParams): { names: string[]; laneOfStep: number[] } {
  const names = ['orchestrator'];
  const laneOfStep = params.steps.map((s) => {
    const at = names.indexOf(s.service);
    if (at >= 0) return at;
    names.push(s.service);
    return names.length - 1;
  });
  return { names, laneOfStep };
}
