import { z } from 'zod';
import type { Rule } from './rules.ts';
import { SERVICE_CATALOG } from './world.ts';
import type { WorldParams } from './world.ts';

/**
 * Parameters of the alert fatigue simulator: the world, the policies and their rules, with the
 * limits and the messages a learner sees, and the presets lessons name. Imported at build time
 * by the content lint, so only explicit `.ts` imports of pure modules.
 */

export const MAX_RULES = 8;
export const MAX_DAYS = 30;

const whole = (what: string, min: number, max: number, unit = '') =>
  z
    .int(`${what} must be a whole number${unit ? ` of ${unit}` : ''}`)
    .min(min, `${what} must be at least ${min}${unit ? ` ${unit}` : ''}`)
    .max(max, `${what} must be at most ${max}${unit ? ` ${unit}` : ''}`);

const num = (what: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${min}${unit}`)
    .max(max, `${what} must be at most ${max}${unit}`);

export const worldSchema = z.object({
  days: whole('The on-call period', 1, MAX_DAYS, 'days'),
  services: whole('The number of services', 1, SERVICE_CATALOG.length),
  incidentsPerWeek: num('Incidents per week', 0, 30),
  spikesPerDay: num('Harmless spikes per service per day', 0, 50),
}) satisfies z.ZodType<WorldParams>;

const name = z
  .string({ error: 'Every rule needs a name' })
  .trim()
  .min(1, 'Every rule needs a name')
  .max(40, 'A rule name must be at most 40 characters');

const ruleBase = {
  id: z.string().min(1).max(40),
  name,
  severity: z.enum(['page', 'ticket', 'log'], { error: 'Severity is page, ticket or log' }),
  quiet: z.boolean(),
};

const metric = z.enum(['errors', 'latency', 'cpu'], {
  error: 'A rule watches errors, latency or cpu',
});
const forMinutes = whole('A "for" duration', 0, 24 * 60, 'minutes');

/** Thresholds in the units rules use: errors and CPU as shares, latency in ms. */
const limits = { errors: [0, 1], latency: [0, 600_000], cpu: [0, 1] } as const;

/**
 * A metric's threshold in words, article included: a metric's key is never put into prose
 * ("a errors threshold").
 */
export const thresholdInWords = {
  errors: 'An error-ratio threshold',
  latency: 'A latency threshold',
  cpu: 'A CPU threshold',
} as const satisfies Record<keyof typeof limits, string>;

const thresholdRule = z
  .object({
    ...ruleBase,
    kind: z.literal('threshold'),
    metric,
    above: z.number({ error: 'A threshold must be a number' }),
    forMinutes,
    resolveAt: z.number({ error: 'A resolve threshold must be a number' }).nullable(),
  })
  .superRefine((r, ctx) => {
    const [lo, hi] = limits[r.metric];
    const unit = r.metric === 'latency' ? ' ms' : '';
    const shown = (x: number) => (r.metric === 'latency' ? x : `${x * 100} %`);
    if (!(r.above >= lo && r.above < hi))
      ctx.addIssue({
        code: 'custom',
        path: ['above'],
        message: `${thresholdInWords[r.metric]} must be at least ${shown(lo)}${unit} and below ${shown(hi)}${unit}`,
      });
    if (r.resolveAt !== null && !(r.resolveAt >= lo && r.resolveAt <= r.above))
      ctx.addIssue({
        code: 'custom',
        path: ['resolveAt'],
        message: `The resolve threshold must be at most the firing threshold and not below ${shown(lo)}${unit} (it resolves below where it fires)`,
      });
  });

const anomalyRule = z.object({
  ...ruleBase,
  kind: z.literal('anomaly'),
  metric,
  method: z.enum(['zscore', 'iqr'], { error: 'Anomaly detection is by z-score or IQR' }),
  windowMinutes: whole('A baseline window', 10, 24 * 60, 'minutes'),
  k: num('The anomaly multiplier k', 0.5, 20),
  forMinutes,
});

const burnRateRule = z
  .object({
    ...ruleBase,
    kind: z.literal('burn-rate'),
    slo: num('An SLO', 0.5, 0.99999),
    longWindowMinutes: whole('A long window', 5, 30 * 24 * 60, 'minutes'),
    shortWindowMinutes: whole('A short window', 1, 30 * 24 * 60, 'minutes'),
    factor: num('A burn-rate factor', 0.1, 1000),
  })
  .superRefine((r, ctx) => {
    if (r.shortWindowMinutes >= r.longWindowMinutes)
      ctx.addIssue({
        code: 'custom',
        path: ['shortWindowMinutes'],
        message: `The short window must be shorter than the long window (it confirms the burn is still happening)`,
      });
    if (r.factor * (1 - r.slo) > 1 + 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['factor'],
        message: `A burn rate of ${r.factor}× on a ${+(r.slo * 100).toFixed(3)} % SLO needs an error ratio above 100 %, so it can never fire`,
      });
  });

export const ruleSchema = z.discriminatedUnion('kind', [thresholdRule, anomalyRule, burnRateRule], {
  error: 'A rule is a threshold, an anomaly or a burn-rate rule',
});

export const policySchema = z
  .object({
    name: z.string().trim().min(1, 'A policy needs a name').max(40),
    rules: z
      .array(ruleSchema)
      .min(1, 'A policy needs at least one rule')
      .max(MAX_RULES, `A policy has at most ${MAX_RULES} rules`),
    grouping: z.enum(['none', 'rule', 'service'], {
      error: 'Grouping is none, by rule or by service',
    }),
    groupWaitMinutes: whole('Group wait', 0, 60, 'minutes'),
    repeatMinutes: whole('Repeat interval', 5, 7 * 24 * 60, 'minutes'),
    inhibit: z.boolean(),
    quietHours: z.boolean(),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    for (const r of p.rules) {
      if (ids.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `Two rules share the id "${r.id}"`,
        });
      ids.add(r.id);
    }
  });

export const comparisonSchema = z.object({ world: worldSchema, a: policySchema, b: policySchema });
export type ComparisonInput = z.infer<typeof comparisonSchema>;

// ——— Presets ———

const common = { quiet: false } as const;

const errorsAbove1: Rule = {
  ...common,
  id: 'errors',
  name: 'Error ratio above 1 %',
  kind: 'threshold',
  metric: 'errors',
  above: 0.01,
  forMinutes: 0,
  resolveAt: null,
  severity: 'page',
};
const latencyAbove: Rule = {
  ...common,
  id: 'latency',
  name: 'p99 latency above 500 ms',
  kind: 'threshold',
  metric: 'latency',
  above: 500,
  forMinutes: 0,
  resolveAt: null,
  severity: 'page',
};
const cpuAbove: Rule = {
  ...common,
  id: 'cpu',
  name: 'CPU above 80 %',
  kind: 'threshold',
  metric: 'cpu',
  above: 0.8,
  forMinutes: 0,
  resolveAt: null,
  severity: 'page',
};

export const policyPresets = {
  'threshold-everything': {
    title: 'Threshold on everything',
    description:
      'Page the moment any service’s error ratio passes 1 %, p99 latency 500 ms or CPU 80 %; every alert notifies on its own and repeats hourly.',
    policy: {
      name: 'Threshold on everything',
      rules: [errorsAbove1, latencyAbove, cpuAbove],
      grouping: 'none',
      groupWaitMinutes: 0,
      repeatMinutes: 60,
      inhibit: false,
      quietHours: false,
    },
  },
  'for-durations': {
    title: 'Thresholds with for-durations',
    description:
      'The same thresholds, but a condition must hold for 5 minutes (CPU 15) before it fires, with hysteresis, and alerts are grouped per service.',
    policy: {
      name: 'Thresholds with for-durations',
      rules: [
        { ...errorsAbove1, forMinutes: 5, resolveAt: 0.005 },
        { ...latencyAbove, forMinutes: 5, resolveAt: 400 },
        { ...cpuAbove, forMinutes: 15, resolveAt: 0.7 },
      ],
      grouping: 'service',
      groupWaitMinutes: 1,
      repeatMinutes: 240,
      inhibit: false,
      quietHours: false,
    },
  },
  'burn-rate': {
    title: 'Burn rate + grouping + inhibition',
    description:
      'Page on a 99.9 % SLO’s error budget burning 14.4× over 1 hour (5-minute check) or 6× over 6 hours (30-minute check); 1× over 3 days is a ticket, CPU a ticket; grouped per service, causes inhibit symptoms.',
    policy: {
      name: 'Burn rate + grouping + inhibition',
      rules: [
        {
          ...common,
          id: 'fast-burn',
          name: 'Fast burn: 14.4× over 1 h',
          kind: 'burn-rate',
          slo: 0.999,
          longWindowMinutes: 60,
          shortWindowMinutes: 5,
          factor: 14.4,
          severity: 'page',
        },
        {
          ...common,
          id: 'slow-burn',
          name: 'Slow burn: 6× over 6 h',
          kind: 'burn-rate',
          slo: 0.999,
          longWindowMinutes: 360,
          shortWindowMinutes: 30,
          factor: 6,
          severity: 'page',
        },
        {
          ...common,
          id: 'budget-ticket',
          name: 'Budget leak: 1× over 3 days',
          kind: 'burn-rate',
          slo: 0.999,
          longWindowMinutes: 3 * 24 * 60,
          shortWindowMinutes: 360,
          factor: 1,
          severity: 'ticket',
        },
        {
          ...cpuAbove,
          id: 'cpu-ticket',
          name: 'CPU above 90 % for 30 min',
          above: 0.9,
          forMinutes: 30,
          severity: 'ticket',
        },
      ],
      grouping: 'service',
      groupWaitMinutes: 1,
      repeatMinutes: 240,
      inhibit: true,
      quietHours: false,
    },
  },
} as const satisfies Record<
  string,
  { title: string; description: string; policy: z.input<typeof policySchema> }
>;

export type PolicyPresetName = keyof typeof policyPresets;

export const defaultWorld: WorldParams = {
  days: 7,
  services: 5,
  incidentsPerWeek: 5,
  spikesPerDay: 3,
};

/** Scenarios lessons name: which world and which two policies start side by side. */
export const presets = {
  'noisy-week': {
    title: 'A noisy week',
    description:
      'Threshold on everything against burn rate + grouping + inhibition, over 7 days and 5 services.',
    world: defaultWorld,
    a: 'threshold-everything',
    b: 'burn-rate',
    seed: 7,
  },
  'for-durations': {
    title: 'Does waiting help?',
    description:
      'Threshold on everything against the same thresholds with for-durations and grouping.',
    world: defaultWorld,
    a: 'threshold-everything',
    b: 'for-durations',
    seed: 7,
  },
  'quiet-month': {
    title: 'A month of nights',
    description:
      'Thresholds with for-durations against burn rate over 30 days, to see fatigue build up.',
    world: { ...defaultWorld, days: 30 },
    a: 'for-durations',
    b: 'burn-rate',
    seed: 11,
  },
} as const satisfies Record<
  string,
  {
    title: string;
    description: string;
    world: WorldParams;
    a: PolicyPresetName;
    b: PolicyPresetName;
    seed: number;
  }
>;

export type PresetName = keyof typeof presets;

/** A preset's full comparison: its world and copies of its two policies (safe to edit). */
export function presetComparison(name: PresetName): ComparisonInput {
  const p = presets[name];
  const copy = (n: PolicyPresetName) =>
    policySchema.parse(structuredClone(policyPresets[n].policy));
  return { world: { ...p.world }, a: copy(p.a), b: copy(p.b) };
}
