/**
 * The result type the closed forms share: a value, or the reason in words why there is none.
 * Every function that returns it checks its input instead of returning NaN or Infinity.
 */

export type TheoryResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** 1 − e^x, with full precision near x = 0 (and +0 rather than −0 there). */
export const oneMinusExp = (x: number): number => 0 - Math.expm1(x);

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function whole(name: string, x: number, min: number, max = MAX_SAFE): string | null {
  if (!Number.isFinite(x) || !Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min) return `${name} must be at least ${min.toLocaleString('en')}`;
  if (x > max) return `${name} must be at most ${max.toLocaleString('en')}`;
  return null;
}

export function probability(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 && x < 1
    ? null
    : `${name} must be a probability strictly between 0 and 1 (such as 0.01 for 1 %)`;
}
