import { createRng, standardNormal } from '../sim/rng.ts';

/**
 * Canary statistics: the standard normal distribution, the pooled two-proportion z-test, the
 * sample size per arm to detect a change in error rate, Beta posteriors for each arm's error rate
 * (with the regularised incomplete beta function and its inverse), P(canary worse than baseline),
 * and a seeded simulation of how peeking at a test many times inflates false alarms.
 *
 * Every function checks its input and explains a problem in words instead of returning NaN.
 */

export type CanaryResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

// ——— Special functions ———

// Numerical Recipes (3rd edition) gammln: a Lanczos-type series with g = 671/128 and 14 terms.
const GAMMA_COF = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];

/** ln Γ(x) for x > 0, to about 15 significant digits. */
export function lnGamma(x: number): number {
  let y = x;
  const t = x + 5.2421875;
  const head = (x + 0.5) * Math.log(t) - t;
  let series = 0.9999999999999971;
  for (const c of GAMMA_COF) series += c / ++y;
  return head + Math.log((2.5066282746310007 * series) / x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * erfc(x) for x ≥ 0: a series of positive terms below 2.5 (no cancellation inside the sum), a
 * continued fraction above it (where the series would need many terms).
 */
function erfcNonNegative(x: number): number {
  if (x < 2.5) {
    // erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    d = x + an * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Φ(z) = P(Z ≤ z) for a standard normal Z, to about 15 digits (relative, in both tails). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const tail = 0.5 * erfcNonNegative(x);
  return z < 0 ? tail : 1 - tail;
}

/** P(Z > z), accurate in the far upper tail where 1 − Φ(z) would round to 0. */
export function normalUpperTail(z: number): number {
  return normalCdf(-z);
}

/**
 * z such that Φ(z) = p: Acklam's rational approximation (relative error about 1e-9), then two
 * Halley steps on the accurate Φ above, which take it to full double precision.
 */
export function normalQuantile(p: number): CanaryResult<number> {
  if (!(Number.isFinite(p) && p > 0 && p < 1))
    return fail('The probability must be strictly between 0 and 1 (such as 0.975)');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  for (let i = 0; i < 2; i++) {
    // Work in the tail nearer to x so the error e keeps its digits.
    const e = x < 0 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return ok(x);
}

/** The continued fraction for I_x(a, b) (Numerical Recipes' betacf), by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** I_x(a, b), unchecked: callers pass 0 ≤ x ≤ 1 and a, b > 0. */
function regIncBetaUnchecked(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b));
  // The fraction converges fast on the side of the mean nearer to x; use symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function checkShape(a: number, b: number): string | null {
  return Number.isFinite(a) && Number.isFinite(b) && a > 0 && b > 0
    ? null
    : 'The Beta parameters a and b must be positive numbers';
}

/** The regularised incomplete beta function I_x(a, b): the CDF of Beta(a, b) at x. */
export function regIncBeta(x: number, a: number, b: number): CanaryResult<number> {
  const problem =
    checkShape(a, b) ??
    (Number.isFinite(x) && x >= 0 && x <= 1 ? null : 'x must be between 0 and 1');
  return problem ? fail(problem) : ok(regIncBetaUnchecked(x, a, b));
}

/** x with I_x(a, b) = p, unchecked: bisection to the last bit (I is increasing in x). */
function betaQuantileUnchecked(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (regIncBetaUnchecked(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The inverse of I_x(a, b) in x: the p-quantile of Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): CanaryResult<number> {
  const problem =
    checkShape(a, b) ??
    (Number.isFinite(p) && p > 0 && p < 1 ? null : 'p must be strictly between 0 and 1');
  return problem ? fail(problem) : ok(betaQuantileUnchecked(p, a, b));
}

// ——— The two-proportion z-test ———

function checkCounts(name: string, errors: number, requests: number): string | null {
  if (!Number.isInteger(requests) || requests < 1)
    return `The ${name} must have a whole number of requests, at least 1`;
  if (!Number.isInteger(errors) || errors < 0 || errors > requests)
    return `The ${name}'s errors must be a whole number from 0 to its requests`;
  return null;
}

export interface ZTest {
  baselineRate: number;
  canaryRate: number;
  /** Both arms' errors over both arms' requests: the common rate if nothing changed. */
  pooledRate: number;
  /** √(p̂(1 − p̂)(1/n_b + 1/n_c)) with the pooled p̂. */
  standardError: number;
  /** (canary rate − baseline rate) / standard error: positive when the canary looks worse. */
  z: number;
  /** P(|Z| ≥ |z|): a change in either direction. */
  pTwoSided: number;
  /** P(Z ≥ z): evidence that the canary is worse. */
  pCanaryWorse: number;
}

/**
 * The pooled two-proportion z-test of the canary's error rate against the baseline's. The same
 * statistic as statsmodels' `proportions_ztest` (which lives in statsmodels, not SciPy) with the
 * arms in the order [canary, baseline].
 */
export function twoProportionZTest(
  baselineErrors: number,
  baselineRequests: number,
  canaryErrors: number,
  canaryRequests: number,
): CanaryResult<ZTest> {
  const problem =
    checkCounts('baseline', baselineErrors, baselineRequests) ??
    checkCounts('canary', canaryErrors, canaryRequests);
  if (problem) return fail(problem);
  const baselineRate = baselineErrors / baselineRequests;
  const canaryRate = canaryErrors / canaryRequests;
  const pooledRate = (baselineErrors + canaryErrors) / (baselineRequests + canaryRequests);
  if (pooledRate === 0 || pooledRate === 1)
    return fail(
      pooledRate === 0
        ? 'Neither arm has any errors, so there is no variation to test: the z-test needs at least one error'
        : 'Every request in both arms failed, so there is no variation to test',
    );
  const standardError = Math.sqrt(
    pooledRate * (1 - pooledRate) * (1 / baselineRequests + 1 / canaryRequests),
  );
  const z = (canaryRate - baselineRate) / standardError;
  return ok({
    baselineRate,
    canaryRate,
    pooledRate,
    standardError,
    z,
    pTwoSided: Math.min(1, 2 * normalUpperTail(Math.abs(z))),
    pCanaryWorse: normalUpperTail(z),
  });
}

// ——— Sample size ———

export interface SampleSize {
  /** Requests needed in each arm, rounded up. */
  perArm: number;
  /** Before rounding. */
  exact: number;
  zAlpha: number;
  zPower: number;
}

/**
 * Requests per arm (equal arms) for a test at significance `alpha` to detect a change in error
 * rate from `p0` to `p1` with probability `power`, by the normal approximation:
 * n = [z_α·√(2p̄(1 − p̄)) + z_β·√(p0(1 − p0) + p1(1 − p1))]² / (p1 − p0)², with p̄ = (p0 + p1)/2
 * and z_α = z_(1−α/2) two-sided or z_(1−α) one-sided.
 */
export function sampleSizePerArm(
  p0: number,
  p1: number,
  alpha = 0.05,
  power = 0.8,
  sides: 1 | 2 = 2,
): CanaryResult<SampleSize> {
  const rate = (x: number) => Number.isFinite(x) && x > 0 && x < 1;
  if (!rate(p0) || !rate(p1))
    return fail('Both error rates must be strictly between 0 and 1 (such as 0.001 for 0.1 %)');
  if (p0 === p1) return fail('The two error rates are equal: there is no change to detect');
  if (!(alpha > 0 && alpha < 0.5)) return fail('alpha must be between 0 and 0.5 (such as 0.05)');
  if (!(power > 0.5 && power < 1)) return fail('The power must be between 0.5 and 1 (such as 0.8)');
  const zAlpha = normalQuantile(1 - alpha / sides);
  const zPower = normalQuantile(power);
  if (!zAlpha.ok) return zAlpha;
  if (!zPower.ok) return zPower;
  const pBar = (p0 + p1) / 2;
  const numerator =
    zAlpha.value * Math.sqrt(2 * pBar * (1 - pBar)) +
    zPower.value * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
  const exact = numerator ** 2 / (p1 - p0) ** 2;
  return ok({ perArm: Math.ceil(exact - 1e-9), exact, zAlpha: zAlpha.value, zPower: zPower.value });
}

// ——— Beta posteriors ———

export interface Posterior {
  /** Beta(a, b) = Beta(1 + errors, 1 + successes): a uniform prior updated by the counts. */
  a: number;
  b: number;
  mean: number;
  /** The equal-tailed credible interval at `level`. */
  low: number;
  high: number;
}

/** The posterior for an error rate from `errors` in `requests`, with a uniform Beta(1, 1) prior. */
export function betaPosterior(
  errors: number,
  requests: number,
  level = 0.95,
): CanaryResult<Posterior> {
  const problem =
    checkCounts('arm', errors, requests) ??
    (level > 0 && level < 1 ? null : 'The credible level must be between 0 and 1 (such as 0.95)');
  if (problem) return fail(problem);
  const a = 1 + errors;
  const b = 1 + requests - errors;
  const tail = (1 - level) / 2;
  return ok({
    a,
    b,
    mean: a / (a + b),
    low: betaQuantileUnchecked(tail, a, b),
    high: betaQuantileUnchecked(1 - tail, a, b),
  });
}

/**
 * P(X > Y) for independent X ~ Beta(aX, bX), Y ~ Beta(aY, bY), by numerical integration:
 * ∫ f_X(x)·I_x(aY, bY) dx with Simpson's rule over X's central 1 − 2·10⁻¹² of mass.
 */
export function probGreater(aX: number, bX: number, aY: number, bY: number): number {
  const lo = betaQuantileUnchecked(1e-12, aX, bX);
  const hi = betaQuantileUnchecked(1 - 1e-12, aX, bX);
  const intervals = 4000;
  const h = (hi - lo) / intervals;
  const logNorm = lnBeta(aX, bX);
  const integrand = (x: number) =>
    x <= 0 || x >= 1
      ? 0
      : Math.exp((aX - 1) * Math.log(x) + (bX - 1) * Math.log1p(-x) - logNorm) *
        regIncBetaUnchecked(x, aY, bY);
  let sum = integrand(lo) + integrand(hi);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * integrand(lo + i * h);
  return Math.min(1, Math.max(0, (sum * h) / 3));
}

/**
 * The same probability in closed form when aX is a whole number (Evan Miller's formula for Bayesian
 * A/B tests): P(X > Y) = Σ_{i=0}^{aX−1} B(aY + i, bY + bX) / ((bX + i)·B(1 + i, bX)·B(aY, bY)).
 * Used to check the integration.
 */
export function probGreaterExact(aX: number, bX: number, aY: number, bY: number): number {
  let total = 0;
  for (let i = 0; i < aX; i++)
    total += Math.exp(
      lnBeta(aY + i, bY + bX) - Math.log(bX + i) - lnBeta(1 + i, bX) - lnBeta(aY, bY),
    );
  return Math.min(1, Math.max(0, total));
}

export interface CanaryVerdict {
  baseline: Posterior;
  canary: Posterior;
  /** P(canary's true error rate > baseline's), given the data and uniform priors. */
  pCanaryWorse: number;
}

/** Both posteriors and P(canary worse than baseline). */
export function bayesianCanary(
  baselineErrors: number,
  baselineRequests: number,
  canaryErrors: number,
  canaryRequests: number,
): CanaryResult<CanaryVerdict> {
  const baseline = betaPosterior(baselineErrors, baselineRequests);
  if (!baseline.ok) return fail(baseline.reason.replace('arm', 'baseline'));
  const canary = betaPosterior(canaryErrors, canaryRequests);
  if (!canary.ok) return fail(canary.reason.replace('arm', 'canary'));
  const b = baseline.value;
  const c = canary.value;
  return ok({ baseline: b, canary: c, pCanaryWorse: probGreater(c.a, c.b, b.a, b.b) });
}

// ——— Peeking ———

/**
 * The false-alarm rate when a test at two-sided significance `alpha` is checked `looks` times, at
 * equal steps, as data accumulate, and the alarm fires at the first look that crosses: a seeded
 * simulation of the cumulative z statistic under "no change" (each look adds an independent
 * normal increment; z at look k is the running sum over √k).
 */
export function peekingFalseAlarm(
  looks: number,
  alpha = 0.05,
  runs = 200_000,
  seed = 1,
): CanaryResult<number> {
  if (!Number.isInteger(looks) || looks < 1 || looks > 1000)
    return fail('The number of looks must be a whole number from 1 to 1,000');
  if (!(alpha > 0 && alpha < 1)) return fail('alpha must be between 0 and 1 (such as 0.05)');
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000)
    return fail('The number of runs must be a whole number from 1 to 10,000,000');
  const critical = normalQuantile(1 - alpha / 2);
  if (!critical.ok) return critical;
  const rng = createRng(seed);
  let alarms = 0;
  for (let r = 0; r < runs; r++) {
    let sum = 0;
    for (let k = 1; k <= looks; k++) {
      sum += standardNormal(rng);
      if (Math.abs(sum) / Math.sqrt(k) > critical.value) {
        alarms++;
        // Keep every run drawing the same number of values so runs stay aligned across looks.
        for (let rest = k + 1; rest <= looks; rest++) standardNormal(rng);
        break;
      }
    }
  }
  return ok(alarms / runs);
}
