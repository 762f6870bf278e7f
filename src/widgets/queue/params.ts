import { z } from 'zod';

/** Parameters of a queue simulation run, with the limits and messages a learner sees. */
export const MAX_ARRIVALS = 3_000_000;

/** Arrivals a run expects: λ over the run plus the burst's extra. */
export function expectedArrivals(p: {
  lambda: number;
  durationS: number;
  burst: { startS: number; endS: number; factor: number } | null;
}): number {
  const extra = p.burst
    ? (p.burst.factor - 1) * p.lambda * Math.max(0, p.burst.endS - p.burst.startS)
    : 0;
  return p.lambda * p.durationS + extra;
}

const lambda = z
  .number({ error: 'Arrival rate must be a number' })
  .positive('Arrival rate must be above 0')
  .max(10_000, 'Arrival rate must be at most 10 000 per second');

/** Service time and the servers: shared by a single run, the utilisation sweep and the planner. */
export const serviceFields = {
  meanService: z
    .number()
    .positive('Mean service time must be above 0')
    .max(3600, 'Mean service time must be at most 3600 s'),
  service: z.enum(['exponential', 'deterministic', 'lognormal'], {
    error: 'Service times are exponential, deterministic or log-normal',
  }),
  cv: z
    .number()
    .min(0, 'The coefficient of variation cannot be negative')
    .max(10, 'The coefficient of variation must be at most 10'),
};

/** The most servers a simulation runs with: the calculator's own limit, and the planner's check. */
export const MAX_SERVERS = 1000;

const servers = z
  .int('Servers must be a whole number')
  .min(1, 'At least 1 server')
  .max(MAX_SERVERS, `At most ${MAX_SERVERS} servers`);

export const queueParamsSchema = z
  .object({
    lambda,
    ...serviceFields,
    servers,
    room: z.int('Room must be a whole number').min(1).max(100_000).nullable(),
    durationS: z
      .number()
      .min(10, 'Run for at least 10 s')
      .max(10_000_000, 'Run for at most 10 000 000 s'),
    warmupS: z.number().min(0, 'Warm-up cannot be negative'),
    burst: z
      .object({
        startS: z.number().min(0),
        endS: z.number().min(0),
        factor: z
          .number()
          .min(1, 'A burst multiplies the rate by at least 1')
          .max(100, 'A burst multiplies the rate by at most 100'),
      })
      .nullable(),
  })
  .superRefine((p, ctx) => {
    if (p.room !== null && p.room < p.servers) {
      ctx.addIssue({
        code: 'custom',
        path: ['room'],
        message: `The room (${p.room}) must hold at least the ${p.servers} servers`,
      });
    }
    if (p.warmupS >= p.durationS) {
      ctx.addIssue({
        code: 'custom',
        path: ['warmupS'],
        message: `The warm-up (${p.warmupS} s) must end before the run does (${p.durationS} s)`,
      });
    }
    const expected = expectedArrivals(p);
    if (expected > MAX_ARRIVALS) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationS'],
        message: `That is about ${Math.round(expected).toLocaleString('en')} arrivals; keep it at or below ${MAX_ARRIVALS.toLocaleString('en')}`,
      });
    }
    if (p.burst && p.burst.endS <= p.burst.startS) {
      ctx.addIssue({
        code: 'custom',
        path: ['burst', 'endS'],
        message: 'The burst must end after it starts',
      });
    }
  });

export type QueueParams = z.infer<typeof queueParamsSchema>;

/** Customers simulated per point of the sweep and per row of the planner. */
const customers = z
  .int('Customers must be a whole number')
  .min(2_000, 'Simulate at least 2 000 customers')
  .max(400_000, 'Simulate at most 400 000 customers per point');

export const sweepParamsSchema = z.object({ ...serviceFields, servers, customers });
export type SweepParams = z.infer<typeof sweepParamsSchema>;

export const planParamsSchema = z.object({
  lambda,
  ...serviceFields,
  customers,
  target: z.object({
    metric: z.enum(['pWait', 'Wq', 'waitP99'], {
      error: 'The target is P(wait), the mean wait or the p99 wait',
    }),
    value: z.number().positive('The target must be above 0'),
  }),
});
export type PlanParams = z.infer<typeof planParamsSchema>;

const day = (lambda: number, servers: number, durationS: number): QueueParams => ({
  lambda,
  meanService: 0.02,
  service: 'exponential',
  cv: 1,
  servers,
  room: null,
  durationS,
  warmupS: durationS / 20,
  burst: null,
});

/** Scenarios from the source material (a retailer's API pool at 20 ms a request) and two classics. */
export const presets = {
  'normal-day': {
    title: 'Normal day: 1,000 req/s on 25 servers',
    description:
      'A retailer’s API at 1,000 requests a second, 20 ms each, on 25 servers: 80 % busy, and most requests never wait.',
    params: day(1000, 25, 600),
    seed: 1,
  },
  'sale-peak': {
    title: 'Sale-day peak: 5,000 req/s on 100 servers',
    description:
      'Five times the traffic on four times the servers: ρ is exactly 1, so there is no steady state and the queue drifts upward.',
    params: day(5000, 100, 300),
    seed: 2,
  },
  'under-provisioned': {
    title: 'Under-provisioned: 2,000 req/s on 30 servers',
    description:
      'The work offered needs 40 servers and there are 30: arrivals outpace service and the queue grows by about 500 a second.',
    params: day(2000, 30, 120),
    seed: 3,
  },
  'over-provisioned': {
    title: 'Over-provisioned: 1,000 req/s on 40 servers',
    description:
      'Half the capacity sits idle; almost nobody waits. Compare the cost with the normal day’s 25 servers.',
    params: day(1000, 40, 600),
    seed: 4,
  },
  'full-room': {
    title: 'Bounded queue: 2,000 req/s on 30 servers, room for 60',
    description:
      'The under-provisioned pool again, but the server holds at most 60 requests and turns the rest away: bounded waits, paid for in drops.',
    params: { ...day(2000, 30, 300), room: 60 },
    seed: 5,
  },
  'single-server': {
    title: 'One server at 80 % (M/M/1)',
    description:
      'The textbook queue: 40 requests a second to one 20 ms server. L = ρ/(1 − ρ) = 4 in the system on average.',
    params: { ...day(40, 1, 10_000), warmupS: 500 },
    seed: 6,
  },
  variability: {
    title: 'Variable service: one server, log-normal with CV 2',
    description:
      'The same mean service time, but some requests take far longer: Pollaczek–Khinchine says the queue is (1 + Cs²)/2 = 2.5 times the exponential one.',
    params: { ...day(35, 1, 20_000), service: 'lognormal', cv: 2, warmupS: 1000 },
    seed: 7,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: QueueParams; seed: number }
>;

export type QueuePresetName = keyof typeof presets;
