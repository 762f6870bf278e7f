// A Bloom filter answers "have I seen this item?" with "definitely not" or "probably yes",
// using m bits and no stored items. Adding an item sets k of the bits; looking one up checks
// whether all k of its bits are set.
//
// Computing k independent hashes is slow, so use double hashing instead: two hashes h1 and h2
// per item give all k positions,   g_i = (h1 + i · h2) mod m,   for i = 0, 1, …, k − 1.
// Here h1 = fnv1a32(item) and h2 = mix32(h1). The values stay below 2^37, so plain JavaScript
// numbers hold them exactly: do not squeeze i · h2 or the sum into 32 bits.
//
// Items are ASCII strings, so each charCodeAt(i) is one byte.

/**
 * FNV-1a, 32-bit. Start from the offset basis 2166136261 (0x811c9dc5). For each byte of the
 * text: XOR the byte into the hash, then multiply the hash by the FNV prime 16777619
 * (0x01000193), keeping only the low 32 bits. Return an unsigned value in [0, 2^32).
 * Careful: hash · prime can exceed 2^53, where ordinary multiplication rounds. Math.imul
 * multiplies two 32-bit integers exactly (its result is signed; `>>> 0` makes it unsigned).
 */
export function fnv1a32(text: string): number {
  void text;
  return 0;
}

/** Provided: the MurmurHash3 finaliser, which scrambles a 32-bit value into another one. */
export function mix32(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The k that minimises false positives for m bits and n items: m/n · ln 2, rounded, at least 1. */
export function optimalK(m: number, n: number): number {
  void m;
  void n;
  throw new Error('optimalK is yours to write: see the comment above it');
}

/** The expected false-positive rate after n insertions: (1 − e^(−k·n/m))^k. */
export function falsePositiveRate(m: number, n: number, k: number): number {
  void m;
  void n;
  void k;
  throw new Error('falsePositiveRate is yours to write: see the comment above it');
}

export class BloomFilter {
  /** One entry per bit: 0 or 1. */
  private readonly bits: Uint8Array;

  constructor(
    readonly m: number,
    readonly k: number,
  ) {
    this.bits = new Uint8Array(m);
  }

  /** The k bit positions of an item, g_0 … g_(k−1), in that order. */
  positions(item: string): number[] {
    void item;
    throw new Error('BloomFilter.positions is yours to write: see the comment above it');
  }

  /** Sets the item's k bits. */
  add(item: string): void {
    void item;
    void this.bits;
    throw new Error('BloomFilter.add is yours to write: see the comment above it');
  }

  /** False: certainly never added. True: added, or a false positive. */
  mightContain(item: string): boolean {
    void item;
    throw new Error('BloomFilter.mightContain is yours to write: see the comment above it');
  }
}
