import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { cascadeSchema } from './params';
import type { CascadeParams } from './params';
import { simulateCascade } from './simulate';
import type { CascadeResult } from './types';

/** The pool's seeded run with its outcome, and the logistic map's pair beside the formula. */
export const cascadeModel: SimModel<CascadeParams, CascadeResult> = {
  validate: validateWith(cascadeSchema, {
    fix: 'the corrective action',
    x0: 'the starting point x₀',
    hitPct: 'the cache hit ratio (%)',
    perServer: 'each server’s capacity',
  }),
  run: simulateCascade,
  transferables: (r) => [
    ...Object.values(r.series).map((a: Float64Array) => a.buffer),
    r.logistic.a.buffer,
    r.logistic.b.buffer,
    r.logistic.distance.buffer,
  ],
};
