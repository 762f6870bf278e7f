import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { autoscalerSchema, presets } from './params.ts';
import type { AutoscalerParams, AutoscalerPresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="autoscaler" ...}`: a preset, a seed, an id, and
 * overrides of the preset's numbers in the model's units (requests a second, minutes, shares:
 * target="0.7"). Checked by the content lint at build time and applied by the view, by the same
 * code.
 */
const numeric = [
  'baseRps',
  'peakRps',
  'rampStartMin',
  'rampMinutes',
  'holdMinutes',
  'noiseCv',
  'durationMin',
  'capacityRps',
  'target',
  'tolerance',
  'minReplicas',
  'maxReplicas',
  'delayMin',
  'downWindowMin',
] as const;
const known = new Set(['type', 'preset', 'seed', 'id', ...numeric]);

export type AutoscalerDirective =
  | { ok: true; presetName: AutoscalerPresetName; params: AutoscalerParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): AutoscalerDirective {
  const start = startDirective(attrs, known, presets, 'flash-sale');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, numeric, params, problems);
  const parsed = autoscalerSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
