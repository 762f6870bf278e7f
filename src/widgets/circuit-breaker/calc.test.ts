import { describe, expect, it } from 'vitest';
import { calculations } from '../../calc/registry';
import { calcBreaker } from './calc';
import { presets } from './params';
import { simulateAll } from './simulate';

const lab = { of: 'circuit-breaker.run', preset: 'blip-then-outage', seed: '7' } as const;

describe('circuit-breaker.run', () => {
  it('is one of the calculations lessons can name', () => {
    expect(calculations['circuit-breaker.run']).toBe(calcBreaker);
  });

  it('quotes the run the lesson widget shows: with its own settings it trips on the blip', () => {
    const { params, seed } = presets['blip-then-outage'];
    const firstTrip = simulateAll(params, seed).withBreaker.log.find((t) => t.name === 'trip')!;
    expect(firstTrip.at / 1000).toBeGreaterThan(15);
    expect(firstTrip.at / 1000).toBeLessThan(15.3 + 1);
    expect(calcBreaker({ ...lab, metric: 'firstTrip' })).toEqual({ ok: true, text: '15.2 s' });
    expect(calcBreaker({ ...lab, metric: 'tripDelay', fault: '2' })).toEqual({
      ok: true,
      text: '1.3 s',
    });
  });

  it('takes the trip policy a learner sets in the form', () => {
    expect(
      calcBreaker({ ...lab, policy: 'consecutive', threshold: '20', metric: 'firstTrip' }),
    ).toEqual({ ok: true, text: '31.5 s' });
    expect(
      calcBreaker({
        ...lab,
        policy: 'consecutive',
        threshold: '20',
        metric: 'tripDelay',
        fault: '2',
      }),
    ).toEqual({ ok: true, text: '1.53 s' });
    const tenSeconds = {
      ...lab,
      policy: 'time',
      windowS: '10',
      failureRate: '0.5',
      minimumCalls: '20',
    };
    expect(calcBreaker({ ...tenSeconds, metric: 'firstTrip' })).toEqual({
      ok: true,
      text: '35.3 s',
    });
    expect(calcBreaker({ ...tenSeconds, metric: 'tripDelay', fault: '2' })).toEqual({
      ok: true,
      text: '5.29 s',
    });
    // Without policy="…", a setting changes the preset's own policy (a 20-call count window).
    expect(calcBreaker({ ...lab, windowSize: '50', minimumCalls: '20', metric: 'trips' })).toEqual({
      ok: true,
      text: String(
        simulateAll(
          {
            ...presets['blip-then-outage'].params,
            breaker: {
              ...presets['blip-then-outage'].params.breaker,
              policy: { kind: 'count', size: 50, failureRate: 0.5, minimumCalls: 20 },
            },
          },
          7,
        ).withBreaker.log.filter((t) => t.name === 'trip').length,
      ),
    });
  });

  it('says when there is no trip to quote', () => {
    expect(calcBreaker({ ...lab, preset: 'blip', metric: 'tripDelay', windowSize: '50' })).toEqual({
      ok: false,
      problems: [
        'the breaker never trips after fault 1 starts in this run, so there is no time to give',
      ],
    });
  });

  it('explains bad attributes in words', () => {
    expect(
      calcBreaker({
        ...lab,
        policy: 'time',
        threshold: '5',
        windowS: 'ten',
        failureRate: '0.5',
        metric: 'speed',
      }),
    ).toEqual({
      ok: false,
      problems: [
        'metric must be one of firstTrip, tripDelay, trips, not "speed"',
        'threshold does not apply to the time policy (it takes windowS, failureRate, minimumCalls)',
        'windowS must be a number, not "ten"',
        'policy="time" needs minimumCalls="…"',
      ],
    });
    expect(
      calcBreaker({
        ...lab,
        policy: 'count',
        windowSize: '5',
        failureRate: '0.5',
        minimumCalls: '10',
        metric: 'trips',
      }),
    ).toEqual({
      ok: false,
      problems: ['The breaker can never trip: minimum calls (10) is larger than the window (5)'],
    });
    expect(calcBreaker({ ...lab, metric: 'tripDelay', fault: '3' })).toEqual({
      ok: false,
      problems: ["fault must name one of the scenario's 2 faults, not 3"],
    });
    expect(calcBreaker({ ...lab, preset: 'storm', metric: 'trips' })).toEqual({
      ok: false,
      problems: ['unknown preset "storm" (known: outage, slow, flapping, blip, blip-then-outage)'],
    });
  });
});
