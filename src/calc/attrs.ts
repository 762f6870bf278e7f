/**
 * Shared reading of `:calc{…}` attributes: every calculation module reports bad attributes the
 * same way, in words, so the content lint can print them beside the file and line.
 */
export type Calculated = { ok: true; text: string } | { ok: false; problems: string[] };

export type Attrs = Readonly<Record<string, string>>;

export function unknownAttributes(
  attrs: Attrs,
  allowed: readonly string[],
  problems: string[],
): void {
  for (const key of Object.keys(attrs)) {
    if (key !== 'of' && !allowed.includes(key))
      problems.push(`unknown attribute "${key}" (known: ${allowed.join(', ')})`);
  }
}

export interface NumberRule {
  /** Inclusive lower bound; without it (and without `above`) the number must be positive. */
  atLeast?: number;
  /** Exclusive bounds. */
  above?: number;
  below?: number;
  whole?: boolean;
  /** The value when the attribute is left out; without it the attribute is required. */
  fallback?: number;
}

function describe(rule: NumberRule): string {
  const low = rule.atLeast !== undefined ? `at least ${rule.atLeast}` : `above ${rule.above ?? 0}`;
  const kind = rule.whole ? 'a whole number' : 'a number';
  return `${kind} ${low}${rule.below !== undefined ? ` and below ${rule.below}` : ''}`;
}

/** A number attribute by its rule, or undefined with the problem noted. */
export function numberAttr(
  attrs: Attrs,
  name: string,
  problems: string[],
  rule: NumberRule = {},
): number | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    if (rule.fallback === undefined) problems.push(`needs ${name}="…"`);
    return rule.fallback;
  }
  const value = Number(raw);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    (rule.atLeast !== undefined ? value >= rule.atLeast : value > (rule.above ?? 0)) &&
    (rule.below === undefined || value < rule.below) &&
    (!rule.whole || Number.isInteger(value));
  if (!ok) {
    problems.push(`${name} must be ${describe(rule)}, not "${raw}"`);
    return undefined;
  }
  return value;
}

export function choice<T extends string>(
  attrs: Attrs,
  name: string,
  options: readonly T[],
  fallback: T,
  problems: string[],
): T | null {
  const raw = attrs[name];
  if (raw === undefined) return fallback;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${options.join(', ')}, not "${raw}"`);
  return null;
}
