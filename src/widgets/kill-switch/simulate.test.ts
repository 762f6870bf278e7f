import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetPropagation } from '../../formulas/killSwitch';
import { createRng } from '../../sim/rng';
import { killSwitchModel } from './model';
import { killSwitchSchema, presets } from './params';
import type { KillSwitchParams } from './params';
import {
  alertFiresAt,
  drawRun,
  planHost,
  pollAtOrAfter,
  runDesign,
  simulateDrillAll,
  summarise,
  sweep,
} from './simulate';
import type { HostPlan } from './simulate';

/** A plain incident: no outage, no guards, no growth, alert off unless asked. */
const plain = (over: Partial<KillSwitchParams> = {}): KillSwitchParams => ({
  ...presets['capacity-tool'].params,
  flagDownAtS: 0,
  flagDownForS: 0,
  guards: false,
  runs: 50,
  ...over,
});

const acting = (...spans: number[]): HostPlan => ({ reachedAt: Infinity, acting: spans });

describe('a host polling the flag service', () => {
  it('polls at its phase and every P after: the first poll at or after t', () => {
    expect(pollAtOrAfter(0, 7, 30)).toBe(7);
    expect(pollAtOrAfter(7, 7, 30)).toBe(7);
    expect(pollAtOrAfter(8, 7, 30)).toBe(37);
    expect(pollAtOrAfter(100, 7, 30)).toBe(127);
  });

  it('with the flag service up, acts until its first poll after the switch appears', () => {
    const p = plain({ pollS: 30 });
    expect(planHost(7, p, 'closed', 100)).toEqual({ reachedAt: 127, acting: [0, 127] });
    expect(planHost(7, p, 'open', Infinity)).toEqual({
      reachedAt: Infinity,
      acting: [0, Infinity],
    });
  });

  it('through an outage: fail closed stops when the last value expires, fail open goes on', () => {
    // Polls at 7, 37, 67, …; down over [100, 400): last good poll 97, back at 427.
    const p = plain({ pollS: 30, staleS: 60, flagDownAtS: 100, flagDownForS: 300 });
    // Never switched: closed stops from 157 to 427, open acts throughout.
    expect(planHost(7, p, 'closed', Infinity).acting).toEqual([0, 157, 427, Infinity]);
    expect(planHost(7, p, 'open', Infinity).acting).toEqual([0, Infinity]);
    // Switched at 200, during the outage: the host reads it only at 427.
    expect(planHost(7, p, 'closed', 200)).toEqual({ reachedAt: 427, acting: [0, 157] });
    expect(planHost(7, p, 'open', 200)).toEqual({ reachedAt: 427, acting: [0, 427] });
    // Switched at 50, before it: read at 67. Failing open, the host takes its default once the
    // kept value expires, and acts again from 157 until the service is back: the fail-open trap.
    expect(planHost(7, p, 'closed', 50)).toEqual({ reachedAt: 67, acting: [0, 67] });
    expect(planHost(7, p, 'open', 50)).toEqual({ reachedAt: 67, acting: [0, 67, 157, 427] });
  });
});

