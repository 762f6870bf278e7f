import { describe, expect, it } from 'vitest';
import { fromDirective } from './directive';
import { MAX_ARRIVALS, presets, queueParamsSchema } from './params';

describe('queue presets and lesson directive', () => {
  it('every preset is valid and within the arrival budget', () => {
    for (const [name, preset] of Object.entries(presets)) {
      expect(queueParamsSchema.safeParse(preset.params).success, name).toBe(true);
      expect(preset.params.lambda * preset.params.durationS).toBeLessThanOrEqual(MAX_ARRIVALS);
    }
  });

  it('applies overrides on top of a preset', () => {
    const r = fromDirective({
      type: 'queue',
      preset: 'normal-day',
      servers: '22',
      room: '40',
      service: 'deterministic',
      seed: '9',
    });
    expect(r).toMatchObject({
      ok: true,
      seed: 9,
      params: { servers: 22, room: 40, service: 'deterministic', lambda: 1000 },
    });
    expect(fromDirective({ type: 'queue', preset: 'full-room', room: 'none' })).toMatchObject({
      ok: true,
      params: { room: null },
    });
  });

  it('reports every problem in words', () => {
    const r = fromDirective({ type: 'queue', preset: 'normal-day', servers: 'many', speed: '3' });
    expect(r).toEqual({
      ok: false,
      problems: [
        expect.stringContaining('unknown attribute "speed"'),
        'servers must be a number, not "many"',
      ],
    });
    expect(fromDirective({ type: 'queue', preset: 'black-friday' })).toMatchObject({
      problems: [expect.stringContaining('unknown preset "black-friday"')],
    });
    expect(fromDirective({ type: 'queue', room: '3' })).toMatchObject({
      problems: ['The room (3) must hold at least the 25 servers'],
    });
  });
});
