/**
 * Closed-form queueing results for the queue calculator. Rates are per unit of time (any unit,
 * used consistently); every function explains an unstable or impossible input in words instead
 * of returning Infinity or NaN.
 *
 * Numerically stable for hundreds of servers: Erlang B by its recurrence, and the finite-room
 * distribution by ratios of successive terms, so no factorial is ever formed.
 */

export interface QueueMetrics {
  /** Server utilisation ρ (per server). */
  rho: number;
  /** Probability an arriving customer waits (admitted customers, for finite rooms). */
  pWait: number;
  /** Mean number waiting, in service + waiting, time waiting, time in system. */
  Lq: number;
  L: number;
  Wq: number;
  W: number;
  /** Arrival rate that gets in (λ less the blocked share). */
  throughput: number;
  /** Share of arrivals turned away (finite rooms only). */
  pBlock: number;
}

export type QueueResult = { ok: true; metrics: QueueMetrics } | { ok: false; reason: string };

function positive(name: string, x: number): string | null {
  return Number.isFinite(x) && x > 0 ? null : `${name} must be a positive number`;
}

function overloaded(rho: number, servers: number): QueueResult {
  const what = servers === 1 ? 'the server' : `the ${servers} servers`;
  return {
    ok: false,
    reason: `ρ = ${rho.toFixed(2)}: arrivals outpace what ${what} can serve, so the queue grows without bound`,
  };
}

/** M/M/1. */
export function mm1(lambda: number, mu: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Service rate μ', mu);
  if (bad) return { ok: false, reason: bad };
  const rho = lambda / mu;
  if (rho >= 1) return overloaded(rho, 1);
  const W = 1 / (mu - lambda);
  const Wq = rho / (mu - lambda);
  return {
    ok: true,
    metrics: {
      rho,
      pWait: rho,
      Lq: (rho * rho) / (1 - rho),
      L: rho / (1 - rho),
      Wq,
      W,
      throughput: lambda,
      pBlock: 0,
    },
  };
}

/** Erlang B: blocking probability with c servers, offered load a = λ/μ, and no waiting room. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability of waiting in M/M/c, for a = λ/μ < c. */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** M/M/c with unlimited room (Erlang C). */
export function mmc(lambda: number, mu: number, c: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Service rate μ', mu);
  if (bad) return { ok: false, reason: bad };
  if (!Number.isInteger(c) || c < 1)
    return { ok: false, reason: 'The number of servers c must be a whole number of at least 1' };
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return overloaded(rho, c);
  const pWait = erlangC(c, a);
  const Lq = (pWait * rho) / (1 - rho);
  const Wq = Lq / lambda;
  const W = Wq + 1 / mu;
  return {
    ok: true,
    metrics: { rho, pWait, Lq, L: lambda * W, Wq, W, throughput: lambda, pBlock: 0 },
  };
}

/**
 * M/M/c/K: at most K customers in the system (c in service, K − c waiting); arrivals that find
 * it full are turned away. Stable for any λ. W and Wq are over admitted customers.
 */
export function mmck(lambda: number, mu: number, c: number, K: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Service rate μ', mu);
  if (bad) return { ok: false, reason: bad };
  if (!Number.isInteger(c) || c < 1)
    return { ok: false, reason: 'The number of servers c must be a whole number of at least 1' };
  if (!Number.isInteger(K) || K < c)
    return { ok: false, reason: `The room K must be a whole number of at least c = ${c}` };
  const a = lambda / mu;
  const rho = a / c;
  // Unnormalised p_n by ratios: p_n / p_{n−1} = a/n while n ≤ c, then ρ. Rescale when large.
  const t = new Float64Array(K + 1);
  t[0] = 1;
  for (let n = 1; n <= K; n++) {
    t[n] = t[n - 1]! * (n <= c ? a / n : rho);
    if (t[n]! > 1e250) for (let i = 0; i <= n; i++) t[i] = t[i]! / 1e250;
  }
  let Z = 0;
  for (let n = 0; n <= K; n++) Z += t[n]!;
  let L = 0;
  let Lq = 0;
  let busyAll = 0;
  for (let n = 0; n <= K; n++) {
    const p = t[n]! / Z;
    L += n * p;
    if (n > c) Lq += (n - c) * p;
    if (n >= c && n < K) busyAll += p;
  }
  const pBlock = t[K]! / Z;
  const throughput = lambda * (1 - pBlock);
  // An admitted arrival waits when it finds all c servers busy (and room left).
  const pWait = pBlock < 1 ? busyAll / (1 - pBlock) : 1;
  return {
    ok: true,
    metrics: { rho, pWait, Lq, L, Wq: Lq / throughput, W: L / throughput, throughput, pBlock },
  };
}

/** M/M/c/c (Erlang's loss system): no waiting room at all. */
export function mmcc(lambda: number, mu: number, c: number): QueueResult {
  return mmck(lambda, mu, c, c);
}

/**
 * M/G/1 by Pollaczek–Khinchine: Lq = ρ²(1 + Cs²) / (2(1 − ρ)), where Cs is the coefficient of
 * variation of the service time (0 deterministic, 1 exponential, above 1 high variance).
 */
export function mg1(lambda: number, meanService: number, cv: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Mean service time', meanService);
  if (bad) return { ok: false, reason: bad };
  if (!Number.isFinite(cv) || cv < 0)
    return { ok: false, reason: 'The coefficient of variation must be 0 or more' };
  const rho = lambda * meanService;
  if (rho >= 1) return overloaded(rho, 1);
  const Lq = (rho * rho * (1 + cv * cv)) / (2 * (1 - rho));
  const Wq = Lq / lambda;
  const W = Wq + meanService;
  return {
    ok: true,
    metrics: { rho, pWait: rho, Lq, L: lambda * W, Wq, W, throughput: lambda, pBlock: 0 },
  };
}
