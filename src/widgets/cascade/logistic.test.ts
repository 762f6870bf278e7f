import { describe, expect, it } from 'vitest';
import { fixedPointExponent, lyapunovExponent } from '../../formulas/cascade';
import { logisticRun, pairExponent } from './logistic';

describe('the Lyapunov exponent measured from two nearby runs', () => {
  it('agrees with lyapunovExponent at r = 3.9 (about 0.49), inside its interval', () => {
    const formula = lyapunovExponent(3.9, 0.2);
    const pair = pairExponent(3.9, 0.2, 1e-10);
    expect(formula.ok && pair.ok).toBe(true);
    if (!formula.ok || !pair.ok) return;
    expect(formula.value).toBeGreaterThan(0.48);
    expect(formula.value).toBeLessThan(0.51);
    expect(pair.value.low).toBeLessThanOrEqual(formula.value);
    expect(pair.value.high).toBeGreaterThanOrEqual(formula.value);
  });

  it('is ln 0.8 at r = 2.8 and ln 2 at r = 4, the closed forms', () => {
    const fixed = fixedPointExponent(2.8);
    const at28 = pairExponent(2.8, 0.2, 1e-10);
    expect(fixed.ok && at28.ok && Math.abs(at28.value.mean - fixed.value)).toBeLessThan(1e-4);
    const at4 = pairExponent(4, 0.2, 1e-10);
    expect(at4.ok && Math.abs(at4.value.mean - Math.log(2))).toBeLessThan(0.01);
  });

  it('belongs to r, not to the start: other starts give the same value within 0.01', () => {
    const run = logisticRun(3.9, 0.2, 1e-10);
    expect(run.pair.ok).toBe(true);
    if (!run.pair.ok) return;
    for (const s of run.starts) expect(Math.abs(s.value! - run.pair.value.mean)).toBeLessThan(0.01);
  });

  it('shows two runs a hair apart parting within the chart at r = 3.9, and not at r = 2.8', () => {
    const chaotic = logisticRun(3.9, 0.2, 1e-10);
    expect(chaotic.apartAt).not.toBeNull();
    expect(chaotic.apartAt!).toBeGreaterThan(20);
    expect(chaotic.distance[chaotic.apartAt!]!).toBeGreaterThan(0.1);
    expect(logisticRun(2.8, 0.2, 1e-10).apartAt).toBeNull();
  });

  it('is very negative at the superstable r = 2 from both measurements (the true value is −∞)', () => {
    const pair = pairExponent(2, 0.2, 1e-10);
    expect(pair.ok && pair.value.mean).toBeLessThan(-10);
    const formula = lyapunovExponent(2, 0.2);
    expect(formula.ok && formula.value).toBeLessThan(-10);
  });

  it('measures ln r from the start x₀ = 0, the measure-zero exception, like the formula', () => {
    const pair = pairExponent(3.9, 0, 1e-10);
    expect(pair.ok && Math.abs(pair.value.mean - Math.log(3.9))).toBeLessThan(1e-6);
  });
});
