import { z } from 'zod';

/**
 * Parameters of the cascade and metastability lab, with the limits and messages a learner sees,
 * and its presets. Imported at build time by the content lint, so only pure modules with `.ts`
 * imports.
 *
 * A pool of identical servers sits behind a load balancer and, optionally, a cache. Users send
 * requests; the cache answers a share of them and the misses go to the pool. A server works
 * through its queue first come, first served; an attempt still queued when its client's timeout
 * runs out has failed, but the server still does its work later. Failed attempts are retried.
 * Triggers (servers failing, a load spike, a cache flush) come and go on a script, and one
 * corrective action (shedding, a retry budget, more capacity) can be switched on at a time.
 */

export const MAX_SERVERS = 200;
export const MAX_RETRIES = 10;
export const MAX_DURATION_S = 1800;
/** The most simulation steps a run may take (the step is half the timeout, at most 0.1 s). */
export const MAX_TICKS = 40_000;

/** What is done, at `fixAtS`, to get a failing pool out. */
export const FIXES = ['none', 'shed', 'budget', 'capacity'] as const;
export type Fix = (typeof FIXES)[number];

export const fixLabels: Record<Fix, string> = {
  none: 'Nothing',
  shed: 'Shed load (reject what cannot be served in time)',
  budget: 'Retry budget (at most 1 retry per 10 requests)',
  capacity: 'Add servers',
};

/** A retry budget lets through at most this many retries per first attempt. */
export const BUDGET_RATIO = 0.1;
/** No backoff sleep is longer than this, seconds. */
export const BACKOFF_CAP_S = 30;

const fmt = (x: number) => x.toLocaleString('en');

const whole = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

