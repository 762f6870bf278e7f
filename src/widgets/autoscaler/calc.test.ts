import { describe, expect, it } from 'vitest';
import { calcAutoscaler } from './calc';

const calc = (attrs: Record<string, string>) => calcAutoscaler({ of: 'autoscaler.run', ...attrs });

describe('autoscaler.run', () => {
  it('states the ramp arithmetic of the flash sale', () => {
    // 5× in 10 minutes: 5^(1/10) − 1 = 17.5 % a minute; lag = 5 + 1 minutes.
    expect(calc({ metric: 'growth' })).toEqual({ ok: true, text: '17.5 %' });
    expect(calc({ metric: 'lag' })).toEqual({ ok: true, text: '6 min' });
    // 0.6 × 1.1746^6 = 1.576; (1/0.6)^(1/6) − 1 = 8.9 %.
    expect(calc({ metric: 'rampUtilisation' })).toEqual({ ok: true, text: '157.6 %' });
    expect(calc({ metric: 'followableGrowth' })).toEqual({ ok: true, text: '8.9 %' });
    expect(calc({ metric: 'peakReplicas' })).toEqual({ ok: true, text: '167' });
  });

  it('states a strategy’s outcome, with the widget’s overrides', () => {
    const reactive = calc({ metric: 'unservedShare' });
    const predictive = calc({ strategy: 'predictive', metric: 'unservedShare' });
    expect(reactive.ok && predictive.ok).toBe(true);
    expect(calc({ preset: 'slow-ramp', metric: 'unservedShare' })).toEqual({
      ok: true,
      text: '0 %',
    });
    expect(calc({ delayMin: '0', metric: 'lag' })).toEqual({ ok: true, text: '1 min' });
  });

  it('explains bad attributes in words', () => {
    expect(calc({ strategy: 'psychic', metric: 'luck', target: '2' })).toEqual({
      ok: false,
      problems: [
        'strategy must be one of reactive, stabilised, predictive, not "psychic"',
        expect.stringMatching(/^metric must be one of unservedShare, .*, not "luck"$/),
        'The target utilisation must be at most 0.95',
      ],
    });
  });
});
