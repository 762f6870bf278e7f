import { numberAttr, unknownAttributes } from '../../calc/attrs.ts';
import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { fmtShare } from '../../formulas/availability.calc.ts';
import { missChance } from './oncall.ts';

/** Numbers a lesson quotes from the alert fatigue simulator's model, computed at build time. */

/**
 * `alert-fatigue.ignore`: the alert fatigue simulator's chance that its engineer ignores a page after
 * `noise` false alarms in the last 24 hours (`missChance` in oncall.ts).
 */
export function calcIgnore(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['noise'], problems);
  const noise = numberAttr(attrs, 'noise', problems, { atLeast: 0, whole: true });
  if (problems.length || noise === undefined) return { ok: false, problems };
  return { ok: true, text: fmtShare(missChance(noise)) };
}

/** This widget's entries for src/calc/registry.ts. */
export const alertFatigueCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'alert-fatigue.ignore': calcIgnore,
};
