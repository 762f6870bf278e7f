import { describe, expect, it } from 'vitest';
import {
  calcAvailability,
  calcCost,
  calcRestore,
  calcRpo,
  calcRto,
  recoveryCalculations,
} from './recovery.calc.ts';

const text = (t: string) => ({ ok: true, text: t });

describe('recovery calculations', () => {
  it('availability, incidents, downtime and their cost from MTBF and MTTR', () => {
    const a = { of: 'recovery.availability', mtbf: '30d', mttr: '1h' };
    expect(calcAvailability(a)).toEqual(text('99.861 %'));
    expect(calcAvailability({ ...a, show: 'unavailability' })).toEqual(text('0.139 %'));
    expect(calcAvailability({ ...a, show: 'incidents' })).toEqual(text('12.2'));
    expect(calcAvailability({ ...a, show: 'downtime' })).toEqual(text('12.2 h'));
    expect(calcAvailability({ ...a, show: 'downtime', per: 'month' })).toEqual(text('60.8 min'));
    expect(calcAvailability({ ...a, show: 'cost', cost: '100' })).toEqual(text('72,949'));
    expect(calcAvailability({ ...a, mttr: '30m' })).toEqual(text('99.9306 %'));
    expect(calcAvailability({ ...a, mtbf: '60d' })).toEqual(text('99.9306 %'));
  });

  it('RPO, restore time and the RTO budget', () => {
    expect(calcRpo({ of: 'recovery.rpo', interval: '24h', lag: '2h' })).toEqual(text('26 h'));
    expect(calcRpo({ of: 'recovery.rpo', interval: '24h', lag: '2h', metric: 'mean' })).toEqual(
      text('14 h'),
    );
    expect(calcRpo({ of: 'recovery.rpo', interval: '0', lag: '5s' })).toEqual(text('5 s'));
    expect(calcRestore({ of: 'recovery.restore', size: '2000', rate: '200' })).toEqual(
      text('2.78 h'),
    );
    const rto = {
      of: 'recovery.rto',
      detect: '5m',
      acknowledge: '10m',
      diagnose: '25m',
      restore: '40m',
    };
    expect(calcRto(rto)).toEqual(text('80 min'));
    expect(calcRto({ ...rto, target: '1h', metric: 'slack' })).toEqual(text('over by 20 min'));
    expect(calcRto({ ...rto, target: '2h', metric: 'slack' })).toEqual(text('40 min'));
    expect(calcRto({ ...rto, metric: 'largest' })).toEqual(text('restore'));
    expect(calcRto({ ...rto, metric: 'share-diagnose' })).toEqual(text('31.3 %'));
  });

  it('the cost of an outage', () => {
    const c = {
      of: 'recovery.cost',
      revenue: '2000',
      minutes: '45',
      affected: '0.4',
      recaptured: '0.3',
      responders: '6',
      hours: '3',
      rate: '100',
      churn: '50',
      value: '300',
      other: '5000',
    };
    expect(calcCost(c)).toEqual(text('47,000'));
    expect(calcCost({ ...c, metric: 'revenue' })).toEqual(text('25,200'));
    expect(calcCost({ ...c, metric: 'response' })).toEqual(text('1,800'));
    expect(calcCost({ ...c, metric: 'churn' })).toEqual(text('15,000'));
    expect(calcCost({ ...c, metric: 'revenue-share' })).toEqual(text('53.6 %'));
  });

  it('explains bad attributes in words', () => {
    expect(calcAvailability({ of: 'recovery.availability', mtbf: '30d' })).toEqual({
      ok: false,
      problems: ['needs mttr="…"'],
    });
    expect(
      calcAvailability({ of: 'recovery.availability', mtbf: 'soon', mttr: '1h' }),
    ).toMatchObject({
      problems: ['mtbf must be a duration such as 90s, 5m, 1h or 30d, not "soon"'],
    });
    expect(
      calcAvailability({ of: 'recovery.availability', mtbf: '30d', mttr: '1h', cost: '5' }),
    ).toMatchObject({ problems: ['cost="…" only goes with show="cost"'] });
    expect(
      calcAvailability({ of: 'recovery.availability', mtbf: '30d', mttr: '1h', per: 'year' }),
    ).toMatchObject({
      problems: ['per="…" goes with show="incidents", "downtime" or "cost"'],
    });
    expect(
      calcRto({
        of: 'recovery.rto',
        detect: '5m',
        acknowledge: '1m',
        diagnose: '1m',
        restore: '1m',
        metric: 'slack',
      }),
    ).toMatchObject({ problems: ['metric="slack" needs target="…"'] });
    expect(
      calcCost({ of: 'recovery.cost', revenue: '10', minutes: '5', affected: '2' }),
    ).toMatchObject({ problems: [expect.stringContaining('share affected')] });
    expect(calcRestore({ of: 'recovery.restore', size: '10', rate: '0' })).toMatchObject({
      problems: ['rate must be a number above 0, not "0"'],
    });
    expect(calcRpo({ of: 'recovery.rpo', interval: '1h', colour: 'red' })).toMatchObject({
      problems: [expect.stringContaining('unknown attribute "colour"')],
    });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(recoveryCalculations).sort()).toEqual([
      'recovery.availability',
      'recovery.cost',
      'recovery.restore',
      'recovery.rpo',
      'recovery.rto',
    ]);
  });
});
