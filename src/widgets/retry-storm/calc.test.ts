import { describe, expect, it } from 'vitest';
import { calcStorm } from './calc';
import { presets } from './params';
import { noJitterWaves } from './simulate';

describe('retry-storm.run', () => {
  it('states the no-jitter outcome the waves work out', () => {
    const waves = noJitterWaves(presets['thundering-herd'].params);
    expect(waves.succeeded).toBe(300);
    expect(calcStorm({ of: 'retry-storm.run', metric: 'succeeded' })).toEqual({
      ok: true,
      text: '300',
    });
    expect(calcStorm({ of: 'retry-storm.run', metric: 'servedShare' })).toEqual({
      ok: true,
      text: '15.0 %',
    });
    expect(calcStorm({ of: 'retry-storm.run', metric: 'lastServed' })).toEqual({
      ok: true,
      text: '22.7 s',
    });
    expect(calcStorm({ of: 'retry-storm.run', metric: 'amplification' })).toEqual({
      ok: true,
      text: '8.85×',
    });
  });

  it('takes the widget’s overrides and a jitter', () => {
    const r = calcStorm({
      of: 'retry-storm.run',
      preset: 'ample-capacity',
      jitter: 'none',
      metric: 'lastServed',
    });
    expect(r).toEqual({ ok: true, text: '6.3 s' });
    const blip = calcStorm({ of: 'retry-storm.run', outageS: '600', metric: 'medianServed' });
    expect(blip).toEqual({ ok: true, text: 'nobody was served, so there is no median' });
  });

  it('explains bad attributes in words', () => {
    expect(
      calcStorm({ of: 'retry-storm.run', jitter: 'some', metric: 'speed', clients: '0' }),
    ).toEqual({
      ok: false,
      problems: [
        'jitter must be one of none, full, equal, decorrelated, not "some"',
        'metric must be one of succeeded, servedShare, gaveUp, attempts, amplification, rejected, peakWindow, perWindow, medianServed, p95Served, lastServed, not "speed"',
        'The number of clients must be at least 1',
      ],
    });
  });
});
