import { z } from 'zod';

/** Parameters of a queue simulation run, with the limits and messages a learner sees. */
export const MAX_ARRIVALS = 3_000_000;

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

const servers = z
  .int('Servers must be a whole number')
  .min(1, 'At least 1 server')
  .max(1000, 'At most 1000 servers');

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
    const expected =
      p.lambda * p.durationS +
      (p.burst ? (p.burst.factor - 1) * p.lambda * Math.max(0, p.burst.endS - p.burst.startS) : 0);
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
