import { z } from 'zod';

/**
 * Parameters of the saga orchestrator widget, with the limits and messages a learner sees, and
 * its presets. Imported at build time by the content lint, so only pure modules with `.ts`
 * imports.
 *
 * An order saga runs its steps in order, each at its own service. Every call to a step is one of:
 * it succeeds; it fails cleanly (nothing happened); it times out and nothing happened (the
 * request was lost); or it times out but the step took effect late, after the orchestrator
 * stopped waiting. The orchestrator cannot tell the last two apart. A compensation call fails
 * with its own chance. Probabilities are percentages, as the form shows them.
 */

export const MAX_SAGAS = 50_000;
export const MAX_STEPS = 8;
export const MAX_ATTEMPTS = 10;

/**
 * Compensatable steps can be undone; the pivot decides the outcome (it can still be undone if
 * it fails or times out); after it come retriable steps, which are never undone: the correct
 * policy retries them until they succeed or a person has to finish them.
 */
export const STEP_KINDS = ['compensatable', 'pivot', 'retriable'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const fmt = (x: number) => x.toLocaleString('en');

const whole = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

const pct = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(0, `${what} must be at least 0 %`)
    .max(100, `${what} must be at most 100 %`);

const stepSchema = z
  .object({
    name: z.string().min(1, 'A step needs a name').max(40, 'A step name is at most 40 characters'),
    service: z
      .string()
      .min(1, 'A step needs a service')
      .max(30, 'A service name is at most 30 characters'),
    failPct: pct('The chance it fails cleanly'),
    timeoutPct: pct('The chance it times out with nothing done'),
    latePct: pct('The chance it times out but takes effect late'),
    compFailPct: pct('The chance its compensation fails'),
    kind: z.enum(STEP_KINDS, {
      error: 'A step is compensatable, the pivot or retriable',
    }),
  })
  .refine((s) => s.failPct + s.timeoutPct + s.latePct <= 100, {
    path: ['latePct'],
    // `value` is whatever was parsed, a missing step included (a tampered link): read it with care.
    when: ({ value }) => {
      const v = value as Record<string, unknown> | null | undefined;
      return [v?.failPct, v?.timeoutPct, v?.latePct].every(Number.isFinite);
    },
    error: (issue) => {
      const s = issue.input as { failPct: number; timeoutPct: number; latePct: number };
      return `Failing, timing out and taking effect late add up to ${fmt(s.failPct + s.timeoutPct + s.latePct)} %, more than 100 %`;
    },
  });

export type SagaStep = z.infer<typeof stepSchema>;

/** Steps must run compensatable first, then at most one pivot, then the retriable ones. */
export function orderProblem(steps: readonly { kind: StepKind; name: string }[]): {
  index: number;
  message: string;
} | null {
  let seenPivot = false;
  let seenRetriable = false;
  for (const [i, s] of steps.entries()) {
    const label = `Step ${i + 1} (${s.name})`;
    if (s.kind === 'pivot') {
      if (seenPivot) return { index: i, message: `${label}: a saga has only one pivot` };
      if (seenRetriable)
        return { index: i, message: `${label}: the pivot must come before the retriable steps` };
      seenPivot = true;
    } else if (s.kind === 'retriable') seenRetriable = true;
    else if (seenPivot || seenRetriable)
      return {
        index: i,
        message: `${label} is compensatable, but it comes after the ${seenRetriable ? 'retriable steps' : 'pivot'}: after the pivot a saga only moves forward, so every later step must be retriable`,
      };
  }
  return null;
}

export const sagaSchema = z
  .object({
    sagas: whole('The number of sagas', 1, MAX_SAGAS),
    steps: z
      .array(stepSchema)
      .min(1, 'A saga needs at least one step')
      .max(MAX_STEPS, `A saga has at most ${MAX_STEPS} steps here`),
    attempts: whole('The attempts at a retriable step', 1, MAX_ATTEMPTS),
    compAttempts: whole('The attempts at a compensation', 1, MAX_ATTEMPTS),
    crashAt: whole('The step the orchestrator crashes at', 0, MAX_STEPS),
    crashPct: pct('The share of sagas in flight at the crash'),
  })
  .superRefine((p, ctx) => {
    if (!Array.isArray(p.steps)) return;
    const order = orderProblem(p.steps);
    if (order)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', order.index, 'kind'],
        message: order.message,
      });
    if (Number.isInteger(p.crashAt) && p.crashAt > p.steps.length)
      ctx.addIssue({
        code: 'custom',
        path: ['crashAt'],
        message: `The orchestrator can crash only at one of the ${p.steps.length} steps`,
      });
  });

