import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BloomFilter, CountingBloomFilter } from './bloom';
import { doubleHashPositions, murmur3_32, SECOND_SEED_XOR } from '../shared/hash';
import { bloomFalsePositive, bloomSize } from './theory';

const popcount = (words: Uint32Array) => {
  let n = 0;
  for (const w of words) for (let x = w; x !== 0; x &= x - 1) n++;
  return n;
};

describe('Bloom filter', () => {
  it('positions come from murmur3 under the seed and the seed ^ constant, by double hashing', () => {
    const f = new BloomFilter(1000, 5, 42);
    const expected = new Uint32Array(5);
    doubleHashPositions(
      murmur3_32('apple', 42),
      murmur3_32('apple', 42 ^ SECOND_SEED_XOR),
      5,
      1000,
      expected,
    );
    expect(f.positionsOf('apple')).toEqual([...expected]);
    expect(new BloomFilter(1000, 5, 43).positionsOf('apple')).not.toEqual([...expected]);
  });

  it('never forgets a key it was given (no false negatives)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 200 }),
        fc.integer({ min: 16, max: 4096 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (keys, m, k, seed) => {
          const f = new BloomFilter(m, k, seed);
          for (const key of keys) f.add(key);
          for (const key of keys) expect(f.has(key)).toBe(true);
          expect(f.bitsSet).toBe(popcount(f.words));
          expect(f.fillRatio()).toBeCloseTo(f.bitsSet / m, 15);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('traces show the checked bits and why: "definitely not" needs one clear bit', () => {
    const f = new BloomFilter(64, 3, 7);
    const before = f.trace('cat');
    expect(before.verdict).toBe('definitely-not');
    expect(before.wasSet).toEqual([false, false, false]);
    expect(before.positions).toEqual(f.positionsOf('cat'));
    expect(before.h1).toBe(murmur3_32('cat', 7));

    const added = f.addTraced('cat');
    expect(added).toEqual(before); // the state just before adding
    const after = f.trace('cat');
    expect(after.verdict).toBe('maybe');
    expect(after.wasSet).toEqual([true, true, true]);
    expect(f.bitsSet).toBe(new Set(after.positions).size);
    // Adding it again changes nothing and says so.
    expect(f.add('cat')).toBe(false);
  });

  it('a small filter lies: some never-added word answers "maybe", every bit set by others', () => {
    const f = new BloomFilter(32, 3, 1);
    const members = ['apple', 'banana', 'cherry', 'damson', 'elder', 'fig'];
    for (const w of members) f.add(w);
    const liar = Array.from({ length: 500 }, (_, i) => `word${i}`).find((w) => f.has(w));
    expect(liar).toBeDefined();
    const t = f.trace(liar!);
    expect(t.verdict).toBe('maybe');
    const setByMembers = new Set(members.flatMap((w) => f.positionsOf(w)));
    for (const p of t.positions) expect(setByMembers.has(p)).toBe(true);
  });

  it('measured false positives on string keys land on (1 − e^(−kn/m))^k (20,000 keys, 1 %)', () => {
    const sizing = bloomSize(20_000, 0.01);
    if (!sizing.ok) throw new Error(sizing.reason);
    const { bits, k } = sizing.value;
    const f = new BloomFilter(bits, k, 2024);
    for (let i = 0; i < 20_000; i++) f.add(`user:${i}`);
    const probes = 200_000;
    let hits = 0;
    for (let i = 0; i < probes; i++) if (f.has(`visitor-${i}`)) hits++;
    const theory = bloomFalsePositive(bits, k, 20_000);
    if (!theory.ok) throw new Error(theory.reason);
    const p = theory.value.p;
    const sd = Math.sqrt((p * (1 - p)) / probes);
    expect(Math.abs(hits / probes - p)).toBeLessThan(4 * sd);
    // The fill lands on its expectation 1 − e^(−kn/m) too.
    expect(Math.abs(f.fillRatio() - theory.value.fill)).toBeLessThan(0.005);
  });

  it('integer keys behave like string keys; clear empties the filter', () => {
    const f = new BloomFilter(1 << 16, 4, 3);
    for (let i = 0; i < 5000; i++) f.addInt(i);
    for (let i = 0; i < 5000; i++) expect(f.hasInt(i)).toBe(true);
    let hits = 0;
    for (let i = 5000; i < 55_000; i++) if (f.hasInt(i)) hits++;
    const p = Math.pow(1 - Math.exp((-4 * 5000) / 65536), 4);
    expect(Math.abs(hits / 50_000 - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 50_000));
    f.clear();
    expect(f.bitsSet).toBe(0);
    expect(f.hasInt(1)).toBe(false);
    expect(f.isSet(-1)).toBe(false);
    expect(f.isSet(1 << 16)).toBe(false);
  });

  it('refuses impossible shapes in words', () => {
    expect(() => new BloomFilter(0, 3)).toThrow('whole number of bits from 1 to 2^31, not 0');
    expect(() => new BloomFilter(100, 0)).toThrow('from 1 to 32 hash functions, not 0');
    expect(() => new BloomFilter(100, 33)).toThrow('not 33');
    expect(() => new BloomFilter(10.5, 3)).toThrow('not 10.5');
  });
});

describe('counting Bloom filter', () => {
  it('removes keys without creating false negatives for the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 })), { maxLength: 300 }),
        fc.integer({ min: 16, max: 512 }),
        fc.integer({ min: 1, max: 8 }),
        (ops, m, k) => {
          const f = new CountingBloomFilter(m, k, 5);
          const copies = new Map<string, number>();
          for (const [adding, i] of ops) {
            const key = `k${i}`;
            const n = copies.get(key) ?? 0;
            if (adding) {
              f.add(key);
              copies.set(key, n + 1);
            } else if (n > 0) {
              expect(f.remove(key)).toBe('removed');
              copies.set(key, n - 1);
            }
          }
          for (const [key, n] of copies) if (n > 0) expect(f.has(key)).toBe(true);
          let nonZero = 0;
          for (const c of f.counters) if (c > 0) nonZero++;
          expect(f.bitsSet).toBe(nonZero);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adding then removing everything leaves every counter at zero', () => {
    const f = new CountingBloomFilter(256, 4, 9);
    const keys = Array.from({ length: 40 }, (_, i) => `item ${i}`);
    for (const key of keys) f.add(key);
    expect(f.fillRatio()).toBeGreaterThan(0.3);
    for (const key of keys) expect(f.remove(key)).toBe('removed');
    expect(f.counters.every((c) => c === 0)).toBe(true);
    expect(f.bitsSet).toBe(0);
  });

  it('refuses to remove what it has definitely not seen', () => {
    const f = new CountingBloomFilter(1024, 3);
    f.add('present');
    const before = Array.from(f.counters);
    expect(f.remove('absent')).toBe('not-present');
    expect(Array.from(f.counters)).toEqual(before);
    expect(f.trace('present').verdict).toBe('maybe');
    expect(f.addTraced('new').verdict).toBe('definitely-not');
  });

  it('a saturated counter sticks, so the key stays a member', () => {
    const f = new CountingBloomFilter(64, 2, 1, 8);
    for (let i = 0; i < 300; i++) f.add('hot');
    const [p] = f.positionsOf('hot');
    expect(f.count(p!)).toBe(255);
    for (let i = 0; i < 300; i++) f.remove('hot');
    expect(f.has('hot')).toBe(true);
    const wide = new CountingBloomFilter(64, 2, 1, 16);
    for (let i = 0; i < 300; i++) wide.add('hot');
    for (let i = 0; i < 300; i++) wide.remove('hot');
    expect(wide.has('hot')).toBe(false);
    expect(wide.max).toBe(65535);
  });
});
