import { z } from 'zod';
import {
  birthdayExpectedDraws,
  countMinDimensions,
  MAX_ID_BITS,
  timestampIdCollision,
} from './theory.ts';
import type { IdSpace } from './theory.ts';

/**
 * Parameters of the Bloom-filter widget's calculators and experiments, with the limits and the
 * messages a learner sees, and its presets. Imported at build time by the content lint, so only
 * explicit `.ts` imports of pure modules.
 */

const fmt = (x: number) => x.toLocaleString('en');

/** A share or probability, kept inside [min, max] ⊂ (0, 1): 0 and 1 are never allowed. */
const share = (what: string, min: number, max: number) => {
  const range = `${what} must be a share from ${min} to ${max} (0 and 1 are not allowed)`;
  return z
    .number({ error: `${what} must be a number` })
    .min(min, range)
    .max(max, range);
};

const count = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

const bytes = (what: string) =>
  z
    .number({ error: `${what} must be a number of bytes` })
    .min(0, `${what} cannot be negative`)
    .max(1_000_000, `${what} must be at most 1,000,000 bytes`);

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

// ——— Count-min sketch and HyperLogLog ———

/** Hash evaluations one count-min run may make: a row each per stream item and per item checked. */
export const MAX_COUNT_MIN_WORK = 100_000_000;

export const countMinRunSchema = z
  .object({
    epsilon: share('The error ε', 1e-5, 0.5),
    delta: share('The failure probability δ', 1e-9, 0.5),
    items: count('Distinct items', 1, 1_000_000),
    s: z
      .number({ error: 'The Zipf exponent s must be a number' })
      .min(0, 'The Zipf exponent s must be at least 0 (0 is uniform)')
      .max(3, 'The Zipf exponent s must be at most 3'),
    streamLength: count('The stream length', 1, 10_000_000),
    top: count('Top items shown', 1, 100),
    phi: share('The heavy-hitter share φ', 1e-5, 0.5),
  })
  .superRefine((p, ctx) => {
    const dimensions = countMinDimensions(p.epsilon, p.delta);
    if (!dimensions.ok) return; // ε and δ already have their own messages
    const { depth } = dimensions.value;
    const work = (p.streamLength + p.items) * depth;
    if (work > MAX_COUNT_MIN_WORK)
      ctx.addIssue({
        code: 'custom',
        path: ['streamLength'],
        message: `That is about ${fmt(Math.round(work / 1e6))} million hash evaluations (${depth} rows); keep (stream length + items) × rows at or below ${fmt(MAX_COUNT_MIN_WORK / 1e6)} million`,
      });
  });
/** Checked against simulate's own param types where model.ts wires them. */
type CountMinRunParams = z.infer<typeof countMinRunSchema>;

export const hllRunSchema = z.object({
  precision: count('The precision p', 4, 16),
  streamLength: count('The stream length', 1, 20_000_000),
  universe: count('The number of possible values', 1, 100_000_000),
  points: count('Checkpoints', 2, 200),
});
/** Checked against simulate's own param types where model.ts wires them. */
type HllRunParams = z.infer<typeof hllRunSchema>;

// ——— Birthday bound ———

/** An ID space given as exactly one of bits (d = 2^b) or values (d). */
function idSpaceSchema(maxBits: number, bitsMessage: string, maxValues: number, valuesMax: string) {
  return z
    .object({
      bits: z
        .int('The ID size b must be a whole number of bits')
        .min(1, 'The ID size b must be at least 1 bit')
        .max(maxBits, bitsMessage)
        .optional(),
      values: z
        .int('The number of possible IDs d must be a whole number')
        .min(1, 'The number of possible IDs d must be at least 1')
        .max(maxValues, valuesMax)
        .optional(),
    })
    .superRefine((s, ctx) => {
      if ((s.bits === undefined) === (s.values === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['bits'],
          message: 'Give the ID space either as bits b or as a number of values d, not both',
        });
    })
    .transform((s): IdSpace => (s.bits !== undefined ? { bits: s.bits } : { values: s.values! }));
}

