import { describe, expect, it } from 'vitest';
import { fromDirective } from './directive';
import { autoscalerSchema, presets } from './params';

describe('autoscaler directive', () => {
  it('every preset is valid', () => {
    for (const [name, preset] of Object.entries(presets)) {
      expect(autoscalerSchema.safeParse(preset.params).success, name).toBe(true);
    }
  });

  it('defaults to the flash sale and applies overrides in the model’s units', () => {
    expect(fromDirective({ type: 'autoscaler', delayMin: '2', target: '0.7', seed: '4' })).toEqual({
      ok: true,
      presetName: 'flash-sale',
      params: { ...presets['flash-sale'].params, delayMin: 2, target: 0.7 },
      seed: 4,
    });
  });

  it('explains every problem in words, the min/max clash included', () => {
    const r = fromDirective({
      type: 'autoscaler',
      preset: 'slow-ramp',
      target: '60',
      minReplicas: '50',
      maxReplicas: '20',
      speed: 'fast',
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^unknown attribute "speed"/),
        'The target utilisation must be at most 0.95',
        'The maximum (20) must be at least the minimum (50)',
      ],
    });
  });
});
