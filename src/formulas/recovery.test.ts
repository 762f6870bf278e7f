import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_SECONDS } from './availability.ts';
import {
  expectedDowntimeCost,
  incidentLoad,
  intervalForRpo,
  mtbfAvailability,
  outageCost,
  restoreSeconds,
  rpoFromSchedule,
  rtoBudget,
} from './recovery.ts';
import type { RecoveryResult } from './recovery.ts';

function value<T>(r: RecoveryResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: RecoveryResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

const HOUR = 3600;
const DAY = 86_400;

describe('availability from MTBF and MTTR', () => {
  it('MTBF 30 days, MTTR 1 hour: 720/721', () => {
    const a = value(mtbfAvailability(30 * DAY, HOUR));
    expect(a.availability).toBeCloseTo(720 / 721, 15);
    expect(a.availability).toBeCloseTo(0.998613, 6);
    expect(a.unavailability).toBeCloseTo(1 / 721, 15);
  });

  it('halving MTTR buys what doubling MTBF buys, to first order', () => {
    const halfRepair = value(mtbfAvailability(30 * DAY, HOUR / 2)).unavailability;
    const doubleUp = value(mtbfAvailability(60 * DAY, HOUR)).unavailability;
    expect(halfRepair).toBeCloseTo(0.5 / 720.5, 15);
    expect(doubleUp).toBeCloseTo(1 / 1441, 15);
    expect(Math.abs(halfRepair - doubleUp) / doubleUp).toBeLessThan(1e-3);
  });

  it('A + U = 1, and A only rises with MTBF and falls with MTTR', () => {
    const pos = fc.double({ min: 1, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(pos, pos, (mtbf, mttr) => {
        const a = value(mtbfAvailability(mtbf, mttr));
        const better = value(mtbfAvailability(mtbf * 2, mttr));
        const worse = value(mtbfAvailability(mtbf, mttr * 2));
        return (
          Math.abs(a.availability + a.unavailability - 1) < 1e-12 &&
          better.availability >= a.availability &&
          worse.availability <= a.availability
        );
      }),
    );
  });

  it('rejects impossible times', () => {
    expect(reason(mtbfAvailability(0, HOUR))).toMatch(/MTBF must be a positive/);
    expect(reason(mtbfAvailability(DAY, -1))).toMatch(/MTTR must be zero or more/);
    expect(value(mtbfAvailability(DAY, 0)).availability).toBe(1);
  });
});

describe('incidents and downtime per period', () => {
  it('MTBF 30 days, MTTR 1 hour, over a year of 8,766 h', () => {
    const load = value(incidentLoad(30 * DAY, HOUR));
    expect(load.incidents).toBeCloseTo(8766 / 721, 10);
    expect(load.incidents).toBeCloseTo(12.158, 3);
    expect(load.downtime).toBeCloseTo((8766 / 721) * HOUR, 6);
  });

  it('downtime is incidents × MTTR over any period', () => {
    const pos = fc.double({ min: 60, max: 1e8, noNaN: true });
    fc.assert(
      fc.property(
        pos,
        pos,
        fc.constantFrom('year', 'month', '30days', 'week', 'day'),
        (b, r, p) => {
          const load = value(incidentLoad(b, r, p));
          return Math.abs(load.downtime - load.incidents * r) <= 1e-6 * PERIOD_SECONDS[p];
        },
      ),
    );
  });

  it('prices it', () => {
    // 12.158 h of downtime a year at 100 a minute.
    expect(value(expectedDowntimeCost(30 * DAY, HOUR, 100))).toBeCloseTo((8766 / 721) * 6000, 6);
    expect(reason(expectedDowntimeCost(30 * DAY, HOUR, -5))).toMatch(/cost per minute/);
    expect(reason(incidentLoad(DAY, HOUR, 'decade' as 'year'))).toMatch(/period must be one of/);
  });
});

describe('RPO from a copy schedule', () => {
  it('nightly backups that take 2 hours to be safe off-site', () => {
    const r = value(rpoFromSchedule(24 * HOUR, 2 * HOUR));
    expect(r.worst).toBe(26 * HOUR);
    expect(r.mean).toBe(14 * HOUR);
  });

  it('streaming replication: interval 0, the lag is the RPO', () => {
    expect(value(rpoFromSchedule(0, 5))).toEqual({ worst: 5, mean: 5 });
  });

  it('the interval that meets a target', () => {
    expect(value(intervalForRpo(15 * 60, 60))).toBe(14 * 60);
    expect(reason(intervalForRpo(60, 60))).toMatch(/lag alone/);
    expect(reason(intervalForRpo(0, 0))).toMatch(/RPO target/);
    expect(reason(rpoFromSchedule(-1))).toMatch(/copy interval/);
  });

  it('the worst case is never less than the mean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (i, lag) => {
          const r = value(rpoFromSchedule(i, lag));
          return r.worst >= r.mean && r.mean >= lag;
        },
      ),
    );
  });
});

