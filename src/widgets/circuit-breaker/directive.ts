import { startDirective } from '../chrome/directiveAttrs.ts';
import { paramsSchema, presets } from './params.ts';
import type { CircuitBreakerParams, PresetName } from './params.ts';

/**
 * What a lesson may write in `::widget{type="circuit-breaker" ...}`: a preset, a seed, a task
 * id, and overrides of the preset's settings. Checked by the content lint at build time and
 * applied by the view at run time, by the same code.
 */
const numeric = {
  rate: (p: CircuitBreakerParams, v: number) => ({ ...p, rate: v }),
  durationS: (p: CircuitBreakerParams, v: number) => ({ ...p, durationS: v }),
  medianMs: (p: CircuitBreakerParams, v: number) => ({ ...p, medianMs: v }),
  p99Ms: (p: CircuitBreakerParams, v: number) => ({ ...p, p99Ms: v }),
  baseFailure: (p: CircuitBreakerParams, v: number) => ({ ...p, baseFailure: v }),
  timeoutMs: (p: CircuitBreakerParams, v: number) => ({ ...p, timeoutMs: v }),
  waitMs: (p: CircuitBreakerParams, v: number) => ({ ...p, breaker: { ...p.breaker, waitMs: v } }),
  trialCalls: (p: CircuitBreakerParams, v: number) => ({
    ...p,
    breaker: { ...p.breaker, trialCalls: v },
  }),
  slowCallMs: (p: CircuitBreakerParams, v: number) => ({
    ...p,
    breaker: { ...p.breaker, slowCallMs: v },
  }),
} as const;

const known = new Set(['type', 'preset', 'seed', 'id', ...Object.keys(numeric)]);

export type DirectiveResult =
  | { ok: true; presetName: PresetName; params: CircuitBreakerParams; seed: number }
  | { ok: false; problems: string[] };

export function fromDirective(attrs: Readonly<Record<string, string>>): DirectiveResult {
  const start = startDirective(attrs, known, presets, 'outage');
  if (!start.ok) return start;
  const { presetName, preset, seed, problems } = start;
  let params: CircuitBreakerParams = preset.params;
  for (const [key, apply] of Object.entries(numeric)) {
    const raw = attrs[key];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      problems.push(`${key} must be a number, not "${raw}"`);
    else params = apply(params, value);
  }
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(issue.message);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, presetName, params: parsed.data, seed };
}
