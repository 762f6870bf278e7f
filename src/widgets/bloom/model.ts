import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { bloomExperimentSchema } from './params';
import { simulateBloom } from './simulate';
import type { BloomExperimentParams, BloomExperimentResult } from './simulate';
import type { RateSeries } from '../shared/experiment';

/** The Bloom lab's worker model (registered in src/sim/registry.ts); its zod schema's output must fit the simulation's param type. The calculators need no worker: theory.ts answers them at once. */

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
