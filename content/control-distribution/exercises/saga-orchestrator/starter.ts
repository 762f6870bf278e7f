// A saga turns several steps, each in its own service, into one all-or-nothing business
// operation without a distributed transaction. Each step has an action (do it) and a
// compensation (undo it with a new, opposite operation, such as a refund for a charge).
//
// runSaga(steps) should:
//   1. Run the actions one at a time, in order, waiting for each before starting the next.
//   2. If every action succeeds: status 'completed'.
//   3. If an action fails (rejects, or throws straight away): run no further actions. Record
//      the failing step's name and its error message. Then compensate the steps that DID
//      complete, newest first, one at a time. The failed step is not compensated: its action
//      did not take effect.
//   4. If a compensation fails, note the step in failedCompensations (a person must fix it by
//      hand) and carry on compensating the remaining steps.
//   5. Status after a failure: 'compensated' if every compensation worked (including when there
//      was nothing to undo), otherwise 'needs-manual-intervention'.
// runSaga itself never rejects: it always resolves with a SagaResult.
//
// The version below handles the happy path only. Add steps 3 to 5.

export interface SagaStep {
  name: string;
  action(): Promise<void>;
  compensate(): Promise<void>;
}

export type SagaStatus = 'completed' | 'compensated' | 'needs-manual-intervention';

export interface SagaResult {
  status: SagaStatus;
  /** Steps whose action succeeded, in the order they ran. */
  completed: string[];
  /** Steps whose compensation succeeded, in the order the compensations ran. */
  compensated: string[];
  /** Steps whose compensation failed, in the order the compensations ran. */
  failedCompensations: string[];
  /** The step whose action failed, or null if none did. */
  failedStep: string | null;
  /** That action's error message (an Error's message, or String() of anything else thrown). */
  error: string | null;
}

export async function runSaga(steps: readonly SagaStep[]): Promise<SagaResult> {
  const result: SagaResult = {
    status: 'completed',
    completed: [],
    compensated: [],
    failedCompensations: [],
    failedStep: null,
    error: null,
  };
  for (const step of steps) {
    await step.action();
    result.completed.push(step.name);
  }
  return result;
}
