/**
 * The birthday bound for random IDs: the chance of a collision among n IDs, the IDs needed for a
 * given chance, the expected draws to the first collision, and "millisecond timestamp + random"
 * IDs from many machines. Shared by the birthday calculator widget and the lessons' numbers.
 */
import { fail, ok, oneMinusExp, probability, whole } from './theoryResult.ts';
import type { TheoryResult } from './theoryResult.ts';

const LN2 = Math.LN2;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export type { TheoryResult };

// ——— Birthday bound ———

/** n IDs drawn uniformly from 2^bits values, or from `values` values (365 for birthdays). */
export type IdSpace = { bits: number } | { values: number };

export const MAX_ID_BITS = 128;
const MAX_VALUES = 2 ** MAX_ID_BITS;

/** The number of possible IDs, d. */
export function idSpaceSize(space: IdSpace): TheoryResult<number> {
  if ('bits' in space) {
    const b = space.bits;
    if (!Number.isFinite(b) || !Number.isInteger(b) || b < 1)
      return fail('The ID size b must be a whole number of bits, at least 1');
    if (b > MAX_ID_BITS)
      return fail(
        `The ID size b must be at most ${MAX_ID_BITS} bits (a UUIDv4 has 122 random bits), not ${b}`,
      );
    return ok(2 ** b);
  }
  const d = space.values;
  if (!Number.isFinite(d) || !Number.isInteger(d) || d < 1)
    return fail('The number of possible IDs d must be a whole number, at least 1');
  if (d > MAX_VALUES) return fail('The number of possible IDs d must be at most 2^128');
  return ok(d);
}

/** Below this many IDs, P(no collision) is the product itself, summed term by term in log space. */
export const EXACT_TERMS = 100_000;
/** n/d at or below which the power series of ln P(no collision) is exact to double precision. */
const SERIES_MAX_RATIO = 1e-3;
/** Past this, P(no collision) < e^−746 is below the smallest double. */
const UNDERFLOW = 746;

export type BirthdayMethod = 'exact' | 'series' | 'underflow' | 'pigeonhole';

/**
 * ln P(no collision among n draws from d) = Σ_{i<n} ln(1 − i/d), and how it was computed:
 *
 * - 'pigeonhole': n > d, a collision is certain.
 * - 'underflow': ln P ≤ −n(n−1)/(2d) < −746 (each ln(1 − x) ≤ −x), so P(no collision) is below
 *   the smallest double; a collision is certain to double precision.
 * - 'exact': the sum itself with log1p (compensated), for n ≤ EXACT_TERMS or n/d > 10^−3 (where
 *   the underflow test bounds n below 1.5 million).
 * - 'series': −Σ_j S_j(n)/(j·d^j) with S_j(n) = Σ_{i<n} i^j for j = 1…4 (Faulhaber). The first
 *   term is the familiar n(n−1)/(2d); with n/d ≤ 10^−3 the next terms shrink by that ratio each,
 *   so four are exact to double precision. This is what works for d = 2^122 and n = 10^18.
 */
function logNoCollision(n: number, d: number): { log: number; method: BirthdayMethod } {
  if (n > d) return { log: Number.NEGATIVE_INFINITY, method: 'pigeonhole' };
  const a = n / d;
  const b = (n - 1) / d;
  const first = (n * b) / 2;
  if (first > UNDERFLOW) return { log: Number.NEGATIVE_INFINITY, method: 'underflow' };
  if (n <= EXACT_TERMS || a > SERIES_MAX_RATIO) {
    let sum = 0;
    let carry = 0;
    for (let i = 1; i < n; i++) {
      const term = Math.log1p(-i / d);
      const t = sum + term;
      carry += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
    }
    return { log: sum + carry, method: 'exact' };
  }
  const second = (n * b * (a + b)) / 12;
  const third = (n * a * b * b) / 12;
  const fourth = (n * b * (a + b) * (3 * a * b - 1 / (d * d))) / 120;
  return { log: -(first + second + third + fourth), method: 'series' };
}

export interface BirthdayProbability {
  n: number;
  d: number;
  /** P(at least two of the n IDs are equal). */
  p: number;
  /** P(all different) = 1 − p, computed on its own so neither loses digits to the other. */
  pNone: number;
  method: BirthdayMethod;
}

