import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng.ts';
import { consensusSchema, presets } from './params.ts';
import type { ConsensusParams } from './params.ts';
import { randomScript, zonesOf } from './script.ts';
import { runScheme, simulateConsensusAll, theoryDuringLoss, topologyOf } from './simulate.ts';
import { ROLE_CODE } from './types.ts';

const preset = (name: keyof typeof presets) => {
  const p = presets[name];
  return simulateConsensusAll(p.params, p.seed);
};

const names = (reigns: { term: number; leader: number; from: number }[]) =>
  reigns.map((r) => `${r.term}:${String.fromCharCode(65 + r.leader)}@${r.from}`);

describe('clean partition 2 | 3 with the leader on the small side', () => {
  const r = preset('clean-partition');

  it('the naive scheme keeps two primaries and throws away the small side’s writes on healing', () => {
    const naive = r.runs.naive;
    // A keeps acting as primary; one of C, D, E promotes itself once its timeout fires.
    expect(names(naive.reigns)).toEqual(['1:A@0', '2:E@12']);
    expect(naive.totals.maxLeaders).toBe(2);
    // Both sides take a write every step from 12 to 39: 28 steps, two writes each.
    expect(naive.totals.splitBrainSteps).toBe(28);
    expect(naive.totals.conflicting).toBe(56);
    // On healing, A (promoted first) gives way and copies E's log: its 30 writes from the split are gone.
    expect(r.periods[1]!.acked.naive).toEqual([30, 28]);
    expect(naive.totals.lost).toBe(30);
    expect(naive.lostSoFar[39]).toBe(0);
    expect(naive.lostSoFar[40]).toBe(30);
  });

  it('the quorum scheme refuses the small side and loses nothing', () => {
    const quorum = r.runs.quorum;
    expect(names(quorum.reigns)).toEqual(['1:A@0', '2:E@12']);
    // A still believes it leads term 1 until it hears of term 2, but cannot commit anything.
    expect(quorum.totals.maxLeaders).toBe(2);
    expect(r.periods[1]!.acked.quorum).toEqual([0, 28]);
    expect(quorum.totals).toMatchObject({ conflicting: 0, lost: 0, splitBrainSteps: 0 });
    // On healing A sees term 2 and steps down at once.
    expect(quorum.roles[40 * 5 + 0]).toBe(ROLE_CODE.follower);
    expect(quorum.terms[40 * 5 + 0]).toBe(2);
  });
});

describe('zone loss', () => {
  it('2 + 2 + 1 elects a new leader among the three left; 3 + 1 + 1 cannot', () => {
    const good = preset('zone-loss-221');
    const bad = preset('zone-loss-311');
    expect(good.periods[1]!.acked.quorum[0]).toBeGreaterThan(20);
    expect(bad.periods[1]!.acked.quorum).toEqual([0]);
    // The naive scheme promotes one of the two left, and nothing is lost: nobody else was writing.
    expect(bad.periods[1]!.acked.naive[0]).toBeGreaterThan(20);
    expect(bad.runs.naive.totals.lost).toBe(0);
  });

  it('the placement table: theory inside the measured interval where a quorum survives', () => {
    const r = preset('zone-loss-221');
    const rows = r.placements.map((p) => [p.layout.join('+'), p.keepsQuorum]);
    expect(rows).toEqual([
      ['5', false],
      ['3+2', false],
      ['3+1+1', false],
      ['2+2+1', true],
    ]);
    for (const row of r.placements) {
      if (!row.keepsQuorum) {
        expect(row.measured.quorum.mean).toBe(0);
        continue;
      }
      const { low, high } = row.measured.quorum;
      expect(row.theoryDuringLoss).not.toBeNull();
      expect(row.theoryDuringLoss!).toBeGreaterThanOrEqual(low);
      expect(row.theoryDuringLoss!).toBeLessThanOrEqual(high);
      expect(row.measured.quorum.lost).toBe(0);
    }
    expect(r.placements.find((p) => p.current)!.layout).toEqual([2, 2, 1]);
  });

  it('theory: the first survivor’s timeout less one step is the time without writes', () => {
    // Timeouts 3..6, three survivors: E[min] = 3 + (3/4)³ + (2/4)³ + (1/4)³ = 3.5625.
    expect(theoryDuringLoss(true, 3, 30, 3, 6)).toBeCloseTo(1 - 2.5625 / 30, 12);
    expect(theoryDuringLoss(false, 2, 30, 3, 6)).toBe(0);
    expect(theoryDuringLoss(true, 3, 4, 3, 6)).toBeNull();
  });
});

describe('the two-node trap', () => {
  it('naive splits its brain; quorum stops both sides', () => {
    const r = preset('two-node-trap');
    expect(r.runs.naive.totals.maxLeaders).toBe(2);
    expect(r.runs.naive.totals.lost).toBeGreaterThan(0);
    expect(r.periods[1]!.acked.quorum).toEqual([0, 0]);
    expect(r.runs.quorum.totals.lost).toBe(0);
  });
});

