import { createRng } from '../../sim/rng';
import { must, rateSeries, record, sliced } from '../shared/experiment';
import type { RateSeries } from '../shared/experiment';
import { BloomFilter } from './bloom';
import { bloomFalsePositive, optimalK } from './theory';

/** The Bloom filter lab's experiment: false positives along the fill and across k. Same params and seed, same result; hot loops over typed arrays allocate nothing per operation. */

// ——— (a) Bloom filter false positives ———

export interface BloomExperimentParams {
  /** Bits in the filter. */
  m: number;
  /** Keys inserted by the end of the fill ladder and in each filter of the k sweep. */
  n: number;
  /** Hash functions for the fill ladder. */
  k: number;
  /** The k sweep: one filter of n keys for each k from kFrom to kTo. */
  kFrom: number;
  kTo: number;
  /** Non-member queries at each point. */
  probes: number;
  /** Points on the fill ladder, evenly spaced in keys inserted. */
  points: number;
}

export interface BloomExperimentResult {
  m: number;
  n: number;
  k: number;
  probes: number;
  /** The false-positive rate as the filter fills, with k fixed. */
  fill: RateSeries & {
    inserted: Float64Array;
    /** Share of bits set, measured and expected (1 − e^(−kn/m)). */
    bitsSet: Float64Array;
    bitsSetTheory: Float64Array;
  };
  /** The false-positive rate at n keys for each k of the sweep. */
  byK: RateSeries & { k: Float64Array; bitsSet: Float64Array };
  /** The optimum for m and n: (m/n)·ln 2, the best whole k and its rate. */
  optimum: { kExact: number; k: number; p: number };
}

/**
 * Keys are 32-bit integers hashed as their 4 bytes by MurmurHash3 (hash.ts), not strings:
 * building millions of strings would cost more than the filter. Members are base, base + 1, …,
 * base + n − 1 and the probes are the next `probes` integers, so no probe is ever a member, and
 * the base and the hash seed come from the run's seed. MurmurHash3 scatters consecutive
 * integers as well as random ones (see bloom.test.ts for the same rate on string keys).
 */
function insertKeys(f: BloomFilter, base: number, from: number, to: number): void {
  for (let i = from; i < to; i++) f.addInt((base + i) >>> 0);
}

function countFalsePositives(f: BloomFilter, first: number, probes: number): number {
  let hits = 0;
  for (let j = 0; j < probes; j++) if (f.hasInt((first + j) >>> 0)) hits++;
  return hits;
}

export function* simulateBloom(
  p: BloomExperimentParams,
  seed: number,
): Generator<number, BloomExperimentResult, void> {
  const rng = createRng(seed);
  const hashSeed = rng.nextUint32();
  const base = rng.nextUint32();
  const probeBase = (base + p.n) >>> 0;
  const ks = p.kTo - p.kFrom + 1;
  const all = p.n + p.points * p.probes + ks * (p.n + p.probes);
  const done = { ops: 0 };
  let hits = 0;
  const countHits = (f: BloomFilter) => (from: number, to: number) => {
    hits += countFalsePositives(f, (probeBase + from) >>> 0, to - from);
  };

  const fill = {
    ...rateSeries(p.points),
    inserted: new Float64Array(p.points),
    bitsSet: new Float64Array(p.points),
    bitsSetTheory: new Float64Array(p.points),
  };
  const filter = new BloomFilter(p.m, p.k, hashSeed);
  let inserted = 0;
  for (let i = 0; i < p.points; i++) {
    const target = Math.round((p.n * (i + 1)) / p.points);
    const start = inserted;
    yield* sliced(target - start, done, all, (from, to) =>
      insertKeys(filter, base, start + from, start + to),
    );
    inserted = target;
    hits = 0;
    yield* sliced(p.probes, done, all, countHits(filter));
    const theory = must(bloomFalsePositive(p.m, p.k, inserted));
    record(fill, i, hits, p.probes, theory.p);
    fill.inserted[i] = inserted;
    fill.bitsSet[i] = filter.fillRatio();
    fill.bitsSetTheory[i] = theory.fill;
  }

  const byK = { ...rateSeries(ks), k: new Float64Array(ks), bitsSet: new Float64Array(ks) };
  for (let i = 0; i < ks; i++) {
    const k = p.kFrom + i;
    const f = new BloomFilter(p.m, k, hashSeed);
    yield* sliced(p.n, done, all, (from, to) => insertKeys(f, base, from, to));
    hits = 0;
    yield* sliced(p.probes, done, all, countHits(f));
    record(byK, i, hits, p.probes, must(bloomFalsePositive(p.m, k, p.n)).p);
    byK.k[i] = k;
    byK.bitsSet[i] = f.fillRatio();
  }
  return {
    m: p.m,
    n: p.n,
    k: p.k,
    probes: p.probes,
    fill,
    byK,
    optimum: must(optimalK(p.m, p.n)),
  };
}
