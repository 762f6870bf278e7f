import { createRng, standardNormal } from '../../sim/rng.ts';
import type { Rng } from '../../sim/rng.ts';

/**
 * The simulated world an on-call engineer watches: a few services calling each other, each with
 * four one-minute metric streams (requests, error ratio, p99 latency, CPU), the noise of normal
 * life (a daily cycle, sampling noise that is worst at night when traffic is low, short harmless
 * spikes, CPU that flaps around its evening peak) and real incidents injected at seeded times.
 *
 * An incident starts in one service and shows up in every service that calls it, directly or
 * through others (weaker with each hop), so one fault makes correlated alerts. The world is a
 * pure function of (seed, params): two policies compared on it see exactly the same week.
 */

export const MINUTES_PER_DAY = 1440;

/** Services in a fixed order, each with the services it calls. The first `services` are used. */
export const SERVICE_CATALOG: readonly {
  name: string;
  calls: readonly string[];
  /** Requests per minute at the daily mean. */
  rate: number;
  /** p99 latency in ms at mean load. */
  latencyMs: number;
  /** CPU share at mean load. */
  cpu: number;
}[] = [
  { name: 'edge', calls: ['checkout', 'search', 'accounts'], rate: 6000, latencyMs: 180, cpu: 0.5 },
  { name: 'checkout', calls: ['payments', 'inventory'], rate: 1200, latencyMs: 260, cpu: 0.45 },
  { name: 'payments', calls: [], rate: 900, latencyMs: 320, cpu: 0.4 },
  { name: 'search', calls: ['inventory'], rate: 3000, latencyMs: 140, cpu: 0.6 },
  { name: 'inventory', calls: [], rate: 2500, latencyMs: 90, cpu: 0.45 },
  { name: 'accounts', calls: ['auth'], rate: 800, latencyMs: 120, cpu: 0.35 },
  { name: 'auth', calls: [], rate: 1500, latencyMs: 60, cpu: 0.3 },
  { name: 'notifications', calls: [], rate: 200, latencyMs: 400, cpu: 0.3 },
];

export type IncidentKind = 'outage' | 'degradation' | 'bad-deploy';

export interface Incident {
  id: number;
  kind: IncidentKind;
  /** Index of the service where it starts. */
  service: number;
  /** Minutes from the start of the period; users are hurt from `start` until `end` (exclusive). */
  start: number;
  end: number;
  /** Peak error ratio it adds in its own service. */
  peakErrorRatio: number;
}

export interface WorldParams {
  days: number;
  services: number;
  /** Expected real incidents per 7 days. */
  incidentsPerWeek: number;
  /** Expected short harmless error spikes per service per day. */
  spikesPerDay: number;
}

export interface ServiceSeries {
  name: string;
  /** Indices of the services it calls directly. */
  calls: number[];
  requests: Float64Array;
  errorRatio: Float64Array;
  latencyMs: Float64Array;
  cpu: Float64Array;
}

export interface World {
  params: WorldParams;
  minutes: number;
  services: ServiceSeries[];
  /** dependsOn[a][b]: a calls b directly or through others. */
  dependsOn: boolean[][];
  incidents: Incident[];
}

/** The service that rebuilds its index every night, and minor error episodes per service per day. */
export const BATCH_SERVICE = 'inventory';
export const MINOR_EPISODES_PER_DAY = 0.5;

/** Minutes of the nightly batch job: from about 02:00 for 30–50 minutes each night. */
function nightlyBatch(rng: Rng, days: number): Uint8Array {
  const busy = new Uint8Array(days * MINUTES_PER_DAY);
  for (let d = 0; d < days; d++) {
    const start = d * MINUTES_PER_DAY + 2 * 60 + uniformInt(rng, 0, 10);
    busy.fill(1, start, start + uniformInt(rng, 30, 50));
  }
  return busy;
}

/** Share of an incident's error ratio that reaches a caller, per hop. */
export const PROPAGATION_PER_HOP = 0.6;

/** Minute of the day, 0 = midnight. The period starts on a Monday at 00:00. */
export const minuteOfDay = (t: number): number => t % MINUTES_PER_DAY;

/** Night is 23:00–07:00: pages then wake the engineer. */
export function isNight(t: number): boolean {
  const m = minuteOfDay(t);
  return m >= 23 * 60 || m < 7 * 60;
}

