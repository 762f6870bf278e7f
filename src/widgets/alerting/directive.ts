import { startDirective } from '../chrome/directiveAttrs.ts';
import { comparisonSchema, policyPresets, presetComparison, presets } from './params.ts';
import type { ComparisonInput, PolicyPresetName, PresetName } from './params.ts';

/**
 * `::widget{type="alert-fatigue" preset="noisy-week" seed="7" id="…"}`: a scenario preset, a
 * seed, and optionally `a`/`b` naming other policy presets and `days` for the period. Checked
 * by the content lint at build time and applied by the view, by the same code.
 */
const known = new Set(['type', 'preset', 'seed', 'id', 'a', 'b', 'days']);

export type AlertDirective =
  | { ok: true; presetName: PresetName; params: ComparisonInput; seed: number }
  | { ok: false; problems: string[] };

export function fromAlertDirective(attrs: Readonly<Record<string, string>>): AlertDirective {
  const start = startDirective(attrs, known, presets, 'noisy-week');
  if (!start.ok) return start;
  const { presetName, seed, problems } = start;
  const params = presetComparison(presetName);
  for (const side of ['a', 'b'] as const) {
    const name = attrs[side];
    if (name === undefined) continue;
    if (name in policyPresets)
      params[side] = structuredClone(policyPresets[name as PolicyPresetName].policy);
    else
      problems.push(
        `unknown policy "${name}" for ${side} (known: ${Object.keys(policyPresets).join(', ')})`,
      );
  }
  if (attrs.days !== undefined) params.world.days = Number(attrs.days);
  const parsed = comparisonSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
