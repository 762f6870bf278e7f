import { startDirective } from '../chrome/directiveAttrs.ts';
import { countMinPresets, hllPresets } from './params.ts';

/**
 * `::widget{type="sketches" preset="zipf-traffic"}`: the count-min sketch and HyperLogLog side
 * by side. `preset` names a count-min preset; `hll` names a HyperLogLog one.
 */
export type CountMinPresetName = keyof typeof countMinPresets;
export type HllPresetName = keyof typeof hllPresets;

const known = new Set(['type', 'preset', 'hll', 'seed', 'id']);

export type SketchesDirective =
  | { ok: true; countMin: CountMinPresetName; hll: HllPresetName; seed: number }
  | { ok: false; problems: string[] };

export function fromSketchesDirective(attrs: Readonly<Record<string, string>>): SketchesDirective {
  const start = startDirective(attrs, known, countMinPresets, 'zipf-traffic');
  if (!start.ok) return start;
  const { presetName, seed, problems } = start;
  const hll = (attrs.hll ?? 'unique-visitors') as HllPresetName;
  if (!(hll in hllPresets))
    problems.push(`unknown hll preset "${hll}" (known: ${Object.keys(hllPresets).join(', ')})`);
  return problems.length ? { ok: false, problems } : { ok: true, countMin: presetName, hll, seed };
}
