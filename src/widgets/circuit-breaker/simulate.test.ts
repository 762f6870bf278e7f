import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logNormalFromMedianP99 } from '../../sim/rng';
import { fromDirective } from './directive';
import { paramsSchema, presets } from './params';
import type { CircuitBreakerParams } from './params';
import { OUTCOME, simulateAll, sumBins } from './simulate';
import type { CircuitBreakerRun } from './simulate';
import { healthyFailureProbability, wilson95 } from './theory';

const names = (run: CircuitBreakerRun) => run.withBreaker.log.map((t) => `${t.from}>${t.to}`);

describe('presets do what their titles promise', () => {
  it('downstream outage: trips, probes, re-opens while down, closes after recovery', () => {
    const { params, seed } = presets.outage;
    const run = simulateAll(params, seed);
    const path = names(run);
    expect(path[0]).toBe('closed>open');
    expect(path).toContain('open>half_open');
    expect(path).toContain('half_open>open');
    expect(path.at(-1)).toBe('half_open>closed');
    // The dependency was down from 30 s to 70 s: it should close again soon after 70 s.
    expect(run.withBreaker.closedAgainAtS).toBeGreaterThan(70);
    expect(run.withBreaker.closedAgainAtS).toBeLessThan(70 + params.breaker.waitMs / 1000 + 2);
    // What the breaker bought: far fewer calls to the dead dependency and fewer user errors.
    const w = run.withBreaker.summary;
    const wo = run.withoutBreaker.summary;
    expect(w.forwardedDuringFaults).toBeLessThan(wo.forwardedDuringFaults / 10);
    expect(w.userErrorRate).toBeLessThan(wo.userErrorRate / 5);
  });

  it('slow, not down: slow calls trip the breaker', () => {
    const run = simulateAll(presets.slow.params, presets.slow.seed);
    expect(names(run)[0]).toBe('closed>open');
    expect(run.withBreaker.log.some((t) => t.reason.startsWith('trial call was slow'))).toBe(true);
  });

  it('flapping dependency: opens again and again', () => {
    const run = simulateAll(presets.flapping.params, presets.flapping.seed);
    expect(names(run).filter((n) => n === 'closed>open').length).toBeGreaterThan(3);
  });

  it('brief blip: rides it out without ever opening', () => {
    const run = simulateAll(presets.blip.params, presets.blip.seed);
    expect(run.withBreaker.log).toEqual([]);
    expect(run.withBreaker.summary.rejected).toBe(0);
  });
});

describe('the lesson task has the answer its reveal gives', () => {
  const { params, seed } = presets['blip-then-outage'];
  const trips = (breaker: Partial<CircuitBreakerParams['breaker']>) =>
    simulateAll({ ...params, breaker: { ...params.breaker, ...breaker } }, seed)
      .withBreaker.log.filter((t) => t.name === 'trip')
      .map((t) => t.at / 1000);

  it('the default settings trip on the blip', () => {
    expect(trips({})[0]).toBeLessThan(16);
  });

  it.each([
    ['20 consecutive failures', { policy: { kind: 'consecutive' as const, threshold: 20 } }],
    [
      'a 50-call window',
      { policy: { kind: 'count' as const, size: 50, failureRate: 0.5, minimumCalls: 20 } },
    ],
    [
      'a 2 s time window',
      { policy: { kind: 'time' as const, windowMs: 2000, failureRate: 0.5, minimumCalls: 20 } },
    ],
  ])('%s rides out the blip and opens within 5 s of the outage', (_name, breaker) => {
    const t = trips(breaker);
    expect(t[0]).toBeGreaterThanOrEqual(30);
    expect(t[0]).toBeLessThan(35);
  });

  it('a 10 s time window is too slow', () => {
    expect(
      trips({ policy: { kind: 'time', windowMs: 10_000, failureRate: 0.5, minimumCalls: 20 } })[0],
    ).toBeGreaterThan(35);
  });
});

describe('the experiment is fair and reproducible', () => {
  it('is a pure function of (params, seed)', () => {
    const a = simulateAll(presets.flapping.params, 123);
    const b = simulateAll(presets.flapping.params, 123);
    expect(b).toEqual(a);
    const c = simulateAll(presets.flapping.params, 124);
    expect(c.withBreaker.summary).not.toEqual(a.withBreaker.summary);
  });

  it('both runs see the same traffic and the same dependency answers', () => {
    const run = simulateAll(presets.outage.params, 9);
    const w = run.withBreaker;
    const wo = run.withoutBreaker;
    expect(wo.arrivalMs).toEqual(w.arrivalMs);
    for (let i = 0; i < w.outcome.length; i++) {
      if (w.outcome[i] === OUTCOME.rejected) continue;
      expect(w.outcome[i]).toBe(wo.outcome[i]);
      expect(w.latencyMs[i]).toBe(wo.latencyMs[i]);
    }
  });

  it('per-second totals add up to the run summary, over any split of the run', () => {
    const run = simulateAll(presets.outage.params, presets.outage.seed);
    const s = run.withBreaker.summary;
    const all = sumBins(run.withBreaker.bins, 0, 10_000);
    expect(all).toMatchObject({
      success: s.successes,
      failure: s.failures,
      timeout: s.timeouts,
      rejected: s.rejected,
      total: s.total,
    });
    expect(all.meanLatencyMs).toBeCloseTo(s.latencyMeanMs, 2);
    const a = sumBins(run.withBreaker.bins, 0, 37);
    const b = sumBins(run.withBreaker.bins, 37, 120);
    expect(a.total + b.total).toBe(s.total);
    expect(sumBins(run.withBreaker.bins, 50, 50)).toMatchObject({ total: 0, meanLatencyMs: 0 });
  });

  it('counts add up, and the state band covers the run without gaps', () => {
    for (const { params, seed } of Object.values(presets)) {
      const run = simulateAll(params, seed);
      for (const s of [run.withBreaker, run.withoutBreaker]) {
        const m = s.summary;
        expect(m.forwarded + m.rejected).toBe(m.total);
        expect(m.successes + m.failures + m.timeouts).toBe(m.forwarded);
        const binned = [s.bins.success, s.bins.failure, s.bins.timeout, s.bins.rejected].reduce(
          (n, b) => n + b.reduce((x, y) => x + y, 0),
          0,
        );
        expect(binned).toBe(m.total);
      }
      const band = run.withBreaker.band;
      expect(band[0]?.fromMs).toBe(0);
      expect(band.at(-1)?.toMs).toBe(params.durationS * 1000);
      for (let i = 1; i < band.length; i++) expect(band[i]?.fromMs).toBe(band[i - 1]?.toMs);
    }
  });
});

