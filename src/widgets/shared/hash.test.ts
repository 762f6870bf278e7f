import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  doubleHashPositions,
  fmix32,
  hex32,
  murmur3_32,
  murmur3_32Bytes,
  murmur3_32Int,
  murmur3_32IntPair,
  murmur3_32Pair,
} from './hash';

const encoder = new TextEncoder();

describe('MurmurHash3 x86_32', () => {
  // Every value below was computed twice before it was written here: by the SMHasher reference
  // MurmurHash3_x86_32 (src/MurmurHash3.cpp) compiled with gcc, and by an independent Python
  // transcription; the two agreed on all of them.
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['a', 0, 0x3c2569b2],
    ['abcd', 0, 0x43ed676a],
    ['hello', 0, 0x248bfa47],
    ['hello', 1, 0xbb4abcad],
    ['Hello, world!', 0, 0xc0363e43],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    // One to four tail bytes, with the seed the popular JavaScript ports test against.
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['ab', 0x9747b28c, 0x74875592],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    // Multi-byte UTF-8: 2-byte é, 3-byte €, 4-byte emoji (a surrogate pair in JavaScript).
    ['été', 0, 0x3393660f],
    ['€', 0, 0x5b43fca5],
    ['😀', 0, 0xbeb42efa],
  ])('murmur3_32(%j, %i) = reference', (key, seed, expected) => {
    expect(murmur3_32(key, seed)).toBe(expected);
    expect(murmur3_32Bytes(encoder.encode(key), seed)).toBe(expected);
  });

  it('passes SMHasher’s own verification test (0xB0F57EE3)', () => {
    // SMHasher's VerificationTest: hash the keys {}, {0}, {0,1}, … {0…254} with seed 256 − length,
    // then hash the 256 little-endian results with seed 0.
    const key = new Uint8Array(256);
    const hashes = new Uint8Array(1024);
    const view = new DataView(hashes.buffer);
    for (let i = 0; i < 256; i++) {
      key[i] = i;
      view.setUint32(i * 4, murmur3_32Bytes(key, 256 - i, i), true);
    }
    expect(hex32(murmur3_32Bytes(hashes, 0))).toBe('0xb0f57ee3');
  });

  it('hashes the UTF-8 bytes of any string, lone surrogates as U+FFFD like TextEncoder', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        fc.string({ unit: anyUnit, maxLength: 40 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (s, seed) => {
          expect(murmur3_32(s, seed)).toBe(murmur3_32Bytes(encoder.encode(s), seed));
        },
      ),
      { numRuns: 500 },
    );
    // Long enough to outgrow the reused buffer, and a short one after it.
    const long = 'ü€😀x'.repeat(400);
    expect(murmur3_32(long, 7)).toBe(murmur3_32Bytes(encoder.encode(long), 7));
    expect(murmur3_32('hello')).toBe(0x248bfa47);
  });

  it('the pair and integer forms equal the plain hash', () => {
    const out = new Uint32Array(2);
    murmur3_32Pair('Hello, world!', 0, 0x9747b28c, out);
    expect([...out]).toEqual([0xc0363e43, 0x24884cba]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (x, a, b) => {
          const bytes = new Uint8Array(4);
          new DataView(bytes.buffer).setUint32(0, x, true);
          expect(murmur3_32Int(x, a)).toBe(murmur3_32Bytes(bytes, a));
          murmur3_32IntPair(x, a, b, out);
          expect([...out]).toEqual([murmur3_32Int(x, a), murmur3_32Int(x, b)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fmix32 is the reference finaliser (SplitMix32 in src/sim/rng.ts uses the same one)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7); // murmur3_32("", 1) is fmix32(1 ^ 0)
  });
});

describe('double hashing', () => {
  it('starts at h1 mod m and steps by the odd h2 mod m', () => {
    const out = new Uint32Array(4);
    doubleHashPositions(10, 6, 4, 16, out);
    expect([...out]).toEqual([10, 1, 8, 15]); // step 7 (6 made odd), wrapping at 16
    doubleHashPositions(0xffffffff, 0xfffffffe, 3, 1000, out);
    expect([...out.subarray(0, 3)]).toEqual([295, 590, 885]);
  });

  it('never steps by 0: an odd m that divides h2 falls back to a step of 1', () => {
    const out = new Uint32Array(3);
    doubleHashPositions(5, 21, 3, 7, out);
    expect([...out]).toEqual([5, 6, 0]);
  });

  it('stays inside any m up to 2^31, without overflowing 32-bit arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (h1, h2, m) => {
          const out = new Uint32Array(8);
          doubleHashPositions(h1, h2, 8, m, out);
          const step = (h2 | 1) >>> 0;
          for (let i = 0; i < 8; i++) {
            expect(out[i]).toBeLessThan(m);
            // Exactly (h1 + i·h2') mod m, with BigInt as the referee.
            const expected = (BigInt(h1) + BigInt(i) * BigInt(step % m || 1)) % BigInt(m);
            expect(BigInt(out[i]!)).toBe(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives k different positions whenever m is a power of two and k ≤ m', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 5, max: 30 }),
        (h1, h2, k, bits) => {
          const out = new Uint32Array(k);
          doubleHashPositions(h1, h2, k, 2 ** bits, out);
          expect(new Set(out).size).toBe(k);
          for (const p of out) expect(p).toBeLessThan(2 ** bits);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the ASCII fast path', () => {
  it('hashes every string exactly as its UTF-8 bytes would', () => {
    const out = new Uint32Array(2);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' })),
        fc.nat(),
        (key, seed) => {
          murmur3_32Pair(key, seed, seed ^ 0x5bd1e995, out);
          const bytes = encoder.encode(key);
          expect(out[0]).toBe(murmur3_32Bytes(bytes, seed));
          expect(out[1]).toBe(murmur3_32Bytes(bytes, seed ^ 0x5bd1e995));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
