import { startDirective } from '../chrome/directiveAttrs.ts';
import { birthdayPresets } from './params.ts';

/** `::widget{type="birthday" preset="birthday-23"}`: a preset, a seed and an id. */
export type BirthdayPresetName = keyof typeof birthdayPresets;

const known = new Set(['type', 'preset', 'seed', 'id']);

export type BirthdayDirective =
  { ok: true; presetName: BirthdayPresetName; seed: number } | { ok: false; problems: string[] };

export function fromBirthdayDirective(attrs: Readonly<Record<string, string>>): BirthdayDirective {
  const start = startDirective(attrs, known, birthdayPresets, 'birthday-23');
  if (!start.ok) return start;
  const { presetName, seed, problems } = start;
  return problems.length ? { ok: false, problems } : { ok: true, presetName, seed };
}
