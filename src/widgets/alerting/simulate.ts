import { createRng } from '../../sim/rng.ts';
import { notifications } from './notify.ts';
import type { AlertSeries, NotifyPolicy } from './notify.ts';
import { ENGINEER, respond } from './oncall.ts';
import type { Page } from './oncall.ts';
import { evaluateRule } from './rules.ts';
import type { Rule } from './rules.ts';
import { affectedServices, generateWorld, isNight } from './world.ts';
import type { IncidentKind, World, WorldParams } from './world.ts';
import { nearestRankPercentile as percentile } from '../../formulas/quantiles.ts';

/**
 * One on-call period under two alerting policies: the same seeded world, each policy's alerts,
 * notifications and pages, the engineer's responses, and the outcomes side by side.
 */

export interface Policy extends NotifyPolicy {
  name: string;
  rules: Rule[];
}

export interface ComparisonParams {
  world: WorldParams;
  a: Policy;
  b: Policy;
}

/** A page counts as pointing at an incident while it runs or within this long after it ends. */
export const TIE_GRACE_MINUTES = 10;
/** Fatigue curve resolution. */
export const FATIGUE_SAMPLE_MINUTES = 10;

export interface IncidentOutcome {
  /** First page tied to it, or null. */
  detectedAt: number | null;
  ackAt: number | null;
  /** Minutes users were hurt: until the natural end or 15 minutes after the ack. */
  impactMinutes: number;
}

export interface Outcomes {
  pages: number;
  nightPages: number;
  tickets: number;
  logs: number;
  /** Pages tied to a real incident / pages; null with no pages. */
  precision: number | null;
  /** Incidents with a tied page / incidents; null with no incidents. */
  recall: number | null;
  detected: number;
  /** Incidents never acknowledged (no page, or every page ignored). */
  missed: number;
  ttdMedian: number | null;
  ttdP90: number | null;
  ttaMedian: number | null;
  ttaP90: number | null;
  impactMinutes: number;
  peakFatigue: number;
  sleepInterruptions: number;
  ignoredPages: number;
}

export interface PolicyRun {
  name: string;
  outcomes: Outcomes;
  /** Page minutes, and per page 1 when it points at an incident, and 1 when it was ignored. */
  pageMinute: Int32Array;
  pageActionable: Uint8Array;
  pageIgnored: Uint8Array;
  /** Names of the rules that fired in each page, by index into `ruleNames`. */
  pageRule: Int16Array;
  ruleNames: string[];
  incidents: IncidentOutcome[];
  fatigue: Float32Array;
}

export interface IncidentSummary {
  id: number;
  kind: IncidentKind;
  service: string;
  affected: string[];
  start: number;
  end: number;
  peakErrorRatio: number;
}

export interface ComparisonResult {
  minutes: number;
  services: string[];
  incidents: IncidentSummary[];
  runs: [PolicyRun, PolicyRun];
  fatigueSampleMinutes: number;
}

/** Every rule on every service: the alert series a policy produces on a world. */
export function policyAlerts(world: World, rules: readonly Rule[]): AlertSeries[] {
  const alerts: AlertSeries[] = [];
  rules.forEach((rule, r) => {
    world.services.forEach((series, s) => {
      alerts.push({
        rule: r,
        service: s,
        severity: rule.severity,
        quiet: rule.quiet,
        firing: evaluateRule(rule, series),
      });
    });
  });
  return alerts;
}

