export interface SagaStep {
  name: string;
  action(): Promise<void>;
  compensate(): Promise<void>;
}

export type SagaStatus = 'completed' | 'compensated' | 'needs-manual-intervention';

export interface SagaResult {
  status: SagaStatus;
  completed: string[];
  compensated: string[];
  failedCompensations: string[];
  failedStep: string | null;
  error: string | null;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runSaga(steps: readonly SagaStep[]): Promise<SagaResult> {
  const result: SagaResult = {
    status: 'completed',
    completed: [],
    compensated: [],
    failedCompensations: [],
    failedStep: null,
    error: null,
  };
  const done: SagaStep[] = [];
  for (const step of steps) {
    try {
      await step.action();
    } catch (error) {
      result.failedStep = step.name;
      result.error = describe(error);
      break;
    }
    done.push(step);
    result.completed.push(step.name);
  }
  if (result.failedStep === null) return result;

  for (const step of [...done].reverse()) {
    try {
      await step.compensate();
      result.compensated.push(step.name);
    } catch {
      result.failedCompensations.push(step.name);
    }
  }
  result.status = result.failedCompensations.length ? 'needs-manual-intervention' : 'compensated';
  return result;
}
