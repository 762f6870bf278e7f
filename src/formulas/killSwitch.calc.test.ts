import { describe, expect, it } from 'vitest';
import { calcPropagation } from './killSwitch.calc';

describe('killSwitch.propagation', () => {
  it('gives the fleet’s mean, T/2 + nP/(n + 1), and the other metrics', () => {
    expect(calcPropagation({ hosts: '20', ttl: '60', poll: '30' })).toEqual({
      ok: true,
      text: '58.6 s',
    });
    expect(calcPropagation({ hosts: '20', ttl: '60', poll: '30', metric: 'hostMean' })).toEqual({
      ok: true,
      text: '45 s',
    });
    expect(calcPropagation({ hosts: '1', poll: '30', metric: 'worst' })).toEqual({
      ok: true,
      text: '30 s',
    });
  });

  it('names what is wrong', () => {
    expect(calcPropagation({ hosts: '0', poll: '30' })).toEqual({
      ok: false,
      problems: ['hosts must be a whole number at least 1, not "0"'],
    });
    expect(calcPropagation({ hosts: '3', poll: '30', metric: 'p42' }).ok).toBe(false);
  });
});
