/**
 * Closed-form queueing results for the queue calculator. Rates are per unit of time (any unit,
 * used consistently); every function explains an unstable or impossible input in words instead
 * of returning Infinity or NaN.
 *
 * Numerically stable for millions of servers: Erlang B from Poisson terms (erlang.ts), and the
 * finite-room distribution by ratios of successive terms, so no factorial is ever formed.
 */
import { erlangC } from './erlang.ts';

export { erlangB, erlangC } from './erlang.ts';

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

/**
 * ρ at or above this is no steady state. Computed from rounded inputs, an exactly full pool
 * (1000/s at 30 ms on 30 servers) can come out at 0.9999999999999999; treating that as stable
 * would give astronomically long "exact" queues.
 */
export const FULL = 1 - 1e-9;

function overloaded(rho: number, servers: number): QueueResult {
  const what = servers === 1 ? 'the server' : `the ${servers} servers`;
  return {
    ok: false,
    reason: `ρ = ${rho < 1000 ? rho.toFixed(2) : Math.round(rho).toLocaleString('en')}: arrivals outpace what ${what} can serve, so the queue grows without bound`,
  };
}

/** M/M/1. */
export function mm1(lambda: number, mu: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Service rate μ', mu);
  if (bad) return { ok: false, reason: bad };
  const rho = lambda / mu;
  if (rho >= FULL) return overloaded(rho, 1);
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

/** M/M/c with unlimited room (Erlang C). */
export function mmc(lambda: number, mu: number, c: number): QueueResult {
  const bad = positive('Arrival rate λ', lambda) ?? positive('Service rate μ', mu);
  if (bad) return { ok: false, reason: bad };
  if (!Number.isInteger(c) || c < 1)
    return { ok: false, reason: 'The number of servers c must be a whole number of at least 1' };
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= FULL) return overloaded(rho, c);
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
  // Unnormalised p_n by ratios: p_n / p_{n−1} = a/n while n ≤ c, then ρ. A term past 1e250 is
  // divided by 1e250 and the count of such divisions kept beside it (the true term is
  // t[n]·1e250^scale[n]): one pass, however many times an overloaded room rescales.
  const t = new Float64Array(K + 1);
  const scale = new Int32Array(K + 1);
  t[0] = 1;
  for (let n = 1; n <= K; n++) {
    let x = t[n - 1]! * (n <= c ? a / n : rho);
    scale[n] = scale[n - 1]!;
    if (x > 1e250) {
      x /= 1e250;
      scale[n]!++;
    }
    t[n] = x;
  }
  // Bring every term to the largest scale; terms two or more scales down are below 1e-250 of it.
  const top = scale[K]!;
  for (let n = 0; n <= K; n++)
    t[n] = scale[n] === top ? t[n]! : scale[n] === top - 1 ? t[n]! / 1e250 : 0;
  let Z = 0;
  for (let n = 0; n <= K; n++) Z += t[n]!;
  let L = 0;
  let Lq = 0;
  let someFree = 0;
  for (let n = 0; n <= K; n++) {
    const p = t[n]! / Z;
    L += n * p;
    if (n > c) Lq += (n - c) * p;
    if (n < c) someFree += p;
  }
  const pBlock = t[K]! / Z;
  const throughput = lambda * (1 - pBlock);
  // An admitted arrival waits when it finds all c servers busy (and room left): every admitted
  // arrival that does not find a server free.
  const pWait = pBlock < 1 ? Math.max(0, 1 - someFree / (1 - pBlock)) : 1;
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
  if (rho >= FULL) return overloaded(rho, 1);
  const Lq = (rho * rho * (1 + cv * cv)) / (2 * (1 - rho));
  const Wq = Lq / lambda;
  const W = Wq + meanService;
  return {
    ok: true,
    metrics: { rho, pWait: rho, Lq, L: lambda * W, Wq, W, throughput: lambda, pBlock: 0 },
  };
}

/**
 * The q-quantile of the time spent waiting in M/M/c (c = 1 included): waits are 0 with
 * probability 1 − C and otherwise exponential with rate cμ − λ, so P(Wq > t) = C·e^{−(cμ−λ)t}.
 */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, q: number): number | null {
  const a = lambda / mu;
  if (!(a < c * FULL) || !(q > 0 && q < 1)) return null;
  const C = erlangC(c, a);
  if (1 - q >= C) return 0;
  return Math.log(C / (1 - q)) / (c * mu - lambda);
}

export type ServiceShape = 'exponential' | 'deterministic' | 'lognormal';

export interface TheoryInput {
  lambda: number;
  meanService: number;
  service: ServiceShape;
  cv: number;
  servers: number;
  room: number | null;
}

/** Coefficient of variation of the service time for each shape. */
export function serviceCv(p: Pick<TheoryInput, 'service' | 'cv'>): number {
  return p.service === 'exponential' ? 1 : p.service === 'deterministic' ? 0 : p.cv;
}

export type Theory =
  | {
      kind: 'exact' | 'approximate';
      /** Kendall notation of the model used, e.g. "M/M/c". */
      model: string;
      /** How the numbers were obtained, in a sentence. */
      method: string;
      metrics: QueueMetrics;
      /** Wait percentiles, when the model has them in closed form. */
      waitQuantiles: { p50: number; p95: number; p99: number } | null;
    }
  | { kind: 'unstable'; model: string; reason: string; rho: number }
  | { kind: 'none'; model: string; reason: string };

