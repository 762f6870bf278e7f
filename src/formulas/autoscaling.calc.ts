import { fmtInt, fmtNum, fmtPct } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  backlogTarget,
  desiredReplicas,
  headroomForLag,
  runwayMinutes,
  simulateLoop,
} from './autoscaling.ts';
import type { Desired, Headroom, LoopRun, LoopStep } from './autoscaling.ts';

/**
 * Auto-scaling numbers for lessons, computed when the lesson is built, e.g.
 * `:calc{of="autoscaling.desired" replicas="50" observed="90" target="75" max="100"}` → 60.
 */

const desiredFormat: Record<string, (d: Desired) => string> = {
  desired: (d) => fmtInt(d.desired),
  raw: (d) => fmtInt(d.raw),
  exact: (d) => fmtNum(d.exact),
  ratio: (d) => fmtNum(d.ratio),
};

/**
 * `autoscaling.desired`: `replicas`, `observed` and `target` (the same metric in the same unit),
 * `tolerance` (default 0.1), `min` (default 1), `max` → `metric`: desired (default), raw
 * (ceil before the tolerance band and clamp), exact (before rounding), ratio.
 */
export function calcDesired(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(
    attrs,
    ['replicas', 'observed', 'target', 'tolerance', 'min', 'max', 'metric'],
    problems,
  );
  const replicas = numberAttr(attrs, 'replicas', problems, { atLeast: 1, whole: true });
  const observed = numberAttr(attrs, 'observed', problems, { atLeast: 0 });
  const target = numberAttr(attrs, 'target', problems);
  const tolerance = numberAttr(attrs, 'tolerance', problems, {
    atLeast: 0,
    below: 1,
    fallback: 0.1,
  });
  const min = numberAttr(attrs, 'min', problems, { atLeast: 1, whole: true, fallback: 1 });
  const max = numberAttr(attrs, 'max', problems, { atLeast: 1, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(desiredFormat), 'desired', problems);
  if (
    problems.length ||
    metric === null ||
    replicas === undefined ||
    observed === undefined ||
    target === undefined ||
    tolerance === undefined ||
    min === undefined ||
    max === undefined
  )
    return { ok: false, problems };
  const r = desiredReplicas({
    replicas,
    observed,
    target,
    tolerance,
    minReplicas: min,
    maxReplicas: max,
  });
  return r.ok
    ? { ok: true, text: desiredFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

const headroomFormat: Record<string, (h: Headroom) => string> = {
  maxTarget: (h) => fmtPct(h.maxTarget),
  factor: (h) => `${fmtNum(h.growthFactor)}×`,
  headroom: (h) => fmtPct(h.headroom),
};

/**
 * `autoscaling.headroom`: `growth` (fraction per minute, compounding), `lag` (minutes),
 * `ceiling` (highest safe utilisation, default 1) → `metric`: maxTarget (default), factor,
 * headroom.
 */
export function calcHeadroom(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['growth', 'lag', 'ceiling', 'metric'], problems);
  const growth = numberAttr(attrs, 'growth', problems, { atLeast: 0 });
  const lag = numberAttr(attrs, 'lag', problems, { atLeast: 0 });
  const ceiling = numberAttr(attrs, 'ceiling', problems, { fallback: 1 });
  const metric = choice(attrs, 'metric', Object.keys(headroomFormat), 'maxTarget', problems);
  if (
    problems.length ||
    metric === null ||
    growth === undefined ||
    lag === undefined ||
    ceiling === undefined
  )
    return { ok: false, problems };
  const r = headroomForLag(growth, lag, ceiling);
  return r.ok
    ? { ok: true, text: headroomFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

/** `autoscaling.runway`: `target`, `ceiling` (default 1), `growth` per minute → minutes. */
export function calcRunway(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['target', 'ceiling', 'growth'], problems);
  const target = numberAttr(attrs, 'target', problems);
  const ceiling = numberAttr(attrs, 'ceiling', problems, { fallback: 1 });
  const growth = numberAttr(attrs, 'growth', problems);
  if (problems.length || target === undefined || ceiling === undefined || growth === undefined)
    return { ok: false, problems };
  const r = runwayMinutes(target, ceiling, growth);
  return r.ok ? { ok: true, text: `${fmtNum(r.value)} min` } : { ok: false, problems: [r.reason] };
}

const runFormat: Record<string, (r: LoopRun) => string> = {
  actions: (r) => fmtInt(r.actions),
  reversals: (r) => fmtInt(r.reversals),
  peak: (r) => fmtPct(r.peakUtilisation),
  replicaSteps: (r) => fmtInt(r.replicaSteps),
  saturated: (r) => fmtInt(r.saturatedSteps),
};
const stepFormat: Record<string, (s: LoopStep) => string> = {
  replicas: (s) => fmtInt(s.replicas),
  utilisation: (s) => fmtPct(s.utilisation),
  recommendation: (s) => fmtInt(s.recommendation),
  next: (s) => fmtInt(s.next),
  action: (s) => s.action,
};

/** Comma-separated loads, e.g. "5.4, 3.6, 5.4". */
function loadList(attrs: Attrs, problems: string[]): number[] | undefined {
  const raw = attrs.loads;
  if (raw === undefined) {
    problems.push('needs loads="…" (comma-separated load per step)');
    return undefined;
  }
  const parts = raw.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v) || v < 0)) {
    problems.push(`loads must be comma-separated numbers, zero or more, not "${raw}"`);
    return undefined;
  }
  return values;
}

