import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { simulateBirthday } from './birthdaySim';
import type { BirthdaySimParams, BirthdaySimResult } from './birthdaySim';
import { z } from 'zod';
import {
  birthdaySimSchema,
  bloomExperimentSchema,
  countMinRunSchema,
  hllRunSchema,
} from './params';
import { simulateBloom, simulateCountMin, simulateHll } from './simulate';
import type {
  BloomExperimentParams,
  BloomExperimentResult,
  CountMinRunParams,
  CountMinRunResult,
  HllRunParams,
  HllRunResult,
  RateSeries,
} from './simulate';

/**
 * The widget's worker models, to be registered in src/sim/registry.ts with the view. Each
 * validates with its zod schema (params.ts), whose output type must fit the simulation's own
 * param type: the compiler checks the two agree. The calculators need no worker: theory.ts
 * answers them at once.
 */

const seriesBuffers = (s: RateSeries) => [
  s.falsePositives.buffer,
  s.measured.buffer,
  s.low.buffer,
  s.high.buffer,
  s.theory.buffer,
];

/** Measured false-positive rates along the fill and across k, with the formula beside them. */
export const bloomExperimentModel: SimModel<BloomExperimentParams, BloomExperimentResult> = {
  validate: validateWith(bloomExperimentSchema),
  run: simulateBloom,
  transferables: (r) => [
    ...seriesBuffers(r.fill),
    r.fill.inserted.buffer,
    r.fill.bitsSet.buffer,
    r.fill.bitsSetTheory.buffer,
    ...seriesBuffers(r.byK),
    r.byK.k.buffer,
    r.byK.bitsSet.buffer,
  ],
};

/** A count-min sketch on a Zipf stream: true against estimated counts, the εN bound, heavy hitters. */
export const countMinModel: SimModel<CountMinRunParams, CountMinRunResult> = {
  validate: validateWith(countMinRunSchema),
  run: simulateCountMin,
  transferables: (r) => [
    r.top.rank.buffer,
    r.top.trueCount.buffer,
    r.top.estimate.buffer,
    r.top.expected.buffer,
  ],
};

/** HyperLogLog's estimate against the true distinct count as a stream grows. */
export const hllModel: SimModel<HllRunParams, HllRunResult> = {
  validate: validateWith(hllRunSchema),
  run: simulateHll,
  transferables: (r) => [
    r.position.buffer,
    r.trueDistinct.buffer,
    r.estimate.buffer,
    r.raw.buffer,
    r.withoutAlpha.buffer,
    r.bandLow.buffer,
    r.bandHigh.buffer,
  ],
};

/** The simulation's settings by name, for problems a tampered link can cause. */
const birthdayLabels = {
  scheme: 'the way IDs are drawn',
  space: 'the ID space',
  bits: 'the ID size b',
  values: 'the number of possible IDs d',
  trials: 'the number of trials',
  machines: 'the number of machines',
  idsPerSecond: 'the IDs per second',
  randomValues: 'the number of random values',
};

/** Draw IDs until the first collision, many times over, against the birthday bound. */
export const birthdayModel: SimModel<BirthdaySimParams, BirthdaySimResult> = {
  validate: validateWith(birthdaySimSchema, birthdayLabels),
  run: simulateBirthday,
  transferables: (r) => [
    r.draws.buffer,
    ...(r.ms ? [r.ms.buffer] : []),
    r.histogram.edges.buffer,
    r.histogram.counts.buffer,
    r.histogram.empiricalCdf.buffer,
    r.histogram.theoryCdf.buffer,
  ],
};

/** What a sketches lab's scenario link carries: both runs' settings (they share one seed). */
export interface SketchesScenario {
  countMin: CountMinRunParams;
  hll: HllRunParams;
}

/** Checks a sketches scenario link with the two runs' own schemas. */
export const validateSketchesScenario = validateWith<SketchesScenario>(
  z.object({ countMin: countMinRunSchema, hll: hllRunSchema }),
  { countMin: 'the count-min sketch', hll: 'HyperLogLog' },
);
