/**
 * The arithmetic of the auto-scaling lesson: the target-tracking rule Kubernetes' Horizontal Pod
 * Autoscaler uses (with its tolerance band and min/max clamp), the headroom a scaler needs to
 * survive the delay before new capacity is ready, and a tiny deterministic control loop that
 * shows thrashing with and without a stabilisation window. Pure functions; bad input returns a
 * reason, never NaN.
 */

export type ScalingResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Guards ceil() and the tolerance test against binary rounding (50 × 90/75 must be 60, not 61). */
const EPS = 1e-9;

export interface DesiredInput {
  /** Replicas running now. */
  replicas: number;
  /** Observed metric, averaged per replica (e.g. 0.9 for 90 % CPU). */
  observed: number;
  /** Target value of the same metric (e.g. 0.6). */
  target: number;
  /** Do nothing while |observed/target − 1| is at most this (Kubernetes' default is 0.1). */
  tolerance: number;
  minReplicas: number;
  maxReplicas: number;
}

export interface Desired {
  /** observed / target. */
  ratio: number;
  /** replicas × ratio before rounding. */
  exact: number;
  /** ceil(replicas × ratio): the rule's answer before the tolerance band and the clamp. */
  raw: number;
  /** True when the ratio is within the tolerance band, so the count is left alone. */
  withinTolerance: boolean;
  /** The count after the band and the clamp to [min, max]. */
  desired: number;
  /** Which bound, if any, changed the answer. */
  clampedBy: 'min' | 'max' | null;
}

function checkDesired(i: DesiredInput): string | null {
  if (!Number.isInteger(i.replicas) || i.replicas < 1)
    return `replicas = ${i.replicas}: needs a whole number of running replicas, at least 1`;
  if (!Number.isFinite(i.observed) || i.observed < 0)
    return `observed = ${i.observed}: the metric must be zero or more`;
  if (!Number.isFinite(i.target) || i.target <= 0)
    return `target = ${i.target}: the target must be above zero`;
  if (!Number.isFinite(i.tolerance) || i.tolerance < 0 || i.tolerance >= 1)
    return `tolerance = ${i.tolerance}: must be at least 0 and below 1`;
  if (!Number.isInteger(i.minReplicas) || i.minReplicas < 1)
    return `min = ${i.minReplicas}: must be a whole number, at least 1`;
  if (!Number.isInteger(i.maxReplicas) || i.maxReplicas < i.minReplicas)
    return `max = ${i.maxReplicas}: must be a whole number, at least min (${i.minReplicas})`;
  return null;
}

/**
 * Target tracking as the Horizontal Pod Autoscaler does it:
 * desired = ceil(replicas × observed / target), unchanged while the ratio is within the
 * tolerance of 1, then clamped to [min, max].
 */
export function desiredReplicas(input: DesiredInput): ScalingResult<Desired> {
  const problem = checkDesired(input);
  if (problem) return fail(problem);
  const { replicas, observed, target, tolerance, minReplicas, maxReplicas } = input;
  const ratio = observed / target;
  const exact = (replicas * observed) / target;
  const raw = Math.max(0, Math.ceil(exact - EPS));
  const withinTolerance = Math.abs(ratio - 1) <= tolerance + EPS;
  const unclamped = withinTolerance ? replicas : raw;
  const desired = Math.min(maxReplicas, Math.max(minReplicas, unclamped));
  const clampedBy = desired > unclamped ? 'min' : desired < unclamped ? 'max' : null;
  return { ok: true, value: { ratio, exact, raw, withinTolerance, desired, clampedBy } };
}

export interface Headroom {
  /** How much the load grows during the lag: (1 + growth)^lag. */
  growthFactor: number;
  /** The highest utilisation target that still keeps below the ceiling when capacity lands. */
  maxTarget: number;
  /** The share of capacity kept spare at that target: 1 − maxTarget. */
  headroom: number;
}

