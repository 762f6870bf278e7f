import type { SimModel } from '../../sim/model';
import { validateWith } from '../../sim/zodMessages';
import { consensusSchema } from './params';
import type { ConsensusParams } from './params';
import { simulateConsensus } from './simulate';
import type { ConsensusResult } from './types';

/** One fault script under naive failover and under majority quorums, and a zone loss per placement. */
export const consensusModel: SimModel<ConsensusParams, ConsensusResult> = {
  validate: validateWith(consensusSchema),
  run: simulateConsensus,
  transferables: (r) =>
    Object.values(r.runs).flatMap((s) => [
      s.roles.buffer,
      s.terms.buffer,
      s.offered.buffer,
      s.acked.buffer,
      s.lostSoFar.buffer,
      s.leaders.buffer,
    ]),
};
