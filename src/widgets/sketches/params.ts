import { z } from 'zod';
import { count, fmt, share } from '../shared/fields.ts';
import type { Described } from '../shared/fields.ts';
import { countMinDimensions } from './theory.ts';

/**
 * Parameters of the count-min and HyperLogLog lab, with the limits and the messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only explicit `.ts` imports of pure
 * modules.
 */

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