function birthdayAt(n: number, d: number): BirthdayProbability {
  const { log, method } = logNoCollision(n, d);
  return { n, d, p: oneMinusExp(log), pNone: Math.exp(log), method };
}

function idCount(n: number): string | null {
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 1)
    return 'The number of IDs n must be a whole number, at least 1';
  return n > MAX_VALUES ? 'The number of IDs n must be at most 2^128' : null;
}

/** Exact P(collision) for n IDs drawn uniformly from the space (see logNoCollision for how). */
export function birthdayProbability(n: number, space: IdSpace): TheoryResult<BirthdayProbability> {
  const d = idSpaceSize(space);
  if (!d.ok) return d;
  const bad = idCount(n);
  return bad ? fail(bad) : ok(birthdayAt(n, d.value));
}

/** The textbook approximation 1 − e^(−n(n−1)/(2d)), by expm1 so tiny probabilities keep their digits. */
export function birthdayApproximation(n: number, space: IdSpace): TheoryResult<number> {
  const d = idSpaceSize(space);
  if (!d.ok) return d;
  const bad = idCount(n);
  return bad ? fail(bad) : ok(oneMinusExp((-n * ((n - 1) / d.value)) / 2));
}

export interface BirthdayThreshold {
  /** The smallest n with P(collision) ≥ target. */
  n: number;
  /** P at n and at n − 1, either side of the target. */
  p: number;
  pBefore: number;
  /**
   * True when one more ID changes P by less than double precision can show (n beyond about
   * 10^13): n is then right to about 13 significant digits rather than to the unit.
   */
  approximate: boolean;
}

/** The smallest number of IDs whose P(collision) reaches `target` (0.5, or 1e-6 for one in a million). */
export function birthdaySmallestN(space: IdSpace, target: number): TheoryResult<BirthdayThreshold> {
  const size = idSpaceSize(space);
  if (!size.ok) return size;
  const bad = probability('The target probability', target);
  if (bad) return fail(bad);
  const d = size.value;
  const answer = (n: number): TheoryResult<BirthdayThreshold> => {
    const p = birthdayAt(n, d).p;
    const pBefore = birthdayAt(n - 1, d).p;
    return ok({ n, p, pBefore, approximate: n > MAX_SAFE || p - pBefore < p * 1e-13 });
  };
  // Small answers: one pass, adding a person at a time (the product form itself).
  let log = 0;
  for (let n = 2; n <= EXACT_TERMS; n++) {
    log += Math.log1p(-(n - 1) / d);
    if (oneMinusExp(log) >= target) return answer(n);
  }
  // Large answers: bisection around the approximation's n(n−1)/(2d) = −ln(1 − target).
  const guess = Math.sqrt(-2 * d * Math.log1p(-target));
  let lo = Math.max(EXACT_TERMS, Math.floor(guess / 2));
  let hi = Math.max(lo + 1, Math.ceil(guess * 2));
  if (birthdayAt(lo, d).p >= target) lo = EXACT_TERMS;
  while (birthdayAt(hi, d).p < target) hi *= 2;
  while (hi - lo > 1 && hi - lo > hi * Number.EPSILON) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (birthdayAt(mid, d).p >= target) hi = mid;
    else lo = mid;
  }
  return answer(hi);
}

/**
 * The expected number of draws up to and including the first repeat, 1 + Q(d) with Ramanujan's
 * Q(d) = Σ_{k≥1} d!/((d−k)!·d^k): summed exactly while √d is modest, else its asymptotic series
 * √(πd/2) − 1/3 + (1/12)·√(π/(2d)) − 4/(135d) (error below 10^−12 there). 24.6 for birthdays.
 */
export function birthdayExpectedDraws(space: IdSpace): TheoryResult<number> {
  const size = idSpaceSize(space);
  if (!size.ok) return size;
  const d = size.value;
  if (d <= 1e10) {
    // Σ_{n≥0} P(no collision among n), the terms falling below 1e-18 of the total.
    let sum = 2; // n = 0 and n = 1
    let none = 1;
    for (let n = 1; n < d; n++) {
      none *= 1 - n / d;
      sum += none;
      if (none < sum * 1e-18) break;
    }
    return ok(sum);
  }
  const q =
    Math.sqrt((Math.PI * d) / 2) - 1 / 3 + Math.sqrt(Math.PI / (2 * d)) / 12 - 4 / (135 * d);
  return ok(1 + q);
}

