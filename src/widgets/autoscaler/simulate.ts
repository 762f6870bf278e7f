import { desiredReplicas } from '../../formulas/autoscaling.ts';
import { createRng, standardNormal } from '../../sim/rng.ts';
import type { AutoscalerParams } from './params.ts';
import { STRATEGIES } from './types.ts';
import type { AutoscalerResult, Strategy, StrategyRun } from './types.ts';

/**
 * The autoscaler, minute by minute, on one seeded traffic curve shared by three strategies.
 *
 * Each minute: replicas whose start-up has finished join the ready ones; the ready replicas
 * serve up to capacity × ready requests a second and the rest of the demand is not served; the
 * autoscaler reads the average utilisation (a replica's CPU cannot read above 100 %) and asks
 * the HPA's target-tracking rule (`desiredReplicas` from the lesson's formulas: ceil(ready ×
 * utilisation / target), a tolerance band, min and max) for a count. Scale-up is immediate;
 * scale-down goes no lower than the highest recommendation of the last `downWindowMin` minutes
 * (the HPA's stabilisation window) and cancels replicas still starting first. Replicas ordered
 * at the end of minute m serve from minute m + 1 + delay: with no delay this is the lesson's
 * `simulateLoop`, step for step (a test holds the two together).
 *
 * - reactive: the rule alone, no scale-down window;
 * - stabilised: the rule with the scale-down window;
 * - predictive: stabilised, and never below what the load will need one lag ahead if it keeps
 *   growing as it did over the last five minutes (the request rate is measured directly, so it
 *   does not saturate the way CPU does).
 */

/** Guards ceil() against binary rounding, as the formulas do. */
const EPS = 1e-9;
/** Minutes of history the forecast's growth rate is taken over. */
const FORECAST_MINUTES = 5;

const clamp = (p: AutoscalerParams, n: number) =>
  Math.min(p.maxReplicas, Math.max(p.minReplicas, n));

/** Replicas a load needs at the target utilisation, within [min, max]. */
export const replicasFor = (p: AutoscalerParams, rps: number) =>
  clamp(p, Math.ceil(rps / (p.capacityRps * p.target) - EPS));

/** The noiseless traffic in minute m: base, an exponential ramp up, a hold, a ramp down. */
export function trafficShape(p: AutoscalerParams, m: number): number {
  const ratio = p.peakRps / p.baseRps;
  const upEnd = p.rampStartMin + p.rampMinutes;
  const holdEnd = upEnd + p.holdMinutes;
  const downEnd = holdEnd + p.rampMinutes;
  if (m < p.rampStartMin) return p.baseRps;
  if (m < upEnd) return p.baseRps * ratio ** ((m - p.rampStartMin) / p.rampMinutes);
  if (m < holdEnd) return p.peakRps;
  if (m < downEnd) return p.peakRps * ratio ** (-(m - holdEnd) / p.rampMinutes);
  return p.baseRps;
}

/** Requests a second in each minute: the shape times (1 + noiseCv × a standard normal), never below 0. */
export function trafficCurve(p: AutoscalerParams, seed: number): Float64Array {
  const rng = createRng(seed);
  const load = new Float64Array(p.durationMin);
  for (let m = 0; m < p.durationMin; m++) {
    // One draw every minute, noise or not, so a seed means the same wobble at any noise level.
    const z = standardNormal(rng);
    load[m] = trafficShape(p, m) * Math.max(0, 1 + p.noiseCv * z);
  }
  return load;
}

