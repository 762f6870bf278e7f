import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { cascadeSchema, FIXES, presets } from './params.ts';
import type { CascadeParams, CascadePresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="cascade" ...}`: a preset, a seed, an id, `fix` (one
 * of none, shed, budget, capacity) and overrides of the preset's numbers in the form's units.
 * Checked by the content lint at build time and applied by the view, by the same code.
 */
export const cascadeNumeric = [
  'servers',
  'perServer',
  'users',
  'hitPct',
  'warmS',
  'timeoutMs',
  'retries',
  'backoffMs',
  'queueS',
  'ejectS',
  'restartS',
  'failAtS',
  'failCount',
  'failForS',
  'spikeAtS',
  'spikeForS',
  'spikeRps',
  'flushAtS',
  'fixAtS',
  'fixServers',
  'durationS',
  'r',
  'x0',
  'gap',
] as const satisfies readonly (keyof CascadeParams)[];

const known = new Set(['type', 'preset', 'seed', 'id', 'fix', ...cascadeNumeric]);

export type CascadeDirective =
  | { ok: true; presetName: CascadePresetName; params: CascadeParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): CascadeDirective {
  const start = startDirective(attrs, known, presets, 'metastable-blip');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, cascadeNumeric, params, problems);
  if (attrs.fix !== undefined) {
    if ((FIXES as readonly string[]).includes(attrs.fix)) params.fix = attrs.fix;
    else problems.push(`fix must be one of ${FIXES.join(', ')}, not "${attrs.fix}"`);
  }
  const parsed = cascadeSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