const calculatorSpace = idSpaceSchema(
  MAX_ID_BITS,
  `The ID size b must be at most ${MAX_ID_BITS} bits (a UUIDv4 has 122 random bits)`,
  2 ** MAX_ID_BITS,
  'The number of possible IDs d must be at most 2^128',
);

export const birthdayCalcSchema = z.discriminatedUnion(
  'scheme',
  [
    z.object({
      scheme: z.literal('uniform'),
      space: calculatorSpace,
      n: count('The number of IDs n', 1, 2 ** MAX_ID_BITS),
    }),
    z.object({
      scheme: z.literal('timestamp'),
      machines: count('The number of machines', 1, 1_000_000),
      idsPerSecond: z
        .number({ error: 'IDs per second must be a number' })
        .gt(0, 'IDs per second must be above 0')
        .max(10_000_000, 'IDs per second must be at most 10,000,000 per machine'),
      randomValues: count('The number of random values', 1, 1e9),
      windowS: z
        .number({ error: 'The window must be a number of seconds' })
        .gt(0, 'The window must be above 0 s')
        .max(1e10, 'The window must be at most 10,000,000,000 s'),
    }),
  ],
  {
    error: 'IDs are drawn uniformly ("uniform") or as a timestamp plus a random part ("timestamp")',
  },
);
export type BirthdayCalcParams = z.infer<typeof birthdayCalcSchema>;

/** Most IDs a birthday simulation may expect to draw, over all trials and in one. */
export const MAX_BIRTHDAY_DRAWS = 20_000_000;
/** Per trial: the table of IDs seen then stays near 24 MB. */
export const MAX_DRAWS_PER_TRIAL = 1_000_000;

const trials = count('Trials', 1, 100_000);

export const birthdaySimSchema = z
  .discriminatedUnion(
    'scheme',
    [
      z.object({
        scheme: z.literal('uniform'),
        space: idSpaceSchema(
          53,
          'The simulation draws IDs of at most 53 bits; for bigger IDs (a UUIDv4 has 122 random bits) use the calculator',
          2 ** 53,
          'The simulation draws from at most 2^53 values; use the calculator beyond',
        ),
        trials,
      }),
      z.object({
        scheme: z.literal('timestamp'),
        machines: count('The number of machines', 1, 100_000),
        idsPerSecond: z
          .number({ error: 'IDs per second must be a number' })
          .gt(0, 'IDs per second must be above 0')
          .max(1_000_000, 'IDs per second must be at most 1,000,000 per machine'),
        randomValues: count('The number of random values', 2, 1_000_000),
        trials,
      }),
    ],
    {
      error:
        'IDs are drawn uniformly ("uniform") or as a timestamp plus a random part ("timestamp")',
    },
  )
  .superRefine((p, ctx) => {
    let perTrial: number;
    if (p.scheme === 'uniform') {
      const e = birthdayExpectedDraws(p.space);
      if (!e.ok) return;
      perTrial = e.value;
    } else {
      const t = timestampIdCollision({ ...p, windowS: 1 });
      if (!t.ok) {
        ctx.addIssue({ code: 'custom', path: ['machines'], message: t.reason });
        return;
      }
      perTrial = t.value.perMs / t.value.pPerMs;
    }
    if (perTrial > MAX_DRAWS_PER_TRIAL)
      ctx.addIssue({
        code: 'custom',
        path: [p.scheme === 'uniform' ? 'space' : 'machines'],
        message: `The first collision takes about ${fmt(Math.round(perTrial))} IDs on average; the simulation stops at ${fmt(MAX_DRAWS_PER_TRIAL)} a trial, so shrink the space or use the calculator`,
      });
    else if (perTrial * p.trials > MAX_BIRTHDAY_DRAWS)
      ctx.addIssue({
        code: 'custom',
        path: ['trials'],
        message: `That is about ${fmt(Math.round(perTrial * p.trials))} IDs in all; keep trials × IDs per trial at or below ${fmt(MAX_BIRTHDAY_DRAWS)}`,
      });
  });
