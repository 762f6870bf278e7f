import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { retryStormSchema } from './params';
import type { RetryStormParams } from './params';

/**
 * The simulator's form holds what the learner typed, as strings. Its units are the params' own
 * (seconds, requests a second, milliseconds), so converting is only parsing, and every problem
 * the schema finds belongs to the field of the same name.
 */
export const retryStormFields = [
  'clients',
  'outageS',
  'capacity',
  'retries',
  'baseMs',
  'capMs',
] as const satisfies readonly (keyof RetryStormParams)[];

type Field = (typeof retryStormFields)[number];

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: RetryStormParams): Record<Field, string> {
  return {
    clients: trim(p.clients),
    outageS: trim(p.outageS),
    capacity: trim(p.capacity),
    retries: trim(p.retries),
    baseMs: trim(p.baseMs),
    capMs: trim(p.capMs),
  };
}

export function formToParams(v: FormValues): unknown {
  return Object.fromEntries(retryStormFields.map((key) => [key, parseNumber(v[key])]));
}

const known = new Set<PropertyKey>(retryStormFields);

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [key] = path;
  return typeof key === 'string' && known.has(key) ? key : null;
}

export function checkRetryStormForm(v: FormValues): FormCheck<RetryStormParams> {
  return checkForm(v, retryStormFields, formToParams, retryStormSchema, fieldOf);
}
