/** What the saga simulation returns: the same sagas under both policies, and a few to inspect. */

export const POLICIES = ['naive', 'correct'] as const;
export type Policy = (typeof POLICIES)[number];

/**
 * How a saga ends. `undone`: it did not complete and nothing it did is left behind.
 * `inconsistent`: it did not complete and something it did is left in place with nobody
 * tracking it (money taken with no order, stock held forever). `deadLetter`: something is left to
 * do and it is in the dead-letter queue, where a person will see it.
 */
export const OUTCOMES = ['completed', 'undone', 'inconsistent', 'deadLetter'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface PolicyRun {
  policy: Policy;
  /** Sagas ending each way, in the order of OUTCOMES. */
  counts: number[];
  /** Compensations run (each step undone counts once, however many calls it took). */
  compensations: number;
  /** Σ compensations² over sagas, for the interval of the mean. */
  compensationsSq: number;
  /** Per step: sagas that did not complete and left that step's effect in place. */
  leftovers: number[];
  /** Calls made to services, retries and compensations included. */
  calls: number;
  /** Sagas during which the orchestrator crashed. */
  crashed: number;
}

/** Who an event on a timeline belongs to: the orchestrator (−1) or a step's service. */
export type Tone = 'ok' | 'bad' | 'unknown' | 'note';

export interface TraceEvent {
  /** Milliseconds since the saga started, on the orchestrator's clock. */
  atMs: number;
  /** −1 for the orchestrator, else the step whose service it happens at. */
  lane: number;
  text: string;
  tone: Tone;
}

export interface Example {
  /** 1-based saga number in the run. */
  saga: number;
  outcomes: Record<Policy, Outcome>;
  traces: Record<Policy, TraceEvent[]>;
}

export interface SagaResult {
  sagas: number;
  runs: Record<Policy, PolicyRun>;
  examples: Example[];
}
