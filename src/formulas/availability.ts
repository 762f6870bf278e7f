/**
 * Availability arithmetic: probability basics (complement, conditional probability, the chain
 * rule), series and parallel systems, k-of-n redundancy, "nines" and downtime budgets, the
 * beta-factor model of common-cause failure, shared dependencies, and majority quorums (alone and
 * spread across failure domains).
 *
 * Every function checks its input and explains a problem in words instead of returning NaN or
 * Infinity. Where a result is a probability near 1, the complement is computed directly as well
 * (`unavailability`), so 1 − 0.99999015 never loses its digits to rounding.
 */

export type FormulaResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** An availability and its complement, each computed so that neither loses precision. */
export interface Availability {
  availability: number;
  unavailability: number;
}

const both = (availability: number, unavailability: number): Availability => ({
  availability,
  unavailability,
});

function probabilityProblem(name: string, x: number): string | null {
  return Number.isFinite(x) && x >= 0 && x <= 1
    ? null
    : `${name} must be a probability from 0 to 1 (such as 0.999 for 99.9 %), not ${String(x)}`;
}

function wholeProblem(name: string, x: number, min: number, max: number): string | null {
  if (!Number.isFinite(x) || !Number.isInteger(x)) return `${name} must be a whole number`;
  if (x < min) return `${name} must be at least ${min}`;
  if (x > max) return `${name} must be at most ${max}`;
  return null;
}

function listProblem(name: string, xs: readonly number[]): string | null {
  if (xs.length === 0) return `${name} needs at least one component`;
  for (const [i, x] of xs.entries()) {
    const problem = probabilityProblem(`${name}[${i}]`, x);
    if (problem) return problem;
  }
  return null;
}

/** The largest cluster or fleet the exact sums below accept. */
export const MAX_COMPONENTS = 1000;

// ——— Probability basics ———

/** P(not A) = 1 − P(A). */
export function complement(p: number): FormulaResult<number> {
  const problem = probabilityProblem('p', p);
  return problem ? fail(problem) : ok(1 - p);
}

/**
 * P(B | A) = P(A and B) / P(A). The joint probability cannot exceed P(A), and P(A) must be
 * above zero (a condition that never happens has no conditional probability).
 */
export function conditional(pJoint: number, pGiven: number): FormulaResult<number> {
  const problem = probabilityProblem('P(A and B)', pJoint) ?? probabilityProblem('P(A)', pGiven);
  if (problem) return fail(problem);
  if (pGiven === 0)
    return fail('P(A) is 0: there is no conditional probability given an event that never happens');
  if (pJoint > pGiven)
    return fail(
      `P(A and B) = ${pJoint} cannot exceed P(A) = ${pGiven}: both happening is a subset of A happening`,
    );
  return ok(pJoint / pGiven);
}

/**
 * The chain rule: P(A₁ and A₂ and … ) = P(A₁) · P(A₂ | A₁) · P(A₃ | A₁, A₂) · …
 * Each factor is a probability, so the product never exceeds the smallest of them.
 */
export function chain(factors: readonly number[]): FormulaResult<number> {
  const problem = listProblem('factor', factors);
  if (problem) return fail(problem);
  return ok(factors.reduce((product, p) => product * p, 1));
}

/**
 * How far two events are from independent: P(A and B) / (P(A) · P(B)). 1 means independent,
 * above 1 means they happen together more often than chance (correlated failure). The joint
 * probability must be possible for the two marginals (the Fréchet bounds).
 */
export function dependenceRatio(pJoint: number, pA: number, pB: number): FormulaResult<number> {
  const problem =
    probabilityProblem('P(A and B)', pJoint) ??
    probabilityProblem('P(A)', pA) ??
    probabilityProblem('P(B)', pB);
  if (problem) return fail(problem);
  if (pA === 0 || pB === 0) return fail('P(A) and P(B) must both be above 0');
  if (pJoint > Math.min(pA, pB))
    return fail(`P(A and B) = ${pJoint} cannot exceed the smaller of P(A) and P(B)`);
  if (pJoint < pA + pB - 1 - 1e-12)
    return fail(
      `P(A and B) = ${pJoint} is too small: A and B must overlap by at least P(A) + P(B) − 1`,
    );
  return ok(pJoint / (pA * pB));
}

// ——— Series, parallel, k-of-n ———