/** Runs one policy on a world. The engineer's dice come from `seed`: same seed, same person. */
export function runPolicy(world: World, policy: Policy, seed: number): PolicyRun {
  const alerts = policyAlerts(world, policy.rules);
  const notes = notifications(alerts, world.dependsOn, world.minutes, policy);
  const affected = world.incidents.map((i) => new Set(affectedServices(world, i)));
  const tiedIncidents = (minute: number, alertIds: readonly number[]): number[] =>
    world.incidents
      .filter(
        (inc, k) =>
          minute >= inc.start &&
          minute < inc.end + TIE_GRACE_MINUTES &&
          alertIds.some((a) => affected[k]!.has(alerts[a]!.service)),
      )
      .map((inc) => inc.id);

  const pageNotes = notes.filter((n) => n.severity === 'page');
  const ties = pageNotes.map((n) => tiedIncidents(n.minute, n.alerts));
  const pages: Page[] = pageNotes.map((n, k) => ({
    minute: n.minute,
    actionable: ties[k]!.length > 0,
  }));
  const oncall = respond(
    pages,
    world.minutes,
    FATIGUE_SAMPLE_MINUTES,
    createRng((seed ^ 0x6a09e667) >>> 0),
  );

  const incidents: IncidentOutcome[] = world.incidents.map((inc) => ({
    detectedAt: null,
    ackAt: null,
    impactMinutes: inc.end - inc.start,
  }));
  oncall.responses.forEach((r, k) => {
    for (const id of ties[k]!) {
      const out = incidents[id]!;
      out.detectedAt ??= r.minute;
      if (r.ackAt !== null && (out.ackAt === null || r.ackAt < out.ackAt)) out.ackAt = r.ackAt;
    }
  });
  world.incidents.forEach((inc, k) => {
    const out = incidents[k]!;
    if (out.ackAt !== null) {
      const healed = Math.min(inc.end, out.ackAt + ENGINEER.mitigationMinutes);
      out.impactMinutes = Math.max(0, healed - inc.start);
    }
  });

  const actionable = pages.filter((p) => p.actionable).length;
  const detected = incidents.filter((i) => i.detectedAt !== null);
  const ttd = incidents
    .map((i, k) => (i.detectedAt === null ? null : i.detectedAt - world.incidents[k]!.start))
    .filter((x): x is number => x !== null);
  const acked = incidents
    .map((i, k) => (i.ackAt === null ? null : i.ackAt - world.incidents[k]!.start))
    .filter((x): x is number => x !== null);
  const outcomes: Outcomes = {
    pages: pages.length,
    nightPages: pages.filter((p) => isNight(p.minute)).length,
    tickets: notes.filter((n) => n.severity === 'ticket').length,
    logs: notes.filter((n) => n.severity === 'log').length,
    precision: pages.length ? actionable / pages.length : null,
    recall: world.incidents.length ? detected.length / world.incidents.length : null,
    detected: detected.length,
    missed: incidents.filter((i) => i.ackAt === null).length,
    ttdMedian: percentile(ttd, 0.5),
    ttdP90: percentile(ttd, 0.9),
    ttaMedian: percentile(acked, 0.5),
    ttaP90: percentile(acked, 0.9),
    impactMinutes: incidents.reduce((sum, i) => sum + i.impactMinutes, 0),
    peakFatigue: oncall.peakFatigue,
    sleepInterruptions: oncall.responses.filter((r) => r.wokeUp).length,
    ignoredPages: oncall.responses.filter((r) => r.ignored).length,
  };

  return {
    name: policy.name,
    outcomes,
    pageMinute: Int32Array.from(pages, (p) => p.minute),
    pageActionable: Uint8Array.from(pages, (p) => (p.actionable ? 1 : 0)),
    pageIgnored: Uint8Array.from(oncall.responses, (r) => (r.ignored ? 1 : 0)),
    pageRule: Int16Array.from(pageNotes, (n) => alerts[n.alerts[0]!]!.rule),
    ruleNames: policy.rules.map((r) => r.name),
    incidents,
    fatigue: oncall.fatigue,
  };
}

export function summariseIncidents(world: World): IncidentSummary[] {
  return world.incidents.map((inc) => ({
    id: inc.id,
    kind: inc.kind,
    service: world.services[inc.service]!.name,
    affected: affectedServices(world, inc).map((s) => world.services[s]!.name),
    start: inc.start,
    end: inc.end,
    peakErrorRatio: inc.peakErrorRatio,
  }));
}

/** The worker's run: world, then each policy, reporting progress between the steps. */
export function* simulateComparison(
  params: ComparisonParams,
  seed: number,
): Generator<number, ComparisonResult, void> {
  const world = generateWorld(params.world, seed);
  yield 0.3;
  const a = runPolicy(world, params.a, seed);
  yield 0.65;
  const b = runPolicy(world, params.b, seed);
  return {
    minutes: world.minutes,
    services: world.services.map((s) => s.name),
    incidents: summariseIncidents(world),
    runs: [a, b],
    fatigueSampleMinutes: FATIGUE_SAMPLE_MINUTES,
  };
}