/** Checked against simulate's own param types where model.ts wires them. */
type BirthdaySimParams = z.infer<typeof birthdaySimSchema>;

// ——— Presets ———

interface Described {
  title: string;
  description: string;
  seed: number;
}

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

export const countMinPresets = {
  'zipf-traffic': {
    title: 'Page views: a million hits over 100,000 pages',
    description:
      'A Zipf stream with s = 1.1, like real page views. ε = 0.1 % and δ = 1 % give 5 rows of 2,719 counters; an estimate overshoots by more than εN = 1,000 with probability at most 1 %.',
    params: {
      epsilon: 0.001,
      delta: 0.01,
      items: 100_000,
      s: 1.1,
      streamLength: 1_000_000,
      top: 20,
      phi: 0.01,
    },
    seed: 11,
  },
  'flat-traffic': {
    title: 'Flat traffic: no heavy hitters',
    description:
      'With s = 0.5 the counts are spread out: the most frequent page gets about 0.16 % of the views, so no item reaches the 1 % heavy-hitter line.',
    params: {
      epsilon: 0.001,
      delta: 0.01,
      items: 100_000,
      s: 0.5,
      streamLength: 1_000_000,
      top: 20,
      phi: 0.01,
    },
    seed: 12,
  },
} as const satisfies Record<string, Described & { params: CountMinRunParams }>;

export const hllPresets = {
  'unique-visitors': {
    title: 'Unique visitors with 16 KiB',
    description:
      'Precision 14: 16,384 one-byte registers count a million possible visitors to within about 0.8 %.',
    params: { precision: 14, streamLength: 2_000_000, universe: 1_000_000, points: 40 },
    seed: 21,
  },
  'tiny-sketch': {
    title: 'Sixteen registers',
    description:
      'Precision 4: the standard error is 1.04/√16 = 26 %, and the estimate wanders accordingly.',
    params: { precision: 4, streamLength: 200_000, universe: 100_000, points: 40 },
    seed: 22,
  },
} as const satisfies Record<string, Described & { params: HllRunParams }>;

export const birthdayPresets = {
  'birthday-23': {
    title: '23 people, 365 days',
    description:
      'The classic: with 23 people the chance two share a birthday is just over a half (50.7 %).',
    calc: { scheme: 'uniform', space: { values: 365 }, n: 23 },
    simulation: { scheme: 'uniform', space: { values: 365 }, trials: 10_000 },
    seed: 31,
  },
  'uuid-v4': {
    title: 'UUIDv4: 122 random bits',
    description:
      'A billion UUIDs give a collision chance near 10^−19; even odds need about 2.7 × 10^18. No simulation reaches that, so the run draws 32-bit IDs instead, whose first collision comes after about 82,000.',
    calc: { scheme: 'uniform', space: { bits: 122 }, n: 1_000_000_000 },
    simulation: { scheme: 'uniform', space: { bits: 32 }, trials: 100 },
    seed: 32,
  },
  'ms-timestamp': {
    title: 'Millisecond timestamp + random(0..999), 50 machines',
    description:
      'Fifty machines each issuing 200 IDs a second: about 10 IDs share each millisecond, and two of them pick the same random part every 20 ms or so.',
    calc: {
      scheme: 'timestamp',
      machines: 50,
      idsPerSecond: 200,
      randomValues: 1000,
      windowS: 86_400,
    },
    simulation: {
      scheme: 'timestamp',
      machines: 50,
      idsPerSecond: 200,
      randomValues: 1000,
      trials: 2000,
    },
    seed: 33,
  },
} as const satisfies Record<
  string,
  Described & { calc: BirthdayCalcParams; simulation: BirthdaySimParams }
>;

/** Every preset of the widget by name, for the widget catalog (names are unique across panels). */
export const presets = {
  ...bloomPresets,
  ...countMinPresets,
  ...hllPresets,
  ...birthdayPresets,
};
export type BloomWidgetPresetName = keyof typeof presets;