/**
 * Series: every component must be up, A = ∏ aᵢ (independent components). The complement is
 * computed as 1 − ∏(1 − uᵢ) through logarithms, so it keeps its digits when every uᵢ is tiny.
 */
export function series(availabilities: readonly number[]): FormulaResult<Availability> {
  const problem = listProblem('availability', availabilities);
  if (problem) return fail(problem);
  const availability = availabilities.reduce((product, a) => product * a, 1);
  // 1 − ∏ aᵢ = −expm1(Σ log1p(−uᵢ)), exact to rounding even for uᵢ ≈ 1e-9.
  const logSum = availabilities.reduce((sum, a) => sum + Math.log1p(-(1 - a)), 0);
  const unavailability = availabilities.some((a) => a === 0) ? 1 : 0 - Math.expm1(logSum);
  return ok(both(availability, unavailability));
}

/** Parallel (redundant): the system is down only when every copy is down, U = ∏ (1 − aᵢ). */
export function parallel(availabilities: readonly number[]): FormulaResult<Availability> {
  const problem = listProblem('availability', availabilities);
  if (problem) return fail(problem);
  const unavailability = availabilities.reduce((product, a) => product * (1 - a), 1);
  return ok(both(1 - unavailability, unavailability));
}

/** n choose i as a float, exact for the sizes used here. */
function binomial(n: number, i: number): number {
  let c = 1;
  const k = Math.min(i, n - i);
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

/** P(exactly i of n up), each up with probability p. */
function binomialTerm(n: number, i: number, p: number): number {
  if (p === 0) return i === 0 ? 1 : 0;
  if (p === 1) return i === n ? 1 : 0;
  return binomial(n, i) * Math.pow(p, i) * Math.pow(1 - p, n - i);
}

/**
 * k-of-n: the system is up when at least k of n identical, independent components are up, each
 * with availability p. A = Σ_{i=k..n} C(n,i) pⁱ (1−p)ⁿ⁻ⁱ; U is the sum of the other terms, added
 * up on its own so that it keeps its digits.
 */
export function kOfN(k: number, n: number, p: number): FormulaResult<Availability> {
  const problem =
    wholeProblem('n', n, 1, MAX_COMPONENTS) ??
    wholeProblem('k', k, 1, Number.isInteger(n) ? n : MAX_COMPONENTS) ??
    probabilityProblem('p', p);
  if (problem) return fail(problem);
  let availability = 0;
  let unavailability = 0;
  for (let i = 0; i <= n; i++) {
    const term = binomialTerm(n, i, p);
    if (i >= k) availability += term;
    else unavailability += term;
  }
  return ok(both(Math.min(1, availability), Math.min(1, unavailability)));
}

// ——— Nines and downtime ———

/** Lengths of the periods a downtime budget is quoted over, in seconds. */
export const PERIOD_SECONDS = {
  /** A mean Gregorian-ish year of 365.25 days (8,766 h). */
  year: 365.25 * 86_400,
  /** One twelfth of that year: 30.4375 days (730.5 h). */
  month: (365.25 / 12) * 86_400,
  /** A 30-day window, as many SLOs are measured. */
  '30days': 30 * 86_400,
  week: 7 * 86_400,
  day: 86_400,
} as const;

export type Period = keyof typeof PERIOD_SECONDS;
export const PERIODS = Object.keys(PERIOD_SECONDS) as Period[];

/** Seconds of downtime a given availability allows over a period: (1 − A) × period. */
export function downtimeSeconds(availability: number, period: Period): FormulaResult<number> {
  const problem = probabilityProblem('availability', availability);
  if (problem) return fail(problem);
  if (!(period in PERIOD_SECONDS)) return fail(`period must be one of ${PERIODS.join(', ')}`);
  return ok((1 - availability) * PERIOD_SECONDS[period]);
}

/** The same from an unavailability directly (keeps precision for tiny values). */
export function downtimeFromUnavailability(
  unavailability: number,
  period: Period,
): FormulaResult<number> {
  const problem = probabilityProblem('unavailability', unavailability);
  if (problem) return fail(problem);
  if (!(period in PERIOD_SECONDS)) return fail(`period must be one of ${PERIODS.join(', ')}`);
  return ok(unavailability * PERIOD_SECONDS[period]);
}

/** The availability that allows at most `seconds` of downtime per period. */
export function availabilityFromDowntime(seconds: number, period: Period): FormulaResult<number> {
  if (!(period in PERIOD_SECONDS)) return fail(`period must be one of ${PERIODS.join(', ')}`);
  const length = PERIOD_SECONDS[period];
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > length)
    return fail(
      `downtime must be between 0 and the whole ${period} (${length} s), not ${String(seconds)}`,
    );
  return ok(1 - seconds / length);
}