/**
 * Load grows by `growth` (a fraction per minute, compounding) and new capacity takes `lag`
 * minutes from the moment the scaler sees the need until it serves traffic. The replicas already
 * running must carry the growth alone meanwhile, so the target must satisfy
 * target × (1 + growth)^lag ≤ ceiling.
 */
export function headroomForLag(
  growth: number,
  lag: number,
  ceiling: number,
): ScalingResult<Headroom> {
  if (!Number.isFinite(growth) || growth < 0)
    return fail(`growth = ${growth}: must be zero or more (a fraction per minute, 0.05 for 5 %)`);
  if (!Number.isFinite(lag) || lag < 0) return fail(`lag = ${lag}: must be zero or more minutes`);
  if (!Number.isFinite(ceiling) || ceiling <= 0 || ceiling > 1)
    return fail(`ceiling = ${ceiling}: a utilisation above 0 and at most 1`);
  const growthFactor = (1 + growth) ** lag;
  const maxTarget = ceiling / growthFactor;
  return { ok: true, value: { growthFactor, maxTarget, headroom: 1 - maxTarget } };
}

/**
 * Minutes until utilisation climbs from `target` to `ceiling` if load grows by `growth` per
 * minute and no capacity is added: ln(ceiling / target) / ln(1 + growth).
 */
export function runwayMinutes(
  target: number,
  ceiling: number,
  growth: number,
): ScalingResult<number> {
  if (!Number.isFinite(target) || target <= 0 || target > 1)
    return fail(`target = ${target}: a utilisation above 0 and at most 1`);
  if (!Number.isFinite(ceiling) || ceiling < target || ceiling > 1)
    return fail(`ceiling = ${ceiling}: must be at least the target and at most 1`);
  if (!Number.isFinite(growth) || growth <= 0)
    return fail(`growth = ${growth}: must be above zero, or the ceiling is never reached`);
  return { ok: true, value: Math.log(ceiling / target) / Math.log(1 + growth) };
}

export interface LoopInput {
  /** Work per step, in replicas' worth at 100 % (4.5 means 4.5 fully busy replicas). */
  loads: readonly number[];
  start: number;
  /** Target utilisation, above 0 and at most 1. */
  target: number;
  tolerance: number;
  minReplicas: number;
  maxReplicas: number;
  /**
   * Stabilisation, in earlier steps also considered. For scale-down the loop takes the highest
   * recommendation of this step and the `downWindow` before it (Kubernetes' scale-down default is
   * 300 s); for scale-up the lowest of this step and the `upWindow` before it (default 0).
   */
  downWindow: number;
  upWindow: number;
}

export interface LoopStep {
  step: number;
  load: number;
  /** Replicas serving during this step. */
  replicas: number;
  /** Measured utilisation; a replica cannot report more than 100 %. */
  utilisation: number;
  /** What the target-tracking rule alone asks for. */
  recommendation: number;
  /** Replicas for the next step, after stabilisation. */
  next: number;
  action: 'up' | 'down' | 'hold';
}

export interface LoopRun {
  steps: LoopStep[];
  /** Number of steps that changed the replica count. */
  actions: number;
  /** Changes whose direction differs from the previous change: the signature of thrashing. */
  reversals: number;
  peakUtilisation: number;
  /** Sum of replicas over the steps: the cost side. */
  replicaSteps: number;
  /** Steps whose measured utilisation was at 100 % (work was waiting). */
  saturatedSteps: number;
}

function checkLoop(i: LoopInput): string | null {
  if (i.loads.length === 0) return 'loads: give at least one step of load';
  if (i.loads.some((x) => !Number.isFinite(x) || x < 0))
    return 'loads: every step of load must be a number, zero or more';
  if (!Number.isInteger(i.start) || i.start < i.minReplicas || i.start > i.maxReplicas)
    return `start = ${i.start}: a whole number of replicas between min and max`;
  if (!Number.isFinite(i.target) || i.target <= 0 || i.target > 1)
    return `target = ${i.target}: a utilisation above 0 and at most 1`;
  for (const [name, w] of [
    ['downWindow', i.downWindow],
    ['upWindow', i.upWindow],
  ] as const)
    if (!Number.isInteger(w) || w < 0) return `${name} = ${w}: a whole number of steps, 0 or more`;
  return null;
}

