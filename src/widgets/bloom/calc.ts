import { fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../../calc/attrs.ts';
import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { fmtBytes } from '../../calc/formatLarge.ts';
import { bloomFalsePositive, bloomSize, DEFAULT_HASH_SET } from './theory.ts';
import type { BloomRate, BloomSizing } from './theory.ts';

/**
 * Numbers a lesson states about Bloom filters, computed from the model
 * when the lesson is built (`:calc{of="bloom.size" n="100000" p="0.01" metric="bits"}`), so prose
 * and widget can never disagree. Each returns the text or its problems in words.
 */

/** The ID space from exactly one of d="365" or bits="122". */

const sizeFormat: Record<string, (s: BloomSizing) => string> = {
  bits: (s) => fmtInt(s.bits),
  bytes: (s) => fmtInt(s.bytes),
  memory: (s) => fmtBytes(s.bytes),
  k: (s) => String(s.k),
  kExact: (s) => fmtNum(s.kExact),
  bitsPerItem: (s) => fmtNum(s.bitsPerItem),
  pAtK: (s) => fmtPct(s.pAtK),
  hashSet: (s) => fmtBytes(s.hashSetBytes),
  ratio: (s) => `${fmtNum(s.ratio)}×`,
};

/**
 * Sizing (`bloom.size`): `n` items at false-positive rate `p` → `metric` (bits, bytes, memory,
 * k, kExact, bitsPerItem, pAtK, hashSet, ratio). `keyBytes` and `overheadBytes` set the hash-set
 * comparison (defaults 16 and 32).
 */
export function calcBloomSize(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'p', 'metric', 'keyBytes', 'overheadBytes'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const p = numberAttr(attrs, 'p', problems, { above: 0, below: 1 });
  const keyBytes = numberAttr(attrs, 'keyBytes', problems, {
    atLeast: 0,
    fallback: DEFAULT_HASH_SET.keyBytes,
  });
  const overheadBytes = numberAttr(attrs, 'overheadBytes', problems, {
    atLeast: 0,
    fallback: DEFAULT_HASH_SET.overheadBytes,
  });
  const metric = choice(attrs, 'metric', Object.keys(sizeFormat), 'bits', problems);
  if (
    problems.length ||
    metric === null ||
    n === undefined ||
    p === undefined ||
    keyBytes === undefined ||
    overheadBytes === undefined
  )
    return { ok: false, problems };
  const r = bloomSize(n, p, { keyBytes, overheadBytes });
  return r.ok
    ? { ok: true, text: sizeFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

const rateFormat: Record<string, (r: BloomRate) => string> = {
  p: (r) => fmtPct(r.p),
  fill: (r) => fmtPct(r.fill),
  kBest: (r) => String(r.kBest),
  pBest: (r) => fmtPct(r.pBest),
};

/** The reverse (`bloom.fp`): `m` bits, `k` hashes, `n` items → `metric` (p, fill, kBest, pBest). */
export function calcBloomFp(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['m', 'k', 'n', 'metric'], problems);
  const m = numberAttr(attrs, 'm', problems, { atLeast: 1, whole: true });
  const k = numberAttr(attrs, 'k', problems, { atLeast: 1, whole: true });
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(rateFormat), 'p', problems);
  if (problems.length || metric === null || m === undefined || k === undefined || n === undefined)
    return { ok: false, problems };
  const r = bloomFalsePositive(m, k, n);
  return r.ok
    ? { ok: true, text: rateFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

/** This widget's entries for src/calc/registry.ts. */
export const bloomCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'bloom.size': calcBloomSize,
  'bloom.fp': calcBloomFp,
};
