import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { presets, retryStormSchema } from './params.ts';
import type { RetryStormParams, RetryStormPresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="retry-storm" ...}`: a preset, a seed, an id, and
 * overrides of the preset's numbers (in the form's units: seconds, requests a second, ms).
 * Checked by the content lint at build time and applied by the view, by the same code.
 */
const numeric = ['clients', 'outageS', 'capacity', 'retries', 'baseMs', 'capMs'] as const;
const known = new Set(['type', 'preset', 'seed', 'id', ...numeric]);

export type RetryStormDirective =
  | { ok: true; presetName: RetryStormPresetName; params: RetryStormParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): RetryStormDirective {
  const start = startDirective(attrs, known, presets, 'thundering-herd');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, numeric, params, problems);
  const parsed = retryStormSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
