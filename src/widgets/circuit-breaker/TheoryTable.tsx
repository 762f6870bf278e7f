import { memo } from 'react';
import { logNormalFromMedianP99 } from '../../sim/rng';
import type { CircuitBreakerParams } from './params';
import type { CircuitBreakerRun } from './simulate';
import {
  healthyFailureProbability,
  outageCycle,
  pConsecutiveFailures,
  pFalseTripCountWindow,
  wilson95,
} from './theory';
import { OUTCOME } from './simulate';
import { fmtInt, fmtPct, fmtProb } from '../../calc/format';

interface Row {
  label: string;
  theory: string;
  measured: string;
  verdict: string;
}

/** What the closed forms predict next to what this run measured, with the sample's uncertainty. */
function TheoryTableView({
  params,
  run,
}: {
  params: CircuitBreakerParams;
  run: CircuitBreakerRun;
}) {
  const rows: Row[] = [];
  const expectedCalls = params.rate * params.durationS;
  const sd = Math.sqrt(expectedCalls);
  const total = run.withoutBreaker.summary.total;
  rows.push({
    label: 'Calls in the run (Poisson: mean λT, sd √λT)',
    theory: `${fmtInt(expectedCalls)} ± ${fmtInt(2 * sd)}`,
    measured: fmtInt(total),
    verdict: Math.abs(total - expectedCalls) <= 3 * sd ? 'agrees' : 'outside 3 sd — unusual',
  });

  const { mu, sigma } = logNormalFromMedianP99(params.medianMs, params.p99Ms);
  const healthy = healthyFailureProbability(
    params.baseFailure,
    mu,
    sigma,
    params.timeoutMs,
    params.breaker.slowCallMs,
  );
  const s = run.withoutBreaker.summary;
  if (s.healthyCalls > 0) {
    const ci = wilson95(s.healthyErrors, s.healthyCalls);
    const inside = healthy.userErrors >= ci.low && healthy.userErrors <= ci.high;
    rows.push({
      label: 'Errors users see while healthy: p + (1 − p)·P(latency ≥ timeout)',
      theory: fmtPct(healthy.userErrors),
      measured: `${fmtPct(s.healthyErrors / s.healthyCalls)} (95 % CI ${fmtPct(ci.low)}–${fmtPct(ci.high)}, n = ${fmtInt(s.healthyCalls)})`,
      verdict: inside ? 'agrees' : 'theory outside the 95 % interval',
    });
  }

  const policy = params.breaker.policy;
  const pf = healthy.breakerFailures;
  if (params.breaker.enabled && policy.kind === 'count') {
    const k = Math.ceil(policy.failureRate * policy.size - 1e-9);
    rows.push({
      label: `Chance a full healthy window trips it: P(F ≥ ${k}), F ~ Bin(${policy.size}, ${fmtProb(pf)})`,
      theory: fmtProb(pFalseTripCountWindow(policy.size, policy.failureRate, pf)),
      measured: `${run.withBreaker.log.filter((t) => t.name === 'trip' && !inAnyFault(params, t.at)).length} trip(s) outside faults`,
      verdict: 'windows overlap, so compare orders of magnitude',
    });
  }
  if (params.breaker.enabled && policy.kind === 'consecutive') {
    rows.push({
      label: `Chance a given run of ${policy.threshold} healthy calls all fail: p^N`,
      theory: fmtProb(pConsecutiveFailures(pf, policy.threshold)),
      measured: `${run.withBreaker.log.filter((t) => t.name === 'trip' && !inAnyFault(params, t.at)).length} trip(s) outside faults`,
      verdict: 'compare orders of magnitude',
    });
  }
  const probing = probingRow(params, run);
  if (probing) rows.push(probing);
  return (
    <table className="stat-table theory-table">
      <caption className="visually-hidden">Theory beside simulation</caption>
      <thead>
        <tr>
          <th scope="col">Quantity</th>
          <th scope="col">Theory</th>
          <th scope="col">This run</th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.theory}</td>
            <td>{r.measured}</td>
            <td>{r.verdict}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * While the dependency hangs, a tripped breaker settles into cycles of wait → trial calls →
 * timeout → re-open; renewal theory gives the long-run share of calls that still reach it.
 */
function probingRow(params: CircuitBreakerParams, run: CircuitBreakerRun): Row | null {
  if (!params.breaker.enabled) return null;
  const outage = params.faults.find(
    (f) => f.kind === 'outage' && f.hang && f.endS - f.startS >= 10,
  );
  if (!outage) return null;
  // Whole probe cycles only: from the first probe during the outage to the last one.
  const probes = run.withBreaker.log.filter(
    (t) => t.name === 'probe' && t.at >= outage.startS * 1000 && t.at < outage.endS * 1000,
  );
  const first = probes[0];
  const last = probes.at(-1);
  if (!first || !last || probes.length < 3) return null;
  const { arrivalMs, outcome } = run.withBreaker;
  let calls = 0;
  let forwarded = 0;
  for (let i = 0; i < arrivalMs.length; i++) {
    const at = arrivalMs[i]!;
    if (at < first.at || at >= last.at) continue;
    calls++;
    if (outcome[i] !== OUTCOME.rejected) forwarded++;
  }
  if (calls === 0) return null;
  const theory = outageCycle({
    ratePerS: params.rate,
    waitMs: params.breaker.waitMs,
    failAfterMs: params.timeoutMs,
    trialCalls: params.breaker.trialCalls,
  }).forwardedShare;
  const ci = wilson95(forwarded, calls);
  return {
    label:
      'Share of calls still reaching the hanging dependency after the trip (renewal theory of the probe cycle)',
    theory: fmtPct(theory),
    measured: `${fmtPct(forwarded / calls)} (${fmtInt(forwarded)} of ${fmtInt(calls)}; 95 % CI ${fmtPct(ci.low)}–${fmtPct(ci.high)})`,
    verdict:
      theory >= ci.low && theory <= ci.high
        ? 'agrees'
        : 'few probe cycles in one run, so expect scatter',
  };
}

function inAnyFault(params: CircuitBreakerParams, atMs: number): boolean {
  return params.faults.some(
    (f) => atMs / 1000 >= f.startS && atMs / 1000 < f.endS + params.timeoutMs / 1000,
  );
}

/** Memoised: playback and progress updates must not redraw it. */
export const TheoryTable = memo(TheoryTableView);
