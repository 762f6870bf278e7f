import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { killSwitchSchema } from './params';
import type { KillSwitchParams } from './params';
import { simulateDrill } from './simulate';
import type { KillSwitchResult } from './types';

/** One incident under five designs, many seeded runs, run 1 kept as a timeline. */
export const killSwitchModel: SimModel<KillSwitchParams, KillSwitchResult> = {
  validate: validateWith(killSwitchSchema),
  run: simulateDrill,
  transferables: (r) =>
    r.examples.flatMap((e) => [e.harm.buffer, e.acting.buffer, e.hostDelays.buffer]),
};
