import {
  bistability,
  cacheMissAmplification,
  retryLoad,
  survivorUtilisation,
  tolerableLosses,
} from '../../formulas/cascade.ts';
import type { Bistability } from '../../formulas/cascade.ts';
import { BUDGET_RATIO } from './params.ts';
import type { CascadeParams } from './params.ts';

/**
 * What the lesson's formulas (src/formulas/cascade.ts) say about a scenario, before it runs:
 * the survivors' utilisation u·n/(n − k), how many servers the pool can lose, the load a failing
 * pool offers itself when every attempt fails (users × (1 + 1 + … + 1) = users × (R + 1)), and
 * the lesson's one-queue toy's two thresholds. The schema keeps every input in range, so a
 * formula that refuses one is a bug, and throws.
 */

const must = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** Where the pool sits, from its steady miss load and what a failing pool offers itself. */
export type Region = 'stable' | 'vulnerable' | 'overloaded';

export interface CascadeTheory {
  /** Pool capacity, requests a second. */
  capacity: number;
  /** Users' load reaching the pool with the cache warm, and with it cold. */
  missLoad: number;
  coldLoad: number;
  /** Each server's utilisation with all of them serving. */
  utilisation: number;
  /** Each survivor's, first attempts only, after the scripted failure (null without one). */
  survivors: number | null;
  /** The most servers that can be lost with the survivors at or below 100 %. */
  tolerable: number;
  /** What the pool is offered once every attempt fails, warm cache and cold. */
  stuckLoad: number;
  stuckLoadCold: number;
  /** The same under a retry budget: users × (1 + 0.1). */
  stuckLoadBudget: number;
  /** How much a flush multiplies the pool's load: (1 − 0)/(1 − h). */
  flushFactor: number | null;
  region: Region;
  /** The lesson's toy (one M/M/1 queue of the pool's capacity, the same timeout and retries). */
  toy: Bistability;
}

export function cascadeTheory(p: CascadeParams): CascadeTheory {
  const capacity = p.servers * p.perServer;
  const h = p.hitPct / 100;
  const missLoad = p.users * (1 - h);
  const utilisation = missLoad / capacity;
  const survivors =
    p.failCount > 0
      ? must(survivorUtilisation(p.servers, utilisation, p.failCount)).utilisation
      : null;
  const tolerable =
    utilisation > 0 ? must(tolerableLosses(p.servers, utilisation, 1)) : p.servers - 1;
  const stuckLoad = must(retryLoad(missLoad, 1, p.retries));
  const stuckLoadCold = must(retryLoad(p.users, 1, p.retries));
  const stuckLoadBudget = p.retries > 0 ? missLoad * (1 + BUDGET_RATIO) : missLoad;
  const flushFactor = h > 0 ? must(cacheMissAmplification(h, 0)) : null;
  const region: Region =
    missLoad >= capacity ? 'overloaded' : stuckLoad >= capacity ? 'vulnerable' : 'stable';
  return {
    capacity,
    missLoad,
    coldLoad: p.users,
    utilisation,
    survivors,
    tolerable,
    stuckLoad,
    stuckLoadCold,
    stuckLoadBudget,
    flushFactor,
    region,
    toy: must(bistability(capacity, p.timeoutMs / 1000, p.retries)),
  };
}
