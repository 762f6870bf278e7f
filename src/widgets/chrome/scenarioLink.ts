import type { Validation } from '../../sim/model';

/**
 * A scenario link is the lesson URL plus `?w=<widget id>&seed=<n>&p=<params>`, where params is
 * base64url-encoded JSON. Opening it reproduces the run exactly (same params, same seed).
 * Decoding treats the URL as hostile: size-limited, parsed as data only, validated by the
 * model's own schema, and every failure explained in words.
 */
export interface Scenario<P> {
  params: P;
  seed: number;
}

export type DecodedScenario<P> =
  { kind: 'none' } | { kind: 'ok'; scenario: Scenario<P> } | { kind: 'invalid'; message: string };

/** Room for the largest settings a widget shares (two alerting policies of eight rules each). */
export const MAX_PARAM_CHARS = 16_000;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function isSeed(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

export function encodeScenario<P>(widgetId: string, scenario: Scenario<P>): URLSearchParams {
  return new URLSearchParams({
    w: widgetId,
    seed: String(scenario.seed),
    p: toBase64Url(JSON.stringify(scenario.params)),
  });
}

export function decodeScenario<P>(
  search: URLSearchParams,
  widgetId: string,
  validate: (params: unknown) => Validation<P>,
): DecodedScenario<P> {
  if (search.get('w') !== widgetId) return { kind: 'none' };
  const rawSeed = search.get('seed');
  const rawParams = search.get('p');
  if (rawSeed === null || rawParams === null) {
    return {
      kind: 'invalid',
      message: 'The link is incomplete: it names this widget but lacks its seed or settings.',
    };
  }
  const seed = Number(rawSeed);
  if (!/^\d{1,10}$/.test(rawSeed) || !isSeed(seed)) {
    return {
      kind: 'invalid',
      message: 'The link’s seed is not a whole number between 0 and 4294967295.',
    };
  }
  if (rawParams.length > MAX_PARAM_CHARS || !/^[A-Za-z0-9_-]*$/.test(rawParams)) {
    return {
      kind: 'invalid',
      message: 'The link’s settings are damaged or not from this workbook.',
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(rawParams));
  } catch {
    return {
      kind: 'invalid',
      message: 'The link’s settings are damaged or not from this workbook.',
    };
  }
  // Settings are always a JSON object; anything else (null, a list, a number) is not ours.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      kind: 'invalid',
      message: 'The link’s settings are damaged or not from this workbook.',
    };
  }
  const checked = validate(parsed);
  if (!checked.ok)
    return { kind: 'invalid', message: `The link’s settings are not valid: ${checked.message}` };
  return { kind: 'ok', scenario: { params: checked.params, seed } };
}

/** The full URL to share: current page, this widget's scenario, scrolled to the widget. */
export function scenarioUrl<P>(
  location: Location,
  widgetId: string,
  scenario: Scenario<P>,
  anchorId: string,
): string {
  const url = new URL(location.href);
  for (const key of ['w', 'seed', 'p']) url.searchParams.delete(key);
  for (const [k, v] of encodeScenario(widgetId, scenario)) url.searchParams.set(k, v);
  url.hash = anchorId;
  return url.toString();
}
