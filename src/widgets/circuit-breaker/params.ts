import { z } from 'zod';

/** Everything a circuit-breaker run depends on besides the seed. Times in the units people use. */

const seconds = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} must be at most ${max} s`);

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('outage'),
    startS: seconds('Outage start', 3600),
    endS: seconds('Outage end', 3600),
    /** true: calls hang until the client times out; false: they fail at once. */
    hang: z.boolean(),
  }),
  z.object({
    kind: z.literal('slow'),
    startS: seconds('Slow period start', 3600),
    endS: seconds('Slow period end', 3600),
    factor: z
      .number()
      .min(1.1, 'Slow-down factor must be at least 1.1×')
      .max(1000, 'Slow-down factor must be at most 1000×'),
  }),
  z.object({
    kind: z.literal('flapping'),
    startS: seconds('Flapping start', 3600),
    endS: seconds('Flapping end', 3600),
    periodS: z
      .number()
      .min(1, 'A flap period must be at least 1 s')
      .max(600, 'A flap period must be at most 600 s'),
  }),
]);
export type Fault = z.infer<typeof faultSchema>;

const rateMessage = 'Failure-rate threshold must be between 1 % and 100 %';
const failureRate = z.number().min(0.01, rateMessage).max(1, rateMessage);
const minimumCalls = (max: number) =>
  z.int('Minimum calls must be a whole number').min(1, 'Minimum calls must be at least 1').max(max);

export const policySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consecutive'),
    threshold: z
      .int('Threshold must be a whole number of failures')
      .min(1, 'Threshold must be at least 1')
      .max(1000),
  }),
  z.object({
    kind: z.literal('count'),
    size: z
      .int('Window size must be a whole number of calls')
      .min(1, 'Window must hold at least 1 call')
      .max(1000, 'Window can hold at most 1000 calls'),
    failureRate,
    minimumCalls: minimumCalls(1000),
  }),
  z.object({
    kind: z.literal('time'),
    // Whole seconds: the window is kept as per-second buckets, as Resilience4j keeps it.
    windowMs: z
      .number()
      .min(1000, 'A time window must be at least 1 s')
      .max(600_000, 'A time window must be at most 600 s')
      .refine((ms) => Number.isInteger(ms / 1000), 'A time window is a whole number of seconds'),
    failureRate,
    minimumCalls: minimumCalls(100_000),
  }),
]);

export const breakerSchema = z.object({
  enabled: z.boolean(),
  policy: policySchema,
  slowCallMs: z.number().min(1, 'Slow-call threshold must be above 0 ms').max(600_000).nullable(),
  waitMs: z
    .number()
    .min(100, 'Wait in open must be at least 0.1 s')
    .max(600_000, 'Wait in open must be at most 600 s'),
  trialCalls: z
    .int('Trial calls must be a whole number')
    .min(1, 'At least 1 trial call is needed to close again')
    .max(100, 'At most 100 trial calls'),
});

export const MAX_CALLS = 2_000_000;

export const paramsSchema = z
  .object({
    rate: z
      .number({ error: 'Request rate must be a number' })
      .min(0.1, 'Request rate must be at least 0.1 calls/s')
      .max(5000, 'Request rate must be at most 5000 calls/s'),
    durationS: z.number().min(10, 'Run for at least 10 s').max(3600, 'Run for at most 3600 s'),
    medianMs: z
      .number()
      .min(0.1, 'Median latency must be above 0 ms')
      .max(60_000, 'Median latency must be at most 60 s'),
    p99Ms: z
      .number()
      .min(0.1, 'p99 latency must be above 0 ms')
      .max(600_000, 'p99 latency must be at most 600 s'),
    baseFailure: z
      .number()
      .min(0, 'Base failure rate must be between 0 % and 50 %')
      .max(0.5, 'Base failure rate must be between 0 % and 50 %'),
    timeoutMs: z
      .number()
      .min(1, 'Timeout must be above 0 ms')
      .max(600_000, 'Timeout must be at most 600 s'),
    faults: z.array(faultSchema).max(5, 'At most 5 faults'),
    breaker: breakerSchema,
  })
  .superRefine((p, ctx) => {
    if (p.p99Ms <= p.medianMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['p99Ms'],
        message: `p99 latency (${p.p99Ms} ms) must be above the median (${p.medianMs} ms)`,
      });
    }
    const calls = p.rate * p.durationS;
    if (calls > MAX_CALLS) {
      ctx.addIssue({
        code: 'custom',
        path: ['rate'],
        message: `That is about ${Math.round(calls).toLocaleString('en')} calls; keep rate × duration at or below ${MAX_CALLS.toLocaleString('en')}`,
      });
    }
    p.faults.forEach((f, i) => {
      if (f.endS <= f.startS) {
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'endS'],
          message: `Fault ${i + 1} must end after it starts (${f.startS} s)`,
        });
      }
      if (f.endS > p.durationS) {
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'endS'],
          message: `Fault ${i + 1} ends at ${f.endS} s, after the run ends (${p.durationS} s)`,
        });
      }
    });
    const policy = p.breaker.policy;
    if (policy.kind === 'count' && policy.minimumCalls > policy.size) {
      ctx.addIssue({
        code: 'custom',
        path: ['breaker', 'policy', 'minimumCalls'],
        message: `The breaker can never trip: minimum calls (${policy.minimumCalls}) is larger than the window (${policy.size})`,
      });
    }
  });

export type CircuitBreakerParams = z.infer<typeof paramsSchema>;

export interface Preset {
  title: string;
  description: string;
  params: CircuitBreakerParams;
  seed: number;
}

const breaker = (
  over: Partial<CircuitBreakerParams['breaker']> = {},
): CircuitBreakerParams['breaker'] => ({
  enabled: true,
  policy: { kind: 'count', size: 20, failureRate: 0.5, minimumCalls: 10 },
  slowCallMs: null,
  waitMs: 5000,
  trialCalls: 3,
  ...over,
});

const base = {
  rate: 50,
  durationS: 120,
  medianMs: 80,
  p99Ms: 400,
  baseFailure: 0.01,
  timeoutMs: 1000,
} as const;

export const presets = {
  outage: {
    title: 'Downstream outage',
    description:
      'The dependency stops answering from 30 s to 70 s; calls hang until the 1 s timeout.',
    params: {
      ...base,
      faults: [{ kind: 'outage', startS: 30, endS: 70, hang: true }],
      breaker: breaker(),
    },
    seed: 7,
  },
  slow: {
    title: 'Slow, not down',
    description:
      'From 30 s to 80 s every call takes 6× longer. Slow calls over 500 ms count as failures.',
    params: {
      ...base,
      faults: [{ kind: 'slow', startS: 30, endS: 80, factor: 6 }],
      breaker: breaker({ slowCallMs: 500 }),
    },
    seed: 11,
  },
  flapping: {
    title: 'Flapping dependency',
    description:
      'From 20 s to 100 s the dependency is down for 5 s, then up for 5 s, again and again.',
    params: {
      ...base,
      faults: [{ kind: 'flapping', startS: 20, endS: 100, periodS: 10 }],
      breaker: breaker(),
    },
    seed: 3,
  },
  blip: {
    title: 'Brief blip that should not trip it',
    description: 'One 0.2 s burst of errors at 40 s. A well-tuned breaker rides it out.',
    params: {
      ...base,
      faults: [{ kind: 'outage', startS: 40, endS: 40.2, hang: false }],
      breaker: breaker(),
    },
    seed: 5,
  },
  'blip-then-outage': {
    title: 'Blip, then a real outage',
    description:
      'A 0.3 s burst of errors at 15 s that should be ridden out, then a real outage from 30 s to 70 s that should not.',
    params: {
      ...base,
      faults: [
        { kind: 'outage', startS: 15, endS: 15.3, hang: false },
        { kind: 'outage', startS: 30, endS: 70, hang: true },
      ],
      breaker: breaker(),
    },
    seed: 7,
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof presets;
export const defaultPreset: PresetName = 'outage';
