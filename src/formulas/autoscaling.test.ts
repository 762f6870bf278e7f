import { describe, expect, it } from 'vitest';
import {
  backlogTarget,
  desiredReplicas,
  headroomForLag,
  runwayMinutes,
  simulateLoop,
} from './autoscaling.ts';
import type { DesiredInput, LoopInput, ScalingResult } from './autoscaling.ts';
import {
  autoscalingCalculations,
  calcBacklog,
  calcDesired,
  calcHeadroom,
  calcLoop,
  calcRunway,
} from './autoscaling.calc.ts';

const reason = (r: ScalingResult<unknown>) => (r.ok ? '' : r.reason);
const hpa = (over: Partial<DesiredInput>): DesiredInput => ({
  replicas: 10,
  observed: 0.6,
  target: 0.6,
  tolerance: 0.1,
  minReplicas: 1,
  maxReplicas: 100,
  ...over,
});
const desired = (over: Partial<DesiredInput>) => {
  const r = desiredReplicas(hpa(over));
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('target tracking (the HPA rule)', () => {
  it('matches the Kubernetes example: 50 replicas at 90 % against 75 % → 60', () => {
    // Also checks that binary rounding of 90/75 does not push ceil() to 61.
    expect(desired({ replicas: 50, observed: 90, target: 75 })).toMatchObject({
      ratio: 1.2,
      raw: 60,
      desired: 60,
      withinTolerance: false,
      clampedBy: null,
    });
  });

  it('rounds up, and scales down too', () => {
    expect(desired({ replicas: 4, observed: 0.95, target: 0.6 }).desired).toBe(7); // 6.33 → 7
    expect(desired({ replicas: 10, observed: 0.3, target: 0.6 }).desired).toBe(5);
    expect(desired({ replicas: 9, observed: 3.4 / 9, target: 0.6 }).desired).toBe(6); // 5.67 → 6
  });

  it('does nothing inside the tolerance band, edges included', () => {
    expect(desired({ observed: 0.648 }).desired).toBe(10); // ratio 1.08
    expect(desired({ observed: 0.66 }).withinTolerance).toBe(true); // ratio exactly 1.1
    expect(desired({ observed: 0.54 }).desired).toBe(10); // ratio 0.9
    expect(desired({ observed: 0.67 }).desired).toBe(12); // ratio 1.117 → ceil(11.17)
    expect(desired({ observed: 0.648, tolerance: 0 }).desired).toBe(11); // ceil(10.8)
  });

  it('clamps to min and max and says which bound acted', () => {
    expect(desired({ observed: 0, minReplicas: 2 })).toMatchObject({
      raw: 0,
      desired: 2,
      clampedBy: 'min',
    });
    expect(desired({ observed: 1, target: 0.5, maxReplicas: 15 })).toMatchObject({
      raw: 20,
      desired: 15,
      clampedBy: 'max',
    });
    // A count below min is raised even when the metric is within tolerance.
    expect(desired({ replicas: 1, minReplicas: 3 }).desired).toBe(3);
  });

  it('explains bad input', () => {
    expect(reason(desiredReplicas(hpa({ replicas: 0 })))).toContain('replicas');
    expect(reason(desiredReplicas(hpa({ target: 0 })))).toContain('target');
    expect(reason(desiredReplicas(hpa({ observed: -1 })))).toContain('observed');
    expect(reason(desiredReplicas(hpa({ observed: Number.NaN })))).toContain('observed');
    expect(reason(desiredReplicas(hpa({ tolerance: 1 })))).toContain('tolerance');
    expect(reason(desiredReplicas(hpa({ minReplicas: 5, maxReplicas: 4 })))).toContain('max');
  });
});

describe('headroom for the provisioning lag', () => {
  it('target = ceiling / (1 + growth)^lag', () => {
    const r = headroomForLag(0.04, 5, 0.85);
    expect(r.ok && r.value.growthFactor).toBeCloseTo(1.04 ** 5, 12);
    expect(r.ok && r.value.maxTarget).toBeCloseTo(0.85 / 1.2166529024, 10);
    expect(r.ok && r.value.maxTarget).toBeCloseTo(0.6986, 4);
    expect(r.ok && r.value.headroom).toBeCloseTo(1 - 0.85 / 1.2166529024, 10);
  });

  it('no lag or no growth needs no headroom beyond the ceiling', () => {
    const none = headroomForLag(0.04, 0, 0.9);
    expect(none.ok && none.value.maxTarget).toBeCloseTo(0.9, 12);
    const flat = headroomForLag(0, 10, 1);
    expect(flat.ok && flat.value.maxTarget).toBe(1);
  });

  it('runway: minutes from target to ceiling', () => {
    const r = runwayMinutes(0.7, 0.85, 0.04);
    expect(r.ok && r.value).toBeCloseTo(Math.log(0.85 / 0.7) / Math.log(1.04), 12);
    expect(r.ok && r.value).toBeCloseTo(4.95, 2);
    // Doubling every 10 minutes: from 50 % to 100 % takes exactly one doubling.
    const d = runwayMinutes(0.5, 1, 2 ** 0.1 - 1);
    expect(d.ok && d.value).toBeCloseTo(10, 9);
  });

  it('explains bad input', () => {
    expect(reason(headroomForLag(-0.1, 5, 0.9))).toContain('growth');
    expect(reason(headroomForLag(0.1, -1, 0.9))).toContain('lag');
    expect(reason(headroomForLag(0.1, 5, 1.2))).toContain('ceiling');
    expect(reason(runwayMinutes(0.7, 0.85, 0))).toContain('never reached');
    expect(reason(runwayMinutes(0.9, 0.85, 0.1))).toContain('ceiling');
    expect(reason(runwayMinutes(0, 0.85, 0.1))).toContain('target');
  });
});

describe('the control loop', () => {
  const bursty = [5.4, 5.4, 3.4, 5.6, 3.5, 5.5, 3.6, 5.4, 3.4, 5.6];
  const base: LoopInput = {
    loads: bursty,
    start: 9,
    target: 0.6,
    tolerance: 0.1,
    minReplicas: 2,
    maxReplicas: 20,
    downWindow: 0,
    upWindow: 0,
  };
  const run = (over: Partial<LoopInput>) => {
    const r = simulateLoop({ ...base, ...over });
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };

  it('thrashes without a stabilisation window (hand-traced)', () => {
    const r = run({});
    expect(r.steps.map((s) => s.replicas)).toEqual([9, 9, 9, 6, 10, 6, 10, 6, 9, 6]);
    expect(r.steps.map((s) => s.recommendation)).toEqual([9, 9, 6, 10, 6, 10, 6, 9, 6, 10]);
    expect(r.actions).toBe(8);
    expect(r.reversals).toBe(7);
    expect(r.peakUtilisation).toBeCloseTo(5.6 / 6, 12);
    expect(r.replicaSteps).toBe(80);
  });

  it('holds steady with a five-step scale-down window', () => {
    const r = run({ downWindow: 5 });
    expect(r.steps.every((s) => s.replicas === 9)).toBe(true);
    expect(r.actions).toBe(0);
    expect(r.peakUtilisation).toBeCloseTo(5.6 / 9, 12);
    expect(r.replicaSteps).toBe(90);
  });

  it('a scale-up window delays the response to a real surge', () => {
    const surge = [5.4, 5.4, 10, 10, 10, 10, 10, 10];
    const fast = run({ loads: surge });
    expect(fast.steps.map((s) => s.replicas)).toEqual([9, 9, 9, 15, 17, 17, 17, 17]);
    expect(fast.saturatedSteps).toBe(1);
    const slow = run({ loads: surge, upWindow: 3 });
    // Step 7 still takes the lowest of the last four recommendations (15), not 17.
    expect(slow.steps.map((s) => s.replicas)).toEqual([9, 9, 9, 9, 9, 9, 15, 15]);
    expect(slow.saturatedSteps).toBe(4);
  });

  it('stays within min and max', () => {
    const r = run({ loads: [0, 0, 0, 40, 40], start: 4, minReplicas: 3, maxReplicas: 12 });
    expect(Math.min(...r.steps.map((s) => s.next))).toBeGreaterThanOrEqual(3);
    expect(Math.max(...r.steps.map((s) => s.next))).toBeLessThanOrEqual(12);
  });

  it('explains bad input', () => {
    expect(reason(simulateLoop({ ...base, loads: [] }))).toContain('at least one');
    expect(reason(simulateLoop({ ...base, loads: [1, -2] }))).toContain('zero or more');
    expect(reason(simulateLoop({ ...base, start: 30 }))).toContain('start');
    expect(reason(simulateLoop({ ...base, target: 1.5 }))).toContain('target');
    expect(reason(simulateLoop({ ...base, downWindow: 1.5 }))).toContain('downWindow');
    expect(reason(simulateLoop({ ...base, tolerance: 2 }))).toContain('tolerance');
  });
});

describe('lesson calculations: autoscaling.*', () => {
  it('desired replicas', () => {
    const k8s = {
      of: 'autoscaling.desired',
      replicas: '50',
      observed: '90',
      target: '75',
      max: '100',
    };
    expect(calcDesired(k8s)).toEqual({ ok: true, text: '60' });
    expect(calcDesired({ ...k8s, metric: 'ratio' })).toEqual({ ok: true, text: '1.2' });
    expect(calcDesired({ ...k8s, max: '55' })).toEqual({ ok: true, text: '55' });
    expect(calcDesired({ ...k8s, observed: '80' })).toEqual({ ok: true, text: '50' });
    expect(calcDesired({ ...k8s, observed: '80', metric: 'raw' })).toEqual({
      ok: true,
      text: '54',
    });
    expect(calcDesired({ ...k8s, observed: '80', metric: 'exact' })).toEqual({
      ok: true,
      text: '53.3',
    });
    expect(autoscalingCalculations['autoscaling.desired']).toBe(calcDesired);
  });

  it('headroom and runway', () => {
    const h = { of: 'autoscaling.headroom', growth: '0.04', lag: '5', ceiling: '0.85' };
    expect(calcHeadroom(h)).toEqual({ ok: true, text: '69.9 %' });
    expect(calcHeadroom({ ...h, metric: 'factor' })).toEqual({ ok: true, text: '1.22×' });
    expect(calcHeadroom({ ...h, metric: 'headroom' })).toEqual({ ok: true, text: '30.1 %' });
    expect(
      calcRunway({ of: 'autoscaling.runway', target: '0.7', ceiling: '0.85', growth: '0.04' }),
    ).toEqual({
      ok: true,
      text: '4.95 min',
    });
  });

  it('the loop, whole-run and per-step', () => {
    const loop = {
      of: 'autoscaling.loop',
      loads: '5.4, 5.4, 3.4, 5.6, 3.5, 5.5, 3.6, 5.4, 3.4, 5.6',
      start: '9',
      target: '0.6',
      min: '2',
      max: '20',
    };
    expect(calcLoop(loop)).toEqual({ ok: true, text: '8' });
    expect(calcLoop({ ...loop, metric: 'peak' })).toEqual({ ok: true, text: '93.3 %' });
    expect(calcLoop({ ...loop, metric: 'replicas', step: '5' })).toEqual({ ok: true, text: '10' });
    expect(calcLoop({ ...loop, metric: 'utilisation', step: '4' })).toEqual({
      ok: true,
      text: '93.3 %',
    });
    expect(calcLoop({ ...loop, metric: 'action', step: '3' })).toEqual({ ok: true, text: 'down' });
    expect(calcLoop({ ...loop, downWindow: '5', metric: 'reversals' })).toEqual({
      ok: true,
      text: '0',
    });
  });

  it('explains bad attributes in words', () => {
    expect(
      calcDesired({ of: 'autoscaling.desired', replicas: '5', observed: '1', target: '1' }),
    ).toEqual({
      ok: false,
      problems: ['needs max="…"'],
    });
    expect(
      calcHeadroom({ of: 'autoscaling.headroom', growth: '0.1', lag: '5', ceiling: '2' }),
    ).toEqual({
      ok: false,
      problems: [expect.stringContaining('ceiling')],
    });
    const loop = { of: 'autoscaling.loop', loads: '1,2', start: '2', target: '0.6', max: '5' };
    expect(calcLoop({ ...loop, loads: '1,,2' })).toMatchObject({
      problems: [expect.stringContaining('comma-separated')],
    });
    expect(calcLoop({ ...loop, metric: 'replicas' })).toMatchObject({
      problems: [expect.stringContaining('add step')],
    });
    expect(calcLoop({ ...loop, metric: 'replicas', step: '9' })).toMatchObject({
      problems: ['step = 9: the run has 2 steps'],
    });
    expect(calcLoop({ ...loop, metric: 'actions', step: '1' })).toMatchObject({
      problems: [expect.stringContaining('remove step')],
    });
    expect(calcLoop({ ...loop, colour: 'red' })).toMatchObject({
      problems: [expect.stringContaining('unknown attribute "colour"')],
    });
  });
});

describe('scaling a consumer on backlog', () => {
  it('perWorker = rate × maxWait, workers = ceil(backlog / perWorker)', () => {
    expect(backlogTarget(12_000, 20, 30)).toEqual({
      ok: true,
      value: { perWorker: 600, workers: 20 },
    });
    expect(backlogTarget(12_001, 20, 30)).toEqual({
      ok: true,
      value: { perWorker: 600, workers: 21 },
    });
    expect(backlogTarget(0, 20, 30)).toEqual({ ok: true, value: { perWorker: 600, workers: 1 } });
  });

  it('explains bad input', () => {
    expect(reason(backlogTarget(-1, 20, 30))).toContain('backlog');
    expect(reason(backlogTarget(100, 0, 30))).toContain('rate');
    expect(reason(backlogTarget(100, 20, 0))).toContain('maxWait');
  });

  it('as a lesson calculation', () => {
    const b = { of: 'autoscaling.backlog', backlog: '12000', rate: '20', maxWait: '30' };
    expect(calcBacklog(b)).toEqual({ ok: true, text: '20' });
    expect(calcBacklog({ ...b, metric: 'perWorker' })).toEqual({ ok: true, text: '600' });
    expect(calcBacklog({ ...b, rate: '0' })).toMatchObject({ ok: false });
  });
});

describe('numbers used in the lesson quiz', () => {
  it('8 replicas at 75 % against a 50 % target → 12', () => {
    expect(desired({ replicas: 8, observed: 0.75, target: 0.5 }).desired).toBe(12);
  });

  it('20 replicas at 63 % against 60 % stay at 20 (ratio 1.05)', () => {
    expect(desired({ replicas: 20, observed: 0.63, target: 0.6 }).desired).toBe(20);
  });

  it('3 %/min growth, 6 min lag, 90 % ceiling → target at most 75.4 %', () => {
    const r = headroomForLag(0.03, 6, 0.9);
    expect(r.ok && r.value.maxTarget * 100).toBeCloseTo(75.37, 2);
  });
});
