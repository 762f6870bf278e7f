import { presets, queueParamsSchema } from './params.ts';
import type { QueueParams, QueuePresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="queue" ...}`: a preset, a seed, an id, and
 * overrides of the preset's settings (seconds and per-second rates). Checked by the content lint
 * at build time and applied by the view at run time, by the same code.
 */
const numeric = ['lambda', 'meanService', 'cv', 'servers', 'durationS', 'warmupS'] as const;
const known = new Set(['type', 'preset', 'seed', 'id', 'service', 'room', ...numeric]);

export type QueueDirective =
  | { ok: true; presetName: QueuePresetName; params: QueueParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): QueueDirective {
  const problems: string[] = [];
  for (const key of Object.keys(attrs)) {
    if (!known.has(key))
      problems.push(`unknown attribute "${key}" (known: ${[...known].join(', ')})`);
  }
  const presetName = (attrs.preset ?? 'normal-day') as QueuePresetName;
  const preset = presets[presetName] as (typeof presets)[QueuePresetName] | undefined;
  if (!preset) {
    problems.push(`unknown preset "${attrs.preset}" (known: ${Object.keys(presets).join(', ')})`);
    return { ok: false, problems };
  }
  let seed: number = preset.seed;
  if (attrs.seed !== undefined) {
    seed = Number(attrs.seed);
    if (!/^\d{1,10}$/.test(attrs.seed) || seed > 0xffffffff)
      problems.push(`seed must be a whole number from 0 to 4294967295, not "${attrs.seed}"`);
  }
  const params: Record<string, unknown> = { ...preset.params };
  for (const key of numeric) {
    const raw = attrs[key];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      problems.push(`${key} must be a number, not "${raw}"`);
    else params[key] = value;
  }
  if (attrs.service !== undefined) params.service = attrs.service;
  if (attrs.room !== undefined) {
    const room = attrs.room === 'none' ? null : Number(attrs.room);
    if (room !== null && !Number.isFinite(room))
      problems.push(`room must be a number or "none", not "${attrs.room}"`);
    else params.room = room;
  }
  const parsed = queueParamsSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
