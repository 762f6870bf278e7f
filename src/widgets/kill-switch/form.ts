import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { numericKeys } from './directive';
import { killSwitchSchema } from './params';
import type { KillSwitchParams } from './params';

/**
 * The drill's form holds what the learner typed, as strings, in the params' own units, so
 * converting is parsing; the choices are strings too ("on"/"off" for the switches on and off).
 * Every problem the schema finds belongs to the field of the same name.
 */
export const choiceKeys = ['story', 'alert', 'approval', 'failMode', 'guards'] as const;

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: KillSwitchParams): Record<string, string> {
  const form: Record<string, string> = {
    story: p.story,
    alert: p.alert ? 'on' : 'off',
    approval: p.approval,
    failMode: p.failMode,
    guards: p.guards ? 'on' : 'off',
  };
  for (const key of numericKeys) form[key] = trim(p[key]);
  return form;
}

export function formToParams(v: FormValues): unknown {
  return {
    ...Object.fromEntries(numericKeys.map((key) => [key, parseNumber(v[key])])),
    story: v.story,
    alert: v.alert === 'on',
    approval: v.approval,
    failMode: v.failMode,
    guards: v.guards === 'on',
  };
}

const known = new Set<PropertyKey>([...numericKeys, ...choiceKeys]);

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [key] = path;
  return typeof key === 'string' && known.has(key) ? key : null;
}

export function checkKillSwitchForm(v: FormValues): FormCheck<KillSwitchParams> {
  return checkForm(v, numericKeys, formToParams, killSwitchSchema, fieldOf);
}
