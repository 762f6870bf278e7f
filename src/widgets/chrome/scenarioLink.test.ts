import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Validation } from '../../sim/model';
import { decodeScenario, encodeScenario } from './scenarioLink';

interface P {
  rate: number;
  label: string;
}
const validate = (p: unknown): Validation<P> => {
  if (typeof p !== 'object' || p === null)
    return { ok: false, message: 'settings must be an object' };
  const { rate, label } = p as Record<string, unknown>;
  if (typeof rate !== 'number' || rate <= 0) return { ok: false, message: 'rate must be above 0' };
  if (typeof label !== 'string') return { ok: false, message: 'label must be text' };
  return { ok: true, params: { rate, label } };
};

describe('scenario links', () => {
  it('round-trips any valid params and seed exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.string(),
        fc.integer({ min: 0, max: 0xffffffff }),
        (rate, label, seed) => {
          const search = encodeScenario('cb', { params: { rate, label }, seed });
          const decoded = decodeScenario(new URLSearchParams(search.toString()), 'cb', validate);
          expect(decoded).toEqual({ kind: 'ok', scenario: { params: { rate, label }, seed } });
        },
      ),
    );
  });

  it('ignores links meant for another widget', () => {
    const search = encodeScenario('other', { params: { rate: 1, label: '' }, seed: 1 });
    expect(decodeScenario(search, 'cb', validate)).toEqual({ kind: 'none' });
  });

  it.each([
    ['w=cb&seed=1', /incomplete/],
    ['w=cb&seed=-1&p=e30', /seed is not a whole number/],
    ['w=cb&seed=99999999999&p=e30', /seed is not a whole number/],
    ['w=cb&seed=1.5&p=e30', /seed is not a whole number/],
    ['w=cb&seed=1&p=%3Cscript%3E', /damaged/],
    ['w=cb&seed=1&p=bm90IGpzb24', /damaged/],
    ['w=cb&seed=1&p=e30', /not valid: rate must be above 0/],
  ])('rejects %s with a message', (query, message) => {
    const decoded = decodeScenario(new URLSearchParams(query), 'cb', validate);
    expect(decoded.kind).toBe('invalid');
    expect(decoded.kind === 'invalid' && decoded.message).toMatch(message);
  });

  it.each(['null', '[]', '1', '"str"', 'true'])(
    'refuses settings that are not an object (%s) before the widget sees them',
    (json) => {
      const seen: unknown[] = [];
      const destructuring = (p: unknown): Validation<P> => {
        seen.push(p);
        return validate(p);
      };
      const p = btoa(json).replace(/=+$/, '');
      const decoded = decodeScenario(
        new URLSearchParams({ w: 'cb', seed: '1', p }),
        'cb',
        destructuring,
      );
      expect(decoded).toEqual({
        kind: 'invalid',
        message: 'The link’s settings are damaged or not from this workbook.',
      });
      expect(seen).toEqual([]);
    },
  );

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (seed, p) => {
        const decoded = decodeScenario(new URLSearchParams({ w: 'cb', seed, p }), 'cb', validate);
        expect(['ok', 'invalid']).toContain(decoded.kind);
      }),
    );
  });
});