export type SagaParams = z.infer<typeof sagaSchema>;

const step = (
  name: string,
  service: string,
  kind: StepKind,
  [failPct, timeoutPct, latePct, compFailPct]: readonly [number, number, number, number],
): SagaStep => ({ name, service, failPct, timeoutPct, latePct, compFailPct, kind });

/** The checkout of the lesson: reserve stock → charge card → book courier → send confirmation. */
const checkout = (over: Partial<SagaParams> = {}): SagaParams => ({
  sagas: 10_000,
  steps: [
    step('reserve stock', 'inventory', 'compensatable', [2, 0.5, 0.5, 2]),
    step('charge card', 'payment', 'pivot', [3, 1, 1, 2]),
    step('book courier', 'shipping', 'retriable', [2, 1, 0.5, 2]),
    step('send confirmation', 'email', 'retriable', [1, 0.5, 0.5, 2]),
  ],
  attempts: 4,
  compAttempts: 5,
  crashAt: 0,
  crashPct: 0,
  ...over,
});

const clean = checkout({
  steps: [
    step('reserve stock', 'inventory', 'compensatable', [2, 0, 0, 0]),
    step('charge card', 'payment', 'pivot', [3, 0, 0, 0]),
    step('book courier', 'shipping', 'retriable', [2, 0, 0, 0]),
    step('send confirmation', 'email', 'retriable', [1, 0, 0, 0]),
  ],
});

export const presets = {
  checkout: {
    title: 'Checkout: 10,000 orders, a few timeouts',
    description:
      'Four steps with a few per cent of clean failures and about one call in a hundred timing out, half of those after the step took effect. Compensations fail 2 % of the time.',
    params: checkout(),
    seed: 1,
  },
  'clean-failures': {
    title: 'Clean failures only',
    description:
      'Every failure is a clear “no”: no timeouts, no late successes, and every compensation works. The naive orchestrator leaves nothing inconsistent here; it only completes fewer orders, because it never retries. Add timeouts and watch that change.',
    params: clean,
    seed: 2,
  },
  'late-charges': {
    title: 'Clean failures, but some charges land late',
    description:
      'The clean preset, except that 1.5 % of charges time out and go through anyway a moment later. The naive orchestrator gives up on those and never refunds them; the correct one refunds with the same key.',
    params: {
      ...clean,
      steps: clean.steps.map((s) => (s.service === 'payment' ? { ...s, latePct: 1.5 } : s)),
    },
    seed: 5,
  },
  'flaky-refunds': {
    title: 'Refunds fail 60 % of the time',
    description:
      'The card processor’s refund endpoint is struggling: most refund calls fail. The naive orchestrator tries once and leaves the money taken; the careful one tries three times with the same key and parks what still fails in the dead-letter queue.',
    params: checkout({
      compAttempts: 3,
      steps: checkout().steps.map((s) => (s.service === 'payment' ? { ...s, compFailPct: 60 } : s)),
    }),
    seed: 3,
  },
  'orchestrator-crash': {
    title: 'The orchestrator crashes while charging',
    description:
      'The orchestrator restarts while 5 % of sagas are waiting on the charge. Kept only in memory, those sagas are forgotten with stock held and cards perhaps charged; with a persisted log they resume.',
    params: checkout({ crashAt: 2, crashPct: 5 }),
    seed: 4,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: SagaParams; seed: number }
>;

export type SagaPresetName = keyof typeof presets;
