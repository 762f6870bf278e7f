import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { parseLayout } from './directive';
import { consensusSchema } from './params';
import type { ConsensusParams } from './params';

/**
 * The lab's form holds what the learner typed, as strings: the placement as "2, 2, 1", the mode,
 * the script as text, and the numbers in the params' own units (steps of one second).
 */
export const numericFields = ['steps', 'timeoutMin', 'timeoutMax', 'faultEvery'] as const;

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: ConsensusParams): Record<string, string> {
  return {
    layout: p.layout.join(', '),
    mode: p.mode,
    script: p.script,
    steps: trim(p.steps),
    timeoutMin: trim(p.timeoutMin),
    timeoutMax: trim(p.timeoutMax),
    faultEvery: trim(p.faultEvery),
  };
}

export function formToParams(v: FormValues): unknown {
  return {
    layout: parseLayout(v.layout ?? '') ?? v.layout,
    mode: v.mode,
    script: v.script ?? '',
    ...Object.fromEntries(numericFields.map((key) => [key, parseNumber(v[key])])),
  };
}

const known = new Set<PropertyKey>([...numericFields, 'layout', 'mode', 'script']);

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [key] = path;
  return typeof key === 'string' && known.has(key) ? key : null;
}

export function checkConsensusForm(v: FormValues): FormCheck<ConsensusParams> {
  const check = checkForm(v, numericFields, formToParams, consensusSchema, fieldOf);
  // A placement that is not a list of numbers reaches the schema as text: say what to type.
  if (parseLayout(v.layout ?? '') === null)
    check.fieldErrors.layout = 'Enter the nodes in each zone, like 2, 2, 1.';
  return check;
}
