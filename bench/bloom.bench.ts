import { createRequire } from 'node:module';
import { BloomFilter as PeerBloomFilter } from 'bloom-filters';
import { afterAll, bench, describe } from 'vitest';
import { BloomFilter } from '../src/widgets/bloom/bloom';
import { doubleHashPositions, murmur3_32Pair, SECOND_SEED_XOR } from '../src/widgets/shared/hash';
import { bloomFalsePositive, bloomSize } from '../src/widgets/bloom/theory';
import { formatRatio, ratio, spread } from './stats';
import type { Spread } from './stats';

/**
 * Peer: the npm package bloom-filters (Callidon/bloom-filters), the most used JavaScript Bloom
 * filter, built with `new BloomFilter(m, k)` so it has exactly our m and k, and fed the same keys
 * in the same run. It hashes a key with two xxHash64 passes (xxhashjs, 64-bit arithmetic on 16-bit
 * limbs) and builds an array of its k positions; ours hashes with MurmurHash3 x86_32 into reused
 * typed arrays (src/widgets/shared/hash.ts).
 *
 * n = 100 000 string keys `user-<i>@example.com`, sized by our calculator for 1 %:
 * m = 958 506 bits, k = 7. An insert pass adds all n keys to a fresh filter; a query pass asks a
 * full filter about n probes, every other one a member and the rest keys never added. Passes are
 * timed inside the bench, so building the filters is not counted, and the warm-up passes are left
 * out. Both filters must find every member and show about the same false-positive rate on the
 * non-members (printed), or the comparison would not be of the same job.
 *
 * bloom-filters is a weak peer (xxhashjs on 16-bit limbs, an array per key), so a second line
 * compares ours with the limit: the same MurmurHash3 double hashing into a bare Uint32Array, in
 * one loop with no class, no counting and nothing else (`limit` below). That ratio says what our
 * filter's structure costs; near 1× is the goal.
 *
 * Every side gets the same passes (3 warm-up, 9 measured) and is reported by the median pass with
 * the min–max spread. The afterAll lines give each side's insert and query rates and the ratio of
 * operations per second, 2n operations (n inserts, n queries) over the two median passes' time,
 * with the range the spreads allow. bench/ratioReporter.ts repeats the ratio line after Vitest's
 * tables. Target: ≥ 50× bloom-filters.
 */
const N = 100_000;
const P = 0.01;
const SEED = 1;

const sizing = bloomSize(N, P);
if (!sizing.ok) throw new Error(sizing.reason);
const { bits: M, k: K } = sizing.value;
const theory = bloomFalsePositive(M, K, N);
if (!theory.ok) throw new Error(theory.reason);

const PEER_VERSION = (
  createRequire(import.meta.url)('bloom-filters/package.json') as {
    version: string;
  }
).version;

const keys = Array.from({ length: N }, (_, i) => `user-${i}@example.com`);
/** Even places: members (spread over all n keys); odd places: keys numbered n and up, never added. */
const probes = Array.from({ length: N }, (_, i) =>
  i % 2 === 0 ? keys[i]! : `user-${N + i}@example.com`,
);
const MEMBERS = N / 2;

/** One filter's timed passes. Each side has its own loops, so each call site sees one class. */
interface Side {
  name: string;
  /** Adds the n keys to a fresh filter; the seconds the adds took. */
  insertPass(): number;
  /** Queries the n probes on a full filter; the seconds, and how many answered "maybe". */
  queryPass(): { seconds: number; members: number; falsePositives: number };
  warmup: number;
  passes: number;
  inserts: number[];
  queries: number[];
  /** Non-members answered "maybe" in the last query pass. */
  falsePositives: number;
}

const WARMUP = 3;
const PASSES = 9;

let oursFull: BloomFilter | null = null;
let peerFull: PeerBloomFilter | null = null;
let limitFull: Uint32Array | null = null;

