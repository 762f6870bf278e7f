import { z } from 'zod';

/**
 * Parameters of the kill switch drill, with the limits and messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only pure modules with `.ts` imports.
 *
 * Automation runs on `hosts` hosts; `affected` of them misbehave, together doing
 * `actionsPerS` harmful actions a second at first (growing by `growthPctPerMin` a minute when
 * the automation feeds on its own output). Someone notices (an alert rule on the action rate,
 * paging an on-call who acknowledges, or a person who notices without one), decides to pull the
 * switch, gets it approved (one person or two), and the switch reaches each host on its next
 * poll of the flag service, behind a shared cache. Guards can bound the harm with no switch.
 * Times are seconds; human delays are log-normal with the given median and one shape σ.
 */

export const MAX_HOSTS = 2000;
export const MAX_RUNS = 1000;
export const MAX_DURATION_S = 4 * 3600;

export const STORIES = ['capacity', 'trading', 'autoscaler'] as const;
export type Story = (typeof STORIES)[number];
export const APPROVALS = ['one', 'two'] as const;
export type Approval = (typeof APPROVALS)[number];
export const FAIL_MODES = ['open', 'closed'] as const;
export type FailMode = (typeof FAIL_MODES)[number];

const fmt = (x: number) => x.toLocaleString('en');

const whole = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

