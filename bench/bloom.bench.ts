import { createRequire } from 'node:module';
import { BloomFilter as PeerBloomFilter } from 'bloom-filters';
import { afterAll, bench, describe } from 'vitest';
import { BloomFilter } from '../src/widgets/bloom/bloom';
import { bloomFalsePositive, bloomSize } from '../src/widgets/bloom/theory';

/**
 * Peer: the npm package bloom-filters (Callidon/bloom-filters), the most used JavaScript Bloom
 * filter, built with `new BloomFilter(m, k)` so it has exactly our m and k, and fed the same keys
 * in the same run. It hashes a key with two xxHash64 passes (xxhashjs, 64-bit arithmetic on 16-bit
 * limbs) and builds an array of its k positions; ours hashes with MurmurHash3 x86_32 into reused
 * typed arrays (src/widgets/bloom/hash.ts).
 *
 * n = 100 000 string keys `user-<i>@example.com`, sized by our calculator for 1 %:
 * m = 958 506 bits, k = 7. An insert pass adds all n keys to a fresh filter; a query pass asks a
 * full filter about n probes, every other one a member and the rest keys never added. Passes are
 * timed inside the bench, so building the filters is not counted, and the warm-up passes are left
 * out. Both filters must find every member and show about the same false-positive rate on the
 * non-members (printed), or the comparison would not be of the same job.
 *
 * The afterAll lines give each filter's best insert and query pass and the ratio of operations
 * per second, 2n operations (n inserts, n queries) over the two passes' time. Vitest prints its
 * tables and summary after anything a bench file logs, so the ratio line is the last line before
 * them. Target: ≥ 50×.
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

let oursFull: BloomFilter | null = null;
let peerFull: PeerBloomFilter | null = null;

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
  warmup: 3,
  passes: 20,
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
  warmup: 1,
  passes: 3,
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
  bench('BloomFilter (ours)', () => insertPass(ours), options(ours));
});

describe(`Bloom filter queries, half members, ${shape}`, () => {
  bench(`bloom-filters ${PEER_VERSION} (peer)`, () => queryPass(peer), options(peer));
  bench('BloomFilter (ours)', () => queryPass(ours), options(ours));
});

const mega = (opsPerSecond: number) => (opsPerSecond / 1e6).toPrecision(3);
const percent = (share: number) => `${(100 * share).toFixed(2)} %`;

/** The best of the passes after the warm-up ones, in seconds; NaN when none ran. */
function best(side: Side, times: number[]): number {
  const warm = times.slice(side.warmup);
  return warm.length ? Math.min(...warm) : NaN;
}

afterAll(() => {
  const rates = (side: Side) => {
    const insert = best(side, side.inserts);
    const query = best(side, side.queries);
    return { insert: N / insert, query: N / query, both: (2 * N) / (insert + query) };
  };
  const a = rates(ours);
  const b = rates(peer);
  if (![a.both, b.both].every(Number.isFinite)) {
    console.log('bloom filter: a filter did not complete a measured insert and query pass');
    return;
  }
  for (const [what, x, y] of [
    ['inserts', a.insert, b.insert],
    ['queries', a.query, b.query],
  ] as const) {
    console.log(
      `${what}: ${mega(x)} M/s ours vs ${mega(y)} M/s bloom-filters ${PEER_VERSION} ` +
        `(${(x / y).toFixed(1)}×), best of ${ours.passes} and ${peer.passes} passes`,
    );
  }
  const nonMembers = N - MEMBERS;
  console.log(
    `false positives on ${nonMembers} non-members: ours ${percent(ours.falsePositives / nonMembers)}, ` +
      `bloom-filters ${percent(peer.falsePositives / nonMembers)}, ` +
      `theory (1 − e^(−kn/m))^k ${percent(theory.value.p)}`,
  );
  console.log(
    `bloom filter: ${mega(a.both)} M ops/s ours vs ${mega(b.both)} M ops/s bloom-filters: ` +
      `${(a.both / b.both).toFixed(1)}× (target ≥ 50×)`,
  );
});