/** The limit: our hashing into a bare bit array, one loop, nothing else. */
const scratch = { pair: new Uint32Array(2), at: new Uint32Array(K) };
function limitAdd(words: Uint32Array, key: string): void {
  murmur3_32Pair(key, SEED, SEED ^ SECOND_SEED_XOR, scratch.pair);
  doubleHashPositions(scratch.pair[0]!, scratch.pair[1]!, K, M, scratch.at);
  for (let i = 0; i < K; i++) {
    const p = scratch.at[i]!;
    words[p >>> 5]! |= 1 << (p & 31);
  }
}
function limitHas(words: Uint32Array, key: string): boolean {
  murmur3_32Pair(key, SEED, SEED ^ SECOND_SEED_XOR, scratch.pair);
  doubleHashPositions(scratch.pair[0]!, scratch.pair[1]!, K, M, scratch.at);
  for (let i = 0; i < K; i++) {
    const p = scratch.at[i]!;
    if ((words[p >>> 5]! & (1 << (p & 31))) === 0) return false;
  }
  return true;
}
function fillLimit(): Uint32Array {
  const words = new Uint32Array(Math.ceil(M / 32));
  for (const key of keys) limitAdd(words, key);
  return words;
}

const ours: Side = {
  name: 'ours',
  insertPass() {
    const filter = new BloomFilter(M, K, SEED);
    const start = performance.now();
    for (let i = 0; i < N; i++) filter.add(keys[i]!);
    const seconds = (performance.now() - start) / 1000;
    oursFull = filter;
    return seconds;
  },
  queryPass() {
    const filter = (oursFull ??= fillOurs());
    let members = 0;
    let falsePositives = 0;
    const start = performance.now();
    for (let i = 0; i < N; i += 2) {
      if (filter.has(probes[i]!)) members++;
      if (filter.has(probes[i + 1]!)) falsePositives++;
    }
    return { seconds: (performance.now() - start) / 1000, members, falsePositives };
  },
  warmup: WARMUP,
  passes: PASSES,
  inserts: [],
  queries: [],
  falsePositives: 0,
};

const peer: Side = {
  name: 'bloom-filters',
  insertPass() {
    const filter = new PeerBloomFilter(M, K);
    const start = performance.now();
    for (let i = 0; i < N; i++) filter.add(keys[i]!);
    const seconds = (performance.now() - start) / 1000;
    peerFull = filter;
    return seconds;
  },
  queryPass() {
    const filter = (peerFull ??= fillPeer());
    let members = 0;
    let falsePositives = 0;
    const start = performance.now();
    for (let i = 0; i < N; i += 2) {
      if (filter.has(probes[i]!)) members++;
      if (filter.has(probes[i + 1]!)) falsePositives++;
    }
    return { seconds: (performance.now() - start) / 1000, members, falsePositives };
  },
  warmup: WARMUP,
  passes: PASSES,
  inserts: [],
  queries: [],
  falsePositives: 0,
};

const limit: Side = {
  name: 'limit',
  insertPass() {
    const words = new Uint32Array(Math.ceil(M / 32));
    const start = performance.now();
    for (let i = 0; i < N; i++) limitAdd(words, keys[i]!);
    const seconds = (performance.now() - start) / 1000;
    limitFull = words;
    return seconds;
  },
  queryPass() {
    const words = (limitFull ??= fillLimit());
    let members = 0;
    let falsePositives = 0;
    const start = performance.now();
    for (let i = 0; i < N; i += 2) {
      if (limitHas(words, probes[i]!)) members++;
      if (limitHas(words, probes[i + 1]!)) falsePositives++;
    }
    return { seconds: (performance.now() - start) / 1000, members, falsePositives };
  },
  warmup: WARMUP,
  passes: PASSES,
  inserts: [],
  queries: [],
  falsePositives: 0,
};

/** Full filters for the query passes when no insert pass ran first (outside the timing). */
function fillOurs(): BloomFilter {
  const filter = new BloomFilter(M, K, SEED);
  for (const key of keys) filter.add(key);
  return filter;
}

