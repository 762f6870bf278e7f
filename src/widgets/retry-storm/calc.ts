import { JITTERS } from '../../formulas/retries.ts';
import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { choice } from '../../calc/attrs.ts';
import { fmtDuration, fmtInt, fmtNum, fmtPct } from '../../calc/format.ts';
import { fromDirective } from './directive.ts';
import { simulateStormAll } from './simulate.ts';
import type { RetryStormResult, StrategyRun } from './types.ts';

/**
 * Numbers a lesson states about a retry storm, from the same simulation the widget runs, when
 * the lesson is built: `:calc{of="retry-storm.run" preset="thundering-herd" jitter="full"
 * metric="succeeded"}`, with the widget's own overrides (clients, outageS, capacity, retries,
 * baseMs, capMs, seed) allowed. A reveal answer can never disagree with the widget beside it.
 */

const never = (what: string) => `nobody was served, so there is no ${what}`;

const metrics: Record<string, (s: StrategyRun, r: RetryStormResult, clients: number) => string> = {
  succeeded: (s) => fmtInt(s.succeeded),
  servedShare: (s, _r, n) => fmtPct(s.succeeded / n),
  gaveUp: (s) => fmtInt(s.gaveUp),
  attempts: (s) => fmtInt(s.attempts),
  amplification: (s, _r, n) => `${fmtNum(s.attempts / n)}×`,
  rejected: (s) => fmtInt(s.rejectedTotal),
  peakWindow: (s) => fmtInt(s.peakWindow),
  perWindow: (_s, r) => fmtInt(r.perWindow),
  medianServed: (s) => (s.medianServedS === null ? never('median') : fmtDuration(s.medianServedS)),
  p95Served: (s) => (s.p95ServedS === null ? never('95th percentile') : fmtDuration(s.p95ServedS)),
  lastServed: (s) => (s.lastServedS === null ? never('last') : fmtDuration(s.lastServedS)),
};

/** Runs are deterministic and a lesson asks about the same scenario many times: run each once. */
const cache = new Map<string, RetryStormResult>();

export function calcStorm(attrs: Attrs): Calculated {
  const problems: string[] = [];
  // Everything but what this calculation adds is the widget directive's scenario.
  const scenario = Object.fromEntries(
    Object.entries(attrs).filter(([key]) => !['of', 'jitter', 'metric'].includes(key)),
  );
  const jitter = choice(attrs, 'jitter', JITTERS, 'none', problems);
  const metric = attrs.metric;
  if (metric === undefined || !(metric in metrics))
    problems.push(
      `metric must be one of ${Object.keys(metrics).join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
  const directive = fromDirective(scenario);
  if (!directive.ok) problems.push(...directive.problems);
  if (problems.length > 0 || !directive.ok || jitter === null || metric === undefined)
    return { ok: false, problems };
  const key = JSON.stringify([directive.params, directive.seed]);
  let result = cache.get(key);
  if (!result) {
    result = simulateStormAll(directive.params, directive.seed);
    cache.set(key, result);
  }
  const run = result.runs.find((r) => r.jitter === jitter)!;
  return { ok: true, text: metrics[metric]!(run, result, directive.params.clients) };
}

export const retryStormCalculations = { 'retry-storm.run': calcStorm };
