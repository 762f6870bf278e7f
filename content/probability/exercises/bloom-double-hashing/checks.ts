import type * as Solution from './solution';
import { CheckFailure, expectClose, expectEqual, expectTrue } from 'kit';
import type { Check } from 'kit';

type Mod = typeof Solution;

const members = Array.from({ length: 1000 }, (_, i) => `user-${i}`);

const checks: Check<Mod>[] = [
  {
    title: 'fnv1a32 matches the published test vectors',
    objective:
      'FNV-1a is XOR-then-multiply over the bytes, modulo 2^32; exact 32-bit arithmetic matters in JavaScript.',
    hint: 'Start at 0x811c9dc5; per character, hash ^= code, then hash = Math.imul(hash, 0x01000193). Return hash >>> 0 so the result is unsigned.',
    run({ fnv1a32 }) {
      expectEqual(fnv1a32(''), 0x811c9dc5, 'fnv1a32("") (the offset basis)');
      expectEqual(fnv1a32('a'), 0xe40c292c, 'fnv1a32("a")');
      expectEqual(fnv1a32('foobar'), 0xbf9cf968, 'fnv1a32("foobar")');
    },
  },
  {
    title: 'Positions follow g_i = (h1 + i·h2) mod m',
    objective: 'Double hashing derives all k positions from two hashes, in order, without 32-bit overflow.',
    hint: 'With h1 = fnv1a32(item) and h2 = mix32(h1), position i is (h1 + i * h2) % m for i from 0 to k − 1. Use ordinary arithmetic, not Math.imul or | 0, for this sum.',
    run({ BloomFilter }) {
      expectEqual(
        new BloomFilter(9600, 7).positions('reliability'),
        [3643, 4718, 5793, 6868, 7943, 9018, 493],
        'positions of "reliability" with m = 9600, k = 7',
      );
      expectEqual(
        new BloomFilter(1_000_003, 12).positions('order-42'),
        [990869, 828232, 665595, 502958, 340321, 177684, 15047, 852413, 689776, 527139, 364502, 201865],
        'positions of "order-42" with m = 1 000 003, k = 12',
      );
    },
  },
  {
    title: 'Each item gets k distinct positions in range',
    objective: 'Every position is a whole number in [0, m), and an item’s k positions are (almost always) different bits.',
    hint: 'Reduce with % m, and check that h2 really changes from one i to the next: if every position were the same bit, k would effectively be 1.',
    run({ BloomFilter }) {
      const filter = new BloomFilter(9600, 7);
      let distinct = 0;
      for (const item of members) {
        const ps = filter.positions(item);
        expectEqual(ps.length, 7, `number of positions for "${item}"`);
        for (const p of ps)
          if (!(Number.isInteger(p) && p >= 0 && p < 9600))
            throw new CheckFailure(`a position of "${item}" is out of range`, 'an integer in [0, 9600)', String(p));
        distinct += new Set(ps).size;
      }
      expectTrue(distinct / members.length >= 6.9, `average distinct positions per item: ${distinct / members.length} (expected at least 6.9 of 7)`);
    },
  },
  {
    title: 'An empty filter contains nothing',
    objective: 'With no bits set, every lookup is a certain "no".',
    hint: 'mightContain should return true only when every one of the item’s k bits is set.',
    run({ BloomFilter }) {
      const filter = new BloomFilter(9600, 7);
      expectEqual(members.slice(0, 20).some((item) => filter.mightContain(item)), false, 'any hit in an empty filter');
    },
  },
  {
    title: 'No false negatives',
    objective: 'A Bloom filter never forgets: every added item is reported as (probably) present.',
    hint: 'add must set every one of the k positions that mightContain later checks, computed the same way.',
    run({ BloomFilter }) {
      const filter = new BloomFilter(9600, 7);
      for (const item of members) filter.add(item);
      const missing = members.filter((item) => !filter.mightContain(item));
      expectEqual(missing.length, 0, `added items reported absent (first few: ${missing.slice(0, 3).join(', ')})`);
    },
  },
  {
    title: 'falsePositiveRate computes (1 − e^(−kn/m))^k',
    objective: 'The standard approximation: each bit is still 0 with probability about e^(−kn/m), and a false positive needs all k bits set.',
    hint: 'Compute the chance a given bit is set, 1 − Math.exp(−k·n/m), and raise it to the power k.',
    run({ falsePositiveRate }) {
      expectClose(falsePositiveRate(9600, 1000, 7), 0.009965154527860823, 1e-12, 'falsePositiveRate(9600, 1000, 7)');
      expectClose(falsePositiveRate(1000, 100, 1), 0.09516258196404048, 1e-12, 'falsePositiveRate(1000, 100, 1)');
    },
  },
  {
    title: 'optimalK rounds m/n · ln 2, and never goes below 1',
    objective: 'Sizing: the false-positive rate is lowest near k = (m/n)·ln 2, that is about 0.69 times the bits per item.',
    hint: 'Math.round(m / n * Math.LN2), then make sure the answer is at least 1.',
    run({ optimalK }) {
      expectEqual(
        [optimalK(9600, 1000), optimalK(1000, 100), optimalK(14400, 1000), optimalK(2000, 1000), optimalK(100, 1000)],
        [7, 7, 10, 1, 1],
        'optimalK for (9600, 1000), (1000, 100), (14400, 1000), (2000, 1000), (100, 1000)',
      );
    },
  },
  {
    title: 'The measured false-positive rate matches the formula',
    objective:
      'Theory meets practice: with 9.6 bits per item and k = 7, about 1 % of items never added come back "probably yes".',
    hint: 'If the rate is far too high, check the positions: too few distinct bits per item, or h2 not used, pushes it up. If it is zero, mightContain is not checking the right bits.',
    run({ BloomFilter }) {
      const filter = new BloomFilter(9600, 7);
      for (const item of members) filter.add(item);
      const trials = 50_000;
      let hits = 0;
      for (let i = 0; i < trials; i++) if (filter.mightContain(`guest-${i}`)) hits++;
      const theory = (1 - Math.exp((-7 * 1000) / 9600)) ** 7; // ≈ 0.00997
      // The standard error of a rate near 1 % over 50 000 trials is about 0.00045, so ± 0.002
      // allows for sampling noise and for the formula being an approximation.
      expectClose(hits / trials, theory, 0.002, `false-positive rate over ${trials} items never added`);
    },
  },
];

export default checks;