/**
 * A deterministic control loop: each step measures utilisation on the replicas serving, asks
 * the target-tracking rule for a count, stabilises it the way the Horizontal Pod Autoscaler does
 * (scale down only to the highest recent recommendation, up only to the lowest), and applies it
 * for the next step. New replicas are ready at once: the real boot lag only makes things worse.
 */
export function simulateLoop(input: LoopInput): ScalingResult<LoopRun> {
  const problem = checkLoop(input);
  if (problem) return fail(problem);
  const check = checkDesired({
    replicas: input.start,
    observed: 0,
    target: input.target,
    tolerance: input.tolerance,
    minReplicas: input.minReplicas,
    maxReplicas: input.maxReplicas,
  });
  if (check) return fail(check);

  const steps: LoopStep[] = [];
  const recommendations: number[] = [];
  let replicas = input.start;
  let actions = 0;
  let reversals = 0;
  let lastDirection: 'up' | 'down' | null = null;
  for (const [index, load] of input.loads.entries()) {
    const utilisation = Math.min(1, load / replicas);
    const rule = desiredReplicas({
      replicas,
      observed: utilisation,
      target: input.target,
      tolerance: input.tolerance,
      minReplicas: input.minReplicas,
      maxReplicas: input.maxReplicas,
    });
    if (!rule.ok) return rule;
    const recommendation = rule.value.desired;
    recommendations.push(recommendation);
    const recent = (w: number) =>
      recommendations.slice(Math.max(0, recommendations.length - 1 - w));
    const upLimit = Math.min(...recent(input.upWindow));
    const downLimit = Math.max(...recent(input.downWindow));
    let next = replicas;
    if (next < upLimit) next = upLimit;
    if (next > downLimit) next = downLimit;
    const action = next > replicas ? 'up' : next < replicas ? 'down' : 'hold';
    if (action !== 'hold') {
      actions += 1;
      if (lastDirection !== null && lastDirection !== action) reversals += 1;
      lastDirection = action;
    }
    steps.push({ step: index + 1, load, replicas, utilisation, recommendation, next, action });
    replicas = next;
  }
  return {
    ok: true,
    value: {
      steps,
      actions,
      reversals,
      peakUtilisation: Math.max(...steps.map((s) => s.utilisation)),
      replicaSteps: steps.reduce((sum, s) => sum + s.replicas, 0),
      saturatedSteps: steps.filter((s) => s.utilisation >= 1).length,
    },
  };
}

export interface BacklogTarget {
  /** The backlog one worker may hold: acceptable wait × messages one worker finishes a second. */
  perWorker: number;
  /** Workers for the current backlog: ceil(backlog / perWorker), at least 1. */
  workers: number;
}

/**
 * Scaling a queue consumer on backlog: a message that joins a backlog of B shared by w workers,
 * each finishing `rate` a second, waits about B / (w × rate). Keeping that under `maxWait`
 * seconds gives the backlog each worker may hold, and so the workers the backlog needs.
 */
export function backlogTarget(
  backlog: number,
  rate: number,
  maxWait: number,
): ScalingResult<BacklogTarget> {
  if (!Number.isFinite(backlog) || backlog < 0)
    return fail(`backlog = ${backlog}: the number of waiting messages must be zero or more`);
  if (!Number.isFinite(rate) || rate <= 0)
    return fail(`rate = ${rate}: a worker must finish some messages a second (above zero)`);
  if (!Number.isFinite(maxWait) || maxWait <= 0)
    return fail(`maxWait = ${maxWait}: the acceptable wait must be above zero seconds`);
  const perWorker = rate * maxWait;
  return {
    ok: true,
    value: { perWorker, workers: Math.max(1, Math.ceil(backlog / perWorker - EPS)) },
  };
}
