/**
 * Order statistics of large arrays of doubles without sorting them: the k-th smallest value,
 * exactly as a full sort would give it. The queue simulation's wait percentiles.
 */

/**
 * Rearranges a so that a[k] is the value a full sort would put there, everything before it ≤
 * and everything after it ≥ (Hoare's selection with a median-of-three pivot), and returns it.
 */
export function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Keys from the top 16 bits of a double: sign, exponent and 4 bits of mantissa. */
const KEY_SHIFT = 16;
/** Keys a non-negative double can have (sign bit clear). */
const KEYS = 1 << 15;

/**
 * The values of the given ranks (0-based: 0 is the smallest) among `values`, which must all be
 * positive or +0 (not −0, negative or NaN); `values` is left in any order. For non-negative doubles the top bits of the
 * IEEE 754 pattern rise with the value, so one pass counts values per key (16 keys per power
 * of two), the counts locate the key that holds each rank, a second pass gathers only those
 * keys' values, and a selection within each small group finishes the job: two cheap passes
 * instead of a selection over millions of values.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  for (const k of ranks) {
    if (!Number.isInteger(k) || k < 0 || k >= n) {
      throw new RangeError(`rank ${k} is outside 0…${n - 1}`);
    }
  }
  if (ranks.length === 0) return [];
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const high = LITTLE_ENDIAN ? 1 : 0;
  const counts = new Uint32Array(KEYS);
  for (let i = high; i < 2 * n; i += 2) {
    const key = words[i]! >>> KEY_SHIFT;
    if (key >= KEYS) throw new RangeError('selectRanks takes only values ≥ 0 (and not −0)');
    counts[key]!++;
  }
  // Which key holds each rank, and the rank within that key's group.
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!);
  const keyOf = new Array<number>(ranks.length);
  const within = new Array<number>(ranks.length);
  let below = 0;
  let next = 0;
  for (let key = 0; key < KEYS && next < order.length; key++) {
    const count = counts[key]!;
    while (next < order.length && ranks[order[next]!]! < below + count) {
      keyOf[order[next]!] = key;
      within[order[next]!] = ranks[order[next]!]! - below;
      next++;
    }
    below += count;
  }
  // Gather the wanted keys' values into one small array each.
  const slotOf = new Int8Array(KEYS).fill(-1);
  const groups: Float64Array[] = [];
  const filled: number[] = [];
  for (const key of keyOf) {
    if (slotOf[key] === -1) {
      slotOf[key] = groups.length;
      groups.push(new Float64Array(counts[key]!));
      filled.push(0);
    }
  }
  for (let i = 0; i < n; i++) {
    const slot = slotOf[words[2 * i + high]! >>> KEY_SHIFT]!;
    if (slot >= 0) groups[slot]![filled[slot]!++] = values[i]!;
  }
  return ranks.map((_, i) => {
    const group = groups[slotOf[keyOf[i]!]!]!;
    return selectInPlace(group, within[i]!);
  });
}