const amount = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${fmt(min)}${unit ? ` ${unit}` : ''}`)
    .max(max, `${what} must be at most ${fmt(max)}${unit ? ` ${unit}` : ''}`);

const seconds = (what: string, min: number, max: number) => amount(what, min, max, 's');
const positiveSeconds = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .positive(`${what} must be more than 0 s`)
    .max(max, `${what} must be at most ${fmt(max)} s`);

/** Reads two numbers of a parsed value with care: a tampered link may hold anything. */
const finite = (value: unknown, ...keys: string[]) => {
  const v = value as Record<string, unknown> | null | undefined;
  return keys.every((k) => Number.isFinite(v?.[k]));
};

export const killSwitchSchema = z
  .object({
    story: z.enum(STORIES, { error: 'The story is capacity, trading or autoscaler' }),
    hosts: whole('The number of hosts', 1, MAX_HOSTS),
    affected: whole('The number of misbehaving hosts', 1, MAX_HOSTS),
    actionsPerS: amount('The harmful actions a second', 0.001, 100_000, ''),
    growthPctPerMin: amount('The growth a minute', 0, 100, '%'),
    pool: amount('The pool', 1, 1e9, ''),
    costPerAction: amount('The cost of one action', 0, 1e7, 'dollars'),
    durationS: whole('The window simulated (s)', 60, MAX_DURATION_S),

    alert: z.boolean({ error: 'The alert is on or off' }),
    alertAbove: amount('The alert threshold', 0, 1e6, 'actions a second'),
    alertForS: seconds('The alert’s “for” duration', 0, 3600),
    evalS: whole('The evaluation interval (s)', 1, 600),
    ackMedianS: positiveSeconds('The median time to acknowledge a page', 7200),
    humanMedianS: positiveSeconds('The median time for a person to notice', 4 * 3600),
    decideMedianS: positiveSeconds('The median time to decide', 7200),
    sigma: amount('The spread σ of human delays', 0.05, 2, ''),

    approval: z.enum(APPROVALS, { error: 'The switch needs one person or two' }),
    approveMedianS: positiveSeconds('The median time for the second person to approve', 7200),
    fallbackS: seconds('The wait before asking a fallback approver', 0, 7200),

    pollS: positiveSeconds('The polling interval', 3600),
    ttlS: seconds('The cache TTL', 0, 3600),
    failMode: z.enum(FAIL_MODES, { error: 'When the flag service is down, fail open or closed' }),
    staleS: seconds('The time a last value is kept', 0, 24 * 3600),
    flagDownAtS: seconds('When the flag service goes down', 0, MAX_DURATION_S),
    flagDownForS: seconds('How long the flag service is down', 0, MAX_DURATION_S),

    guards: z.boolean({ error: 'The guards are on or off' }),
    rateLimitPerMin: amount('The rate limit', 0, 1e9, 'actions a minute'),
    floorPct: amount('The minimum-capacity floor', 0, 100, '%'),
    capActions: amount('The blast-radius cap', 0, 1e12, 'actions'),

    sev2At: amount('The harm that makes it SEV-2', 0, 1e12, 'actions'),
    sev1At: amount('The harm that makes it SEV-1', 0, 1e12, 'actions'),

    runs: whole('The number of runs', 1, MAX_RUNS),
  })
  .superRefine((p, ctx) => {
    const say = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (Number.isInteger(p.affected) && Number.isInteger(p.hosts) && p.affected > p.hosts)
      say(
        'affected',
        `${fmt(p.affected)} misbehaving hosts is more than the ${fmt(p.hosts)} hosts running it`,
      );
    if (finite(p, 'staleS', 'pollS') && p.staleS < p.pollS)
      say(
        'staleS',
        `A last value kept ${fmt(p.staleS)} s expires before the next poll (every ${fmt(p.pollS)} s): every host would drop it between two good polls`,
      );
    if (finite(p, 'sev1At', 'sev2At') && p.sev1At < p.sev2At)
      say(
        'sev1At',
        `SEV-1 (${fmt(p.sev1At)}) must take at least as much harm as SEV-2 (${fmt(p.sev2At)})`,
      );
  });

export type KillSwitchParams = z.infer<typeof killSwitchSchema>;

/** Who is paged at each level, as the lesson's severity table says. */
export const SEVERITY_PAGES = {
  3: 'the on-call engineer',
  2: 'the on-call engineer and the incident commander',
  1: 'the incident commander, senior engineering and communications',
} as const;
export type SeverityLevel = keyof typeof SEVERITY_PAGES;

/** What one harmful action is, in each story. */
export const STORY_NOUNS: Readonly<Record<Story, { one: string; many: string; pool: string }>> = {
  capacity: { one: 'server removed', many: 'servers removed', pool: 'servers in the pool' },
  trading: {
    one: 'unintended order',
    many: 'unintended orders',
    pool: 'orders the firm meant to send',
  },
  autoscaler: {
    one: 'instance launched',
    many: 'instances launched',
    pool: 'instances allowed by quota',
  },
};

const base: KillSwitchParams = {
  story: 'capacity',
  hosts: 20,
  affected: 20,
  actionsPerS: 2,
  growthPctPerMin: 0,
  pool: 2000,
  costPerAction: 0,
  durationS: 3600,
  alert: true,
  alertAbove: 0.5,
  alertForS: 60,
  evalS: 15,
  ackMedianS: 180,
  humanMedianS: 900,
  decideMedianS: 120,
  sigma: 0.5,
  approval: 'one',
  approveMedianS: 60,
  fallbackS: 120,
  pollS: 30,
  ttlS: 60,
  failMode: 'closed',
  staleS: 300,
  flagDownAtS: 0,
  flagDownForS: 0,
  guards: false,
  rateLimitPerMin: 20,
  floorPct: 90,
  capActions: 0,
  sev2At: 50,
  sev1At: 200,
  runs: 400,
};

export const presets = {
  'capacity-tool': {
    title: 'A capacity tool removes too many servers',
    description:
      'Illustrative, modelled on the kind of tool behind the S3 outage of 28 February 2017: a command meant to take a few servers out of a storage pool keeps removing them, 2 a second, from 20 workers. An alert on the removal rate pages the on-call. The flag service keeps its values in the storage being removed, so it goes down at 4 minutes: compare failing open with failing closed, and the guards AWS added afterwards (removal slowed, a minimum-capacity floor).',
    params: { ...base, flagDownAtS: 240, flagDownForS: 1800 },
    seed: 1,
  },
  'dead-code': {
    title: 'A deploy revives dead code that trades',
    description:
      'Illustrative, modelled on Knight Capital (1 August 2012): one of eight servers runs retired code that sends unintended orders, about 1,500 a second at roughly $110 each. No alert watches it; people notice after a median of 20 minutes. The global “stop all orders” switch needs two people. Left alone for 45 minutes it costs about what Knight lost; compare an exposure cap.',
    params: {
      ...base,
      story: 'trading',
      hosts: 8,
      affected: 1,
      actionsPerS: 1500,
      pool: 1e9,
      costPerAction: 110,
      durationS: 2700,
      alert: false,
      alertAbove: 500,
      humanMedianS: 1200,
      decideMedianS: 300,
      approval: 'two',
      pollS: 10,
      ttlS: 0,
      staleS: 60,
      floorPct: 0,
      rateLimitPerMin: 0,
      capActions: 20_000,
      sev2At: 0,
      sev1At: 0,
    },
    seed: 2,
  },
  'autoscaler-loop': {
    title: 'An autoscaler feeds on its own output',
    description:
      'Illustrative: autoscalers in 30 clusters read a metric that the new instances themselves push up, so each launch causes more. Launches start at one every 5 s and grow 5 % a minute. The flag cache is slow (a 5-minute TTL, 60 s polls). Compare a cap on instances and a launch rate limit with the switch.',
    params: {
      ...base,
      story: 'autoscaler',
      hosts: 30,
      affected: 30,
      actionsPerS: 0.2,
      growthPctPerMin: 5,
      pool: 5000,
      costPerAction: 0,
      durationS: 7200,
      alertAbove: 0.5,
      alertForS: 300,
      evalS: 60,
      humanMedianS: 1800,
      decideMedianS: 300,
      pollS: 60,
      ttlS: 300,
      failMode: 'open',
      staleS: 600,
      rateLimitPerMin: 10,
      floorPct: 0,
      capActions: 400,
      sev2At: 100,
      sev1At: 400,
    },
    seed: 3,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: KillSwitchParams; seed: number }
>;

export type KillSwitchPresetName = keyof typeof presets;