const amount = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${fmt(min)}${unit}`)
    .max(max, `${what} must be at most ${fmt(max)}${unit}`);

/** The simulation's step, seconds: half the timeout, at most 0.1 s. */
export const stepOf = (timeoutMs: number) => Math.min(0.1, timeoutMs / 2000);

const readNumbers = (value: unknown, keys: readonly string[]) => {
  const v = value as Record<string, unknown> | null | undefined;
  return keys.every((k) => Number.isFinite(v?.[k]));
};

export const cascadeSchema = z
  .object({
    servers: whole('The number of servers', 1, MAX_SERVERS),
    perServer: amount('Each server’s capacity', 0.1, 100_000, ' requests a second'),
    users: amount('The users’ load', 0, 1_000_000, ' requests a second'),
    hitPct: amount('The cache hit ratio', 0, 99, ' %'),
    warmS: amount('The cache’s refill time', 0.1, 3600, ' s'),
    timeoutMs: amount('The timeout', 10, 60_000, ' ms'),
    retries: whole('The number of retries', 0, MAX_RETRIES),
    backoffMs: amount('The base backoff', 0, 60_000, ' ms'),
    queueS: amount('The queue limit', 0, 3600, ' s'),
    ejectS: amount('The health check’s limit', 0, 600, ' s'),
    restartS: amount('The restart time', 0, 600, ' s'),
    failAtS: amount('The time of the failure', 0, MAX_DURATION_S, ' s'),
    failCount: whole('The number of servers that fail', 0, MAX_SERVERS),
    failForS: amount('How long the servers stay down', 0, MAX_DURATION_S, ' s'),
    spikeAtS: amount('The time of the spike', 0, MAX_DURATION_S, ' s'),
    spikeForS: amount('How long the spike lasts', 0, MAX_DURATION_S, ' s'),
    spikeRps: amount('The extra load in the spike', 0, 1_000_000, ' requests a second'),
    flushAtS: amount('The time of the cache flush', 0, MAX_DURATION_S, ' s'),
    fix: z.enum(FIXES, {
      error: 'The corrective action must be nothing, shedding, a retry budget or more servers',
    }),
    fixAtS: amount('The time of the corrective action', 0, MAX_DURATION_S, ' s'),
    fixServers: whole('The number of servers added', 0, MAX_SERVERS),
    durationS: amount('The length of the run', 10, MAX_DURATION_S, ' s'),
    r: z
      .number({ error: 'r must be a number' })
      .gt(0, 'r must be above 0')
      .max(4, 'r must be at most 4 (beyond 4 the map leaves the interval from 0 to 1)'),
    x0: amount('The starting point x₀', 0, 1, ''),
    gap: z
      .number({ error: 'The starting gap must be a number' })
      .min(
        1e-15,
        'The starting gap must be at least 1e-15 (below that the two starts are one double)',
      )
      .max(0.1, 'The starting gap must be at most 0.1'),
  })
  .refine((p) => p.failCount < p.servers, {
    path: ['failCount'],
    when: ({ value }) => readNumbers(value, ['failCount', 'servers']),
    error: (issue) => {
      const { failCount, servers } = issue.input as { failCount: number; servers: number };
      return `${fmt(failCount)} of ${fmt(servers)} servers failing leaves none: fewer than ${fmt(servers)} may fail`;
    },
  })
  .refine((p) => p.x0 + p.gap <= 1, {
    path: ['gap'],
    when: ({ value }) => readNumbers(value, ['x0', 'gap']),
    error: 'The second start, x₀ plus the gap, must be at most 1',
  })
  .refine((p) => p.durationS / stepOf(p.timeoutMs) <= MAX_TICKS, {
    path: ['durationS'],
    when: ({ value }) => readNumbers(value, ['durationS', 'timeoutMs']),
    error: (issue) => {
      const { timeoutMs } = issue.input as { timeoutMs: number };
      const most = Math.floor(MAX_TICKS * stepOf(timeoutMs));
      return `With a ${fmt(timeoutMs)} ms timeout the run steps every ${fmt(stepOf(timeoutMs) * 1000)} ms, so it can last at most ${fmt(most)} s`;
    },
  });

export type CascadeParams = z.infer<typeof cascadeSchema>;

/** The lesson's priming scenario: a pool that completes 100 requests a second, 60 sent. */
const base = (over: Partial<CascadeParams>): CascadeParams => ({
  servers: 10,
  perServer: 10,
  users: 60,
  hitPct: 0,
  warmS: 30,
  timeoutMs: 100,
  retries: 3,
  backoffMs: 0,
  queueS: 10,
  ejectS: 0,
  restartS: 30,
  failAtS: 30,
  failCount: 0,
  failForS: 0,
  spikeAtS: 0,
  spikeForS: 0,
  spikeRps: 0,
  flushAtS: 0,
  fix: 'none',
  fixAtS: 0,
  fixServers: 0,
  durationS: 300,
  r: 3.9,
  x0: 0.2,
  gap: 1e-10,
  ...over,
});

/** Six servers of 100 a second at 70 %, the lesson's load-shifting table. */
const six = (over: Partial<CascadeParams>): CascadeParams =>
  base({
    servers: 6,
    perServer: 100,
    users: 420,
    ejectS: 1,
    restartS: 20,
    failAtS: 20,
    durationS: 180,
    ...over,
  });

export const presets = {
  headroom: {
    title: 'Comfortable headroom: 6 servers at 50 %, one fails',
    description:
      'Six servers of 100 requests a second carry 300. One fails for good at 20 s and the five survivors run at 60 %: slower, but far from the edge. Retries cost almost nothing because almost nothing fails.',
    params: six({ users: 300, failCount: 1 }),
    seed: 1,
  },
  'one-too-many': {
    title: 'One failure too many: 6 servers at 70 %, two fail',
    description:
      'At 70 % the pool survives losing one server (84 %) but not two (105 %). The survivors’ queues grow, timeouts bring retries, the health check takes the slowest out, and each removal hands its load to the rest.',
    params: six({ failCount: 2 }),
    seed: 2,
  },
  'retries-tip': {
    title: 'Retries tip it over: 94 % after one failure',
    description:
      'Six servers at 78 % lose one: the survivors run at 94 %, busy but serving, and without retries they would hold. With 3 immediate retries the odd timeout comes back as more load, which makes more timeouts. Set retries to 0 and compare.',
    params: six({ users: 470, failCount: 1, durationS: 240 }),
    seed: 3,
  },
  'metastable-blip': {
    title: 'Metastable after a blip: half the capacity gone for 2 minutes',
    description:
      'The lesson’s priming scenario: 60 requests a second to a pool that completes 100. Half the servers are out from 30 s to 150 s. When they are back the users still send 60, yet every attempt keeps timing out: the retries alone hold the pool down.',
    params: base({ failCount: 5, failForS: 120 }),
    seed: 4,
  },
  'shedding-rescues': {
    title: 'Shedding rescues: the same blip, shedding from 200 s',
    description:
      'The same blip and the same stuck pool, until at 200 s the servers start turning away at once whatever they could not finish within the timeout. Rejected attempts cost no work, so the pool spends its capacity on answers that arrive in time, and the loop breaks.',
    params: base({ failCount: 5, failForS: 120, fix: 'shed', fixAtS: 200 }),
    seed: 4,
  },
  'cold-cache': {
    title: 'Cold cache: a flush that the database never recovers from',
    description:
      'A cache answers 60 % of 150 requests a second, so the pool behind it sees 60. At 30 s the cache is flushed: all 150 reach a pool that completes 100, every attempt times out, and a cache filled only by answers never warms again. No retries at all, and still stuck.',
    params: base({ users: 150, hitPct: 60, retries: 0, flushAtS: 30 }),
    seed: 5,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: CascadeParams; seed: number }
>;

export type CascadePresetName = keyof typeof presets;
