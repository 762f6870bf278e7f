import { z } from 'zod';
import { count, fmt } from '../shared/fields.ts';
import type { Described } from '../shared/fields.ts';
import {
  birthdayExpectedDraws,
  MAX_ID_BITS,
  timestampIdCollision,
} from '../../formulas/birthday.ts';
import type { IdSpace } from '../../formulas/birthday.ts';

/**
 * Parameters of the birthday calculator, with the limits and the messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only explicit `.ts` imports of pure
 * modules.
 */

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
