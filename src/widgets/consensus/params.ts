import { z } from 'zod';
import { parseScript } from './script.ts';

/**
 * Parameters of the split brain and quorum lab, with the limits and messages a learner sees, and
 * its presets. Imported at build time by the content lint, so only pure modules with `.ts`
 * imports.
 *
 * A cluster of 2 to 7 nodes sits in up to 7 zones (`layout`: nodes per zone; nodes are named A,
 * B, … in zone order). Time moves in steps of one second. Faults come from a script (`mode`
 * "script") or are drawn at random from the seed (`mode` "random", one every `faultEvery` steps
 * on average). Followers wait a random whole number of steps from `timeoutMin` to `timeoutMax`
 * without hearing from a leader before they act.
 */

export const MAX_NODES = 7;
export const MIN_NODES = 2;
export const MAX_STEPS = 600;
export const MAX_SCRIPT_CHARS = 4000;
export const MODES = ['script', 'random'] as const;
export type Mode = (typeof MODES)[number];

const fmt = (x: number) => x.toLocaleString('en');

const whole = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

export const consensusSchema = z
  .object({
    layout: z
      .array(whole('The nodes in a zone', 1, MAX_NODES), {
        error: 'The placement must list the nodes in each zone, like 2, 2, 1',
      })
      .min(1, 'The placement needs at least one zone')
      .max(MAX_NODES, `The placement can have at most ${MAX_NODES} zones`)
      .refine(
        (l) => {
          const n = l.reduce((a, b) => a + b, 0);
          return n >= MIN_NODES && n <= MAX_NODES;
        },
        {
          error: (issue) => {
            const l = issue.input as number[];
            const n = l.reduce((a, b) => a + b, 0);
            return `The placement has ${n} node${n === 1 ? '' : 's'}; the lab runs ${MIN_NODES} to ${MAX_NODES}`;
          },
        },
      ),
    mode: z.enum(MODES, { error: 'Faults come from the script or at random' }),
    script: z
      .string({ error: 'The script must be text' })
      .max(MAX_SCRIPT_CHARS, `The script can be at most ${fmt(MAX_SCRIPT_CHARS)} characters`),
    faultEvery: z
      .number({ error: 'The mean time between faults must be a number' })
      .min(2, 'Random faults must be at least 2 steps apart on average')
      .max(1000, 'Random faults must be at most 1,000 steps apart on average'),
    steps: whole('The run length', 20, MAX_STEPS),
    timeoutMin: whole('The shortest timeout', 1, 60),
    timeoutMax: whole('The longest timeout', 1, 60),
  })
  .refine((p) => p.timeoutMax >= p.timeoutMin, {
    path: ['timeoutMax'],
    when: ({ value }) => {
      const v = value as { timeoutMin?: unknown; timeoutMax?: unknown } | null | undefined;
      return Number.isInteger(v?.timeoutMin) && Number.isInteger(v?.timeoutMax);
    },
    error: (issue) => {
      const { timeoutMin, timeoutMax } = issue.input as { timeoutMin: number; timeoutMax: number };
      return `The longest timeout (${timeoutMax} s) must be at least the shortest (${timeoutMin} s)`;
    },
  })
  .superRefine((p, ctx) => {
    // Only a script that will be run is checked, and only once the cluster and length are sound.
    if (p.mode !== 'script') return;
    const n = p.layout.reduce((a, b) => a + b, 0);
    if (n < MIN_NODES || n > MAX_NODES) return;
    const parsed = parseScript(p.script, p.layout, p.steps);
    if (!parsed.ok)
      for (const problem of parsed.problems.slice(0, 5))
        ctx.addIssue({ code: 'custom', path: ['script'], message: problem });
  });

export type ConsensusParams = z.infer<typeof consensusSchema>;

const cluster = (over: Partial<ConsensusParams>): ConsensusParams => ({
  layout: [2, 2, 1],
  mode: 'script',
  script: '',
  faultEvery: 15,
  steps: 60,
  timeoutMin: 3,
  timeoutMax: 6,
  ...over,
});

export const presets = {
  'clean-partition': {
    title: 'Clean partition: 5 nodes split 2 | 3',
    description:
      'Five nodes in three zones. At step 10 the network splits {A, B} from {C, D, E}, with the leader A on the small side; at step 40 it heals. Watch which side keeps taking writes, and what each scheme keeps when the sides meet again.',
    params: cluster({ script: '10 split AB | CDE\n40 heal' }),
    seed: 1,
  },
  'zone-loss-221': {
    title: 'Zone loss, 2 + 2 + 1 placement',
    description:
      'Five nodes as 2 + 2 + 1. Zone 1 (A, B, the leader among them) goes down at step 10 and comes back at step 40. Three of five are left: a majority.',
    params: cluster({ script: '10 zone down 1\n40 zone up 1' }),
    seed: 2,
  },
  'zone-loss-311': {
    title: 'Zone loss, 3 + 1 + 1 placement',
    description:
      'The same five nodes as 3 + 1 + 1, and the same loss of zone 1 (A, B, C) from step 10 to 40. Two of five are left: not a majority.',
    params: cluster({ layout: [3, 1, 1], script: '10 zone down 1\n40 zone up 1' }),
    seed: 2,
  },
  flapping: {
    title: 'Flapping network: 3 nodes, a link that keeps dropping',
    description:
      'Three nodes in three zones. Zone 1, with the leader, is cut off and reconnected again and again, each time for a little longer than an election takes.',
    params: cluster({
      layout: [1, 1, 1],
      steps: 80,
      script: [
        '8 cut zone 1',
        '16 heal',
        '20 cut zone 1',
        '28 heal',
        '32 cut zone 1',
        '40 heal',
        '44 cut zone 3',
        '52 heal',
        '56 cut zone 1',
        '64 heal',
      ].join('\n'),
    }),
    seed: 3,
  },
  'two-node-trap': {
    title: 'Two-node trap: a primary and a standby',
    description:
      'Two nodes in two zones, as in the lesson’s ticketing site. The link between them fails at step 10 and comes back at step 40. Neither rule gives both safety and availability here.',
    params: cluster({ layout: [1, 1], script: '10 split A | B\n40 heal' }),
    seed: 4,
  },
  'random-faults': {
    title: 'Random faults: 5 nodes, a fault every 8 s',
    description:
      'Partitions, crashes and zone outages drawn at random from the seed, on average one every 8 steps over 200 steps. Change the seed for another sequence; the quorum side never loses an acknowledged write.',
    params: cluster({ mode: 'random', faultEvery: 8, steps: 200 }),
    seed: 5,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: ConsensusParams; seed: number }
>;

export type ConsensusPresetName = keyof typeof presets;
