import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availabilityFromDowntime,
  availabilityToNines,
  chain,
  commonCause,
  complement,
  conditional,
  dependenceRatio,
  downtimeFromUnavailability,
  downtimeSeconds,
  kOfN,
  majority,
  ninesToAvailability,
  parallel,
  PERIOD_SECONDS,
  quorumAcrossDomains,
  quorumAfterDomainLoss,
  quorumAvailability,
  series,
  sharedDependency,
  toleratedFailures,
} from './availability.ts';
import type { FormulaResult } from './availability.ts';

function value<T>(r: FormulaResult<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function reason<T>(r: FormulaResult<T>): string {
  if (r.ok) throw new Error('expected a problem');
  return r.reason;
}

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const openProb = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });

describe('probability basics', () => {
  it('complement', () => {
    expect(value(complement(0.999))).toBeCloseTo(0.001, 15);
    expect(value(complement(0))).toBe(1);
    expect(reason(complement(1.5))).toMatch(/probability from 0 to 1/);
  });

  it('conditional probability from a joint one', () => {
    // 1,000 days of logs: A down on 10, both down on 6 → P(B | A) = 0.006 / 0.01 = 0.6.
    expect(value(conditional(0.006, 0.01))).toBeCloseTo(0.6, 12);
    expect(reason(conditional(0.02, 0.01))).toMatch(/cannot exceed P\(A\)/);
    expect(reason(conditional(0, 0))).toMatch(/never happens/);
    expect(reason(conditional(Number.NaN, 0.5))).toMatch(/probability/);
  });

  it('the chain rule multiplies conditional probabilities (the seed added them)', () => {
    // P(A) = 0.001, P(B | A) = 0.6, P(C | A, B) = 0.8 → all three: 0.00048, not 1.401.
    expect(value(chain([0.001, 0.6, 0.8]))).toBeCloseTo(0.00048, 15);
    expect(value(chain([0.001, 0.001, 0.001]))).toBeCloseTo(1e-9, 20);
    expect(reason(chain([]))).toMatch(/at least one/);
    expect(reason(chain([0.5, 1.2]))).toMatch(/factor\[1\]/);
  });

  it('a product of probabilities never exceeds its smallest factor', () => {
    fc.assert(
      fc.property(fc.array(prob, { minLength: 1, maxLength: 8 }), (ps) => {
        const p = value(chain(ps));
        return p >= 0 && p <= Math.min(...ps) + 1e-15;
      }),
    );
  });

  it('the dependence ratio: 1 for independent events, 50 for the log example', () => {
    expect(value(dependenceRatio(0.01 * 0.012, 0.01, 0.012))).toBeCloseTo(1, 12);
    expect(value(dependenceRatio(0.006, 0.01, 0.012))).toBeCloseTo(50, 10);
    expect(reason(dependenceRatio(0.02, 0.01, 0.5))).toMatch(/cannot exceed/);
    expect(reason(dependenceRatio(0.1, 0.9, 0.9))).toMatch(/too small/);
    expect(reason(dependenceRatio(0, 0, 0.5))).toMatch(/above 0/);
  });
});

describe('series and parallel', () => {
  it('five services at 99.9 % in series', () => {
    const r = value(series([0.999, 0.999, 0.999, 0.999, 0.999]));
    expect(r.availability).toBeCloseTo(0.995009990004999, 14);
    expect(r.unavailability).toBeCloseTo(1 - 0.995009990004999, 14);
  });

  it('keeps the digits of a tiny series unavailability', () => {
    const r = value(series([1 - 1e-12, 1 - 2e-12]));
    expect(r.unavailability / 3e-12).toBeCloseTo(1, 3);
    expect(value(series([0.5, 0])).unavailability).toBe(1);
  });

  it('two copies at 99 % in parallel: 99.99 %', () => {
    const r = value(parallel([0.99, 0.99]));
    expect(r.unavailability).toBeCloseTo(1e-4, 15);
    expect(r.availability).toBeCloseTo(0.9999, 15);
    expect(value(parallel([0.999, 0.999, 0.999])).unavailability).toBeCloseTo(1e-9, 20);
  });

  it('series is never better than its weakest part; parallel never worse than its best', () => {
    fc.assert(
      fc.property(fc.array(prob, { minLength: 1, maxLength: 8 }), (as) => {
        const s = value(series(as));
        const p = value(parallel(as));
        return (
          s.availability <= Math.min(...as) + 1e-12 &&
          p.availability >= Math.max(...as) - 1e-12 &&
          Math.abs(s.availability + s.unavailability - 1) < 1e-12 &&
          Math.abs(p.availability + p.unavailability - 1) < 1e-12
        );
      }),
    );
  });

  it('rejects empty and impossible inputs', () => {
    expect(reason(series([]))).toMatch(/at least one/);
    expect(reason(parallel([0.9, 99.9]))).toMatch(/availability\[1\] must be a probability/);
  });
});

