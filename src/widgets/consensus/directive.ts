import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { consensusSchema, MODES, presets } from './params.ts';
import type { ConsensusParams, ConsensusPresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="consensus" ...}`: a preset, a seed, an id, and
 * overrides of the preset: `layout` (nodes per zone, "2,2,1"), `mode` (script or random) and the
 * numbers `steps`, `timeoutMin`, `timeoutMax`, `faultEvery`. The script comes from the preset.
 * Checked by the content lint at build time and applied by the view, by the same code.
 */
export const consensusNumeric = ['steps', 'timeoutMin', 'timeoutMax', 'faultEvery'] as const;
const known = new Set(['type', 'preset', 'seed', 'id', 'layout', 'mode', ...consensusNumeric]);

export type ConsensusDirective =
  | { ok: true; presetName: ConsensusPresetName; params: ConsensusParams; seed: number }
  | { ok: false; problems: string[] };

/** "2, 2, 1" → [2, 2, 1]; anything that is not a list of numbers → null. */
export function parseLayout(text: string): number[] | null {
  const parts = text.split(/[,+\s]+/).filter((s) => s !== '');
  if (parts.length === 0) return null;
  const numbers = parts.map(Number);
  return numbers.every((x) => Number.isFinite(x)) ? numbers : null;
}

export function fromDirective(attrs: Readonly<Record<string, string>>): ConsensusDirective {
  const start = startDirective(attrs, known, presets, 'clean-partition');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, consensusNumeric, params, problems);
  if (attrs.layout !== undefined) {
    const layout = parseLayout(attrs.layout);
    if (layout) params.layout = layout;
    else
      problems.push(`layout must list the nodes in each zone, like "2,2,1", not "${attrs.layout}"`);
  }
  if (attrs.mode !== undefined) {
    if ((MODES as readonly string[]).includes(attrs.mode)) params.mode = attrs.mode;
    else problems.push(`mode must be one of ${MODES.join(', ')}, not "${attrs.mode}"`);
  }
  const parsed = consensusSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
