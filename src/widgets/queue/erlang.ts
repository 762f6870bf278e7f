/**
 * Erlang's loss formula, B(c, a): the share of arrivals blocked with c servers, offered load
 * a = λ/μ and no waiting room. In Poisson terms B = P(N = c) / P(N ≤ c) for N ~ Poisson(a).
 *
 * The textbook recurrence takes c steps, which is hopeless at the millions of servers a legal
 * link can ask about (λ = 10 000/s at 3 600 s a request is 36 million servers' worth of work).
 * Beyond a few hundred servers B comes instead from one of two series whose terms shrink at
 * least as fast as e^(−k²/(2c)) and also at least geometrically (ratio a/c or c/a), so they stop
 * after about min(9√c, 40·c/|c − a|) terms: under 3 000 at c = 100 000 and about 54 000 at
 * c = 36 million, with no factorial ever formed.
 */

/** B(c, a) by the recurrence B_k = a·B_(k−1) / (k + a·B_(k−1)): exact, stable, c steps. */
export function erlangBByRecurrence(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Below this many servers the recurrence is as cheap as the series and needs no logarithms. */
const RECURRENCE_UP_TO = 200;

/** Terms below this share of the running sum no longer change a double. */
const NEGLIGIBLE = 1e-17;

/**
 * ln n! − (n + ½)·ln n + n − ½·ln 2π, the error of Stirling's formula (Loader 2000), by its
 * asymptotic series: exact to double precision for n above 35.
 */
function stirlingError(n: number): number {
  const nn = n * n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * nn)) / nn) / nn) / nn) / n;
}

/**
 * x·ln(x/m) + m − x without the cancellation of its terms when x is close to m (Loader 2000):
 * a series in v = (x − m)/(x + m) there, the plain formula elsewhere.
 */
function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x;
  const v = (x - m) / (x + m);
  const v2 = v * v;
  let sum = (x - m) * v;
  let ej = 2 * x * v;
  for (let j = 1; j < 1000; j++) {
    ej *= v2;
    const next = sum + ej / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}

/** P(N = n) for N ~ Poisson(a), n > 35 a whole number, by Loader's saddle-point form. */
export function poissonPmf(n: number, a: number): number {
  return Math.exp(-stirlingError(n) - devianceTerm(n, a)) / Math.sqrt(2 * Math.PI * n);
}

/**
 * B(c, a) from Poisson terms, for c above 35. With c < a, 1/B = Σ_(j=0..c) P(N = c − j)/P(N = c),
 * whose terms are products of (c − i)/a < 1. With c ≥ a, P(N ≤ c) = 1 − P(N = c)·U where
 * U = Σ_(k≥1) P(N = c + k)/P(N = c), products of a/(c + i) < 1; then B = P(N = c)/P(N ≤ c),
 * which is at least half of 1 so nothing cancels.
 */
export function erlangBBySeries(c: number, a: number): number {
  if (Number.isNaN(a)) return Number.NaN;
  if (c < a) {
    let term = 1;
    let sum = 1;
    for (let j = 1; j <= c; j++) {
      term *= (c - j + 1) / a;
      sum += term;
      if (term < NEGLIGIBLE * sum) break;
    }
    return 1 / sum;
  }
  const p = poissonPmf(c, a);
  if (p === 0) return 0;
  let term = 1;
  let tail = 0;
  for (let k = 1; ; k++) {
    term *= a / (c + k);
    tail += term;
    if (term < NEGLIGIBLE * tail) break;
  }
  return p / (1 - p * tail);
}

/** Erlang B: blocking probability with c servers, offered load a = λ/μ, and no waiting room. */
export function erlangB(c: number, a: number): number {
  return c <= RECURRENCE_UP_TO ? erlangBByRecurrence(c, a) : erlangBBySeries(c, a);
}

/** Erlang C: probability of waiting in M/M/c, for a = λ/μ < c. */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}
