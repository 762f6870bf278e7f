import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { sagaSchema } from './params';
import type { SagaParams } from './params';

/**
 * The form holds what the learner typed, as strings, in the params' own units (percentages,
 * counts). Whole-saga fields keep their names; a step's fields are `s<index>.<field>`, and its
 * name and service ride along unseen, so the number of steps is the number of `s<i>.name` keys.
 */
export const generalFields = ['sagas', 'attempts', 'compAttempts', 'crashAt', 'crashPct'] as const;
export const stepNumbers = ['failPct', 'timeoutPct', 'latePct', 'compFailPct'] as const;

export const stepKey = (i: number, field: string) => `s${i}.${field}`;

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: SagaParams): Record<string, string> {
  const v: Record<string, string> = {};
  for (const key of generalFields) v[key] = trim(p[key]);
  p.steps.forEach((s, i) => {
    for (const f of stepNumbers) v[stepKey(i, f)] = trim(s[f]);
    v[stepKey(i, 'kind')] = s.kind;
    v[stepKey(i, 'name')] = s.name;
    v[stepKey(i, 'service')] = s.service;
  });
  return v;
}

export function stepCount(v: FormValues): number {
  let n = 0;
  while (v[stepKey(n, 'name')] !== undefined) n++;
  return n;
}

export function formToParams(v: FormValues): unknown {
  const steps = Array.from({ length: stepCount(v) }, (_, i) => ({
    name: v[stepKey(i, 'name')],
    service: v[stepKey(i, 'service')],
    kind: v[stepKey(i, 'kind')],
    ...Object.fromEntries(stepNumbers.map((f) => [f, parseNumber(v[stepKey(i, f)])])),
  }));
  return {
    ...Object.fromEntries(generalFields.map((key) => [key, parseNumber(v[key])])),
    steps,
  };
}

const general = new Set<PropertyKey>(generalFields);

/** The form field a schema problem belongs to: `['steps', 1, 'latePct']` → `s1.latePct`. */
export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [first, index, field] = path;
  if (typeof first === 'string' && general.has(first) && path.length === 1) return first;
  if (first === 'steps' && typeof index === 'number' && typeof field === 'string')
    return stepKey(index, field);
  return null;
}

export function numericFieldsOf(v: FormValues): string[] {
  const steps = Array.from({ length: stepCount(v) }, (_, i) =>
    stepNumbers.map((f) => stepKey(i, f)),
  ).flat();
  return [...generalFields, ...steps];
}

export function checkSagaForm(v: FormValues): FormCheck<SagaParams> {
  return checkForm(v, numericFieldsOf(v), formToParams, sagaSchema, fieldOf);
}
