import { z } from 'zod';
import { bytes, count, fmt, share } from '../shared/fields.ts';
import type { Described } from '../shared/fields.ts';

/**
 * Parameters of the Bloom filter lab, with the limits and the messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only explicit `.ts` imports of pure
 * modules.
 */

// ——— Bloom filter ———

/** The sizing calculator: n items at false-positive rate p, against a hash set of the keys. */
export const bloomSizingSchema = z.object({
  n: count('The number of items n', 1, 1e15),
  p: share('The false-positive rate p', 1e-15, 0.5),
  keyBytes: bytes('Bytes per key'),
  overheadBytes: bytes('Hash-set overhead per key'),
});
export type BloomSizingParams = z.infer<typeof bloomSizingSchema>;

/** The reverse calculator: m bits, k hashes, n items → p. */
export const bloomRateSchema = z
  .object({
    m: count('The filter size m', 1, Number.MAX_SAFE_INTEGER),
    k: count('The number of hash functions k', 1, 64),
    n: count('The number of items n', 1, 1e15),
  })
  .superRefine((p, ctx) => {
    if (p.k > p.m)
      ctx.addIssue({
        code: 'custom',
        path: ['m'],
        message: `A filter of ${fmt(p.m)} bits is too small for ${p.k} hash positions`,
      });
  });
export type BloomRateParams = z.infer<typeof bloomRateSchema>;

/** The interactive filter drawn bit by bit. */
export const bloomToySchema = z.object({
  m: count('The small filter', 16, 512).refine((m) => m % 8 === 0, {
    message: 'The small filter has a whole number of bytes: a multiple of 8 bits',
  }),
  k: count('The number of hash functions k', 1, 8),
  seed: count('The hash seed', 0, 0xffffffff),
});
export type BloomToyParams = z.infer<typeof bloomToySchema>;

/** Position updates (inserts and probes times k) one Bloom experiment may make. */
export const MAX_BLOOM_WORK = 250_000_000;
/** The largest simulated filter: 2^27 bits, 16 MiB. */
export const MAX_EXPERIMENT_BITS = 2 ** 27;

export function bloomExperimentWork(p: {
  n: number;
  k: number;
  kFrom: number;
  kTo: number;
  probes: number;
  points: number;
}): number {
  const sweep = ((p.kFrom + p.kTo) * (p.kTo - p.kFrom + 1)) / 2;
  return (p.n + p.points * p.probes) * p.k + sweep * (p.n + p.probes);
}

const hashes = count('The number of hash functions', 1, 32);

export const bloomExperimentSchema = z
  .object({
    m: count('The filter size m', 64, MAX_EXPERIMENT_BITS),
    n: count('The number of keys n', 1, 10_000_000),
    k: hashes,
    kFrom: hashes,
    kTo: hashes,
    probes: count('Probes per point', 1000, 2_000_000),
    points: count('Points along the fill', 1, 50),
  })
  .superRefine((p, ctx) => {
    if (p.kTo < p.kFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['kTo'],
        message: `The k sweep must end at or above where it starts (k = ${p.kFrom})`,
      });
    const work = bloomExperimentWork(p);
    if (work > MAX_BLOOM_WORK)
      ctx.addIssue({
        code: 'custom',
        path: ['n'],
        message: `That is about ${fmt(Math.round(work / 1e6))} million bit updates; keep keys, probes and k at or below ${fmt(MAX_BLOOM_WORK / 1e6)} million`,
      });
  });
/** Checked against simulate's own param types where model.ts wires them. */
type BloomExperimentParams = z.infer<typeof bloomExperimentSchema>;

/** Bloom filter scenarios: the sizing inputs, the small drawn filter, and the experiment. */
export const bloomPresets = {
  'hundred-thousand': {
    title: '100,000 items at 1 %',
    description:
      'The textbook case: 958,506 bits (117 KiB) and 7 hash functions, about 9.6 bits an item. The experiment inserts the 100,000 keys and measures the rate against the formula.',
    sizing: { n: 100_000, p: 0.01, keyBytes: 16, overheadBytes: 32 },
    toy: { m: 64, k: 3, seed: 1 },
    experiment: {
      m: 958_506,
      n: 100_000,
      k: 7,
      kFrom: 1,
      kTo: 14,
      probes: 200_000,
      points: 20,
    },
    seed: 1,
  },
  'phone-numbers': {
    title: '100 M phone numbers at 0.1 %',
    description:
      'Sizing for a real workload: about 1.44 billion bits (171 MiB) and 10 hash functions, against roughly 4 GB for a hash set of the numbers as 8-byte integers. The experiment keeps the same 14.4 bits a number on 200,000 of them.',
    sizing: { n: 100_000_000, p: 0.001, keyBytes: 8, overheadBytes: 32 },
    toy: { m: 128, k: 4, seed: 2 },
    experiment: {
      m: 2_875_518,
      n: 200_000,
      k: 10,
      kFrom: 5,
      kTo: 15,
      probes: 500_000,
      points: 8,
    },
    seed: 2,
  },
  'make-it-lie': {
    title: 'A tiny filter that lies',
    description:
      'Thirty-two bits and three hash functions: add a handful of words and a word you never added soon answers "maybe".',
    sizing: { n: 10, p: 0.1, keyBytes: 16, overheadBytes: 32 },
    toy: { m: 32, k: 3, seed: 3 },
    experiment: { m: 320, n: 100, k: 3, kFrom: 1, kTo: 8, probes: 100_000, points: 20 },
    seed: 3,
  },
} as const satisfies Record<
  string,
  Described & {
    sizing: BloomSizingParams;
    toy: BloomToyParams;
    experiment: BloomExperimentParams;
  }
>;