/** Random clusters, scripts, timeouts and seeds: the properties majority quorums promise. */
const scenario = fc.record({
  layout: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }).filter((l) => {
    const n = l.reduce((a, b) => a + b, 0);
    return n >= 2 && n <= 7;
  }),
  steps: fc.integer({ min: 20, max: 150 }),
  faultEvery: fc.integer({ min: 2, max: 20 }),
  timeoutMin: fc.integer({ min: 1, max: 5 }),
  extra: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});

describe('properties over random seeds and scripts', () => {
  it('quorum: no acknowledged write is ever lost, no two sides write at once, one leader per term', () => {
    fc.assert(
      fc.property(scenario, ({ layout, steps, faultEvery, timeoutMin, extra, seed }) => {
        const zones = zonesOf(layout);
        const n = zones.length;
        const events = randomScript(createRng(seed ^ 1), layout, steps, faultEvery);
        const topology = topologyOf(n, zones, events, steps);
        const { run } = runScheme(
          'quorum',
          n,
          topology,
          steps,
          timeoutMin,
          timeoutMin + extra,
          createRng(seed),
        );
        expect(run.totals.lost).toBe(0);
        expect(run.totals.conflicting).toBe(0);
        expect(run.totals.splitBrainSteps).toBe(0);
        const terms = run.reigns.map((x) => x.term);
        expect(new Set(terms).size).toBe(terms.length);
        // Acknowledged writes come only from a side holding a majority of all nodes.
        for (let t = 0; t < steps; t++) {
          if (run.acked[t]! > 0)
            expect(topology.sides[t]!.some((s) => s.length >= Math.floor(n / 2) + 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('naive: split brain does happen, and then writes are lost (the contrast is real)', () => {
    let lostSomewhere = 0;
    fc.assert(
      fc.property(scenario, ({ layout, steps, faultEvery, timeoutMin, extra, seed }) => {
        const zones = zonesOf(layout);
        const n = zones.length;
        const events = randomScript(createRng(seed ^ 1), layout, steps, faultEvery);
        const topology = topologyOf(n, zones, events, steps);
        const { run } = runScheme(
          'naive',
          n,
          topology,
          steps,
          timeoutMin,
          timeoutMin + extra,
          createRng(seed),
        );
        if (run.totals.lost > 0) lostSomewhere++;
        // Every write lost was acknowledged: never more lost than acknowledged.
        expect(run.totals.lost).toBeLessThanOrEqual(run.totals.acked);
      }),
      { numRuns: 100, seed: 7 },
    );
    expect(lostSomewhere).toBeGreaterThan(10);
  });

  it('the same params and seed give the same run', () => {
    const p: ConsensusParams = { ...presets['random-faults'].params, steps: 120 };
    const a = simulateConsensusAll(p, 99);
    const b = simulateConsensusAll(p, 99);
    expect(a.script).toEqual(b.script);
    expect([...a.runs.quorum.roles]).toEqual([...b.runs.quorum.roles]);
    expect(a.runs.naive.totals).toEqual(b.runs.naive.totals);
  });
});

describe('params', () => {
  const base = presets['clean-partition'].params;
  const problems = (over: Record<string, unknown>) => {
    const r = consensusSchema.safeParse({ ...base, ...over });
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('every preset is valid', () => {
    for (const p of Object.values(presets))
      expect(consensusSchema.safeParse(p.params).success).toBe(true);
  });

  it('explains a bad script by line, in words', () => {
    expect(problems({ script: '10 split AB | CDX' })).toEqual([
      'Script line 1: there is no node “x” (the nodes are A to E)',
    ]);
    expect(problems({ script: '10 heal\nsplit AB|C' })).toEqual([
      'Script line 2: start with the step it happens at, as in “10 split AB | CDE”',
    ]);
    expect(problems({ script: '70 heal' })[0]).toMatch(/after the run ends \(steps 0 to 59\)/);
    expect(problems({ script: '5 zone down 4' })[0]).toMatch(/not a zone \(the zones are 1 to 3\)/);
    expect(problems({ script: '5 split AB | BC' })[0]).toMatch(/node B is in two groups/);
    expect(problems({ script: '5 explode A' })[0]).toMatch(/is not an event/);
  });

  it('explains bad clusters and timeouts', () => {
    expect(problems({ layout: [4, 4] })).toEqual([
      'The placement has 8 nodes; the lab runs 2 to 7',
    ]);
    expect(problems({ layout: [1] })).toEqual(['The placement has 1 node; the lab runs 2 to 7']);
    expect(problems({ timeoutMin: 6, timeoutMax: 3 })).toEqual([
      'The longest timeout (3 s) must be at least the shortest (6 s)',
    ]);
    // A random run ignores the script.
    expect(problems({ mode: 'random', script: 'nonsense' })).toEqual([]);
  });
});