export function runStrategy(
  p: AutoscalerParams,
  load: Float64Array,
  strategy: Strategy,
): StrategyRun {
  const minutes = p.durationMin;
  const window = strategy === 'reactive' ? 0 : p.downWindowMin;
  const ready = new Uint16Array(minutes);
  const pending = new Uint16Array(minutes);
  const utilisation = new Float32Array(minutes);
  // Replicas starting up, oldest first: [minute they serve from, how many].
  const starting: [number, number][] = [];
  const recommendations: number[] = [];
  let serving = replicasFor(p, p.baseRps);
  let ordered = serving; // ready + starting: what the autoscaler has asked for
  let overloadedMinutes = 0;
  let unserved = 0;
  let demanded = 0;
  let peakUtilisation = 0;
  let replicaMinutes = 0;
  let actions = 0;
  let reversals = 0;
  let lastDirection = 0;
  for (let m = 0; m < minutes; m++) {
    while (starting.length > 0 && starting[0]![0] <= m) serving += starting.shift()![1];
    const demand = load[m]!;
    const capacity = serving * p.capacityRps;
    const u = demand / capacity;
    ready[m] = serving;
    utilisation[m] = u;
    demanded += demand * 60;
    if (demand > capacity) {
      overloadedMinutes++;
      unserved += (demand - capacity) * 60;
    }
    peakUtilisation = Math.max(peakUtilisation, u);
    replicaMinutes += serving;

    const rule = desiredReplicas({
      replicas: serving,
      observed: Math.min(1, u),
      target: p.target,
      tolerance: p.tolerance,
      minReplicas: p.minReplicas,
      maxReplicas: p.maxReplicas,
    });
    if (!rule.ok) throw new Error(rule.reason);
    let recommendation = rule.value.desired;
    // Only with five minutes of history: one noisy minute raised to the lag's power would
    // order wildly.
    if (strategy === 'predictive' && m >= FORECAST_MINUTES) {
      const k = FORECAST_MINUTES;
      const before = load[m - k]!;
      // Growth per minute over the last k minutes, kept to a sane range against noise and zeros.
      const growth = before > 0 ? Math.min(2, Math.max(0.5, (demand / before) ** (1 / k))) : 1;
      const ahead = demand * growth ** (p.delayMin + 1);
      recommendation = Math.max(recommendation, replicasFor(p, ahead));
    }
    recommendations.push(recommendation);
    let floor = 0;
    for (let i = Math.max(0, recommendations.length - 1 - window); i < recommendations.length; i++)
      floor = Math.max(floor, recommendations[i]!);
    let next = ordered;
    if (next < recommendation) next = recommendation;
    if (next > floor) next = floor;
    if (next > ordered) {
      starting.push([m + 1 + p.delayMin, next - ordered]);
    } else if (next < ordered) {
      // Cancel replicas still starting (the newest first), then stop ready ones.
      let remove = ordered - next;
      while (remove > 0 && starting.length > 0) {
        const last = starting[starting.length - 1]!;
        const take = Math.min(remove, last[1]);
        last[1] -= take;
        remove -= take;
        if (last[1] === 0) starting.pop();
      }
      serving -= remove;
    }
    if (next !== ordered) {
      const direction = Math.sign(next - ordered);
      actions++;
      if (lastDirection !== 0 && direction !== lastDirection) reversals++;
      lastDirection = direction;
    }
    ordered = next;
    pending[m] = ordered - serving;
  }
  return {
    strategy,
    ready,
    pending,
    utilisation,
    overloadedMinutes,
    unserved,
    unservedShare: demanded > 0 ? unserved / demanded : 0,
    peakUtilisation,
    replicaMinutes,
    actions,
    reversals,
  };
}

export function theoryFor(p: AutoscalerParams, reactive: StrategyRun): AutoscalerResult['theory'] {
  const growthPerMinute =
    p.peakRps > p.baseRps ? (p.peakRps / p.baseRps) ** (1 / p.rampMinutes) - 1 : 0;
  const lagMinutes = p.delayMin + 1;
  const from = p.rampStartMin + lagMinutes + 1;
  const to = Math.min(p.durationMin, p.rampStartMin + p.rampMinutes);
  const rampWindow = growthPerMinute > 0 && from < to ? { from, to } : null;
  let measuredRampUtilisation: number | null = null;
  if (rampWindow) {
    let sum = 0;
    for (let m = rampWindow.from; m < rampWindow.to; m++) sum += reactive.utilisation[m]!;
    measuredRampUtilisation = sum / (rampWindow.to - rampWindow.from);
  }
  return {
    growthPerMinute,
    lagMinutes,
    rampUtilisation: p.target * (1 + growthPerMinute) ** lagMinutes,
    followableGrowth: (1 / p.target) ** (1 / lagMinutes) - 1,
    peakReplicas: replicasFor(p, Math.max(p.peakRps, p.baseRps)),
    rampWindow,
    measuredRampUtilisation,
  };
}

export function* simulateAutoscaler(
  p: AutoscalerParams,
  seed: number,
): Generator<number, AutoscalerResult, void> {
  const load = trafficCurve(p, seed);
  const runs: StrategyRun[] = [];
  for (const [i, strategy] of STRATEGIES.entries()) {
    runs.push(runStrategy(p, load, strategy));
    yield (i + 1) / STRATEGIES.length;
  }
  const needed = new Uint16Array(p.durationMin);
  for (let m = 0; m < p.durationMin; m++) needed[m] = replicasFor(p, load[m]!);
  return { load, needed, runs, theory: theoryFor(p, runs[0]!) };
}

export function simulateAutoscalerAll(p: AutoscalerParams, seed: number): AutoscalerResult {
  const it = simulateAutoscaler(p, seed);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}
