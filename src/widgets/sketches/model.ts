import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { z } from 'zod';
import { countMinRunSchema, hllRunSchema } from './params';
import { simulateCountMin, simulateHll } from './simulate';
import type { CountMinRunParams, CountMinRunResult, HllRunParams, HllRunResult } from './simulate';

/** The sketches lab's worker models (registered in src/sim/registry.ts). */

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