describe('harm over the window', () => {
  it('is each acting host’s rate times its acting time, to the fraction of a second', () => {
    const p = plain({ actionsPerS: 2, affected: 2, hosts: 2, durationS: 100 });
    const r = sweep(p, [acting(0, 10.5), acting(0, 40)], false);
    expect(r.total).toBeCloseTo(1 * 10.5 + 1 * 40, 9);
    expect(r.stoppedAt).toBe(40);
    expect(r.actingAt[0]).toBe(2);
    expect(r.actingAt[11]).toBe(1);
    expect(r.actingAt[40]).toBe(0);
  });

  it('is still going at the end when a host never stops', () => {
    const p = plain({ actionsPerS: 1, affected: 1, hosts: 1, durationS: 60 });
    const r = sweep(p, [acting(0, Infinity)], false);
    expect(r.total).toBeCloseTo(60, 9);
    expect(r.stoppedAt).toBeNull();
  });

  it('grows by the growth a minute: after one minute the rate is (1 + g) times', () => {
    const p = plain({ actionsPerS: 1, affected: 1, hosts: 1, durationS: 120, growthPctPerMin: 10 });
    const r = sweep(p, [acting(0, Infinity)], false);
    expect(r.perSecond[0]).toBeCloseTo(1, 12);
    expect(r.perSecond[60]).toBeCloseTo(1.1, 12);
  });

  it('with guards: a per-minute rate limit, a floor on the pool and a cap', () => {
    const base = plain({ actionsPerS: 2, affected: 1, hosts: 1, durationS: 600 });
    const always = [acting(0, Infinity)];
    const limited = sweep(
      { ...base, rateLimitPerMin: 30, floorPct: 0, capActions: 0 },
      always,
      true,
    );
    expect(limited.total).toBeCloseTo(30 * 10, 9);
    expect(limited.guardAt).toBe(15);
    const floored = sweep(
      { ...base, rateLimitPerMin: 0, floorPct: 90, pool: 500, capActions: 0 },
      always,
      true,
    );
    expect(floored.total).toBeCloseTo(50, 9);
    expect(floored.stoppedAt).toBe(25);
    const capped = sweep(
      { ...base, rateLimitPerMin: 0, floorPct: 0, capActions: 101 },
      always,
      true,
    );
    expect(capped.total).toBeCloseTo(101, 9);
    // The same settings with the guards off: nothing held back.
    expect(sweep({ ...base, capActions: 101 }, always, false).total).toBeCloseTo(1200, 9);
  });
});

describe('the alert, by the alerting model’s threshold rule', () => {
  it('fires once the rate has stayed above the threshold for “for”: at the 5th 15 s evaluation for 60 s', () => {
    const p = plain({ durationS: 600, alert: true, alertAbove: 0.5, alertForS: 60, evalS: 15 });
    expect(alertFiresAt(p, new Float64Array(600).fill(2))).toBe(75);
    expect(alertFiresAt({ ...p, alertForS: 0 }, new Float64Array(600).fill(2))).toBe(15);
    expect(alertFiresAt(p, new Float64Array(600).fill(0.4))).toBeNull();
    expect(alertFiresAt({ ...p, alert: false }, new Float64Array(600).fill(2))).toBeNull();
  });
});

describe('one run under each design', () => {
  it('shares its draws: the same person notices at the same moment under every design', () => {
    const p = plain({ alert: false });
    const d = drawRun(createRng(5), p.hosts);
    const runs = (['yours', 'otherFail', 'otherApproval', 'otherGuards', 'noSwitch'] as const).map(
      (design) => runDesign(p, design, d),
    );
    expect(new Set(runs.map((r) => r.detectS)).size).toBe(1);
    expect(runs[4]!.flipAt).toBeNull();
    // Without a switch, guards or an outage the automation runs the whole window.
    expect(runs[4]!.result.total).toBeCloseTo(p.actionsPerS * p.durationS, 6);
    // Two people take longer than one, by the approval.
    expect(runs[2]!.flipAt! - runs[0]!.flipAt!).toBeCloseTo(runs[2]!.approvalS, 9);
  });

  it('declares a severity at detection from the harm so far and raises it as harm grows', () => {
    const p = plain({ alert: false, sev2At: 1e6, sev1At: 2e6 });
    const o = runDesign(p, 'noSwitch', drawRun(createRng(1), p.hosts));
    expect(o.severity).toEqual([{ atS: o.detectS, level: 3 }]);
    const q = plain({ alert: false, sev2At: 0, sev1At: 3000 });
    const r = runDesign(q, 'noSwitch', drawRun(createRng(1), q.hosts));
    // 2 a second: 3,000 actions after 1,500 s.
    expect(r.severity.at(-1)).toEqual({ atS: 1500, level: 1 });
  });
});

