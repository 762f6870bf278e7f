/**
 * Closed forms the circuit-breaker lesson and widget state, each checked in theory.test.ts
 * against exact values.
 */

/** P(a given run of n calls all fail) with independent failure probability p. */
export function pConsecutiveFailures(p: number, n: number): number {
  return p ** n;
}

function logPmf(n: number, x: number, p: number): number {
  let log = 0;
  for (let i = 0; i < x; i++) log += Math.log((n - i) / (x - i));
  return log + x * Math.log(p) + (n - x) * Math.log1p(-p);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p). Sums whichever side of the distribution is smaller (the
 * upper tail, or the lower part subtracted from 1), stepping with the pmf ratio, so both
 * tiny tails and tails near 1 keep their precision.
 */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const ratio = p / (1 - p);
  if (k > n * p) {
    let term = Math.exp(logPmf(n, k, p));
    let sum = term;
    for (let x = k; x < n; x++) {
      term *= ((n - x) / (x + 1)) * ratio;
      sum += term;
    }
    return Math.min(1, sum);
  }
  let term = Math.exp(logPmf(n, k - 1, p));
  let lower = term;
  for (let x = k - 1; x > 0; x--) {
    term *= x / (n - x + 1) / ratio;
    lower += term;
  }
  return Math.max(0, 1 - lower);
}

/** P(a full count-based window of n calls trips): P(F ≥ ⌈θn⌉), F ~ Binomial(n, p). */
export function pFalseTripCountWindow(n: number, threshold: number, p: number): number {
  // The small epsilon keeps 0.6 × 5 = 3.0000000000000004 from rounding up to 4.
  return binomialTail(n, Math.ceil(threshold * n - 1e-9), p);
}

/** Complementary error function (Numerical Recipes' erfcc; relative error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** P(latency ≥ t) for a log-normal with parameters mu, sigma (of ln latency). */
export function logNormalExceeds(t: number, mu: number, sigma: number): number {
  if (t <= 0) return 1;
  return 1 - normalCdf((Math.log(t) - mu) / sigma);
}

/**
 * The share of calls a healthy dependency fails from the caller's point of view: its own
 * errors p, plus successes that arrive too late (timeout T) — and, when slow calls count,
 * successes slower than the slow threshold S ≤ T.
 */
export function healthyFailureProbability(
  p: number,
  mu: number,
  sigma: number,
  timeoutMs: number,
  slowCallMs: number | null,
): { userErrors: number; breakerFailures: number } {
  const late = logNormalExceeds(timeoutMs, mu, sigma);
  const userErrors = p + (1 - p) * late;
  const slowCut = slowCallMs === null ? timeoutMs : Math.min(slowCallMs, timeoutMs);
  const breakerFailures = p + (1 - p) * logNormalExceeds(slowCut, mu, sigma);
  return { userErrors, breakerFailures };
}

/** Normal-approximation 95 % interval for a proportion (Wilson score interval). */
export function wilson95(successes: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.959963984540054;
  const phat = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (phat + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((phat * (1 - phat)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * How many calls a closed breaker with the consecutive-failures policy records before it trips,
 * when each call fails independently with probability q: the waiting time T for the first run
 * of n failures in Bernoulli trials (Feller, vol. 1, XIII.7):
 *   E[T]   = (1 − qⁿ) / ((1 − q) qⁿ)
 *   Var[T] = (1 − (2n + 1)(1 − q) qⁿ − q²ⁿ⁺¹) / ((1 − q)² q²ⁿ)
 * Each trip starts the closed record afresh, so closed periods are renewal cycles: over many
 * calls the breaker trips about once every E[T] calls it records (renewal-reward theorem).
 */
export function callsUntilFailureRun(q: number, n: number): { mean: number; variance: number } {
  if (q <= 0) return { mean: Number.POSITIVE_INFINITY, variance: Number.POSITIVE_INFINITY };
  if (q >= 1) return { mean: n, variance: 0 };
  const qn = q ** n;
  return {
    mean: (1 - qn) / ((1 - q) * qn),
    variance: (1 - (2 * n + 1) * (1 - q) * qn - q ** (2 * n + 1)) / ((1 - q) ** 2 * qn * qn),
  };
}

/** Long-run trips per call recorded while closed, for the consecutive-failures policy. */
export function tripsPerClosedCall(q: number, n: number): number {
  return 1 / callsUntilFailureRun(q, n).mean;
}

export interface OutageCycle {
  /** Calls that arrive in one cycle, probe included: 1 + λ(d + W). */
  callsPerCycle: number;
  /** Calls the dependency receives in one cycle: E[min(m, 1 + Poisson(λd))]. */
  forwardedPerCycle: number;
  /** d + W + 1/λ: the failing probe, the wait, then the wait for the next caller. */
  cycleMs: number;
  /** forwardedPerCycle / callsPerCycle; the load spared is 1 minus this. */
  forwardedShare: number;
}

/**
 * What reaches a dependency that is completely down, once the breaker has tripped. An open
 * breaker forwards nothing, so the only load is the half-open probing, and the breaker settles
 * into a cycle: the first caller after the wait W becomes the probe; it fails after d ms (the
 * client timeout if calls hang, the failure latency if they fail fast); meanwhile up to m − 1
 * more callers are admitted as trials; the probe's failure re-opens the breaker and the wait
 * restarts. With Poisson callers at λ per second, by the renewal-reward theorem the long-run
 * share of calls that reach the dependency is E[forwarded per cycle] / E[calls per cycle].
 * Exact when d is fixed (a hanging dependency and a fixed timeout).
 */
export function outageCycle(o: {
  ratePerS: number;
  waitMs: number;
  failAfterMs: number;
  trialCalls: number;
}): OutageCycle {
  const lambda = o.ratePerS / 1000;
  const mu = lambda * o.failAfterMs;
  const m = o.trialCalls;
  // E[min(m, 1 + K)] = Σ_{j<m} P(1 + K > j) = m − Σ_{i ≤ m−2} (m − 1 − i)·P(K = i), with the
  // Poisson pmf stepped from e^−μ in log space so a large μ underflows to 0 rather than NaN.
  let lowerMass = 0;
  let logPmf = -mu;
  for (let i = 0; i <= m - 2; i++) {
    if (i > 0) logPmf += Math.log(mu / i);
    lowerMass += (m - 1 - i) * Math.exp(logPmf);
  }
  const forwardedPerCycle = m - lowerMass;
  const callsPerCycle = 1 + lambda * (o.failAfterMs + o.waitMs);
  return {
    callsPerCycle,
    forwardedPerCycle,
    cycleMs: o.failAfterMs + o.waitMs + 1 / lambda,
    forwardedShare: forwardedPerCycle / callsPerCycle,
  };
}