describe('k-of-n', () => {
  it('2 of 3 at 99 %: 3p²(1 − p) + p³', () => {
    const r = value(kOfN(2, 3, 0.99));
    expect(r.availability).toBeCloseTo(3 * 0.99 ** 2 * 0.01 + 0.99 ** 3, 14);
    expect(r.availability).toBeCloseTo(0.999702, 12);
    expect(r.unavailability).toBeCloseTo(2.98e-4, 15);
  });

  it('1 of n is parallel, n of n is series', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), prob, (n, p) => {
        const copies = Array.from({ length: n }, () => p);
        const one = value(kOfN(1, n, p));
        const all = value(kOfN(n, n, p));
        return (
          Math.abs(one.availability - value(parallel(copies)).availability) < 1e-12 &&
          Math.abs(all.availability - value(series(copies)).availability) < 1e-12 &&
          Math.abs(one.availability + one.unavailability - 1) < 1e-12
        );
      }),
    );
  });

  it('needing more copies up never helps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 15 }), prob, (n, p) => {
        let previous = 1 + 1e-12;
        for (let k = 1; k <= n; k++) {
          const a = value(kOfN(k, n, p)).availability;
          if (a > previous + 1e-12) return false;
          previous = a;
        }
        return true;
      }),
    );
  });

  it('rejects bad k, n and p', () => {
    expect(reason(kOfN(4, 3, 0.9))).toBe('k must be at most 3');
    expect(reason(kOfN(0, 3, 0.9))).toBe('k must be at least 1');
    expect(reason(kOfN(1, 2.5, 0.9))).toBe('n must be a whole number');
    expect(reason(kOfN(1, 3, -0.1))).toMatch(/p must be a probability/);
  });
});

describe('nines and downtime budgets', () => {
  it('99.9 % per year, per month of 30.44 days and per 30 days', () => {
    expect(value(downtimeSeconds(0.999, 'year')) / 3600).toBeCloseTo(8.766, 9);
    expect(value(downtimeSeconds(0.999, 'month')) / 60).toBeCloseTo(43.83, 9);
    expect(value(downtimeSeconds(0.999, '30days')) / 60).toBeCloseTo(43.2, 9);
    expect(value(downtimeSeconds(0.999, 'week')) / 60).toBeCloseTo(10.08, 9);
    expect(value(downtimeSeconds(0.99999, 'year')) / 60).toBeCloseTo(5.2596, 9);
    expect(PERIOD_SECONDS.month * 12).toBeCloseTo(PERIOD_SECONDS.year, 6);
  });

  it('downtime from an unavailability keeps its digits', () => {
    expect(value(downtimeFromUnavailability(1e-9, 'year'))).toBeCloseTo(0.0315576, 12);
    expect(reason(downtimeFromUnavailability(2, 'year'))).toMatch(/unavailability/);
  });

  it('from downtime back to availability', () => {
    expect(value(availabilityFromDowntime(43.2 * 60, '30days'))).toBeCloseTo(0.999, 12);
    expect(reason(availabilityFromDowntime(-1, 'day'))).toMatch(/between 0 and the whole day/);
    expect(reason(availabilityFromDowntime(1e9, 'week'))).toMatch(/between 0/);
  });

  it('nines both ways', () => {
    expect(value(ninesToAvailability(3))).toBeCloseTo(0.999, 15);
    expect(value(ninesToAvailability(5))).toBeCloseTo(0.99999, 15);
    expect(value(availabilityToNines(0.9995))).toBeCloseTo(3.30103, 5);
    expect(value(availabilityToNines(0.99))).toBeCloseTo(2, 12);
    expect(reason(availabilityToNines(1))).toMatch(/infinitely many nines/);
    expect(reason(ninesToAvailability(-1))).toMatch(/from 0 to 15/);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (n) => {
        return Math.abs(value(availabilityToNines(value(ninesToAvailability(n)))) - n) < 1e-6;
      }),
    );
  });
});

