import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { cascadeNumeric } from './directive';
import { cascadeSchema } from './params';
import type { CascadeParams } from './params';

/**
 * The lab's form holds what the learner typed, as strings, in the params' own units (so
 * converting is parsing), plus the corrective action's name. Every problem the schema finds
 * belongs to the field of the same name.
 */
const trim = (x: number) => String(Math.round(x * 1e12) / 1e12);

export function paramsToForm(p: CascadeParams): Record<string, string> {
  const v: Record<string, string> = { fix: p.fix };
  for (const key of cascadeNumeric) v[key] = key === 'gap' ? String(p.gap) : trim(p[key]);
  return v;
}

export function formToParams(v: FormValues): unknown {
  return {
    ...Object.fromEntries(cascadeNumeric.map((key) => [key, parseNumber(v[key])])),
    fix: v.fix,
  };
}

const known = new Set<PropertyKey>([...cascadeNumeric, 'fix']);

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [key] = path;
  return typeof key === 'string' && known.has(key) ? key : null;
}

export function checkCascadeForm(v: FormValues): FormCheck<CascadeParams> {
  return checkForm(v, cascadeNumeric, formToParams, cascadeSchema, fieldOf);
}
