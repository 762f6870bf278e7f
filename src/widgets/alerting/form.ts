import { describeIssues, placed } from '../../sim/zodMessages.ts';
import { splitIssues } from '../chrome/paramForm.ts';
import { policySchema, worldSchema } from './params.ts';
import type { ComparisonInput } from './params.ts';
import type { Metric, Rule, Severity } from './rules.ts';
import type { WorldParams } from './world.ts';

/**
 * The policy editor's form: what the learner typed, kept as text so nothing they type is lost,
 * in the units people think in (error ratio and CPU in %, an SLO in %, windows in minutes), and
 * the conversion to a checked policy with every problem in words.
 */

export type Policy = ComparisonInput['a'];

export interface RuleForm {
  kind: Rule['kind'];
  id: string;
  name: string;
  severity: Severity;
  quiet: boolean;
  metric: Metric;
  method: 'zscore' | 'iqr';
  above: string;
  forMinutes: string;
  resolveAt: string;
  windowMinutes: string;
  k: string;
  slo: string;
  longWindowMinutes: string;
  shortWindowMinutes: string;
  factor: string;
}

export interface PolicyForm {
  name: string;
  grouping: Policy['grouping'];
  groupWaitMinutes: string;
  repeatMinutes: string;
  inhibit: boolean;
  quietHours: boolean;
  rules: RuleForm[];
}

export type WorldForm = Record<keyof WorldParams, string>;

/** Threshold values are shown in % for errors and CPU, in ms for latency. */
const toShown = (metric: Metric, x: number) => (metric === 'latency' ? x : round(x * 100));
const fromShown = (metric: Metric, x: number) => (metric === 'latency' ? x : percentToShare(x));
const round = (x: number) => Math.round(x * 1e9) / 1e9;
/** 99.9 → 0.999 exactly as typed (plain division gives 0.9990000000000001). */
const percentToShare = (x: number) => (Number.isFinite(x) ? Number((x / 100).toPrecision(12)) : x);

const blankRule = {
  metric: 'errors' as Metric,
  method: 'zscore' as const,
  above: '1',
  forMinutes: '0',
  resolveAt: '',
  windowMinutes: '60',
  k: '4',
  slo: '99.9',
  longWindowMinutes: '60',
  shortWindowMinutes: '5',
  factor: '14.4',
};

export function ruleToForm(rule: Rule): RuleForm {
  const base = {
    ...blankRule,
    kind: rule.kind,
    id: rule.id,
    name: rule.name,
    severity: rule.severity,
    quiet: rule.quiet,
  };
  switch (rule.kind) {
    case 'threshold':
      return {
        ...base,
        metric: rule.metric,
        above: String(toShown(rule.metric, rule.above)),
        forMinutes: String(rule.forMinutes),
        resolveAt: rule.resolveAt === null ? '' : String(toShown(rule.metric, rule.resolveAt)),
      };
    case 'anomaly':
      return {
        ...base,
        metric: rule.metric,
        method: rule.method,
        windowMinutes: String(rule.windowMinutes),
        k: String(rule.k),
        forMinutes: String(rule.forMinutes),
      };
    case 'burn-rate':
      return {
        ...base,
        slo: String(round(rule.slo * 100)),
        longWindowMinutes: String(rule.longWindowMinutes),
        shortWindowMinutes: String(rule.shortWindowMinutes),
        factor: String(rule.factor),
      };
  }
}

export function policyToForm(policy: Policy): PolicyForm {
  return {
    name: policy.name,
    grouping: policy.grouping,
    groupWaitMinutes: String(policy.groupWaitMinutes),
    repeatMinutes: String(policy.repeatMinutes),
    inhibit: policy.inhibit,
    quietHours: policy.quietHours,
    rules: policy.rules.map(ruleToForm),
  };
}

