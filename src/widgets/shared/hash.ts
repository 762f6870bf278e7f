/**
 * MurmurHash3 x86_32 (Austin Appleby, public domain; the SMHasher reference `MurmurHash3_x86_32`),
 * on the UTF-8 bytes of a string, plus the double hashing that turns two 32-bit hashes into the k
 * bit positions of a Bloom filter.
 *
 * Strings are encoded to UTF-8 by hand into one reused scratch buffer (a lone surrogate becomes
 * U+FFFD, as `TextEncoder` does), so hashing a key allocates nothing: this is the hot path of every
 * filter, sketch and benchmark here. Results are unsigned 32-bit integers.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
/** Xored into a filter's seed to get the seed of its second, independent hash. */
export const SECOND_SEED_XOR = 0x9e3779b9;

/** The finaliser: every input bit affects every output bit (also a good integer mixer). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, length: number): number {
  return fmix32(h ^ length);
}

/** Reused UTF-8 buffer: a UTF-16 code unit never needs more than 3 bytes. */
let scratch = new Uint8Array(256);

/** Writes the UTF-8 bytes of `s` into the scratch buffer and returns how many there are. */
function utf8(s: string): number {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3 * 2);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >>> 6);
      out[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[n++] = 0xf0 | (cp >>> 18);
        out[n++] = 0x80 | ((cp >>> 12) & 0x3f);
        out[n++] = 0x80 | ((cp >>> 6) & 0x3f);
        out[n++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    out[n++] = 0xe0 | (c >>> 12);
    out[n++] = 0x80 | ((c >>> 6) & 0x3f);
    out[n++] = 0x80 | (c & 0x3f);
  }
  return n;
}

function blockAt(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}

function tailOf(b: Uint8Array, from: number, length: number): number {
  let k = 0;
  const rest = length - from;
  if (rest >= 3) k ^= b[from + 2]! << 16;
  if (rest >= 2) k ^= b[from + 1]! << 8;
  if (rest >= 1) k ^= b[from]!;
  return k;
}

/** MurmurHash3 x86_32 of the first `length` bytes (all of them by default). */
export function murmur3_32Bytes(bytes: Uint8Array, seed = 0, length = bytes.length): number {
  let h = seed | 0;
  const end = length & ~3;
  for (let i = 0; i < end; i += 4) h = mixH(h, mixK(blockAt(bytes, i)));
  if (length & 3) h ^= mixK(tailOf(bytes, end, length));
  return finish(h, length);
}

/** MurmurHash3 x86_32 of the UTF-8 bytes of `key`. */
export function murmur3_32(key: string, seed = 0): number {
  const length = utf8(key); // may replace the scratch buffer: read it only after
  return murmur3_32Bytes(scratch, seed, length);
}

/**
 * The two hashes of `key` under `seedA` and `seedB`, written to out[0] and out[1], in one pass
 * over the bytes: the block mixing does not depend on the seed, so it is shared.
 */
export function murmur3_32Pair(key: string, seedA: number, seedB: number, out: Uint32Array): void {
  if (asciiPair(key, seedA, seedB, out)) return;
  const length = utf8(key);
  const b = scratch;
  let ha = seedA | 0;
  let hb = seedB | 0;
  const end = length & ~3;
  for (let i = 0; i < end; i += 4) {
    const k = mixK(blockAt(b, i));
    ha = mixH(ha, k);
    hb = mixH(hb, k);
  }
  if (length & 3) {
    const k = mixK(tailOf(b, end, length));
    ha ^= k;
    hb ^= k;
  }
  out[0] = finish(ha, length);
  out[1] = finish(hb, length);
}

/**
 * The common case, plain ASCII keys, whose UTF-8 bytes are their own character codes: read the
 * blocks straight from the string (no copy). Returns false, having written nothing, as soon as
 * the key turns out not to be ASCII; the caller then takes the UTF-8 path.
 */
