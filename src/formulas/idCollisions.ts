import {
  birthdayApproximation,
  birthdayProbability,
  idSpaceSize,
  MAX_ID_BITS,
} from './birthday.ts';
import type { IdSpace, TheoryResult } from './birthday.ts';

/**
 * The birthday bound's rules of thumb for the ID-collision lesson. The exact probability, the
 * smallest n for a given chance, the expected draws to the first repeat and the timestamp+random
 * scheme already live in the Bloom widget's theory (src/widgets/bloom/theory.ts) and are reused
 * here, never copied: this module adds only the shortcuts people use in design reviews, so the
 * lesson can set each beside the exact answer.
 */

export type { IdSpace, TheoryResult };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

function idCount(n: number): string | null {
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 1)
    return 'The number of IDs n must be a whole number, at least 1';
  return n > 2 ** MAX_ID_BITS ? 'The number of IDs n must be at most 2^128' : null;
}

function target(p: number): string | null {
  return Number.isFinite(p) && p > 0 && p < 1
    ? null
    : 'The target probability must be strictly between 0 and 1 (such as 0.5 for even odds)';
}

/**
 * The two textbook approximations of P(collision):
 * - 'pairs': 1 − e^(−n(n−1)/(2d)), one factor e^(−1/d) per pair (the Bloom widget's own);
 * - 'square': 1 − e^(−n²/(2d)), the shorthand most people quote.
 * Both use expm1 so that tiny probabilities keep their digits.
 */
export function approximateCollision(
  n: number,
  space: IdSpace,
  form: 'pairs' | 'square',
): TheoryResult<number> {
  if (form === 'pairs') return birthdayApproximation(n, space);
  const d = idSpaceSize(space);
  if (!d.ok) return d;
  const bad = idCount(n);
  if (bad) return fail(bad);
  return ok(0 - Math.expm1(-((n / d.value) * n) / 2));
}

/** √(−2·ln(1 − p)): the square-root rule's factor. √(2 ln 2) ≈ 1.1774 for even odds. */
export function rootRuleFactor(p: number): TheoryResult<number> {
  const bad = target(p);
  return bad ? fail(bad) : ok(Math.sqrt(-2 * Math.log1p(-p)));
}

/**
 * The square-root rule: about √(−2d·ln(1 − p)) IDs give a collision with probability p,
 * so 1.1774·√d for even odds. It solves 1 − e^(−n²/(2d)) = p for n; not rounded.
 */
export function rootRule(space: IdSpace, p: number): TheoryResult<number> {
  const d = idSpaceSize(space);
  if (!d.ok) return d;
  const factor = rootRuleFactor(p);
  if (!factor.ok) return factor;
  return ok(factor.value * Math.sqrt(d.value));
}

/**
 * The expected number of colliding pairs among n IDs, C(n, 2)/d = n(n−1)/(2d): exact for any
 * n (linearity of expectation, each of the C(n, 2) pairs matching with probability 1/d). While it
 * is small it is also a close upper bound on P(collision); past 1 it counts duplicates to expect.
 */
export function expectedPairs(n: number, space: IdSpace): TheoryResult<number> {
  const d = idSpaceSize(space);
  if (!d.ok) return d;
  const bad = idCount(n);
  if (bad) return fail(bad);
  return ok(n * ((n - 1) / d.value / 2));
}

/**
 * The fewest random bits b (d = 2^b) that keep the exact P(collision among n IDs) at or below
 * `p`; a fail when even 128 bits do not.
 */
export function bitsNeeded(n: number, p: number): TheoryResult<number> {
  const bad = idCount(n) ?? target(p);
  if (bad) return fail(bad);
  for (let bits = 1; bits <= MAX_ID_BITS; bits++) {
    const r = birthdayProbability(n, { bits });
    if (r.ok && r.value.p <= p) return ok(bits);
  }
  return fail(`Even ${MAX_ID_BITS} random bits leave P(collision) above ${p} for ${n} IDs`);
}