/** Text → number; blank or junk becomes NaN, which the schema reports in words. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function formToRule(f: RuleForm): unknown {
  const base = { id: f.id, name: f.name, severity: f.severity, quiet: f.quiet, kind: f.kind };
  switch (f.kind) {
    case 'threshold':
      return {
        ...base,
        metric: f.metric,
        above: fromShown(f.metric, num(f.above)),
        forMinutes: num(f.forMinutes),
        resolveAt: f.resolveAt.trim() === '' ? null : fromShown(f.metric, num(f.resolveAt)),
      };
    case 'anomaly':
      return {
        ...base,
        metric: f.metric,
        method: f.method,
        windowMinutes: num(f.windowMinutes),
        k: num(f.k),
        forMinutes: num(f.forMinutes),
      };
    case 'burn-rate':
      return {
        ...base,
        slo: percentToShare(num(f.slo)),
        longWindowMinutes: num(f.longWindowMinutes),
        shortWindowMinutes: num(f.shortWindowMinutes),
        factor: num(f.factor),
      };
  }
}

/**
 * A checked form: the value, or the problems in words — each with the field it belongs to (by
 * its path: `rules.1.forMinutes`, `groupWaitMinutes`, `days`), the rest for the whole form, and
 * all of them in one sentence.
 */
export type Checked<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string>;
      formErrors: string[];
    };

/** Fields with an input of their own; a rule's are under `rules.<index>.`. */
const policyFields = new Set(['name', 'groupWaitMinutes', 'repeatMinutes']);
const ruleFields = new Set<string>([
  'name',
  'above',
  'resolveAt',
  'forMinutes',
  'windowMinutes',
  'k',
  'slo',
  'longWindowMinutes',
  'shortWindowMinutes',
  'factor',
] satisfies (keyof RuleForm)[]);
const worldFields = new Set<string>([
  'days',
  'services',
  'incidentsPerWeek',
  'spikesPerDay',
] satisfies (keyof WorldForm)[]);

function policyFieldOf(path: readonly PropertyKey[]): string | null {
  const [first, index, key] = path;
  if (path.length === 1 && typeof first === 'string' && policyFields.has(first)) return first;
  if (first === 'rules' && typeof index === 'number' && typeof key === 'string')
    return ruleFields.has(key) && path.length === 3 ? `rules.${index}.${key}` : null;
  return null;
}

const worldFieldOf = (path: readonly PropertyKey[]) => {
  const [first] = path;
  return path.length === 1 && typeof first === 'string' && worldFields.has(first) ? first : null;
};

/** A rule's problem names the rule: "Rule 2: a "for" duration must be at least 0 minutes". */
const policyLabels = { 'rules[]': 'rule', rules: 'the list of rules' };

function failed<T>(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
  fieldOf: (path: readonly PropertyKey[]) => string | null,
): Checked<T> {
  return {
    ok: false,
    message: describeIssues(issues, policyLabels),
    ...splitIssues(issues, fieldOf, (issue) => placed(issue, policyLabels)),
  };
}

export function checkPolicy(form: PolicyForm): Checked<Policy> {
  const parsed = policySchema.safeParse({
    name: form.name,
    grouping: form.grouping,
    groupWaitMinutes: num(form.groupWaitMinutes),
    repeatMinutes: num(form.repeatMinutes),
    inhibit: form.inhibit,
    quietHours: form.quietHours,
    rules: form.rules.map(formToRule),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : failed(parsed.error.issues, policyFieldOf);
}

export function worldToForm(world: WorldParams): WorldForm {
  return {
    days: String(world.days),
    services: String(world.services),
    incidentsPerWeek: String(world.incidentsPerWeek),
    spikesPerDay: String(world.spikesPerDay),
  };
}

export function checkWorld(form: WorldForm): Checked<WorldParams> {
  const parsed = worldSchema.safeParse({
    days: num(form.days),
    services: num(form.services),
    incidentsPerWeek: num(form.incidentsPerWeek),
    spikesPerDay: num(form.spikesPerDay),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : failed(parsed.error.issues, worldFieldOf);
}

/** A new rule of a kind, with sensible values and an id not yet used in the policy. */
export function newRule(kind: Rule['kind'], taken: readonly string[]): RuleForm {
  let n = taken.length + 1;
  while (taken.includes(`rule-${n}`)) n++;
  const names = {
    threshold: 'Error ratio above 1 %',
    anomaly: 'Latency anomaly (z-score)',
    'burn-rate': 'Burn 14.4× over 1 h',
  };
  return {
    ...blankRule,
    metric: kind === 'anomaly' ? 'latency' : 'errors',
    forMinutes: kind === 'anomaly' ? '5' : '0',
    kind,
    id: `rule-${n}`,
    name: names[kind],
    severity: 'page',
    quiet: false,
  };
}
