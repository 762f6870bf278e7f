import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { birthdaySimSchema } from './params';
import { simulateBirthday } from './birthdaySim';
import type { BirthdaySimParams, BirthdaySimResult } from './birthdaySim';

/** The birthday calculator's worker model (registered in src/sim/registry.ts). */

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