/** "Nines" → availability: 3 nines = 1 − 10⁻³ = 99.9 %. Fractional nines are allowed (3.5 ≈ 99.968 %). */
export function ninesToAvailability(nines: number): FormulaResult<number> {
  if (!Number.isFinite(nines) || nines < 0 || nines > 15)
    return fail(`nines must be a number from 0 to 15, not ${String(nines)}`);
  return ok(1 - Math.pow(10, -nines));
}

/** Availability → "nines": −log₁₀(1 − A). 99.95 % is about 3.3 nines. */
export function availabilityToNines(availability: number): FormulaResult<number> {
  const problem = probabilityProblem('availability', availability);
  if (problem) return fail(problem);
  if (availability === 1) return fail('an availability of exactly 100 % has infinitely many nines');
  return ok(-Math.log10(1 - availability));
}

// ——— Common-cause failure: the beta-factor model ———

export interface CommonCause extends Availability {
  /** P(all n copies are down at once): the redundant group's unavailability. */
  pAllDown: number;
  /** What independence would predict: qⁿ. */
  pIndependent: number;
  /** pAllDown / pIndependent: how much worse the truth is than the independence estimate. */
  ratio: number;
  /** The usual small-q approximation β·q + ((1 − β)·q)ⁿ. */
  pApprox: number;
  /** P(the common cause strikes) = β·q: the floor no number of copies gets below. */
  pCommon: number;
  /** P(one copy fails on its own, independently) = (1 − β)·q / (1 − β·q). */
  pOwn: number;
}

/**
 * The beta-factor model. Each of n identical copies is down with probability q. A share β of that
 * comes from a common cause C (a bad config push, a shared power feed, the same bug) that takes
 * every copy down at once: P(C) = β·q. The rest is each copy's own, independent trouble Iᵢ with
 * probability r, chosen so that every copy is still down with probability exactly q:
 * 1 − (1 − β·q)(1 − r) = q, so r = (1 − β)·q / (1 − β·q).
 *
 * Then P(all n down) = β·q + (1 − β·q)·rⁿ exactly, which for small q is about β·q + ((1 − β)·q)ⁿ.
 * β = 0 gives independence, qⁿ; β = 1 gives a single copy's q: redundancy buys nothing.
 */
export function commonCause(q: number, beta: number, n: number): FormulaResult<CommonCause> {
  const problem =
    probabilityProblem('q', q) ??
    probabilityProblem('β', beta) ??
    wholeProblem('n', n, 1, MAX_COMPONENTS);
  if (problem) return fail(problem);
  if (q === 0)
    return fail('q is 0: copies that never fail need no redundancy (and the ratio is undefined)');
  const pCommon = beta * q;
  const pOwn = pCommon === 1 ? 0 : ((1 - beta) * q) / (1 - pCommon);
  const pAllDown = pCommon + (1 - pCommon) * Math.pow(pOwn, n);
  const pIndependent = Math.pow(q, n);
  return ok({
    availability: 1 - pAllDown,
    unavailability: pAllDown,
    pAllDown,
    pIndependent,
    ratio: pAllDown / pIndependent,
    pApprox: pCommon + Math.pow((1 - beta) * q, n),
    pCommon,
    pOwn,
  });
}

/**
 * A redundant group behind one shared dependency (two "redundant" services on one DNS, one
 * database, one region): A = A_shared × (1 − (1 − a)ⁿ).
 */
export function sharedDependency(
  shared: number,
  each: number,
  n: number,
): FormulaResult<Availability> {
  const problem =
    probabilityProblem('the shared dependency’s availability', shared) ??
    probabilityProblem('each copy’s availability', each) ??
    wholeProblem('n', n, 1, MAX_COMPONENTS);
  if (problem) return fail(problem);
  const group = parallel(Array.from({ length: n }, () => each));
  if (!group.ok) return group;
  return series([shared, group.value.availability]);
}

// ——— Majority quorums ———

/** The smallest majority of n voters: ⌊n/2⌋ + 1. */
export function majority(n: number): FormulaResult<number> {
  const problem = wholeProblem('n', n, 1, MAX_COMPONENTS);
  return problem ? fail(problem) : ok(Math.floor(n / 2) + 1);
}