/**
 * The closed form that fits the calculator's settings, or why there is none. Exact for M/M/c,
 * M/M/c/K and M/G/1; for M/G/c the Allen–Cunneen approximation, Wq ≈ Wq(M/M/c)·(1 + Cs²)/2.
 */
export function theoryFor(p: TheoryInput): Theory {
  const mu = 1 / p.meanService;
  const c = p.servers;
  const cs = serviceCv(p);
  const shape = p.service === 'exponential' ? 'M' : p.service === 'deterministic' ? 'D' : 'G';
  if (p.room !== null) {
    const model = p.room === c ? `M/${shape}/${c}/${c}` : `M/${shape}/${c}/${p.room}`;
    if (p.service !== 'exponential') {
      return {
        kind: 'none',
        model,
        reason:
          'There is no simple closed form for a finite room with non-exponential service; the simulation alone answers here.',
      };
    }
    const r = mmck(p.lambda, mu, c, p.room);
    if (!r.ok) return { kind: 'none', model, reason: r.reason };
    return {
      kind: 'exact',
      model,
      method:
        p.room === c
          ? 'Erlang B: with no waiting room, arrivals that find every server busy are turned away.'
          : 'Birth–death chain over 0…K customers: arrivals that find the room full are turned away.',
      metrics: r.metrics,
      waitQuantiles: null,
    };
  }
  const model = c === 1 ? `M/${shape}/1` : `M/${shape}/${c}`;
  const rho = (p.lambda * p.meanService) / c;
  if (rho >= FULL) {
    const r = c === 1 ? mm1(p.lambda, mu) : mmc(p.lambda, mu, c);
    return { kind: 'unstable', model, rho, reason: r.ok ? '' : r.reason };
  }
  if (p.service === 'exponential') {
    const r = c === 1 ? mm1(p.lambda, mu) : mmc(p.lambda, mu, c);
    if (!r.ok) return { kind: 'none', model, reason: r.reason };
    const quantile = (q: number) => mmcWaitQuantile(p.lambda, mu, c, q) ?? 0;
    return {
      kind: 'exact',
      model,
      method:
        c === 1
          ? 'M/M/1: L = ρ/(1 − ρ), W = 1/(μ − λ).'
          : 'Erlang C: P(wait) = C(c, λ/μ), Lq = P(wait)·ρ/(1 − ρ), Wq = Lq/λ, W = Wq + 1/μ.',
      metrics: r.metrics,
      waitQuantiles: { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) },
    };
  }
  if (c === 1) {
    const r = mg1(p.lambda, p.meanService, cs);
    if (!r.ok) return { kind: 'none', model, reason: r.reason };
    return {
      kind: 'exact',
      model,
      method: `Pollaczek–Khinchine: Lq = ρ²(1 + Cs²)/(2(1 − ρ)) with Cs = ${cs}.`,
      metrics: r.metrics,
      waitQuantiles: null,
    };
  }
  const r = mmc(p.lambda, mu, c);
  if (!r.ok) return { kind: 'none', model, reason: r.reason };
  const Wq = r.metrics.Wq * ((1 + cs * cs) / 2);
  const W = Wq + p.meanService;
  return {
    kind: 'approximate',
    model,
    method: `Allen–Cunneen approximation: Wq ≈ Wq(M/M/c)·(1 + Cs²)/2 with Cs = ${cs}; P(wait) taken from Erlang C.`,
    metrics: { ...r.metrics, Wq, W, Lq: p.lambda * Wq, L: p.lambda * W },
    waitQuantiles: null,
  };
}

export type ServerTarget = { metric: 'pWait' | 'Wq' | 'waitP99'; value: number };

/** The M/M/c value of a planning target's metric with c servers (Infinity when unstable). */
export function mmcTargetValue(
  lambda: number,
  mu: number,
  c: number,
  metric: ServerTarget['metric'],
): number {
  const r = mmc(lambda, mu, c);
  if (!r.ok) return Number.POSITIVE_INFINITY;
  if (metric === 'pWait') return r.metrics.pWait;
  if (metric === 'Wq') return r.metrics.Wq;
  return mmcWaitQuantile(lambda, mu, c, 0.99) ?? Number.POSITIVE_INFINITY;
}

/**
 * The most servers the planner considers. Ten times any pool the calculator simulates, and
 * enough for 10 000 requests a second at up to about 10 s each; larger answers are reported as
 * "more than" this.
 */
export const PLAN_MAX_SERVERS = 100_000;

/**
 * The fewest servers with any steady state: more than the work offered, a = λ/μ, by the same
 * test as everywhere else (ρ = a/c below FULL), so an exactly full pool whose a rounds to
 * 29.999999999999996 still needs 31.
 */
export function fewestStableServers(lambda: number, mu: number): number {
  return Math.max(1, Math.floor(lambda / mu / FULL) + 1);
}

/**
 * The smallest number of servers whose M/M/c value meets the target, or null above `limit`.
 * Every metric falls as c grows, so a binary search finds the first c that meets it: about
 * log2(limit) ≈ 17 evaluations of Erlang C, each cheap (erlang.ts), so this is safe to run on
 * the page's main thread whatever λ and μ are.
 */
export function smallestServers(
  lambda: number,
  mu: number,
  target: ServerTarget,
  limit = PLAN_MAX_SERVERS,
): number | null {
  const meets = (c: number) => mmcTargetValue(lambda, mu, c, target.metric) <= target.value;
  let low = fewestStableServers(lambda, mu);
  let high = limit;
  if (low > high || !meets(high)) return null;
  // Invariant: high meets the target; every count below low does not.
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}
