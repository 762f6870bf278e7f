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
  const problems: string[] = [];
  for (const key of Object.keys(attrs)) {
    if (!known.has(key))
      problems.push(`unknown attribute "${key}" (known: ${[...known].join(', ')})`);
  }
  const presetName = (attrs.preset ?? 'hundred-thousand') as BloomPresetName;
  const preset = bloomPresets[presetName] as (typeof bloomPresets)[BloomPresetName] | undefined;
  if (!preset) {
    problems.push(
      `unknown preset "${attrs.preset}" (known: ${Object.keys(bloomPresets).join(', ')})`,
    );
    return { ok: false, problems };
  }
  let seed: number = preset.seed;
  if (attrs.seed !== undefined) {
    seed = Number(attrs.seed);
    if (!/^\d{1,10}$/.test(attrs.seed) || seed > 0xffffffff)
      problems.push(`seed must be a whole number from 0 to 4294967295, not "${attrs.seed}"`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, presetName, seed };
}