/** Failures a majority quorum of n survives: n − (⌊n/2⌋ + 1) = ⌊(n − 1)/2⌋. */
export function toleratedFailures(n: number): FormulaResult<number> {
  const m = majority(n);
  return m.ok ? ok(n - m.value) : m;
}

/** P(at least a majority of n independent nodes is up), each up with probability p. */
export function quorumAvailability(n: number, p: number): FormulaResult<Availability> {
  const m = majority(n);
  return m.ok ? kOfN(m.value, n, p) : m;
}

/** P(at least k of n up), as an array over every n from 0: the distribution of up nodes. */
function upDistribution(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => binomialTerm(n, i, p));
}

/** The largest number of failure domains the exact enumeration below accepts (2^20 states). */
export const MAX_DOMAINS = 20;

/**
 * A majority quorum spread over failure domains (racks, zones). `layout` lists how many nodes
 * sit in each domain (e.g. [3] for one zone, [1, 1, 1] for three zones, [2, 1] for two). Each
 * domain is up with probability `domainUp`, independently of the others; inside an up domain each
 * node is up with probability `nodeUp`, independently. The cluster is available when at least a
 * majority of all its nodes is up. Computed exactly by enumerating which domains are up.
 */
export function quorumAcrossDomains(
  layout: readonly number[],
  domainUp: number,
  nodeUp: number,
): FormulaResult<Availability> {
  if (layout.length === 0) return fail('the layout needs at least one failure domain');
  if (layout.length > MAX_DOMAINS) return fail(`at most ${MAX_DOMAINS} failure domains`);
  for (const [i, count] of layout.entries()) {
    const problem = wholeProblem(`nodes in domain ${i + 1}`, count, 1, MAX_COMPONENTS);
    if (problem) return fail(problem);
  }
  const problem = probabilityProblem('domainUp', domainUp) ?? probabilityProblem('nodeUp', nodeUp);
  if (problem) return fail(problem);
  const total = layout.reduce((sum, count) => sum + count, 0);
  if (total > MAX_COMPONENTS) return fail(`at most ${MAX_COMPONENTS} nodes in all`);
  const need = Math.floor(total / 2) + 1;

  let availability = 0;
  let unavailability = 0;
  const states = 1 << layout.length;
  for (let mask = 0; mask < states; mask++) {
    let pState = 1;
    let reachable = 0;
    for (const [i, count] of layout.entries()) {
      if (mask & (1 << i)) {
        pState *= domainUp;
        reachable += count;
      } else pState *= 1 - domainUp;
    }
    if (pState === 0) continue;
    const dist = upDistribution(reachable, nodeUp);
    for (const [up, p] of dist.entries()) {
      if (up >= need) availability += pState * p;
      else unavailability += pState * p;
    }
  }
  return ok(both(Math.min(1, availability), Math.min(1, unavailability)));
}

/** What the loss of one failure domain leaves a majority quorum with. */
export interface DomainLoss {
  /** Index of the lost domain in the layout, from 0. */
  domain: number;
  /** Nodes that went down with it. */
  lost: number;
  /** Nodes left in the other domains. */
  remaining: number;
  /** The majority of the whole configured cluster, ⌊n/2⌋ + 1. */
  majority: number;
  /** Whether the nodes left still hold that majority: 2 × lost < n. */
  keepsQuorum: boolean;
}

/**
 * For each failure domain of a placement, what losing that domain alone does to a majority
 * quorum of all the nodes: the nodes left and whether they still form a majority. A placement
 * survives every single-domain loss exactly when no domain holds half the nodes or more.
 */
export function quorumAfterDomainLoss(layout: readonly number[]): FormulaResult<DomainLoss[]> {
  if (layout.length === 0) return fail('the layout needs at least one failure domain');
  if (layout.length > MAX_DOMAINS) return fail(`at most ${MAX_DOMAINS} failure domains`);
  for (const [i, count] of layout.entries()) {
    const problem = wholeProblem(`nodes in domain ${i + 1}`, count, 1, MAX_COMPONENTS);
    if (problem) return fail(problem);
  }
  const total = layout.reduce((sum, count) => sum + count, 0);
  const m = majority(total);
  if (!m.ok) return m;
  return ok(
    layout.map((lost, domain) => ({
      domain,
      lost,
      remaining: total - lost,
      majority: m.value,
      keepsQuorum: total - lost >= m.value,
    })),
  );
}