/**
 * `autoscaling.loop`: `loads` (comma-separated, replicas' worth of work per step), `start`,
 * `target` (utilisation, at most 1), `tolerance` (0.1), `min` (1), `max`, `downWindow` and
 * `upWindow` (steps, default 0) → `metric`: actions, reversals, peak, replicaSteps, saturated;
 * or, with `step` (from 1), replicas, utilisation, recommendation, next, action.
 */
export function calcLoop(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(
    attrs,
    [
      'loads',
      'start',
      'target',
      'tolerance',
      'min',
      'max',
      'downWindow',
      'upWindow',
      'metric',
      'step',
    ],
    problems,
  );
  const loads = loadList(attrs, problems);
  const start = numberAttr(attrs, 'start', problems, { atLeast: 1, whole: true });
  const target = numberAttr(attrs, 'target', problems);
  const tolerance = numberAttr(attrs, 'tolerance', problems, {
    atLeast: 0,
    below: 1,
    fallback: 0.1,
  });
  const min = numberAttr(attrs, 'min', problems, { atLeast: 1, whole: true, fallback: 1 });
  const max = numberAttr(attrs, 'max', problems, { atLeast: 1, whole: true });
  const downWindow = numberAttr(attrs, 'downWindow', problems, {
    atLeast: 0,
    whole: true,
    fallback: 0,
  });
  const upWindow = numberAttr(attrs, 'upWindow', problems, {
    atLeast: 0,
    whole: true,
    fallback: 0,
  });
  const step =
    attrs.step === undefined
      ? undefined
      : numberAttr(attrs, 'step', problems, { atLeast: 1, whole: true });
  const metric = choice(
    attrs,
    'metric',
    [...Object.keys(runFormat), ...Object.keys(stepFormat)],
    'actions',
    problems,
  );
  const perStep = metric !== null && metric in stepFormat;
  if (perStep && attrs.step === undefined)
    problems.push(`metric="${metric}" is per step: add step="…" (from 1)`);
  if (!perStep && attrs.step !== undefined && metric !== null)
    problems.push(`metric="${metric}" is for the whole run: remove step="…"`);
  if (
    problems.length ||
    metric === null ||
    loads === undefined ||
    start === undefined ||
    target === undefined ||
    tolerance === undefined ||
    min === undefined ||
    max === undefined ||
    downWindow === undefined ||
    upWindow === undefined
  )
    return { ok: false, problems };
  const r = simulateLoop({
    loads,
    start,
    target,
    tolerance,
    minReplicas: min,
    maxReplicas: max,
    downWindow,
    upWindow,
  });
  if (!r.ok) return { ok: false, problems: [r.reason] };
  if (!perStep) return { ok: true, text: runFormat[metric]!(r.value) };
  const s = r.value.steps[(step ?? 1) - 1];
  if (s === undefined)
    return { ok: false, problems: [`step = ${step}: the run has ${r.value.steps.length} steps`] };
  return { ok: true, text: stepFormat[metric]!(s) };
}

/**
 * `autoscaling.backlog`: `backlog` (messages waiting), `rate` (messages a second per worker),
 * `maxWait` (seconds) → `metric`: workers (default) or perWorker.
 */
export function calcBacklog(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['backlog', 'rate', 'maxWait', 'metric'], problems);
  const backlog = numberAttr(attrs, 'backlog', problems, { atLeast: 0 });
  const rate = numberAttr(attrs, 'rate', problems);
  const maxWait = numberAttr(attrs, 'maxWait', problems);
  const metric = choice(attrs, 'metric', ['workers', 'perWorker'] as const, 'workers', problems);
  if (
    problems.length ||
    metric === null ||
    backlog === undefined ||
    rate === undefined ||
    maxWait === undefined
  )
    return { ok: false, problems };
  const r = backlogTarget(backlog, rate, maxWait);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  return { ok: true, text: fmtInt(metric === 'workers' ? r.value.workers : r.value.perWorker) };
}

/** This module's entries for src/calc/registry.ts. */
export const autoscalingCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'autoscaling.desired': calcDesired,
  'autoscaling.headroom': calcHeadroom,
  'autoscaling.runway': calcRunway,
  'autoscaling.loop': calcLoop,
  'autoscaling.backlog': calcBacklog,
};
