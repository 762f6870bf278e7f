import { CheckFailure } from './kit.ts';
import type { Check } from './kit.ts';
import { capText } from './text.ts';

export type { Check };

/**
 * Running an exercise's checks against a learner's module, the same way in the sandboxed worker
 * and in the content lint. The result follows the shape of Exercism's test-runner interface: an
 * overall status, and per check its status, message, and the objective it maps to. Only the
 * per-check results come from here; the page works out the overall status (sandbox/protocol.ts).
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
  /** The time limit of the learner's code. */
  limitMs: number;
  /** How long the learner's code ran before its result came back; null if it never started. */
  usedMs: number | null;
}

/**
 * A thrown value as one line of text, within TEXT_LIMIT characters. Never throws: a value that
 * cannot be read (a hostile Proxy, a getter that throws, a symbol) is described in words.
 */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = String(error.name);
      const message = String(error.message);
      if (name === 'TypeError' && message === SES_FUNCTION_CONSTRUCTOR)
        return 'Making code from a string (eval, new Function) is not available in exercises: your code runs without network or storage.';
      const text = `${name === 'Error' ? '' : `${name}: `}${message}`;
      return capText(text, 'the error’s message');
    }
    if (typeof error === 'string')
      return capText(`threw ${JSON.stringify(error)}`, 'the thrown string');
    if (typeof error === 'symbol') return `threw ${error.toString()}`;
    return capText(`threw ${String(error)}`, 'the thrown value’s text');
  } catch {
    return 'a value that cannot be shown (reading it failed)';
  }
}

/** What the hardened realm's tamed `Function.prototype.constructor` throws (SES). */
const SES_FUNCTION_CONSTRUCTOR = 'Function.prototype.constructor is not a valid constructor.';

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
      results.push({ ...base, ...judgeThrown(error, locate) });
    }
  }
  return results;
}

/** A check's result from what it threw: a CheckFailure fails it, anything else is an error. */
function judgeThrown(
  error: unknown,
  locate: (error: unknown) => number | null,
): Pick<CheckResult, 'status' | 'message' | 'expected' | 'actual'> {
  try {
    if (error instanceof CheckFailure) {
      const text = (x: unknown) =>
        typeof x === 'string' ? capText(x, 'the text of this check’s result') : null;
      return {
        status: 'fail',
        message: text(error.message) ?? 'this check failed',
        expected: text(error.expected),
        actual: text(error.actual),
      };
    }
  } catch {
    /* a value that cannot even be read is an error, below */
  }
  let line: number | null = null;
  try {
    line = locate(error);
  } catch {
    /* no line, then */
  }
  return {
    status: 'error',
    message: `Your code threw${line ? ` at line ${line}` : ''}: ${describeError(error)}`,
    expected: null,
    actual: null,
  };
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
