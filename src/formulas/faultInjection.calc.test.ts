import { describe, expect, it } from 'vitest';
import {
  calcAbort,
  calcBlast,
  calcBound,
  calcDelay,
  calcDetect,
  calcRuns,
  faultInjectionCalculations,
} from './faultInjection.calc.ts';

const text = (t: string) => ({ ok: true, text: t });

describe('fault-injection calculations', () => {
  it('detection and runs', () => {
    expect(calcDetect({ of: 'faultInjection.detect', p: '0.05', n: '10' })).toEqual(text('40.1 %'));
    expect(calcDetect({ of: 'faultInjection.detect', p: '0.05', n: '10', metric: 'miss' })).toEqual(
      text('59.9 %'),
    );
    expect(calcRuns({ of: 'faultInjection.runs', p: '0.05' })).toEqual(text('59'));
    expect(calcRuns({ of: 'faultInjection.runs', p: '0.01', confidence: '0.99' })).toEqual(
      text('459'),
    );
  });

  it('zero-failure bounds', () => {
    expect(calcBound({ of: 'faultInjection.bound', n: '30' })).toEqual(text('9.5 %'));
    expect(calcBound({ of: 'faultInjection.bound', n: '30', metric: 'rule' })).toEqual(
      text('10 %'),
    );
    expect(calcBound({ of: 'faultInjection.bound', n: '3', metric: 'rule' })).toEqual(
      text('100 %'),
    );
    expect(calcBound({ of: 'faultInjection.bound', n: '3' })).toEqual(text('63.2 %'));
    expect(calcBound({ of: 'faultInjection.bound', n: '201', failures: '1' })).toEqual(
      text('2.34 %'),
    );
    expect(
      calcBound({ of: 'faultInjection.bound', n: '201', failures: '1', metric: 'rule' }),
    ).toMatchObject({ problems: ['with failures="…" above 0, only metric="exact" is defined'] });
    expect(calcBound({ of: 'faultInjection.bound', n: '5', failures: '6' })).toMatchObject({
      problems: ['There cannot be more failures than runs'],
    });
    expect(calcBound({ of: 'faultInjection.bound', n: '30', metric: 'approx' })).toEqual(
      text('9.99 %'),
    );
    expect(calcBound({ of: 'faultInjection.bound', n: '30', metric: 'error' })).toEqual(
      text('5.23 %'),
    );
  });

  it('blast radius', () => {
    const base = { of: 'faultInjection.blast', users: '1000', minutes: '30', traffic: '0.01' };
    expect(calcBlast({ ...base, hosts: '0.1' })).toEqual(text('30'));
    expect(calcBlast({ ...base, hosts: '0.1', metric: 'total' })).toEqual(text('30,000'));
    expect(calcBlast({ ...base, hosts: '0.1', requests: '20' })).toEqual(text('264'));
    expect(calcBlast({ ...base, hosts: '0.1', requests: '20', metric: 'requests' })).toEqual(
      text('600'),
    );
    expect(
      calcBlast({ ...base, hosts: '0.1', requests: '20', sampling: 'request', metric: 'chance' }),
    ).toEqual(text('1.98 %'));
    expect(calcBlast({ ...base, hosts: '0.1', requests: '20', sampling: 'request' })).toEqual(
      text('594'),
    );
    expect(calcBlast({ ...base, hosts: '0.1', metric: 'share' })).toEqual(text('0.1 %'));
  });

  it('latency faults', () => {
    const d = { of: 'faultInjection.delay', median: '100', p99: '1000' };
    expect(calcDelay({ ...d, threshold: '500' })).toEqual(text('5.2 %'));
    expect(calcDelay({ ...d, metric: 'mean' })).toEqual(text('163 ms'));
    expect(calcDelay({ ...d, metric: 'quantile', q: '0.999' })).toEqual(text('2.13 s'));
  });

  it('abort thresholds', () => {
    const a = {
      of: 'faultInjection.abort',
      requests: '500',
      baseline: '0.002',
      fault: '0.02',
      at: '6',
      checks: '60',
    };
    expect(calcAbort(a)).toEqual(text('3.43 %'));
    expect(calcAbort({ ...a, metric: 'false-check' })).toEqual(text('0.0582 %'));
    expect(calcAbort({ ...a, metric: 'detect' })).toEqual(text('93.5 %'));
    expect(calcAbort({ ...a, metric: 'checks' })).toEqual(text('1.07'));
    expect(calcAbort({ ...a, metric: 'errors' })).toEqual(text('10.7'));
  });

  it('explains bad attributes in words', () => {
    expect(calcRuns({ of: 'faultInjection.runs', p: '0' })).toEqual({
      ok: false,
      problems: ['p is 0: a failure that never happens is never seen, however many runs'],
    });
    expect(calcDetect({ of: 'faultInjection.detect', p: '0.1' })).toEqual({
      ok: false,
      problems: ['needs n="…"'],
    });
    expect(calcDetect({ of: 'faultInjection.detect', p: '2', n: '3' })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('p must be a probability')],
    });
    expect(calcBound({ of: 'faultInjection.bound', n: '0' })).toMatchObject({
      problems: ['n must be a whole number at least 1, not "0"'],
    });
    expect(calcBound({ of: 'faultInjection.bound', n: '5', metric: 'best' })).toMatchObject({
      problems: [expect.stringContaining('metric must be one of exact')],
    });
    expect(
      calcBlast({ of: 'faultInjection.blast', users: '10', minutes: '5', traffic: '0.1' }),
    ).toMatchObject({ problems: ['needs hosts="…"'] });
    expect(
      calcBlast({
        of: 'faultInjection.blast',
        users: '10',
        minutes: '5',
        traffic: '0.1',
        hosts: '0.1',
        sampling: 'host',
      }),
    ).toMatchObject({ problems: [expect.stringContaining('sampling must be one of user')] });
    expect(
      calcDelay({ of: 'faultInjection.delay', median: '100', p99: '1000', metric: 'mean', q: '1' }),
    ).toMatchObject({ problems: ['q="…" only goes with metric="quantile"'] });
    expect(
      calcDelay({ of: 'faultInjection.delay', median: '100', p99: '50', threshold: '10' }),
    ).toMatchObject({ problems: [expect.stringContaining('above the median')] });
    expect(
      calcAbort({
        of: 'faultInjection.abort',
        requests: '500',
        baseline: '0.02',
        fault: '0.01',
        at: '3',
        checks: '10',
        colour: 'red',
      }),
    ).toMatchObject({ problems: [expect.stringContaining('unknown attribute "colour"')] });
  });

  it('lists every calculation under its name', () => {
    expect(Object.keys(faultInjectionCalculations).sort()).toEqual([
      'faultInjection.abort',
      'faultInjection.blast',
      'faultInjection.bound',
      'faultInjection.delay',
      'faultInjection.detect',
      'faultInjection.runs',
    ]);
  });
});