describe('simulation agrees with theory', () => {
  const healthy: CircuitBreakerParams = {
    rate: 500,
    durationS: 400,
    medianMs: 80,
    p99Ms: 900,
    baseFailure: 0.02,
    timeoutMs: 600,
    faults: [],
    breaker: { ...presets.outage.params.breaker, enabled: false },
  };

  it('Poisson arrivals: the call count is within 4 standard deviations of λT', () => {
    const run = simulateAll(healthy, 2024);
    const expected = healthy.rate * healthy.durationS;
    expect(Math.abs(run.withoutBreaker.summary.total - expected)).toBeLessThan(
      4 * Math.sqrt(expected),
    );
  });

  it('the error rate users see matches p + (1 − p)·P(latency ≥ timeout), inside the 95 % interval', () => {
    const run = simulateAll(healthy, 2024);
    const { mu, sigma } = logNormalFromMedianP99(healthy.medianMs, healthy.p99Ms);
    const theory = healthyFailureProbability(
      healthy.baseFailure,
      mu,
      sigma,
      healthy.timeoutMs,
      null,
    ).userErrors;
    const s = run.withoutBreaker.summary;
    const ci = wilson95(s.healthyErrors, s.healthyCalls);
    expect(theory).toBeGreaterThan(ci.low);
    expect(theory).toBeLessThan(ci.high);
  });
});

const smallParams: fc.Arbitrary<CircuitBreakerParams> = fc
  .record({
    rate: fc.integer({ min: 5, max: 200 }),
    baseFailure: fc.double({ min: 0, max: 0.5, noNaN: true }),
    waitMs: fc.integer({ min: 200, max: 5000 }),
    trialCalls: fc.integer({ min: 1, max: 5 }),
    threshold: fc.integer({ min: 1, max: 5 }),
    outageStart: fc.integer({ min: 0, max: 20 }),
    outageLength: fc.integer({ min: 1, max: 9 }),
    hang: fc.boolean(),
  })
  .map((r) => ({
    ...presets.outage.params,
    rate: r.rate,
    durationS: 30,
    baseFailure: r.baseFailure,
    faults: [
      {
        kind: 'outage' as const,
        startS: r.outageStart,
        endS: r.outageStart + r.outageLength,
        hang: r.hang,
      },
    ],
    breaker: {
      enabled: true,
      policy: { kind: 'consecutive' as const, threshold: r.threshold },
      slowCallMs: null,
      waitMs: r.waitMs,
      trialCalls: r.trialCalls,
    },
  }));

describe('properties over random scenarios', () => {
  it('no call reaches the dependency inside an open span; half-open spans admit at most the trial calls', () => {
    fc.assert(
      fc.property(smallParams, fc.integer({ min: 0, max: 0xffffffff }), (params, seed) => {
        expect(paramsSchema.safeParse(params).success).toBe(true);
        const run = simulateAll(params, seed);
        const { arrivalMs, outcome, band } = run.withBreaker;
        let i = 0;
        for (const span of band) {
          let forwarded = 0;
          while (i < arrivalMs.length && arrivalMs[i]! < span.toMs) {
            const at = arrivalMs[i]!;
            const went = outcome[i] !== OUTCOME.rejected;
            if (span.state === 'open' && at > span.fromMs && went) return false;
            if (span.state === 'half_open' && went) forwarded++;
            i++;
          }
          // The trial that opens a half-open span arrives at the probe instant (its fromMs).
          if (span.state === 'half_open' && forwarded > params.breaker.trialCalls) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('lesson directives', () => {
  it('accepts a preset, a seed and overrides', () => {
    const r = fromDirective({
      type: 'circuit-breaker',
      preset: 'blip',
      seed: '42',
      waitMs: '2000',
      rate: '80',
    });
    expect(r.ok && r.params.breaker.waitMs).toBe(2000);
    expect(r.ok && r.params.rate).toBe(80);
    expect(r.ok && r.seed).toBe(42);
  });

  it('explains what is wrong', () => {
    const r = fromDirective({ type: 'circuit-breaker', preset: 'storm', seed: 'x' });
    expect(r).toEqual({
      ok: false,
      problems: ['unknown preset "storm" (known: outage, slow, flapping, blip, blip-then-outage)'],
    });
    const bad = fromDirective({
      type: 'circuit-breaker',
      seed: '-3',
      rate: 'fast',
      colour: 'red',
      trialCalls: '0',
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      expect.stringContaining('unknown attribute "colour"') as string,
      'seed must be a whole number from 0 to 4294967295, not "-3"',
      'rate must be a number, not "fast"',
      'At least 1 trial call is needed to close again',
    ]);
  });
});
