/**
 * The small amount of arithmetic the saga lesson states: how often a saga of n steps completes
 * when each step succeeds independently, what retries do to that, and how many compensations a
 * failed saga runs on average. Pure functions; bad input returns a reason, never NaN.
 */

export type SagaResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

export interface SagaOdds {
  /** Chance that one step succeeds within its attempts: 1 − (1 − p)^attempts. */
  perStep: number;
  /** Chance that every step succeeds: perStep^n. */
  complete: number;
  /** 1 − complete: the saga has to compensate (or the very first step failed). */
  fail: number;
  /**
   * Expected number of compensations one saga runs: a failure at step k (k = 1…n) undoes the
   * k − 1 steps before it, so E = Σ q^(k−1) (1 − q) (k − 1) with q = perStep.
   */
  expectedCompensations: number;
  /** Share of sagas that fail at a later step and so need at least one compensation. */
  needsCompensation: number;
}

function checkInputs(p: number, n: number, attempts: number): string | null {
  if (!Number.isFinite(p) || p < 0 || p > 1)
    return `p = ${p}: a step's chance of success must be between 0 and 1`;
  if (!Number.isInteger(n) || n < 1)
    return `n = ${n}: a saga needs a whole number of steps, at least 1`;
  if (!Number.isInteger(attempts) || attempts < 1)
    return `attempts = ${attempts}: each step is tried a whole number of times, at least once`;
  return null;
}

/** What `sagaOddsOfSteps` returns: the odds of a saga whose steps differ. */
export type StepOdds = Omit<SagaOdds, 'perStep'>;

/**
 * Odds for a saga whose step k (1-based) succeeds with its own chance q_k, independently:
 * complete = Π q_k; a failure at step k undoes the k − 1 steps before it, so
 * E[compensations] = Σ (Π_{j<k} q_j) (1 − q_k) (k − 1). With every q_k = q this is `sagaOdds`.
 */
export function sagaOddsOfSteps(q: readonly number[]): SagaResult<StepOdds> {
  if (q.length < 1) return fail('a saga needs at least one step');
  for (const [i, x] of q.entries())
    if (!Number.isFinite(x) || x < 0 || x > 1)
      return fail(`step ${i + 1}: its chance of success (${x}) must be between 0 and 1`);
  let reach = 1; // chance of reaching step k
  let expected = 0;
  for (const [i, x] of q.entries()) {
    expected += reach * (1 - x) * i;
    reach *= x;
  }
  const complete = reach;
  // Fails somewhere after step 1: everything except "completes" and "fails at step 1".
  const needsCompensation = Math.max(0, 1 - complete - (1 - q[0]!));
  return {
    ok: true,
    value: { complete, fail: 1 - complete, expectedCompensations: expected, needsCompensation },
  };
}

/**
 * Odds for a saga of `n` steps, each succeeding with probability `p` per attempt, independently,
 * and tried up to `attempts` times. Independence is the optimistic assumption: retries of a step
 * whose dependency is down fail together.
 */
export function sagaOdds(p: number, n: number, attempts = 1): SagaResult<SagaOdds> {
  const problem = checkInputs(p, n, attempts);
  if (problem) return fail(problem);
  const q = 1 - (1 - p) ** attempts;
  const odds = sagaOddsOfSteps(Array.from({ length: n }, () => q));
  return odds.ok ? { ok: true, value: { perStep: q, ...odds.value } } : odds;
}

/** Of `runs` sagas, how many are expected not to complete. */
export function expectedFailures(
  p: number,
  n: number,
  runs: number,
  attempts = 1,
): SagaResult<number> {
  if (!Number.isFinite(runs) || runs < 0) return fail(`runs = ${runs}: must be zero or more`);
  const odds = sagaOdds(p, n, attempts);
  return odds.ok ? { ok: true, value: runs * odds.value.fail } : odds;
}

/**
 * The compensations a saga runs when step `failedAt` (1-based) fails, in the order they run:
 * the completed steps 1 … failedAt − 1, newest first. Steps with nothing to undo (compensation
 * null, such as a read-only check) are skipped.
 */
export function compensationOrder(
  steps: readonly { name: string; compensation: string | null }[],
  failedAt: number,
): SagaResult<string[]> {
  if (!Number.isInteger(failedAt) || failedAt < 1 || failedAt > steps.length)
    return fail(
      `failedAt = ${failedAt}: must name one of the ${steps.length} steps (1 to ${steps.length})`,
    );
  const order: string[] = [];
  for (let i = failedAt - 2; i >= 0; i -= 1) {
    const c = steps[i]!.compensation;
    if (c !== null) order.push(c);
  }
  return { ok: true, value: order };
}
