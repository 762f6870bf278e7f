/**
 * Closed forms for the sketches: count-min dimensions from ε and δ, and HyperLogLog's constants
 * and standard error. Every function checks its input and explains a problem in words.
 */
import { fail, ok, probability, whole } from '../../formulas/theoryResult.ts';
import type { TheoryResult } from '../../formulas/theoryResult.ts';

export type { TheoryResult };

// ——— Count-min sketch ———

export interface CountMinDimensions {
  /** w = ⌈e/ε⌉ counters per row. */
  width: number;
  /** d = ⌈ln(1/δ)⌉ rows. */
  depth: number;
  counters: number;
  /** With 32-bit counters. */
  bytes: number;
}

/**
 * Count-min dimensions (Cormode & Muthukrishnan, 2005): with w = ⌈e/ε⌉ and d = ⌈ln(1/δ)⌉, an
 * item's estimate is never below its true count and exceeds it by more than εN (N the stream's
 * total) with probability at most δ.
 */
export function countMinDimensions(
  epsilon: number,
  delta: number,
): TheoryResult<CountMinDimensions> {
  const bad =
    probability('The error ε (a share of the stream)', epsilon) ??
    probability('The failure probability δ', delta);
  if (bad) return fail(bad);
  const width = Math.ceil(Math.E / epsilon);
  const depth = Math.max(1, Math.ceil(Math.log(1 / delta)));
  if (width * depth > 1e9)
    return fail('That sketch needs over a billion counters; ask for a larger ε');
  return ok({ width, depth, counters: width * depth, bytes: width * depth * 4 });
}

// ——— HyperLogLog ———

export const HLL_MIN_PRECISION = 4;
export const HLL_MAX_PRECISION = 16;

/**
 * The bias constant α_m of HyperLogLog (Flajolet, Fusy, Gandouet & Meunier, 2007): the paper's
 * table for m = 16, 32, 64 and 0.7213/(1 + 1.079/m) from 128 on. Leaving it out, as the source
 * material does, inflates every estimate by 1/α ≈ 1.39.
 */
export function hllAlpha(m: number): number {
  if (m <= 16) return 0.673;
  if (m <= 32) return 0.697;
  if (m <= 64) return 0.709;
  return 0.7213 / (1 + 1.079 / m);
}

export interface HllParameters {
  precision: number;
  /** m = 2^precision registers. */
  m: number;
  alpha: number;
  /** Relative standard error 1.04/√m. */
  standardError: number;
  /** One byte per register as implemented here (6 bits suffice when packed). */
  bytes: number;
}

export function hllParameters(precision: number): TheoryResult<HllParameters> {
  const bad = whole('The precision p', precision, HLL_MIN_PRECISION, HLL_MAX_PRECISION);
  if (bad) return fail(bad);
  const m = 2 ** precision;
  return ok({ precision, m, alpha: hllAlpha(m), standardError: 1.04 / Math.sqrt(m), bytes: m });
}
