import { describe, expect, it } from 'vitest';
import { planBirthdaySimulation } from './birthdayPlan';
import { birthdayPresets, MAX_BIRTHDAY_DRAWS } from './params';

const classic = birthdayPresets['birthday-23'].simulation;
const timestamp = birthdayPresets['ms-timestamp'].simulation;

describe('what the birthday simulation runs for the calculator’s inputs', () => {
  it('runs the values the learner chose, d or b, with nothing to explain', () => {
    expect(planBirthdaySimulation({ ...classic, space: { values: 1000 } }, classic)).toEqual({
      params: { scheme: 'uniform', space: { values: 1000 }, trials: 10_000 },
      note: null,
    });
    expect(planBirthdaySimulation({ ...classic, space: { bits: 20 } }, classic)).toEqual({
      params: { scheme: 'uniform', space: { bits: 20 }, trials: 10_000 },
      note: null,
    });
    const busy = { ...timestamp, machines: 80 };
    expect(planBirthdaySimulation(busy, timestamp)).toEqual({ params: busy, note: null });
  });

  it('runs fewer trials when all of them would draw too many IDs, and says so', () => {
    const plan = planBirthdaySimulation({ ...classic, space: { bits: 30 } }, classic);
    // 2^30 values: about 41,068 IDs to the first collision, so 486 trials fit 20 million.
    expect(plan.params).toEqual({ scheme: 'uniform', space: { bits: 30 }, trials: 486 });
    expect(plan.note).toBe(
      '10,000 trials of about 41,069 IDs each would draw 410,692,643 IDs; the simulation stops at 20,000,000, so it ran 486 trials.',
    );
    expect(486 * 41_069).toBeLessThanOrEqual(MAX_BIRTHDAY_DRAWS);
  });

  it('draws 32-bit IDs instead of a space too big to simulate, and says why beside the result', () => {
    const plan = planBirthdaySimulation({ ...classic, space: { bits: 122 } }, classic);
    expect(plan.params).toEqual({ scheme: 'uniform', space: { bits: 32 }, trials: 243 });
    expect(plan.note).toBe(
      'The simulation cannot draw IDs of 122 random bits (2^122 values): the first collision would take about 2.89 × 10¹⁸ IDs a trial, and it stops at 1,000,000. It ran IDs of 32 random bits (2^32 values) instead (243 trials).',
    );
  });

  it('runs the scenario’s own timestamp simulation when the inputs are beyond the simulation', () => {
    const plan = planBirthdaySimulation({ ...timestamp, machines: 500_000 }, timestamp);
    expect(plan.params).toEqual(timestamp);
    expect(plan.note).toMatch(
      /^The simulation cannot draw timestamped IDs from 500,000 machines .*: the number of machines must be at most 100,000\. It ran timestamped IDs from 50 machines .* instead \(2,000 trials\)\.$/,
    );
  });

  it('runs nothing while the calculator’s inputs are not valid', () => {
    expect(planBirthdaySimulation({ ...classic, space: { values: Number.NaN } }, classic)).toEqual({
      params: null,
      note: 'Fix the calculator’s inputs to simulate them.',
    });
  });
});
