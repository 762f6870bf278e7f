import { z } from 'zod/mini';
import type { CheckResult, RunResult, RunStatus } from '../harness';

/**
 * What the sandbox may say to the page, and how the page judges it. The sandbox reports each
 * check's own result and nothing else: no overall status, no summary. The page checks the shape
 * strictly (no unknown fields, bounded text), checks that the results are this exercise's
 * checks in order, and works out the verdict itself, so a run whose realm was tampered with
 * cannot claim a pass by what it leaves out or adds.
 */

/** Bounds a little above the sandbox's own (TEXT_LIMIT, BoundedOutput) so honest text fits. */
const text = z.string().check(z.maxLength(4_000));
const output = z.string().check(z.maxLength(12_000));

const checkSchema = z.strictObject({
  title: z.string().check(z.maxLength(500)),
  objective: z.string().check(z.maxLength(2_000)),
  hint: z.string().check(z.maxLength(2_000)),
  status: z.enum(['pass', 'fail', 'error']),
  message: z.nullable(text),
  expected: z.nullable(text),
  actual: z.nullable(text),
});

/** From the sandbox's worker: about to run the learner's code (the time limit starts now). */
export interface StartedMessage {
  kind: 'started';
}
/** From the sandbox's worker: every check ran; each one's result, in order. */
export interface CheckedMessage {
  kind: 'checked';
  checks: CheckResult[];
  output: string;
}
/** From the sandbox's worker: the code could not be run (does not parse, threw while loading…). */
export interface FailedMessage {
  kind: 'failed';
  message: string;
  output: string;
}
export type WorkerMessage = StartedMessage | CheckedMessage | FailedMessage;

const messageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ready') }),
  z.strictObject({ kind: z.literal('crash'), message: z.string() }),
  z.strictObject({ kind: z.literal('started') }),
  z.strictObject({
    kind: z.literal('checked'),
    checks: z.array(checkSchema).check(z.maxLength(100)),
    output,
  }),
  z.strictObject({ kind: z.literal('failed'), message: text, output }),
]);

export type SandboxMessage = z.infer<typeof messageSchema>;

/** A message from the sandbox, or null if it is not one of the expected shapes. */
export function readMessage(data: unknown): SandboxMessage | null {
  const parsed = messageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The overall verdict from the checks' own results: any error, else any failure, else a pass. */
export function overallStatus(checks: readonly CheckResult[]): RunStatus {
  if (checks.length === 0) return 'error';
  let failed = false;
  for (const check of checks) {
    if (check.status === 'error') return 'error';
    if (check.status !== 'pass') failed = true;
  }
  return failed ? 'fail' : 'pass';
}

export interface Timing {
  limitMs: number;
  /** How long the learner's code ran, from its start to its result; null if it never started. */
  usedMs: number | null;
}

/** The page's verdict on a finished run, given the exercise's check titles in order. */
export function judge(
  message: CheckedMessage | FailedMessage,
  checkTitles: readonly string[],
  timing: Timing,
): RunResult {
  if (message.kind === 'failed')
    return {
      status: 'error',
      message: message.message,
      checks: [],
      output: message.output,
      ...timing,
    };
  const same =
    message.checks.length === checkTitles.length &&
    message.checks.every((c, i) => c.title === checkTitles[i]);
  if (!same)
    return {
      status: 'error',
      message:
        'The results that came back are not this exercise’s checks, so this run does not count.',
      checks: [],
      output: message.output,
      ...timing,
    };
  return {
    status: overallStatus(message.checks),
    message: null,
    checks: message.checks,
    output: message.output,
    ...timing,
  };
}
