import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { presets, sagaSchema } from './params.ts';
import type { SagaParams, SagaPresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="saga" ...}`: a preset, a seed, an id, and overrides
 * of the preset's whole-saga numbers (sagas, attempts, compAttempts, crashAt, crashPct). Steps
 * come from the preset. Checked by the content lint at build time and applied by the view.
 */
export const sagaNumeric = ['sagas', 'attempts', 'compAttempts', 'crashAt', 'crashPct'] as const;
const known = new Set(['type', 'preset', 'seed', 'id', ...sagaNumeric]);

export type SagaDirective =
  | { ok: true; presetName: SagaPresetName; params: SagaParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): SagaDirective {
  const start = startDirective(attrs, known, presets, 'checkout');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, sagaNumeric, params, problems);
  const parsed = sagaSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