function asciiPair(key: string, seedA: number, seedB: number, out: Uint32Array): boolean {
  const length = key.length;
  let ha = seedA | 0;
  let hb = seedB | 0;
  let seen = 0;
  const end = length & ~3;
  for (let i = 0; i < end; i += 4) {
    const c0 = key.charCodeAt(i);
    const c1 = key.charCodeAt(i + 1);
    const c2 = key.charCodeAt(i + 2);
    const c3 = key.charCodeAt(i + 3);
    seen |= c0 | c1 | c2 | c3;
    const k = mixK(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
    ha = mixH(ha, k);
    hb = mixH(hb, k);
  }
  let t = 0;
  const rest = length - end;
  for (let j = rest - 1; j >= 0; j--) {
    const c = key.charCodeAt(end + j);
    seen |= c;
    t ^= c << (8 * j);
  }
  // A character above 0x7f is not one UTF-8 byte: leave it to the general path.
  if (seen > 0x7f) return false;
  if (rest > 0) {
    const k = mixK(t);
    ha ^= k;
    hb ^= k;
  }
  out[0] = finish(ha, length);
  out[1] = finish(hb, length);
  return true;
}

/**
 * MurmurHash3 x86_32 of an unsigned 32-bit integer taken as its 4 little-endian bytes (exactly
 * `murmur3_32Bytes` of those bytes). The simulations hash integer keys this way: the same hash,
 * without building millions of strings.
 */
export function murmur3_32Int(x: number, seed = 0): number {
  return finish(mixH(seed | 0, mixK(x | 0)), 4);
}

/** Both hashes of an integer key, as `murmur3_32Pair` does for strings. */
export function murmur3_32IntPair(x: number, seedA: number, seedB: number, out: Uint32Array): void {
  const k = mixK(x | 0);
  out[0] = finish(mixH(seedA | 0, k), 4);
  out[1] = finish(mixH(seedB | 0, k), 4);
}

/** h mod m for 0 ≤ h < 2^32 and 1 ≤ m ≤ 2^32 without fmod: h/m is never within 2^−53 of an integer it is not. */
function mod(h: number, m: number): number {
  return h - Math.floor(h / m) * m;
}

/**
 * The k bit positions of a key in an m-bit filter by double hashing (Kirsch & Mitzenmacher,
 * "Less hashing, same performance", 2006): g_i = (h1 + i·h2) mod m for i = 0…k−1. Two
 * independent hashes give a false-positive rate asymptotically equal to k independent ones.
 *
 * h2 is made odd, so when m is a power of two the k positions are all different; and a step of
 * 0 mod m (possible only when m is odd) becomes 1, so they never all land on one bit. For other
 * m two positions can coincide, rarely, when m/gcd(step, m) < k — as in every such filter.
 *
 * m is at most 2^31 (MAX_POSITIONS): the positions are stepped in 32-bit integer arithmetic,
 * adding the step or subtracting m − step, which never overflows and avoids a floating-point
 * modulo per position (the slow part of a straightforward version). Reducing a 32-bit hash mod m favours some residues
 * by at most one part in ⌊2^32/m⌋ (0.2 % at 10^7 bits); the false-positive rate moves only by
 * the square of that.
 */
export function doubleHashPositions(
  h1: number,
  h2: number,
  k: number,
  m: number,
  out: Uint32Array,
): void {
  let pos = mod(h1 >>> 0, m) | 0;
  let step = mod((h2 | 1) >>> 0, m) | 0;
  if (step === 0) step = 1;
  const wrap = m - step;
  for (let i = 0; i < k; i++) {
    out[i] = pos;
    pos = pos < wrap ? pos + step : pos - wrap;
  }
}

/** The largest m that doubleHashPositions accepts: 2^31 positions (a 256 MiB bit array). */
export const MAX_POSITIONS = 2 ** 31;

/** Hex form of a 32-bit hash, 0x-prefixed and padded: how the view shows a hash. */
export function hex32(h: number): string {
  return `0x${(h >>> 0).toString(16).padStart(8, '0')}`;
}
