import { sagaOddsOfSteps } from '../../formulas/saga.ts';
import type { SagaParams, SagaStep } from './params.ts';
import type { Policy } from './types.ts';

/**
 * What the lesson's formulas say each policy should do, when the orchestrator does not crash:
 * P(complete) = Π q_k and, for the naive policy, E[compensations] = Σ P(reach k)(1 − q_k)(k − 1),
 * both from `sagaOddsOfSteps` in src/formulas/saga.ts.
 *
 * q_k is the chance that the orchestrator sees step k done. One call succeeds with
 * s = 1 − fail − timeout − late. The careful orchestrator tries a retriable step A times with the
 * same key, so a late success on any try but the last shows up as "done" on the next:
 * q = 1 − (1 − s − late)^(A − 1) (1 − s), which is the lesson's 1 − (1 − s)^A when nothing
 * lands late. Every other step gets one call under both policies.
 */

export const callSuccess = (s: SagaStep) => 1 - (s.failPct + s.timeoutPct + s.latePct) / 100;

export function seenDone(s: SagaStep, policy: Policy, attempts: number): number {
  const one = callSuccess(s);
  if (policy === 'naive' || s.kind !== 'retriable') return one;
  return 1 - (1 - one - s.latePct / 100) ** (attempts - 1) * (1 - one);
}

export interface PolicyTheory {
  complete: number;
  /** Expected compensations per saga; only the naive policy undoes exactly the k − 1 steps before a failure. */
  compensations: number | null;
}

/** The theory for both policies, or null when the crash is switched on (the formulas leave it out). */
export function sagaTheory(p: SagaParams): Record<Policy, PolicyTheory> | null {
  if (p.crashAt > 0 && p.crashPct > 0) return null;
  const of = (policy: Policy) => {
    const odds = sagaOddsOfSteps(p.steps.map((s) => seenDone(s, policy, p.attempts)));
    // The schema keeps every chance in [0, 1], so the formula cannot refuse it.
    if (!odds.ok) throw new Error(odds.reason);
    return odds.value;
  };
  const naive = of('naive');
  return {
    naive: { complete: naive.complete, compensations: naive.expectedCompensations },
    correct: { complete: of('correct').complete, compensations: null },
  };
}
