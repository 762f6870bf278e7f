import type { SeverityLevel } from './params.ts';

/** What the kill switch drill returns: each design's outcomes over many runs, and one run in detail. */

/**
 * The designs compared on the same seed: the learner's, then the learner's with one decision
 * changed (the other fail mode, the other approval rule, the guards switched), and no switch.
 */
export const DESIGNS = ['yours', 'otherFail', 'otherApproval', 'otherGuards', 'noSwitch'] as const;
export type Design = (typeof DESIGNS)[number];

/** One quantity over the runs where it is defined. */
export interface Summary {
  /** Runs where it was defined (a switch never pulled has no propagation time). */
  n: number;
  mean: number;
  /** 95 % interval of the mean (normal, ±1.96 standard errors); equal to the mean when n = 1. */
  lo: number;
  hi: number;
  p50: number;
  p90: number;
}

export interface DesignSummary {
  design: Design;
  /** From the start to the first person who knows (the alert's page acknowledged, or noticed). */
  detect: Summary;
  /** From detection to the flip: deciding, then the approval. */
  decide: Summary;
  /** The approval alone (two-person rule), for the theory. */
  approval: Summary;
  /** From the flip to the last host that has it. */
  fleet: Summary;
  /** From the flip to a host having it, averaged over the hosts of a run. */
  hostMean: Summary;
  /** The same two, only in runs whose switch met no flag-service outage (the formulas' case). */
  fleetClean: Summary;
  hostMeanClean: Summary;
  /** Harmful actions over the window. */
  harm: Summary;
  /** Runs whose harm was still going at the end of the window. */
  stillGoing: number;
  /** Runs in which the alert's page, not a person, was how the incident was noticed. */
  byAlert: number;
  /** Runs that reached SEV-1. */
  sev1: number;
  /** Runs in which the switch was pulled within the window. */
  flipped: number;
}

export type EventKind =
  | 'start'
  | 'alert'
  | 'ack'
  | 'noticed'
  | 'severity'
  | 'decided'
  | 'approved'
  | 'flip'
  | 'flag-down'
  | 'flag-up'
  | 'first-host'
  | 'half-hosts'
  | 'all-hosts'
  | 'guard'
  | 'stopped'
  | 'end';

export interface TimelineEvent {
  atS: number;
  kind: EventKind;
  text: string;
  /** The level declared or escalated to, for severity events. */
  level?: SeverityLevel;
}

/** One run of one design, in detail: the example on the timeline. */
export interface ExampleRun {
  design: Design;
  /** Cumulative harm at every `stepS` seconds from 0 (the last point is the window's end). */
  harm: Float64Array;
  /** Misbehaving hosts still acting at every `stepS`. */
  acting: Uint16Array;
  /** From the flip to each host having the switch, sorted; empty when it was never pulled. */
  hostDelays: Float64Array;
  events: TimelineEvent[];
  total: number;
}

export interface KillSwitchResult {
  runs: number;
  durationS: number;
  /** Seconds between the example's points. */
  stepS: number;
  designs: DesignSummary[];
  /** Run 1 of the seed under every design, in DESIGNS order. */
  examples: ExampleRun[];
}
