import { numericOverrides, startDirective } from '../chrome/directiveAttrs.ts';
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
  const start = startDirective(attrs, known, presets, 'normal-day');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  const params: Record<string, unknown> = { ...preset.params };
  numericOverrides(attrs, numeric, params, problems);
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
