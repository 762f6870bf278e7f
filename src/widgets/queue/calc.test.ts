import { describe, expect, it } from 'vitest';
import { calcMg1, calcMmc, calcServers } from './calc';

describe('lesson calculations about queues', () => {
  const day = { of: 'queue.mmc', lambda: '1000', service: '0.02', servers: '25' };

  it('formats each M/M/c metric in its own unit', () => {
    expect(calcMmc({ ...day, metric: 'rho' })).toEqual({ ok: true, text: '80.0 %' });
    expect(calcMmc({ ...day, metric: 'pWait' })).toEqual({ ok: true, text: '20.9 %' });
    expect(calcMmc({ ...day, metric: 'Wq' })).toEqual({ ok: true, text: '0.836 ms' });
    expect(calcMmc({ ...day, metric: 'Lq' })).toEqual({ ok: true, text: '0.836' });
    expect(calcMmc({ ...day, metric: 'W' })).toEqual({ ok: true, text: '20.8 ms' });
    expect(calcMmc({ ...day, metric: 'waitP99' })).toEqual({ ok: true, text: '12.2 ms' });
    // M/M/3, λ = 2, μ = 1: Lq = 8/9.
    expect(
      calcMmc({ of: 'queue.mmc', lambda: '2', service: '1', servers: '3', metric: 'Lq' }),
    ).toEqual({ ok: true, text: '0.889' });
  });

  it('M/G/1 and the server planner', () => {
    const mg1 = { of: 'queue.mg1', lambda: '35', service: '0.02', metric: 'Wq' };
    expect(calcMg1({ ...mg1, cv: '0' })).toEqual({ ok: true, text: '23.3 ms' });
    expect(calcMg1({ ...mg1, cv: '2' })).toEqual({ ok: true, text: '117 ms' });
    expect(
      calcServers({ of: 'queue.servers', lambda: '5000', service: '0.02', waitP99: '0.05' }),
    ).toEqual({ ok: true, text: '102' });
    // 36 million servers' worth of work: answered at once, in words.
    expect(
      calcServers({ of: 'queue.servers', lambda: '10000', service: '3600', waitP99: '0.05' }),
    ).toEqual({
      ok: false,
      problems: ['needs more than 100,000 servers, the most the planner searches'],
    });
  });

  it('explains bad attributes in words', () => {
    expect(calcMmc({ ...day, metric: 'speed' })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('metric must be one of')],
    });
    expect(calcMmc({ ...day, servers: '2.5', metric: 'L' })).toMatchObject({
      problems: ['servers must be a whole number'],
    });
    expect(calcMmc({ ...day, lambda: 'lots', colour: 'red', metric: 'L' })).toMatchObject({
      problems: [
        expect.stringContaining('unknown attribute "colour"'),
        'lambda must be a positive number, not "lots"',
      ],
    });
    expect(calcMg1({ of: 'queue.mg1', lambda: '1', service: '1', metric: 'W' })).toMatchObject({
      problems: [expect.stringContaining('cv must be')],
    });
    expect(
      calcServers({ of: 'queue.servers', lambda: '1', service: '1', Wq: '1', pWait: '0.1' }),
    ).toMatchObject({ problems: [expect.stringContaining('exactly one target')] });
  });
});