/** Traffic relative to the daily mean: 1.5× at 19:00, 0.5× at 07:00. */
export function dailyLoad(t: number): number {
  return 1 + 0.5 * Math.cos((2 * Math.PI * (minuteOfDay(t) - 19 * 60)) / MINUTES_PER_DAY);
}

function transitiveCalls(calls: number[][]): boolean[][] {
  const n = calls.length;
  const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let a = 0; a < n; a++) {
    const stack = [...calls[a]!];
    while (stack.length) {
      const b = stack.pop()!;
      if (reach[a]![b]) continue;
      reach[a]![b] = true;
      stack.push(...calls[b]!);
    }
  }
  return reach;
}

/** Hops from caller a down to b (1 = direct), or 0 when a does not depend on b. */
function hops(calls: number[][], a: number, b: number): number {
  let frontier = [a];
  const seen = new Set([a]);
  for (let depth = 1; frontier.length; depth++) {
    const next: number[] = [];
    for (const s of frontier)
      for (const c of calls[s]!) {
        if (c === b) return depth;
        if (!seen.has(c)) {
          seen.add(c);
          next.push(c);
        }
      }
    frontier = next;
  }
  return 0;
}

function poisson(rng: Rng, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.next();
const uniformInt = (rng: Rng, lo: number, hi: number) => Math.floor(uniform(rng, lo, hi + 1));

/** Incidents: Poisson count, seeded kinds, sizes and times; never two at once in one service. */
function drawIncidents(rng: Rng, p: WorldParams, minutes: number): Incident[] {
  const count = poisson(rng, (p.incidentsPerWeek * p.days) / 7);
  const incidents: Incident[] = [];
  const warmUp = 6 * 60; // baselines need a few quiet hours first
  for (let attempt = 0; incidents.length < count && attempt < count * 20; attempt++) {
    const roll = rng.next();
    const kind: IncidentKind = roll < 0.35 ? 'outage' : roll < 0.7 ? 'degradation' : 'bad-deploy';
    const service = uniformInt(rng, 0, p.services - 1);
    let start: number;
    let length: number;
    let peak: number;
    if (kind === 'outage') {
      start = uniformInt(rng, warmUp, minutes - 60);
      length = uniformInt(rng, 10, 40);
      peak = uniform(rng, 0.2, 0.6);
    } else if (kind === 'degradation') {
      start = uniformInt(rng, warmUp, minutes - 60);
      length = uniformInt(rng, 60, 240);
      peak = uniform(rng, 0.02, 0.06);
    } else {
      // Deploys happen on working days in working hours.
      const day = uniformInt(rng, 0, p.days - 1);
      const weekday = day % 7 < 5;
      if (!weekday) continue;
      start = day * MINUTES_PER_DAY + uniformInt(rng, 10 * 60, 17 * 60);
      length = uniformInt(rng, 20, 90);
      peak = uniform(rng, 0.03, 0.1);
    }
    const end = Math.min(minutes, start + length);
    if (start < warmUp || end - start < 5) continue;
    const clash = incidents.some(
      (i) => i.service === service && i.start < end + 60 && start < i.end + 60,
    );
    if (clash) continue;
    incidents.push({ id: 0, kind, service, start, end, peakErrorRatio: peak });
  }
  incidents.sort((a, b) => a.start - b.start || a.service - b.service);
  incidents.forEach((i, n) => (i.id = n));
  return incidents;
}

/** Extra error ratio an incident adds in its own service at minute t (0 outside it). */
export function incidentErrorRatio(i: Incident, t: number): number {
  if (t < i.start || t >= i.end) return 0;
  if (i.kind === 'degradation') return (i.peakErrorRatio * (t - i.start + 1)) / (i.end - i.start);
  return i.peakErrorRatio;
}

export function generateWorld(params: WorldParams, seed: number): World {
  const rng = createRng(seed);
  const minutes = params.days * MINUTES_PER_DAY;
  const catalog = SERVICE_CATALOG.slice(0, params.services);
  const names = catalog.map((s) => s.name);
  const calls = catalog.map((s) => s.calls.map((c) => names.indexOf(c)).filter((c) => c >= 0));
  const dependsOn = transitiveCalls(calls);
  const incidents = drawIncidents(rng, params, minutes);

  const services: ServiceSeries[] = catalog.map((spec, s) => {
    const requests = new Float64Array(minutes);
    const errorRatio = new Float64Array(minutes);
    const latencyMs = new Float64Array(minutes);
    const cpu = new Float64Array(minutes);
    // Harmless spikes: a misbehaving client, a pod restart. 1–4 minutes each.
    const noiseErrors = new Float64Array(minutes);
    const spikes = poisson(rng, params.spikesPerDay * params.days);
    for (let k = 0; k < spikes; k++) {
      const at = uniformInt(rng, 0, minutes - 1);
      const len = uniformInt(rng, 1, 4);
      const size = uniform(rng, 0.012, 0.04);
      for (let t = at; t < Math.min(minutes, at + len); t++) noiseErrors[t] = size;
    }
    // Minor episodes: a client retrying bad requests for a while. Real errors, too small and
    // short to threaten the SLO: not incidents. About one every two days per service.
    const episodes = poisson(rng, MINOR_EPISODES_PER_DAY * params.days);
    for (let k = 0; k < episodes; k++) {
      const at = uniformInt(rng, 0, minutes - 1);
      const len = uniformInt(rng, 8, 30);
      const size = uniform(rng, 0.012, 0.03);
      for (let t = at; t < Math.min(minutes, at + len); t++)
        noiseErrors[t] = Math.max(noiseErrors[t]!, size);
    }
    const batch = spec.name === BATCH_SERVICE ? nightlyBatch(rng, params.days) : null;
    // Incidents here or in anything this service calls, weaker per hop.
    const touching = incidents
      .map((i) => ({ i, hop: i.service === s ? 0 : hops(calls, s, i.service) }))
      .filter((x) => x.i.service === s || x.hop > 0);
    const baseError = 0.0004;
    // Latency and CPU wander slowly (AR(1) noise), so they can sit above a line for minutes.
    let latencyDrift = standardNormal(rng);
    let cpuDrift = standardNormal(rng);
    const keep = 0.97;
    const fresh = Math.sqrt(1 - keep * keep);
    for (let t = 0; t < minutes; t++) {
      const load = dailyLoad(t);
      const req = Math.max(1, Math.round(spec.rate * load * Math.exp(0.05 * standardNormal(rng))));
      let ratio = baseError * Math.exp(0.4 * standardNormal(rng)) + noiseErrors[t]!;
      let slow = 1;
      for (const { i, hop } of touching) {
        const extra = incidentErrorRatio(i, t) * PROPAGATION_PER_HOP ** hop;
        if (extra > 0) {
          ratio += extra;
          slow = Math.max(slow, i.kind === 'outage' ? 3 : 1.8);
        }
      }
      ratio = Math.min(1, ratio);
      // Errors are counted, so a quiet night makes the ratio jumpy.
      const errors = poisson(rng, req * ratio);
      requests[t] = req;
      errorRatio[t] = Math.min(1, errors / req);
      latencyDrift = keep * latencyDrift + fresh * standardNormal(rng);
      cpuDrift = keep * cpuDrift + fresh * standardNormal(rng);
      const busy = batch?.[t] ? 1 : 0;
      const gcPause = rng.next() < 0.002 ? uniform(rng, 2, 4) : 1;
      latencyMs[t] =
        spec.latencyMs *
        Math.sqrt(load) *
        slow *
        gcPause *
        (busy ? 1.4 : 1) *
        Math.exp(0.15 * latencyDrift + 0.05 * standardNormal(rng));
      cpu[t] = Math.min(
        1,
        Math.max(
          0,
          spec.cpu * (0.55 + 0.45 * load) +
            0.05 * cpuDrift +
            0.02 * standardNormal(rng) +
            0.35 * busy,
        ),
      );
    }
    return { name: spec.name, calls: calls[s]!, requests, errorRatio, latencyMs, cpu };
  });

  return { params, minutes, services, dependsOn, incidents };
}

/** Services an incident hurts: its own and every caller of it, directly or not. */
export function affectedServices(world: Pick<World, 'dependsOn'>, incident: Incident): number[] {
  const out = [incident.service];
  world.dependsOn.forEach((row, a) => {
    if (row[incident.service]) out.push(a);
  });
  return out;
}