describe('the drill over many runs', () => {
  it('is the same run for the same seed, and another for another seed', () => {
    const p = plain({ runs: 20 });
    const a = simulateDrillAll(p, 9);
    expect(simulateDrillAll(p, 9)).toEqual(a);
    expect(simulateDrillAll(p, 10).designs[0]!.detect.mean).not.toBe(a.designs[0]!.detect.mean);
  });

  it('agrees with the propagation formulas: T/2 + nP/(n + 1) and (T + P)/2 inside the intervals', () => {
    const p = plain({ hosts: 50, affected: 5, runs: 600, ttlS: 60, pollS: 30 });
    const r = simulateDrillAll(p, 4);
    const yours = r.designs[0]!;
    const theory = fleetPropagation(50, 60, 30);
    if (!theory.ok) throw new Error(theory.reason);
    expect(yours.fleetClean.n).toBe(600);
    expect(theory.value.fleetMean).toBeGreaterThan(yours.fleetClean.lo);
    expect(theory.value.fleetMean).toBeLessThan(yours.fleetClean.hi);
    expect(theory.value.hostMean).toBeGreaterThan(yours.hostMeanClean.lo);
    expect(theory.value.hostMean).toBeLessThan(yours.hostMeanClean.hi);
    // No host ever waits more than T + P.
    expect(Math.max(...r.examples.flatMap((e) => [...e.hostDelays]))).toBeLessThanOrEqual(90);
  });

  it('in the capacity-tool preset, failing closed through the outage does less harm than failing open', () => {
    const { params, seed } = presets['capacity-tool'];
    const r = simulateDrillAll({ ...params, runs: 40 }, seed);
    const [yours, open, , , none] = r.designs;
    expect(yours!.harm.mean).toBeLessThan(open!.harm.mean / 2);
    expect(open!.harm.mean).toBeLessThanOrEqual(none!.harm.mean);
    // The example: every design's harm never falls and ends at its total.
    for (const e of r.examples) {
      for (let i = 1; i < e.harm.length; i++)
        expect(e.harm[i]!).toBeGreaterThanOrEqual(e.harm[i - 1]!);
      expect(e.harm[e.harm.length - 1]).toBe(e.total);
      expect(e.harm.length).toBeLessThanOrEqual(301);
    }
  });

  it('never does more harm than the same run without a switch, whatever the settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 1800 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (hosts, poll, ttl, downFor, guards, seed) => {
          const p = plain({
            hosts,
            affected: Math.max(1, Math.floor(hosts / 2)),
            pollS: poll,
            ttlS: ttl,
            staleS: poll * 2,
            flagDownAtS: 200,
            flagDownForS: downFor,
            guards,
            durationS: 1800,
            runs: 2,
          });
          const d = drawRun(createRng(seed), hosts);
          const withSwitch = runDesign(p, 'yours', d).result.total;
          const without = runDesign(p, 'noSwitch', d).result.total;
          return withSwitch <= without + 1e-6;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('summaries', () => {
  it('give the mean with a normal interval, the median and the 90th percentile (nearest rank)', () => {
    const s = summarise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5.5);
    expect(s.p50).toBe(5);
    expect(s.p90).toBe(9);
    expect(s.hi - s.mean).toBeCloseTo(1.96 * Math.sqrt(9.1666666667 / 10), 6);
    expect(summarise([])).toEqual({ n: 0, mean: 0, lo: 0, hi: 0, p50: 0, p90: 0 });
  });
});

describe('validation', () => {
  it('explains bad settings in words', () => {
    const bad = (over: Record<string, unknown>) => {
      const r = killSwitchModel.validate({ ...plain(), ...over });
      return r.ok ? null : r.message;
    };
    expect(bad({ affected: 30, hosts: 20 })).toContain(
      '30 misbehaving hosts is more than the 20 hosts running it',
    );
    expect(bad({ staleS: 10, pollS: 30 })).toContain('expires before the next poll');
    expect(bad({ sev1At: 5, sev2At: 10 })).toContain('SEV-1 (5) must take at least as much harm');
    expect(bad({ approval: 'three' })).toContain('one person or two');
    expect(killSwitchModel.validate(null).ok).toBe(false);
    expect(killSwitchSchema.safeParse(plain()).success).toBe(true);
  });

  it('accepts every preset', () => {
    for (const preset of Object.values(presets))
      expect(killSwitchSchema.safeParse(preset.params).success).toBe(true);
  });
});