describe('common-cause failure: the beta-factor model', () => {
  it('a pair at q = 1 %, β = 10 %: about 10.8 times the independence estimate', () => {
    const r = value(commonCause(0.01, 0.1, 2));
    expect(r.pCommon).toBeCloseTo(0.001, 15);
    expect(r.pOwn).toBeCloseTo(0.009 / 0.999, 15);
    // 0.001 + 0.999 × (0.009 / 0.999)² = 0.001 + 0.000081 / 0.999
    expect(r.pAllDown).toBeCloseTo(0.001 + 0.000081 / 0.999, 15);
    expect(r.pApprox).toBeCloseTo(0.001081, 15);
    expect(r.pIndependent).toBeCloseTo(1e-4, 15);
    expect(r.ratio).toBeCloseTo(10.8108108, 6);
    expect(r.availability + r.unavailability).toBeCloseTo(1, 15);
  });

  it('about 100 times worse for a pair at q = 0.1 %, about 1,000 times for three copies at 1 %', () => {
    expect(value(commonCause(0.001, 0.1, 2)).ratio).toBeCloseTo(100.8, 1);
    expect(value(commonCause(0.01, 0.1, 3)).ratio).toBeCloseTo(1000.73, 1);
  });

  it('each copy is still down with probability exactly q', () => {
    fc.assert(
      fc.property(openProb, prob, (q, beta) => {
        const { pCommon, pOwn } = value(commonCause(q, beta, 2));
        return Math.abs(1 - (1 - pCommon) * (1 - pOwn) - q) < 1e-12;
      }),
    );
  });

  it('β = 0 is independence; β = 1 is one copy; more copies never go below β·q', () => {
    fc.assert(
      fc.property(openProb, fc.integer({ min: 1, max: 10 }), prob, (q, n, beta) => {
        const independent = value(commonCause(q, 0, n));
        const single = value(commonCause(q, 1, n));
        const r = value(commonCause(q, beta, n));
        return (
          Math.abs(independent.pAllDown - q ** n) <= 1e-12 * Math.max(1, q ** n) &&
          Math.abs(single.pAllDown - q) < 1e-12 &&
          r.pAllDown >= beta * q - 1e-15 &&
          r.pAllDown <= q + 1e-12 &&
          r.pAllDown >= q ** n - 1e-15
        );
      }),
    );
  });

  it('is a hidden shared dependency: the common cause in series with independent copies', () => {
    fc.assert(
      fc.property(openProb, prob, fc.integer({ min: 1, max: 6 }), (q, beta, n) => {
        const r = value(commonCause(q, beta, n));
        const shared = value(sharedDependency(1 - r.pCommon, 1 - r.pOwn, n));
        return Math.abs(shared.unavailability - r.pAllDown) < 1e-12;
      }),
    );
  });

  it('rejects bad input in words', () => {
    expect(reason(commonCause(0, 0.1, 2))).toMatch(/never fail/);
    expect(reason(commonCause(0.01, 1.1, 2))).toMatch(/β must be a probability/);
    expect(reason(commonCause(0.01, 0.1, 0))).toBe('n must be at least 1');
  });
});

describe('a shared dependency', () => {
  it('two 99.9 % copies behind one 99.95 % DNS', () => {
    const r = value(sharedDependency(0.9995, 0.999, 2));
    expect(r.availability).toBeCloseTo(0.9995 * (1 - 1e-6), 14);
    expect(r.unavailability).toBeCloseTo(1 - 0.9995 * 0.999999, 14);
    expect(reason(sharedDependency(1.2, 0.9, 2))).toMatch(/shared dependency/);
  });
});

