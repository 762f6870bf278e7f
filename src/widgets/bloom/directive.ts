import { startDirective } from '../chrome/directiveAttrs.ts';
import { bloomPresets } from './params.ts';

/**
 * What a lesson may write in `::widget{type="bloom" ...}`: a preset (the sizing inputs, the small
 * drawn filter and the experiment), a seed and an id. Checked by the content lint at build time
 * and applied by the view, by the same code.
 */
export type BloomPresetName = keyof typeof bloomPresets;

const known = new Set(['type', 'preset', 'seed', 'id']);

export type BloomDirective =
  { ok: true; presetName: BloomPresetName; seed: number } | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): BloomDirective {
  const start = startDirective(attrs, known, bloomPresets, 'hundred-thousand');
  if (!start.ok) return start;
  const { presetName, seed, problems } = start;
  return problems.length ? { ok: false, problems } : { ok: true, presetName, seed };
}
