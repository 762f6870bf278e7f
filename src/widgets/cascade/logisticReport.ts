import { fmtNum } from '../../calc/format.ts';
import type { LogisticRun } from './types.ts';

/** The logistic panel's words and table, from its run. */

const signed = (x: number) => fmtNum(x).replace(/^-/, '−');

export function logisticSummary(run: LogisticRun): string {
  const apart =
    run.apartAt === null
      ? `The two runs stay within 0.1 of each other for all ${run.a.length - 1} steps shown.`
      : `The two runs are more than 0.1 apart from step ${run.apartAt}.`;
  const pair = run.pair.ok
    ? `Measured from the pair, λ = ${signed(run.pair.value.mean)} per step`
    : `The pair gives no exponent: ${run.pair.reason}`;
  const formula = run.formula.ok
    ? `; the formula gives ${signed(run.formula.value)}.`
    : `; the formula gives none: ${run.formula.reason}.`;
  return `r = ${fmtNum(run.r)}, starts ${fmtNum(run.x0)} and ${run.gap.toExponential(0)} above it. ${apart} ${pair}${formula}`;
}

export function logisticRows(run: LogisticRun) {
  return Array.from(run.a, (a, n) => ({
    n,
    a: a.toFixed(6),
    b: run.b[n]!.toFixed(6),
    distance: run.distance[n]!.toExponential(2),
  }));
}