describe('RTO budget and restore time', () => {
  const phases = { detect: 300, acknowledge: 600, diagnose: 1500, restore: 2400 };

  it('adds the phases and compares with the target', () => {
    const b = value(rtoBudget(phases, HOUR));
    expect(b.total).toBe(4800);
    expect(b.slack).toBe(-1200);
    expect(b.largest).toBe('restore');
    expect(b.shares.restore).toBeCloseTo(0.5, 15);
    expect(b.shares.detect).toBeCloseTo(0.0625, 15);
    expect(value(rtoBudget(phases)).slack).toBeNull();
  });

  it('shares add up to 1', () => {
    const t = fc.double({ min: 0, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(t, t, t, fc.double({ min: 1, max: 1e5, noNaN: true }), (d, a, g, r) => {
        const b = value(rtoBudget({ detect: d, acknowledge: a, diagnose: g, restore: r }));
        const sum = Object.values(b.shares).reduce((x, y) => x + y, 0);
        return Math.abs(sum - 1) < 1e-12;
      }),
    );
  });

  it('rejects bad phases', () => {
    expect(reason(rtoBudget({ ...phases, diagnose: -1 }))).toMatch(/diagnose time/);
    expect(reason(rtoBudget({ detect: 0, acknowledge: 0, diagnose: 0, restore: 0 }))).toMatch(
      /some time/,
    );
    expect(reason(rtoBudget(phases, 0))).toMatch(/RTO target/);
  });

  it('2 TB at 200 MB/s takes 10,000 s', () => {
    expect(value(restoreSeconds(2e12, 200e6))).toBe(10_000);
    expect(value(restoreSeconds(2e12, 200e6, 900))).toBe(10_900);
    expect(reason(restoreSeconds(1e9, 0))).toMatch(/restore rate/);
  });
});

describe('the cost of an outage', () => {
  it('an illustrative 45-minute outage', () => {
    const c = value(
      outageCost({
        revenuePerMinute: 2000,
        minutes: 45,
        shareAffected: 0.4,
        recaptured: 0.3,
        responders: 6,
        responseHours: 3,
        hourlyCost: 100,
        churnedCustomers: 50,
        customerValue: 300,
        other: 5000,
      }),
    );
    expect(c.lostRevenue).toBeCloseTo(25_200, 9);
    expect(c.response).toBe(1800);
    expect(c.churn).toBe(15_000);
    expect(c.other).toBe(5000);
    expect(c.total).toBeCloseTo(47_000, 9);
  });

  it('only revenue when nothing else is given, and never negative', () => {
    expect(value(outageCost({ revenuePerMinute: 10, minutes: 6, shareAffected: 1 })).total).toBe(
      60,
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rpm, min, share, back) => {
          const c = value(
            outageCost({
              revenuePerMinute: rpm,
              minutes: min,
              shareAffected: share,
              recaptured: back,
            }),
          );
          return c.total >= 0 && c.lostRevenue <= rpm * min + 1e-9;
        },
      ),
    );
  });

  it('rejects bad inputs', () => {
    expect(reason(outageCost({ revenuePerMinute: 1, minutes: 1, shareAffected: 1.5 }))).toMatch(
      /share affected/,
    );
    expect(
      reason(outageCost({ revenuePerMinute: 1, minutes: 1, shareAffected: 1, responders: -2 })),
    ).toMatch(/Responders/);
  });
});
