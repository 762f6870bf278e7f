import { describe, expect, it } from 'vitest';
import {
  allowedBadEvents,
  budgetConsumed,
  burnRate,
  burnRateThreshold,
  DAY,
  detectionTime,
  durationForBudget,
  errorBudget,
  errorRatioAtBurn,
  exposedShare,
  forRuleStates,
  HOUR,
  maxBurnRate,
  MINUTE,
  resetTime,
  timeToExhaust,
} from './slo.ts';
import type { Result } from './slo.ts';
import {
  calcSloBudget,
  calcSloBurn,
  calcSloConsumed,
  calcSloDetect,
  calcSloDuration,
  calcSloExposure,
  calcSloThreshold,
  parseDuration,
  sloCalculations,
} from './slo.calc.ts';

const MONTH = 30 * DAY;

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got: ${r.reason}`);
  return r.value;
}

function reason<T>(r: Result<T>): string {
  if (r.ok) throw new Error('expected a reason, got a value');
  return r.reason;
}

describe('error budgets', () => {
  it('99.9 % over 30 days allows 43.2 minutes of full outage', () => {
    const b = value(errorBudget(0.999, MONTH));
    expect(b.fraction).toBeCloseTo(0.001, 12);
    expect(b.seconds).toBeCloseTo(2592, 6);
    expect(b.seconds / MINUTE).toBeCloseTo(43.2, 6);
  });

  it('matches the usual table of nines', () => {
    expect(value(errorBudget(0.99, MONTH)).seconds / HOUR).toBeCloseTo(7.2, 9);
    expect(value(errorBudget(0.9995, MONTH)).seconds / MINUTE).toBeCloseTo(21.6, 6);
    expect(value(errorBudget(0.9999, MONTH)).seconds).toBeCloseTo(259.2, 6);
    // A year at 99.9 %: 8.76 hours.
    expect(value(errorBudget(0.999, 365 * DAY)).seconds / HOUR).toBeCloseTo(8.76, 6);
  });

  it('counts allowed bad events', () => {
    expect(value(allowedBadEvents(0.999, 10_000_000))).toBeCloseTo(10_000, 6);
    expect(value(allowedBadEvents(0.999, 0))).toBe(0);
  });

  it('refuses impossible SLOs and periods in words', () => {
    expect(reason(errorBudget(1, MONTH))).toMatch(/strictly between 0 and 1/);
    expect(reason(errorBudget(99.9, MONTH))).toMatch(/0.999 for 99.9 %/);
    expect(reason(errorBudget(0, MONTH))).toMatch(/SLO/);
    expect(reason(errorBudget(Number.NaN, MONTH))).toMatch(/SLO/);
    expect(reason(errorBudget(0.999, 0))).toMatch(/period must be a positive/);
    expect(reason(errorBudget(0.999, Infinity))).toMatch(/period/);
    expect(reason(allowedBadEvents(0.999, -1))).toMatch(/zero or more/);
  });
});

describe('burn rates', () => {
  it('is the error ratio over the allowed ratio', () => {
    expect(value(burnRate(0.001, 0.999))).toBeCloseTo(1, 9);
    expect(value(burnRate(0.0144, 0.999))).toBeCloseTo(14.4, 9);
    expect(value(burnRate(1, 0.999))).toBeCloseTo(1000, 6);
    expect(value(burnRate(0, 0.999))).toBe(0);
    expect(value(maxBurnRate(0.999))).toBeCloseTo(1000, 6);
    expect(value(maxBurnRate(0.99))).toBeCloseTo(100, 9);
  });

  it('turns back into an error ratio, and refuses burns above 100 % errors', () => {
    expect(value(errorRatioAtBurn(14.4, 0.999))).toBeCloseTo(0.0144, 12);
    expect(value(errorRatioAtBurn(6, 0.999))).toBeCloseTo(0.006, 12);
    expect(value(errorRatioAtBurn(1000, 0.999))).toBe(1);
    expect(reason(errorRatioAtBurn(200, 0.99))).toMatch(/more than 100 % errors/);
    expect(reason(errorRatioAtBurn(0, 0.99))).toMatch(/positive/);
  });

  it('refuses error ratios outside 0..1', () => {
    expect(reason(burnRate(1.5, 0.999))).toMatch(/from 0 to 1/);
    expect(reason(burnRate(-0.1, 0.999))).toMatch(/from 0 to 1/);
  });
});

describe('the SRE Workbook thresholds (b = f·P/w)', () => {
  it('page: 2 % of a 30-day budget in 1 hour is 14.4', () => {
    expect(value(burnRateThreshold(0.02, MONTH, HOUR))).toBeCloseTo(14.4, 9);
  });
  it('page: 5 % in 6 hours is 6', () => {
    expect(value(burnRateThreshold(0.05, MONTH, 6 * HOUR))).toBeCloseTo(6, 9);
  });
  it('ticket: 10 % in 3 days is 1', () => {
    expect(value(burnRateThreshold(0.1, MONTH, 3 * DAY))).toBeCloseTo(1, 9);
  });
  it('the whole budget over the whole period is 1', () => {
    expect(value(burnRateThreshold(1, MONTH, MONTH))).toBeCloseTo(1, 12);
  });
  it('a 28-day period shifts the numbers', () => {
    expect(value(burnRateThreshold(0.02, 28 * DAY, HOUR))).toBeCloseTo(13.44, 9);
  });
  it('refuses a window longer than the period, and bad fractions', () => {
    expect(reason(burnRateThreshold(0.02, DAY, 2 * DAY))).toMatch(/longer than the SLO period/);
    expect(reason(burnRateThreshold(0, MONTH, HOUR))).toMatch(/budget fraction/);
    expect(reason(burnRateThreshold(1.2, MONTH, HOUR))).toMatch(/budget fraction/);
    expect(reason(burnRateThreshold(0.02, MONTH, -5))).toMatch(/alert window/);
  });
});

describe('time to exhaustion (P/b)', () => {
  it('matches the Workbook table for a 30-day budget', () => {
    expect(value(timeToExhaust(1, MONTH)) / DAY).toBeCloseTo(30, 9);
    expect(value(timeToExhaust(2, MONTH)) / DAY).toBeCloseTo(15, 9);
    expect(value(timeToExhaust(10, MONTH)) / DAY).toBeCloseTo(3, 9);
    expect(value(timeToExhaust(14.4, MONTH)) / HOUR).toBeCloseTo(50, 9);
    expect(value(timeToExhaust(6, MONTH)) / DAY).toBeCloseTo(5, 9);
    // A total outage at 99.9 % (burn 1000) empties it in 43.2 minutes.
    expect(value(timeToExhaust(1000, MONTH)) / MINUTE).toBeCloseTo(43.2, 9);
  });
  it('uses what is left of the budget', () => {
    expect(value(timeToExhaust(6, MONTH, 0.4)) / DAY).toBeCloseTo(2, 9);
    expect(value(timeToExhaust(6, MONTH, 0))).toBe(0);
  });
  it('refuses a zero burn (the budget never runs out)', () => {
    expect(reason(timeToExhaust(0, MONTH))).toMatch(/burn rate must be a positive/);
    expect(reason(timeToExhaust(2, MONTH, 1.5))).toMatch(/remaining share/);
  });
});

describe('budget spent by an incident, and the inverse', () => {
  it('5 % errors for 30 minutes spends 90/2592 of a 99.9 % month', () => {
    const f = value(budgetConsumed(0.05, 30 * MINUTE, 0.999, MONTH));
    expect(f).toBeCloseTo(90 / 2592, 12);
    expect(f).toBeCloseTo(0.03472, 5);
  });
  it('a full outage of 43.2 minutes spends exactly the budget', () => {
    expect(value(budgetConsumed(1, 2592, 0.999, MONTH))).toBeCloseTo(1, 12);
    expect(value(budgetConsumed(1, 2 * HOUR, 0.999, MONTH))).toBeGreaterThan(1);
    expect(value(budgetConsumed(0.3, 0, 0.999, MONTH))).toBe(0);
  });
  it('durationForBudget inverts budgetConsumed', () => {
    for (const [f, e] of [
      [0.05, 0.001],
      [0.1, 0.5],
      [1, 1],
      [0.02, 0.0144],
    ] as const) {
      const d = value(durationForBudget(f, e, 0.999, MONTH));
      expect(value(budgetConsumed(e, d, 0.999, MONTH))).toBeCloseTo(f, 12);
    }
    // 5 % of the budget at 0.1 % of requests failing: 0.05·0.001·2,592,000/0.001 = 36 hours.
    expect(value(durationForBudget(0.05, 0.001, 0.999, MONTH)) / HOUR).toBeCloseTo(36, 9);
  });
  it('refuses bad input', () => {
    expect(reason(budgetConsumed(0.05, -1, 0.999, MONTH))).toMatch(/duration/);
    expect(reason(durationForBudget(0.05, 0, 0.999, MONTH))).toMatch(/error ratio/);
  });
});

describe('exposure of a fault', () => {
  it('multiplies the cohort by the share of hosts', () => {
    expect(value(exposedShare(0.01, 0.1))).toBeCloseTo(0.001, 15);
    expect(value(exposedShare(1, 1))).toBe(1);
    expect(value(exposedShare(0, 0.5))).toBe(0);
    expect(reason(exposedShare(1.2, 0.5))).toMatch(/share of traffic/);
    expect(reason(exposedShare(0.5, -0.1))).toMatch(/share of hosts/);
  });
});

describe('detection and reset of a burn-rate alert', () => {
  it('a total outage trips the 14.4×/1 h page in 51.84 s', () => {
    const d = value(detectionTime(1, 0.999, 14.4, HOUR, MONTH));
    expect(d.burn).toBeCloseTo(1000, 6);
    expect(d.seconds).toBeCloseTo(51.84, 6);
  });
  it('2 % errors (burn 20) take 43.2 minutes', () => {
    const d = value(detectionTime(0.02, 0.999, 14.4, HOUR, MONTH));
    expect(d.seconds / MINUTE).toBeCloseTo(43.2, 6);
  });
  it('every detection spends the same share of budget, the alert’s f', () => {
    for (const e of [0.0144, 0.02, 0.1, 1]) {
      const d = value(detectionTime(e, 0.999, 14.4, HOUR, MONTH));
      expect(d.budgetSpent).toBeCloseTo(0.02, 12);
    }
    const slow = value(detectionTime(0.01, 0.999, 6, 6 * HOUR, MONTH));
    expect(slow.seconds / HOUR).toBeCloseTo(3.6, 9);
    expect(slow.budgetSpent).toBeCloseTo(0.05, 12);
  });
  it('orders the three Workbook alerts for a total outage at 99.9 %', () => {
    const fast = value(detectionTime(1, 0.999, 14.4, HOUR, MONTH)).seconds;
    const slow = value(detectionTime(1, 0.999, 6, 6 * HOUR, MONTH)).seconds;
    const ticket = value(detectionTime(1, 0.999, 1, 3 * DAY, MONTH)).seconds;
    expect([fast, slow, ticket].map((s) => Number(s.toFixed(2)))).toEqual([51.84, 129.6, 259.2]);
    // A 10-minute `for` on top of a total outage spends 600/2592 of the budget.
    expect(value(budgetConsumed(1, 10 * MINUTE, 0.999, MONTH))).toBeCloseTo(0.2315, 4);
    // 5 % errors against the 1-hour page: burn 50, 17.28 minutes.
    expect(value(detectionTime(0.05, 0.999, 14.4, HOUR, MONTH)).seconds / MINUTE).toBeCloseTo(
      17.28,
      9,
    );
  });

  it('at exactly the threshold the alert fires as the window fills', () => {
    expect(value(detectionTime(0.0144, 0.999, 14.4, HOUR, MONTH)).seconds).toBeCloseTo(HOUR, 6);
  });
  it('below the threshold it never fires, and says so', () => {
    expect(reason(detectionTime(0.01, 0.999, 14.4, HOUR, MONTH))).toMatch(/never fires/);
  });
  it('the short window is what makes the alert reset quickly', () => {
    expect(value(resetTime(1000, 14.4, HOUR))).toBeCloseTo(3548.16, 6);
    expect(value(resetTime(1000, 14.4, 5 * MINUTE))).toBeCloseTo(295.68, 6);
    expect(value(resetTime(14.4, 14.4, HOUR))).toBe(0);
    expect(reason(resetTime(10, 14.4, HOUR))).toMatch(/never fired/);
  });
  it('reset time agrees with a minute-by-minute sliding window', () => {
    // A 2-hour incident at burn 40 against a 60-minute window and threshold 14.4.
    const burnAt = (minute: number) => (minute >= 0 && minute < 120 ? 40 : 0);
    const windowAverage = (end: number) => {
      let sum = 0;
      for (let m = end - 60; m < end; m += 1) sum += burnAt(m);
      return sum / 60;
    };
    let firstClear = 120;
    while (windowAverage(firstClear) >= 14.4) firstClear += 1;
    const predicted = value(resetTime(40, 14.4, 60)); // 38.4 minutes
    expect(predicted).toBeCloseTo(38.4, 9);
    expect(firstClear - 120).toBe(Math.floor(predicted) + 1);
  });
});

describe('forRuleStates: Prometheus pending → firing', () => {
  const T = true;
  const F = false;

  it('fires only after the condition has held for the whole `for`', () => {
    // Evaluated every minute with for: 3m. The lesson's trace.
    const series = [F, T, T, F, T, T, T, T, T, F, T, F];
    const states = value(forRuleStates(series, { intervalSeconds: 60, forSeconds: 180 }));
    expect(states).toEqual([
      'inactive',
      'pending',
      'pending',
      'inactive',
      'pending',
      'pending',
      'pending',
      'firing',
      'firing',
      'inactive',
      'pending',
      'inactive',
    ]);
  });

  it('the lesson’s trace with keep_firing_for: 2m stays firing to the end', () => {
    const series = [F, T, T, F, T, T, T, T, T, F, T, F];
    const rule = { intervalSeconds: 60, forSeconds: 180, keepFiringForSeconds: 120 };
    expect(value(forRuleStates(series, rule)).slice(7)).toEqual([
      'firing',
      'firing',
      'firing',
      'firing',
      'firing',
    ]);
  });

  it('with no `for` a true condition fires at once', () => {
    expect(value(forRuleStates([F, T, F], { intervalSeconds: 30, forSeconds: 0 }))).toEqual([
      'inactive',
      'firing',
      'inactive',
    ]);
  });

  it('keep_firing_for holds a firing alert through short gaps', () => {
    const series = [T, T, F, T, F, F, F, F];
    const rule = { intervalSeconds: 60, forSeconds: 60, keepFiringForSeconds: 120 };
    expect(value(forRuleStates(series, rule))).toEqual([
      'pending',
      'firing',
      'firing', // false once, kept
      'firing',
      'firing', // false since t = 4 min
      'firing', // 1 min since
      'inactive', // 2 min since: resolved
      'inactive',
    ]);
  });

  it('refuses a bad interval', () => {
    expect(reason(forRuleStates([T], { intervalSeconds: 0, forSeconds: 60 }))).toMatch(/interval/);
    expect(reason(forRuleStates([T], { intervalSeconds: 60, forSeconds: -1 }))).toMatch(/for/);
  });
});

describe('durations in :calc attributes', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('5min')).toBe(300);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('1.5h')).toBe(5400);
    expect(parseDuration('30d')).toBe(MONTH);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('5 weeks')).toBeNull();
    expect(parseDuration('-1h')).toBeNull();
    expect(parseDuration('0h')).toBeNull();
  });
});

describe('lesson calculations: SLOs', () => {
  it('budgets', () => {
    const month = { of: 'slo.budget', slo: '0.999', period: '30d' };
    expect(calcSloBudget(month)).toEqual({ ok: true, text: '43.2 min' });
    expect(calcSloBudget({ ...month, metric: 'fraction' })).toEqual({ ok: true, text: '0.1 %' });
    expect(calcSloBudget({ ...month, metric: 'requests', requests: '10000000' })).toEqual({
      ok: true,
      text: '10,000',
    });
    expect(calcSloBudget({ of: 'slo.budget', slo: '0.99', period: '30d' })).toEqual({
      ok: true,
      text: '7.2 h',
    });
    expect(calcSloBudget({ of: 'slo.budget', slo: '0.9999', period: '30d' })).toEqual({
      ok: true,
      text: '4.32 min',
    });
  });

  it('burn rates and time to exhaustion', () => {
    const b = { of: 'slo.burn', error: '0.0144', slo: '0.999' };
    expect(calcSloBurn(b)).toEqual({ ok: true, text: '14.4×' });
    expect(calcSloBurn({ ...b, metric: 'exhaust', period: '30d' })).toEqual({
      ok: true,
      text: '50 h',
    });
    expect(calcSloBurn({ of: 'slo.burn', error: '1', slo: '0.999', metric: 'exhaust' })).toEqual({
      ok: true,
      text: '43.2 min',
    });
    expect(calcSloBurn({ of: 'slo.burn', error: '1', slo: '0.999' })).toEqual({
      ok: true,
      text: '1,000×',
    });
    expect(calcSloBurn({ ...b, metric: 'exhaust', remaining: '0.5' })).toEqual({
      ok: true,
      text: '25 h',
    });
  });

  it('thresholds, with their error ratio and time to exhaustion', () => {
    const page = { of: 'slo.threshold', fraction: '0.02', window: '1h', period: '30d' };
    expect(calcSloThreshold(page)).toEqual({ ok: true, text: '14.4×' });
    expect(calcSloThreshold({ ...page, metric: 'error', slo: '0.999' })).toEqual({
      ok: true,
      text: '1.44 %',
    });
    expect(calcSloThreshold({ ...page, metric: 'exhaust' })).toEqual({ ok: true, text: '50 h' });
    expect(
      calcSloThreshold({ of: 'slo.threshold', fraction: '0.05', window: '6h', period: '30d' }),
    ).toEqual({ ok: true, text: '6×' });
    expect(
      calcSloThreshold({
        of: 'slo.threshold',
        fraction: '0.1',
        window: '3d',
        period: '30d',
        metric: 'exhaust',
      }),
    ).toEqual({ ok: true, text: '30 days' });
    expect(calcSloThreshold({ ...page, metric: 'error' })).toMatchObject({
      ok: false,
      problems: ['metric="error" needs slo="…"'],
    });
  });

  it('incident spend and experiment length', () => {
    expect(
      calcSloConsumed({
        of: 'slo.consumed',
        error: '0.05',
        duration: '30m',
        slo: '0.999',
        period: '30d',
      }),
    ).toEqual({ ok: true, text: '3.47 %' });
    expect(
      calcSloDuration({
        of: 'slo.duration',
        fraction: '0.05',
        error: '0.001',
        slo: '0.999',
        period: '30d',
      }),
    ).toEqual({ ok: true, text: '36 h' });
    expect(calcSloExposure({ of: 'slo.exposure', traffic: '0.01', hosts: '0.1' })).toEqual({
      ok: true,
      text: '0.1 %',
    });
  });

  it('detection and reset', () => {
    const outage = { of: 'slo.detect', error: '1', slo: '0.999', threshold: '14.4', window: '1h' };
    expect(calcSloDetect(outage)).toEqual({ ok: true, text: '51.8 s' });
    expect(calcSloDetect({ ...outage, metric: 'reset' })).toEqual({ ok: true, text: '59.1 min' });
    expect(calcSloDetect({ ...outage, metric: 'spent' })).toEqual({ ok: true, text: '2 %' });
    expect(calcSloDetect({ ...outage, window: '5m', metric: 'reset' })).toEqual({
      ok: true,
      text: '4.93 min',
    });
    expect(calcSloDetect({ ...outage, error: '0.02' })).toEqual({ ok: true, text: '43.2 min' });
    expect(calcSloDetect({ ...outage, error: '0.01' })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('never fires')],
    });
  });

  it('explains bad attributes in words', () => {
    expect(calcSloBudget({ of: 'slo.budget', slo: '99.9', period: '30d' })).toEqual({
      ok: false,
      problems: ['slo must be a number above 0 and below 1, not "99.9"'],
    });
    expect(calcSloBudget({ of: 'slo.budget', slo: '0.999', period: 'a month' })).toEqual({
      ok: false,
      problems: ['period must be a duration such as 90s, 5m, 1h or 30d, not "a month"'],
    });
    expect(calcSloBudget({ of: 'slo.budget', slo: '0.999' })).toEqual({
      ok: false,
      problems: ['needs period="…"'],
    });
    expect(
      calcSloBudget({ of: 'slo.budget', slo: '0.999', period: '30d', metric: 'requests' }),
    ).toMatchObject({ ok: false, problems: ['metric="requests" needs requests="…"'] });
    expect(calcSloBurn({ of: 'slo.burn', error: '0.01', slo: '0.999', colour: 'red' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('unknown attribute "colour"')],
    });
    expect(
      calcSloThreshold({ of: 'slo.threshold', fraction: '0.02', window: '40d', period: '30d' }),
    ).toEqual({ ok: false, problems: ['The alert window must not be longer than the SLO period'] });
    expect(calcSloExposure({ of: 'slo.exposure', traffic: '0.01', hosts: '2' })).toMatchObject({
      ok: false,
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(sloCalculations).sort()).toEqual([
      'slo.budget',
      'slo.burn',
      'slo.consumed',
      'slo.detect',
      'slo.duration',
      'slo.exposure',
      'slo.threshold',
    ]);
  });
});
