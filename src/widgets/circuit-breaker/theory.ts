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
