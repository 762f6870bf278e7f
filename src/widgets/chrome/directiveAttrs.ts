/**
 * What every widget directive shares: unknown attributes are reported, `preset` names one of the
 * widget's presets (or its default), and `seed` overrides the preset's seed. Pure (the content
 * lint imports it at build time); each widget adds its own overrides on top.
 */
export type DirectiveStart<Name extends string, Preset extends { seed: number }> =
  | { ok: true; presetName: Name; preset: Preset; seed: number; problems: string[] }
  | { ok: false; problems: string[] };

export function startDirective<Name extends string, Preset extends { seed: number }>(
  attrs: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
  presets: Readonly<Record<Name, Preset>>,
  defaultPreset: Name,
): DirectiveStart<Name, Preset> {
  const problems: string[] = [];
  for (const key of Object.keys(attrs)) {
    if (!known.has(key))
      problems.push(`unknown attribute "${key}" (known: ${[...known].join(', ')})`);
  }
  const presetName = (attrs.preset ?? defaultPreset) as Name;
  const preset = (presets as Record<string, Preset | undefined>)[presetName];
  if (!preset) {
    problems.push(`unknown preset "${attrs.preset}" (known: ${Object.keys(presets).join(', ')})`);
    return { ok: false, problems };
  }
  let seed = preset.seed;
  if (attrs.seed !== undefined) {
    seed = Number(attrs.seed);
    if (!/^\d{1,10}$/.test(attrs.seed) || seed > 0xffffffff)
      problems.push(`seed must be a whole number from 0 to 4294967295, not "${attrs.seed}"`);
  }
  return { ok: true, presetName, preset, seed, problems };
}

/**
 * Copies the numeric attributes a lesson set over the preset's values, noting any that is not a
 * number; the widget's schema then checks the result as a whole.
 */
export function numericOverrides(
  attrs: Readonly<Record<string, string>>,
  names: readonly string[],
  params: Record<string, unknown>,
  problems: string[],
): void {
  for (const key of names) {
    const raw = attrs[key];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      problems.push(`${key} must be a number, not "${raw}"`);
    else params[key] = value;
  }
}
