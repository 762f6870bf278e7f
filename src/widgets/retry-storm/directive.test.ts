import { describe, expect, it } from 'vitest';
import { fromDirective } from './directive';
import { presets, retryStormSchema } from './params';

describe('retry storm directive', () => {
  it('every preset is valid', () => {
    for (const [name, preset] of Object.entries(presets)) {
      expect(retryStormSchema.safeParse(preset.params).success, name).toBe(true);
    }
  });

  it('defaults to the thundering herd and applies overrides in the form’s units', () => {
    const r = fromDirective({ type: 'retry-storm', outageS: '2', capMs: '5000', seed: '9' });
    expect(r).toEqual({
      ok: true,
      presetName: 'thundering-herd',
      params: { ...presets['thundering-herd'].params, outageS: 2, capMs: 5000 },
      seed: 9,
    });
  });

  it('explains every problem in words', () => {
    const r = fromDirective({
      type: 'retry-storm',
      preset: 'big-fleet',
      clients: 'lots',
      baseMs: '20000',
      capMs: '1000',
      colour: 'red',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'unknown attribute "colour" (known: type, preset, seed, id, clients, outageS, capacity, retries, baseMs, capMs)',
      'clients must be a number, not "lots"',
      'The cap (1,000 ms) must be at least the base delay (20,000 ms)',
    ]);
    expect(fromDirective({ preset: 'storm' })).toEqual({
      ok: false,
      problems: [
        'unknown preset "storm" (known: thundering-herd, short-blip, big-fleet, ample-capacity)',
      ],
    });
  });
});
