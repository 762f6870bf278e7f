/**
 * Timing arithmetic of leader election (Raft-style randomised timeouts). Safety never depends on
 * these numbers; they say how long a cluster that still holds a majority goes without a leader.
 */
import type { FormulaResult } from './availability.ts';

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** The most followers (and timeout steps) the exact sum below accepts. */
export const MAX_TIMEOUT_STEPS = 10_000;

/**
 * The expected smallest of `followers` independent election timeouts, each a whole number of
 * steps drawn uniformly from `min` to `max` inclusive:
 * E[min] = min + Σ_{k=1}^{w−1} ((w − k)/w)^m, with w = max − min + 1 and m followers,
 * because E[X] = min + Σ_{k ≥ 1} P(X ≥ min + k) and P(every draw ≥ min + k) = ((w − k)/w)^m.
 */
export function expectedFirstTimeout(
  min: number,
  max: number,
  followers: number,
): FormulaResult<number> {
  for (const [name, x] of [
    ['The shortest timeout', min],
    ['The longest timeout', max],
    ['The number of followers', followers],
  ] as const) {
    if (!Number.isInteger(x)) return fail(`${name} must be a whole number, not ${String(x)}`);
    if (x < 1 || x > MAX_TIMEOUT_STEPS)
      return fail(`${name} must be from 1 to ${MAX_TIMEOUT_STEPS.toLocaleString('en')}`);
  }
  if (max < min) return fail(`The longest timeout (${max}) must be at least the shortest (${min})`);
  const w = max - min + 1;
  let sum = min;
  for (let k = 1; k < w; k++) sum += ((w - k) / w) ** followers;
  return ok(sum);
}
