import { z } from 'zod';

/**
 * Parameters of the autoscaler widget, with the limits and messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only pure modules with `.ts` imports.
 *
 * The world, minute by minute: traffic sits at `baseRps`, grows exponentially to `peakRps` over
 * `rampMinutes` from `rampStartMin`, holds for `holdMinutes`, falls back over `rampMinutes`, with
 * multiplicative noise of coefficient of variation `noiseCv`. Each replica serves `capacityRps`
 * at 100 %. The autoscaler runs once a minute: the target-tracking rule of Kubernetes' HPA
 * (ceil(replicas × utilisation / target), a tolerance band, min and max), replicas it adds are
 * ready `delayMin` minutes later, and scale-down is stabilised over `downWindowMin` minutes.
 */

const fmt = (x: number) => x.toLocaleString('en');

/** A unit after a number: [singular, plural], so the message reads "1 replica", "2 replicas". */
type Unit = readonly [string, string];
const none: Unit = ['', ''];
const withUnit = (x: number, unit: Unit) => `${fmt(x)}${x === 1 ? unit[0] : unit[1]}`;

const amount = (what: string, min: number, max: number, unit: Unit = none) =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${withUnit(min, unit)}`)
    .max(max, `${what} must be at most ${withUnit(max, unit)}`);

const whole = (what: string, min: number, max: number, unit: Unit = none) =>
  z
    .int(`${what} must be a whole number${unit[1] ? ` of${unit[1]}` : ''}`)
    .min(min, `${what} must be at least ${withUnit(min, unit)}`)
    .max(max, `${what} must be at most ${withUnit(max, unit)}`);

const rps: Unit = [' request a second', ' requests a second'];
const minutes: Unit = [' minute', ' minutes'];
const replicas: Unit = [' replica', ' replicas'];

export const MAX_MINUTES = 1440;
export const MAX_REPLICAS = 1000;

export const autoscalerSchema = z
  .object({
    baseRps: amount('The base traffic', 1, 1_000_000, rps),
    peakRps: amount('The peak traffic', 1, 1_000_000, rps),
    rampStartMin: whole('The ramp start', 0, MAX_MINUTES, minutes),
    rampMinutes: whole('The ramp', 1, MAX_MINUTES, minutes),
    holdMinutes: whole('The hold at the peak', 0, MAX_MINUTES, minutes),
    noiseCv: amount('The noise', 0, 0.5),
    durationMin: whole('The run', 10, MAX_MINUTES, minutes),
    capacityRps: amount('A replica’s capacity', 1, 1_000_000, rps),
    target: amount('The target utilisation', 0.1, 0.95),
    tolerance: amount('The tolerance', 0, 0.5),
    minReplicas: whole('The minimum', 1, MAX_REPLICAS, replicas),
    maxReplicas: whole('The maximum', 1, MAX_REPLICAS, replicas),
    delayMin: whole('The start-up delay', 0, 60, minutes),
    downWindowMin: whole('The scale-down window', 0, 120, minutes),
  })
  .refine((p) => p.maxReplicas >= p.minReplicas, {
    path: ['maxReplicas'],
    // `value` is whatever was parsed, null included (a tampered link), so read it with care.
    when: ({ value }) => {
      const v = value as { minReplicas?: unknown; maxReplicas?: unknown } | null | undefined;
      return Number.isInteger(v?.minReplicas) && Number.isInteger(v?.maxReplicas);
    },
    error: (issue) => {
      const { minReplicas, maxReplicas } = issue.input as {
        minReplicas: number;
        maxReplicas: number;
      };
      return `The maximum (${fmt(maxReplicas)}) must be at least the minimum (${fmt(minReplicas)})`;
    },
  });

export type AutoscalerParams = z.infer<typeof autoscalerSchema>;

const world = (over: Partial<AutoscalerParams>): AutoscalerParams => ({
  baseRps: 2000,
  peakRps: 10_000,
  rampStartMin: 20,
  rampMinutes: 10,
  holdMinutes: 40,
  noiseCv: 0.03,
  durationMin: 120,
  capacityRps: 100,
  target: 0.6,
  tolerance: 0.1,
  minReplicas: 10,
  maxReplicas: 300,
  delayMin: 5,
  downWindowMin: 5,
  ...over,
});

export const presets = {
  'flash-sale': {
    title: 'Flash sale: 5× traffic in 10 minutes, 5-minute start-up',
    description:
      'Traffic grows 17.5 % a minute for ten minutes. New replicas take five minutes to start, so each one the autoscaler orders arrives to twice the load it was ordered for.',
    params: world({}),
    seed: 1,
  },
  'slow-ramp': {
    title: 'Slow ramp: 3× over two hours',
    description:
      'The same start-up delay against a daily-style rise of under 1 % a minute: a reactive autoscaler keeps up comfortably.',
    params: world({
      peakRps: 6000,
      rampStartMin: 10,
      rampMinutes: 120,
      holdMinutes: 30,
      durationMin: 240,
    }),
    seed: 2,
  },
  'noisy-flat': {
    title: 'Noisy flat traffic, no tolerance band',
    description:
      'Steady traffic with 10 % noise and the tolerance band switched off: without a scale-down window the replica count chases every wobble.',
    params: world({
      peakRps: 3000,
      baseRps: 3000,
      noiseCv: 0.1,
      tolerance: 0,
      rampStartMin: 0,
      holdMinutes: 0,
    }),
    seed: 3,
  },
  'cold-start': {
    title: 'Slow start-up: 15 minutes to boot',
    description:
      'The flash sale again with replicas that take fifteen minutes to be ready, as a JVM service with a cache to warm might: headroom or prediction is the only defence.',
    params: world({ delayMin: 15 }),
    seed: 4,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: AutoscalerParams; seed: number }
>;

export type AutoscalerPresetName = keyof typeof presets;