function fillPeer(): PeerBloomFilter {
  const filter = new PeerBloomFilter(M, K);
  for (const key of keys) filter.add(key);
  return filter;
}

function insertPass(side: Side): void {
  side.inserts.push(side.insertPass());
}

function queryPass(side: Side): void {
  const { seconds, members, falsePositives } = side.queryPass();
  side.queries.push(seconds);
  if (members !== MEMBERS)
    throw new Error(`${side.name}: ${MEMBERS - members} members answered "definitely not"`);
  side.falsePositives = falsePositives;
}

const options = (side: Side) => ({
  warmupIterations: side.warmup,
  warmupTime: 0,
  iterations: side.passes,
  time: 0,
});

const shape = `n = ${N / 1000}k string keys, m = ${M} bits, k = ${K}`;

describe(`Bloom filter inserts, ${shape}`, () => {
  bench(`bloom-filters ${PEER_VERSION} (peer)`, () => insertPass(peer), options(peer));
  bench('bare typed array, same hashing (limit)', () => insertPass(limit), options(limit));
  bench('BloomFilter (ours)', () => insertPass(ours), options(ours));
});

describe(`Bloom filter queries, half members, ${shape}`, () => {
  bench(`bloom-filters ${PEER_VERSION} (peer)`, () => queryPass(peer), options(peer));
  bench('bare typed array, same hashing (limit)', () => queryPass(limit), options(limit));
  bench('BloomFilter (ours)', () => queryPass(ours), options(ours));
});

const mega = (opsPerSecond: number) => (opsPerSecond / 1e6).toPrecision(3);
const percent = (share: number) => `${(100 * share).toFixed(2)} %`;

/** Operations per second of each measured pass: the last ones (tinybench also makes warm-up and probing calls). */
function passRates(side: Side): { insert: Spread; query: Spread; both: Spread } {
  const inserts = side.inserts.slice(-side.passes);
  const queries = side.queries.slice(-side.passes);
  const both = inserts.map((t, i) => (2 * N) / (t + (queries[i] ?? NaN))).filter(Number.isFinite);
  return {
    insert: spread(inserts.map((t) => N / t)),
    query: spread(queries.map((t) => N / t)),
    both: spread(both),
  };
}

afterAll(() => {
  const a = passRates(ours);
  const b = passRates(peer);
  const c = passRates(limit);
  if (![a.both.median, b.both.median, c.both.median].every(Number.isFinite)) {
    console.log('bloom filter: a filter did not complete a measured insert and query pass');
    return;
  }
  for (const what of ['insert', 'query'] as const) {
    console.log(
      `${what === 'insert' ? 'inserts' : 'queries'}, medians of ${PASSES} passes: ` +
        `${mega(a[what].median)} M/s ours, ${mega(c[what].median)} M/s limit, ` +
        `${mega(b[what].median)} M/s bloom-filters ${PEER_VERSION}`,
    );
  }
  const nonMembers = N - MEMBERS;
  console.log(
    `false positives on ${nonMembers} non-members: ours ${percent(ours.falsePositives / nonMembers)}, ` +
      `limit ${percent(limit.falsePositives / nonMembers)}, ` +
      `bloom-filters ${percent(peer.falsePositives / nonMembers)}, ` +
      `theory (1 − e^(−kn/m))^k ${percent(theory.value.p)}`,
  );
  console.log(
    `bloom filter against its limit (bare typed array, same hashing): ` +
      `${mega(a.both.median)} vs ${mega(c.both.median)} M ops/s: ${formatRatio(ratio(a.both, c.both), 2)}`,
  );
  console.log(
    `bloom filter: ${mega(a.both.median)} M ops/s ours vs ${mega(b.both.median)} M ops/s ` +
      `bloom-filters, medians: ${formatRatio(ratio(a.both, b.both))} (target ≥ 50×)`,
  );
});
