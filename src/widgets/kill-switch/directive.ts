import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
import { APPROVALS, FAIL_MODES, killSwitchSchema, presets } from './params.ts';
import type { KillSwitchParams, KillSwitchPresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="kill-switch" ...}`: a preset, a seed, an id, the
 * design's choices (`approval` one|two, `failMode` open|closed, `alert` and `guards` on|off) and
 * numeric overrides in the form's units (seconds, actions). Checked by the content lint at build
 * time and applied by the view, by the same code.
 */
export const numericKeys = [
  'hosts',
  'affected',
  'actionsPerS',
  'growthPctPerMin',
  'pool',
  'costPerAction',
  'durationS',
  'alertAbove',
  'alertForS',
  'evalS',
  'ackMedianS',
  'humanMedianS',
  'decideMedianS',
  'sigma',
  'approveMedianS',
  'fallbackS',
  'pollS',
  'ttlS',
  'staleS',
  'flagDownAtS',
  'flagDownForS',
  'rateLimitPerMin',
  'floorPct',
  'capActions',
  'sev2At',
  'sev1At',
  'runs',
] as const satisfies readonly (keyof KillSwitchParams)[];

const choices = {
  approval: APPROVALS,
  failMode: FAIL_MODES,
  alert: ['on', 'off'],
  guards: ['on', 'off'],
} as const;

const known = new Set(['type', 'preset', 'seed', 'id', ...numericKeys, ...Object.keys(choices)]);

export type KillSwitchDirective =
  | { ok: true; presetName: KillSwitchPresetName; params: KillSwitchParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): KillSwitchDirective {
  const start = startDirective(attrs, known, presets, 'capacity-tool');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, numericKeys, params, problems);
  for (const [key, options] of Object.entries(choices)) {
    const raw = attrs[key];
    if (raw === undefined) continue;
    if (!(options as readonly string[]).includes(raw))
      problems.push(`${key} must be one of ${options.join(', ')}, not "${raw}"`);
    else params[key] = key === 'alert' || key === 'guards' ? raw === 'on' : raw;
  }
  const parsed = killSwitchSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
