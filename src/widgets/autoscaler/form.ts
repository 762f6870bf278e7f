import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { autoscalerSchema } from './params';
import type { AutoscalerParams } from './params';

/**
 * The simulator's form holds what the learner typed, as strings. Traffic, capacity and minutes
 * are in the params' own units; the target, the tolerance and the noise are shares in the
 * params (0.6) and percent on screen (60), so they are converted here, and the schema's
 * problems with them are said again in percent, on the field the learner typed into.
 */

/** Percent fields: the form's name, the params' name, and what a problem calls it. */
const percentFields = {
  targetPct: { param: 'target', what: 'The target utilisation' },
  tolerancePct: { param: 'tolerance', what: 'The tolerance' },
  noisePct: { param: 'noiseCv', what: 'The noise' },
} as const satisfies Record<string, { param: keyof AutoscalerParams; what: string }>;

type PercentField = keyof typeof percentFields;

const plainFields = [
  'baseRps',
  'peakRps',
  'rampStartMin',
  'rampMinutes',
  'holdMinutes',
  'durationMin',
  'capacityRps',
  'minReplicas',
  'maxReplicas',
  'delayMin',
  'downWindowMin',
] as const satisfies readonly (keyof AutoscalerParams)[];

type PlainField = (typeof plainFields)[number];
export type AutoscalerField = PlainField | PercentField;

export const autoscalerFields: readonly AutoscalerField[] = [
  ...plainFields,
  ...(Object.keys(percentFields) as PercentField[]),
];

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);
/** 57.3 → 0.573 exactly as typed (plain division can give 0.5730000000000001). */
const percentToShare = (x: number) => (Number.isFinite(x) ? Number((x / 100).toPrecision(12)) : x);

export function paramsToForm(p: AutoscalerParams): Record<AutoscalerField, string> {
  const form = {} as Record<AutoscalerField, string>;
  for (const key of plainFields) form[key] = trim(p[key]);
  for (const [key, { param }] of Object.entries(percentFields) as [
    PercentField,
    (typeof percentFields)[PercentField],
  ][])
    form[key] = trim(p[param] * 100);
  return form;
}

export function formToParams(v: FormValues): unknown {
  const params: Record<string, number> = {};
  for (const key of plainFields) params[key] = parseNumber(v[key]);
  for (const [key, { param }] of Object.entries(percentFields))
    params[param] = percentToShare(parseNumber(v[key]));
  return params;
}

const fieldByParam = new Map<PropertyKey, AutoscalerField>([
  ...plainFields.map((key) => [key, key] as const),
  ...Object.entries(percentFields).map(([key, { param }]) => [param, key as PercentField] as const),
]);

export function fieldOf(path: readonly PropertyKey[]): AutoscalerField | null {
  const [key] = path;
  return key === undefined ? null : (fieldByParam.get(key) ?? null);
}

const pct = (share: number) => `${(share * 100).toLocaleString('en')} %`;

/**
 * The schema's limits on a share, said in percent: "The target utilisation must be at most
 * 95 %". The limits are read from the schema, so the two cannot drift apart.
 */
function percentProblem(field: PercentField, typed: number): string | null {
  const { param, what } = percentFields[field];
  const { minValue, maxValue } = autoscalerSchema.shape[param];
  const share = percentToShare(typed);
  if (minValue !== null && share < minValue) return `${what} must be at least ${pct(minValue)}`;
  if (maxValue !== null && share > maxValue) return `${what} must be at most ${pct(maxValue)}`;
  return null;
}

export function checkAutoscalerForm(v: FormValues): FormCheck<AutoscalerParams> {
  const check = checkForm(v, autoscalerFields, formToParams, autoscalerSchema, fieldOf);
  for (const field of Object.keys(percentFields) as PercentField[]) {
    if (!(field in check.fieldErrors)) continue;
    const typed = parseNumber(v[field]);
    if (!Number.isFinite(typed)) continue; // "Enter a value." already says it in words
    const problem = percentProblem(field, typed);
    if (problem) check.fieldErrors[field] = problem;
  }
  return check;
}
