import { CheckFailure } from './kit.ts';
import type { Check } from './kit.ts';

export type { Check };

/**
 * Running an exercise's checks against a learner's module, the same way in the sandboxed worker
 * and in the content lint. The result follows the shape of Exercism's test-runner interface: an
 * overall status, and per check its status, message, and the objective it maps to.
 */

export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckResult {
  title: string;
  objective: string;
  hint: string;
  status: CheckStatus;
  message: string | null;
  expected: string | null;
  actual: string | null;
}

export type RunStatus = 'pass' | 'fail' | 'error' | 'timeout';

export interface RunResult {
  status: RunStatus;
  /** For `error` and `timeout`: what went wrong, in words. */
  message: string | null;
  checks: CheckResult[];
  /** Console output, cut to a bounded size. */
  output: string;
}

/** A thrown value as one line of text. */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`;
  return `threw ${typeof error === 'string' ? JSON.stringify(error) : String(error)}`;
}

/** Runs the checks in order; one failing or throwing never stops the rest. */
export async function runChecks<M>(
  checks: readonly Check<M>[],
  mod: M,
  /** The learner's line an error was thrown from, when it can tell. */
  locate: (error: unknown) => number | null = () => null,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const base = { title: check.title, objective: check.objective, hint: check.hint };
    try {
      await check.run(mod);
      results.push({ ...base, status: 'pass', message: null, expected: null, actual: null });
    } catch (error) {
      if (error instanceof CheckFailure)
        results.push({
          ...base,
          status: 'fail',
          message: error.message,
          expected: error.expected ?? null,
          actual: error.actual ?? null,
        });
      else {
        const line = locate(error);
        results.push({
          ...base,
          status: 'error',
          message: `Your code threw${line ? ` at line ${line}` : ''}: ${describeError(error)}`,
          expected: null,
          actual: null,
        });
      }
    }
  }
  return results;
}

export function overallStatus(checks: readonly CheckResult[]): RunStatus {
  if (checks.some((c) => c.status === 'error')) return 'error';
  return checks.every((c) => c.status === 'pass') ? 'pass' : 'fail';
}

/** Keeps console output within `limit` characters, saying how much was cut. */
export class BoundedOutput {
  private text = '';
  private dropped = 0;
  constructor(private readonly limit = 10_000) {}

  write(line: string): void {
    if (this.text.length + line.length + 1 > this.limit) {
      this.dropped += line.length + 1;
      return;
    }
    this.text += `${line}\n`;
  }

  toString(): string {
    return this.dropped
      ? `${this.text}… ${this.dropped.toLocaleString('en')} more characters of output were cut.\n`
      : this.text;
  }
}
