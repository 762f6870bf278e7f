/**
 * The workbook's seeded random numbers: xoshiro128** 1.1 (Blackman & Vigna, 2018), a small,
 * fast, well-tested 32-bit generator. One 32-bit seed is expanded into the four state words
 * with SplitMix32 (golden-ratio increment, then the MurmurHash3 finaliser), so nearby seeds
 * give unrelated streams and the state is never all zero in practice.
 *
 * Same seed → same numbers, bit for bit, in tests, in the worker and in a shared link.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). Plain functions, not methods: safe to take out of the object. */
  readonly nextUint32: () => number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  readonly next: () => number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRngFromState(state: readonly [number, number, number, number]): Rng {
  let [s0, s1, s2, s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) s3 = 1; // the all-zero state would only ever produce zeros
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return { nextUint32, next: () => nextUint32() / 4294967296 };
}

export function createRng(seed: number): Rng {
  const sm = splitmix32(seed);
  return createRngFromState([sm(), sm(), sm(), sm()]);
}

/** Exponential with the given rate (mean 1/rate), by inversion; never returns Infinity. */
export function exponential(rng: Rng, rate: number): number {
  return -Math.log(1 - rng.next()) / rate;
}

/** Standard normal by Box–Muller (uses two uniforms, returns one value). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** z such that P(Z ≤ z) = 0.99 for a standard normal. */
export const Z99 = 2.3263478740408408;

/**
 * Log-normal latency described the way engineers describe it: by its median and its p99.
 * ln X ~ N(mu, sigma²) with mu = ln(median) and sigma = ln(p99 / median) / z₀.₉₉.
 */
export function logNormalFromMedianP99(median: number, p99: number): { mu: number; sigma: number } {
  return { mu: Math.log(median), sigma: Math.log(p99 / median) / Z99 };
}

/** True with probability p (one uniform draw, always, so streams stay aligned). */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}