describe('majority quorums', () => {
  it('majority and tolerated failures', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].map((n) => [
      n,
      value(majority(n)),
      value(toleratedFailures(n)),
    ]);
    expect(rows).toEqual([
      [1, 1, 0],
      [2, 2, 0],
      [3, 2, 1],
      [4, 3, 1],
      [5, 3, 2],
      [6, 4, 2],
      [7, 4, 3],
    ]);
    expect(reason(majority(0))).toBe('n must be at least 1');
  });

  it('p = 0.99: 3 nodes ≈ 0.999702, 4 nodes ≈ 0.999408, 5 nodes ≈ 0.99999015', () => {
    expect(value(quorumAvailability(1, 0.99)).availability).toBeCloseTo(0.99, 15);
    expect(value(quorumAvailability(3, 0.99)).unavailability).toBeCloseTo(2.98e-4, 15);
    // 4 nodes need 3 up: U = q⁴ + 4pq³ + 6p²q² = 1e-8 + 3.96e-6 + 5.8806e-4.
    expect(value(quorumAvailability(4, 0.99)).unavailability).toBeCloseTo(5.9203e-4, 15);
    // 5 nodes need 3 up: U = q⁵ + 5pq⁴ + 10p²q³ = 1e-10 + 4.95e-8 + 9.801e-6.
    const five = value(quorumAvailability(5, 0.99));
    expect(five.unavailability).toBeCloseTo(9.8506e-6, 15);
    expect(five.availability).toBeCloseTo(0.9999901494, 12);
  });

  it('an even cluster is never more available than the odd one below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), openProb, (half, p) => {
        const odd = value(quorumAvailability(2 * half - 1, p)).availability;
        const even = value(quorumAvailability(2 * half, p)).availability;
        return even <= odd + 1e-12;
      }),
    );
  });

  it('across failure domains: one zone, three zones, and perfect zones', () => {
    const q3 = value(quorumAvailability(3, 0.99)).availability;
    expect(value(quorumAcrossDomains([3], 0.999, 0.99)).availability).toBeCloseTo(0.999 * q3, 14);
    const spread = value(quorumAcrossDomains([1, 1, 1], 0.999, 0.99)).availability;
    expect(spread).toBeCloseTo(value(quorumAvailability(3, 0.999 * 0.99)).availability, 14);
    // Two zones, 2 + 1: losing the zone with two loses the majority.
    const twoZones = value(quorumAcrossDomains([2, 1], 0.999, 0.99)).availability;
    const byHand = 0.999 * 0.999 * q3 + 0.999 * 0.001 * 0.99 ** 2; // only the 2-node zone up
    expect(twoZones).toBeCloseTo(byHand, 14);
    expect(spread).toBeGreaterThan(twoZones);
    // …and is even a little worse than one zone: either zone's loss now hurts.
    expect(twoZones).toBeLessThan(value(quorumAcrossDomains([3], 0.999, 0.99)).availability);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        openProb,
        (layout, p) => {
          const n = layout.reduce((a, b) => a + b, 0);
          const r = value(quorumAcrossDomains(layout, 1, p));
          return (
            Math.abs(r.availability - value(quorumAvailability(n, p)).availability) < 1e-12 &&
            Math.abs(r.availability + r.unavailability - 1) < 1e-12
          );
        },
      ),
    );
  });

  it('rejects bad layouts', () => {
    expect(reason(quorumAcrossDomains([], 0.9, 0.9))).toMatch(/at least one failure domain/);
    expect(reason(quorumAcrossDomains([2, 0], 0.9, 0.9))).toBe(
      'nodes in domain 2 must be at least 1',
    );
    expect(reason(quorumAcrossDomains([1], 2, 0.9))).toMatch(/domainUp/);
    expect(
      reason(
        quorumAcrossDomains(
          Array.from({ length: 21 }, () => 1),
          0.9,
          0.9,
        ),
      ),
    ).toMatch(/at most 20/);
  });
});

describe('quorumAfterDomainLoss', () => {
  const keeps = (layout: number[]) =>
    value(quorumAfterDomainLoss(layout)).map((d) => [d.remaining, d.keepsQuorum]);

  it('the lesson’s placements', () => {
    // 2 + 2 + 1: any one zone lost leaves 3 or 4 of 5, a majority.
    expect(keeps([2, 2, 1])).toEqual([
      [3, true],
      [3, true],
      [4, true],
    ]);
    // 3 + 1 + 1: losing the zone with three leaves 2 of 5.
    expect(keeps([3, 1, 1])).toEqual([
      [2, false],
      [4, true],
      [4, true],
    ]);
    // 2 + 1: losing the zone with two leaves 1 of 3; one zone alone leaves nothing.
    expect(keeps([2, 1])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(keeps([3])).toEqual([[0, false]]);
    // Two nodes in two zones: the majority of 2 is 2, so either loss stops it.
    expect(keeps([1, 1])).toEqual([
      [1, false],
      [1, false],
    ]);
    expect(value(quorumAfterDomainLoss([2, 2, 1]))[0]!.majority).toBe(3);
  });

  it('a domain can be lost exactly when it holds less than half the nodes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        (layout) => {
          const n = layout.reduce((a, b) => a + b, 0);
          for (const d of value(quorumAfterDomainLoss(layout)))
            expect(d.keepsQuorum).toBe(2 * d.lost < n);
        },
      ),
    );
  });

  it('explains bad layouts in words', () => {
    const r = quorumAfterDomainLoss([]);
    expect(r.ok ? '' : r.reason).toMatch(/at least one failure domain/);
    const s = quorumAfterDomainLoss([2, 0]);
    expect(s.ok ? '' : s.reason).toMatch(/nodes in domain 2 must be at least 1/);
  });
});
