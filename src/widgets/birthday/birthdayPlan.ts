import { lowerFirst } from '../../sim/zodMessages';
import { fmtInt } from '../../calc/format';
import type { BirthdaySimParams } from './birthdaySim';
import { fmtCount } from '../../calc/formatLarge';
import { birthdaySimSchema, MAX_BIRTHDAY_DRAWS, MAX_DRAWS_PER_TRIAL } from './params';
import { birthdayExpectedDraws, timestampIdCollision } from '../../formulas/birthday';

/**
 * What the birthday simulation runs for the calculator's inputs: those inputs when it can; fewer
 * trials when all of them would draw too many IDs; a smaller space it can draw from when one
 * trial would take too long; and, every time it runs something else, a sentence saying why
 * and what it ran instead.
 */
export interface BirthdayPlan {
  /** The simulation to run, or null while the calculator's inputs are not valid. */
  params: BirthdaySimParams | null;
  /** Why the simulation is not exactly the inputs, in words; null when it is. */
  note: string | null;
}

/** The space a uniform simulation falls back to: 32-bit IDs, first collision after ~82,000. */
export const FALLBACK_BITS = 32;

/** What a simulation draws from, in words: "365 values", "2^32 values", "50 machines …". */
export function describeSimulation(p: BirthdaySimParams): string {
  if (p.scheme === 'uniform')
    return 'bits' in p.space
      ? `IDs of ${p.space.bits} random bits (2^${p.space.bits} values)`
      : `IDs from ${fmtCount(p.space.values)} values`;
  return `timestamped IDs from ${fmtInt(p.machines)} machines at ${fmtCount(p.idsPerSecond)} a second each, with ${fmtInt(p.randomValues)} random values`;
}

/** IDs (uniform) or milliseconds (timestamp) one trial takes on average; null for bad inputs. */
function perTrial(p: BirthdaySimParams): number | null {
  if (p.scheme === 'uniform') {
    const e = birthdayExpectedDraws(p.space);
    return e.ok ? e.value : null;
  }
  const t = timestampIdCollision({ ...p, windowS: 1 });
  return t.ok ? t.value.perMs / t.value.pPerMs : null;
}

/** As many of `trials` as fit the simulation's budget of IDs in all. */
function fitTrials(p: BirthdaySimParams, mean: number): BirthdaySimParams {
  return { ...p, trials: Math.max(1, Math.min(p.trials, Math.floor(MAX_BIRTHDAY_DRAWS / mean))) };
}

/**
 * @param chosen the calculator's inputs as simulation settings (trials from the scenario)
 * @param fallback the scenario's own simulation, run when the chosen one cannot be and no
 *   smaller space of the same kind fits
 */
export function planBirthdaySimulation(
  chosen: BirthdaySimParams,
  fallback: BirthdaySimParams,
): BirthdayPlan {
  const mean = perTrial(chosen);
  if (mean === null) return { params: null, note: 'Fix the calculator’s inputs to simulate them.' };
  const checked = birthdaySimSchema.safeParse(chosen);
  if (checked.success) return { params: checked.data, note: null };

  const onlyTooManyTrials = checked.error.issues.every((i) => i.path[0] === 'trials');
  if (onlyTooManyTrials && mean <= MAX_DRAWS_PER_TRIAL) {
    const fitted = fitTrials(chosen, mean);
    return {
      params: fitted,
      note: `${fmtInt(chosen.trials)} trials of about ${fmtCount(Math.round(mean))} IDs each would draw ${fmtCount(Math.round(mean * chosen.trials))} IDs; the simulation stops at ${fmtInt(MAX_BIRTHDAY_DRAWS)}, so it ran ${fmtInt(fitted.trials)} trials.`,
    };
  }

  const why =
    mean > MAX_DRAWS_PER_TRIAL
      ? `the first collision would take about ${fmtCount(Math.round(mean))} ${chosen.scheme === 'uniform' ? 'IDs' : 'milliseconds'} a trial, and it stops at ${fmtInt(MAX_DRAWS_PER_TRIAL)}`
      : lowerFirst(checked.error.issues[0]?.message ?? 'those inputs are beyond it');
  const smaller: BirthdaySimParams =
    chosen.scheme === 'uniform'
      ? { scheme: 'uniform', space: { bits: FALLBACK_BITS }, trials: chosen.trials }
      : fallback;
  const instead = fitTrials(smaller, perTrial(smaller) ?? 1);
  const ran = birthdaySimSchema.safeParse(instead);
  if (!ran.success)
    return { params: null, note: `The simulation cannot run these inputs: ${why}.` };
  return {
    params: ran.data,
    note: `The simulation cannot draw ${describeSimulation(chosen)}: ${why}. It ran ${describeSimulation(ran.data)} instead (${fmtInt(ran.data.trials)} trials).`,
  };
}