// ——— "Millisecond timestamp + random(0…R−1)" IDs from many machines ———

export interface TimestampIdInput {
  machines: number;
  /** IDs per second from each machine, at random times (a Poisson process). */
  idsPerSecond: number;
  /** How many values the random part takes: 1000 for random(0..999). */
  randomValues: number;
  /** The window to ask about, seconds (86,400 for a day). */
  windowS: number;
}

export interface TimestampIdCollision {
  /** Mean IDs stamped with the same millisecond, λ. */
  perMs: number;
  /** P(some two IDs of one millisecond share the random part), over the Poisson count. */
  pPerMs: number;
  /** Milliseconds until the first collision are geometric: mean 1/pPerMs. */
  expectedMsToFirst: number;
  /** Half of all runs have collided by this many milliseconds. */
  medianMsToFirst: number;
  /** P(at least one collision within the window). */
  pWithinWindow: number;
}

/**
 * IDs made of a millisecond timestamp and a random number from R values collide only within one
 * millisecond, so each millisecond is its own birthday problem with a Poisson(λ) number of
 * people: q = Σ_k P(K = k)·P(collision among k of R). Over a window of t ms,
 * P = 1 − (1 − q)^t. While λ is small q is summed from its positive terms (no cancellation);
 * when λ reaches past R, as 1 − Σ_{k≤R} P(K = k)·P(no collision among k).
 */
export function timestampIdCollision(input: TimestampIdInput): TheoryResult<TimestampIdCollision> {
  const { machines, idsPerSecond, randomValues: R, windowS } = input;
  const bad =
    whole('The number of machines', machines, 1, 1_000_000) ??
    (Number.isFinite(idsPerSecond) && idsPerSecond > 0 && idsPerSecond <= 1e7
      ? null
      : 'IDs per second per machine must be above 0 and at most 10,000,000') ??
    whole('The number of random values', R, 1, 1e9) ??
    (Number.isFinite(windowS) && windowS > 0 && windowS <= 1e10
      ? null
      : 'The window must be above 0 and at most 10,000,000,000 seconds');
  if (bad) return fail(bad);
  const lambda = (machines * idsPerSecond) / 1000;
  if (lambda > 1e7)
    return fail('That is over 10 million IDs a millisecond; ask about fewer machines or IDs');
  const lnLambda = Math.log(lambda);
  const end = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 40); // P(K > end) < 1e-30
  let logPois = -lambda; // ln P(K = 0)
  let logNone = 0; // ln P(no collision among k)
  let collide = 0; // Σ P(K = k)·P(collision | k), k ≤ min(end, R)
  let survive = 0; // Σ P(K = k)·P(no collision | k)
  const last = Math.min(end, R);
  for (let k = 0; k <= last; k++) {
    if (k > 0) {
      logPois += lnLambda - Math.log(k);
      logNone += Math.log1p(-(k - 1) / R);
    }
    collide += Math.exp(logPois) * oneMinusExp(logNone);
    survive += Math.exp(logPois + logNone);
  }
  let q: number;
  if (end <= R) q = collide;
  else if (end - R <= 1_000_000) {
    // Every millisecond with more than R IDs collides: add P(K > R) term by term.
    let tail = 0;
    for (let k = R + 1; k <= end; k++) {
      logPois += lnLambda - Math.log(k);
      tail += Math.exp(logPois);
    }
    q = collide + tail;
  } else q = 1 - survive;
  q = Math.min(1, Math.max(0, q));
  if (q === 0)
    return fail('A collision is too unlikely to compute here: below 1 in 10^300 a millisecond');
  const perMsLog = Math.log1p(-q); // −Infinity when q = 1
  const windowMs = windowS * 1000;
  return ok({
    perMs: lambda,
    pPerMs: q,
    expectedMsToFirst: 1 / q,
    medianMsToFirst: q === 1 ? 1 : Math.max(1, Math.ceil(-LN2 / perMsLog)),
    pWithinWindow: q === 1 ? 1 : oneMinusExp(windowMs * perMsLog),
  });
}
