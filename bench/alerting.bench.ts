import { afterAll, bench, describe } from 'vitest';
import { policyPresets } from '../src/widgets/alerting/params';
import { evaluateRule } from '../src/widgets/alerting/rules';
import type { Rule } from '../src/widgets/alerting/rules';
import { runPolicy } from '../src/widgets/alerting/simulate';
import type { Policy } from '../src/widgets/alerting/simulate';
import { generateWorld } from '../src/widgets/alerting/world';
import type { World } from '../src/widgets/alerting/world';
import { rescanEvaluate } from './reference/alertingRescan';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * A 30-day, 20-metric (5 services × requests, errors, latency, CPU), 5-policy comparison: the
 * three presets plus a baseline-anomaly policy and a mixed one (21 rules, 105 rule × service
 * series of 43 200 minutes; the bench prints the counts it ran).
 *
 * Peer: bench/reference/alertingRescan.ts, the seed's approach written carefully — every sample,
 * every rule's window rescanned ("for" durations walked back sample by sample, baselines and
 * burn-rate windows summed or sorted afresh), with typed arrays, no allocation per sample and
 * one loop per rule kind, so the ratio measures the algorithm. Both sides evaluate the same
 * rules on the same series and must agree minute for minute (checked; the count of disagreeing
 * minutes, from floating-point rounding in running sums, is printed and must be tiny).
 *
 * Timed: rule evaluation over all policies, ours against the peer's, the same passes for both
 * (1 warm-up, 3 measured), reported by the median with the min–max spread; also our whole
 * comparison (rules, grouping, inhibition, the engineer; the world is generated once, outside the
 * timing). bench/ratioReporter.ts repeats the ratio line after Vitest's tables. Target: ≥ 20×.
 */
const DAYS = 30;
const SEED = 1;
const world: World = generateWorld(
  { days: DAYS, services: 5, incidentsPerWeek: 5, spikesPerDay: 3 },
  SEED,
);

const anomaly: Policy = {
  name: 'Baseline anomalies',
  rules: [
    {
      id: 'lat-z',
      name: 'Latency z > 4',
      kind: 'anomaly',
      metric: 'latency',
      method: 'zscore',
      windowMinutes: 60,
      k: 4,
      forMinutes: 3,
      severity: 'page',
      quiet: false,
    },
    {
      id: 'err-iqr',
      name: 'Errors above Q3 + 3 IQR',
      kind: 'anomaly',
      metric: 'errors',
      method: 'iqr',
      windowMinutes: 120,
      k: 3,
      forMinutes: 5,
      severity: 'page',
      quiet: false,
    },
    {
      id: 'cpu-z',
      name: 'CPU z > 3',
      kind: 'anomaly',
      metric: 'cpu',
      method: 'zscore',
      windowMinutes: 240,
      k: 3,
      forMinutes: 10,
      severity: 'ticket',
      quiet: false,
    },
  ],
  grouping: 'service',
  groupWaitMinutes: 1,
  repeatMinutes: 240,
  inhibit: true,
  quietHours: false,
};
const preset = (name: keyof typeof policyPresets) =>
  structuredClone(policyPresets[name].policy) as unknown as Policy;
const mixed: Policy = {
  ...preset('burn-rate'),
  name: 'Mixed',
  rules: [
    ...preset('burn-rate').rules,
    ...preset('for-durations').rules,
    ...anomaly.rules.slice(0, 1),
  ].map((r, i) => ({ ...r, id: `m${i}` })),
};
const policies: Policy[] = [
  preset('threshold-everything'),
  preset('for-durations'),
  preset('burn-rate'),
  anomaly,
  mixed,
];
const rules: Rule[] = policies.flatMap((p) => p.rules);
const MINUTES = world.minutes;
const EVALUATIONS = rules.length * world.services.length;

const MEASURED = 3;
const PASSES = { warmupIterations: 1, iterations: MEASURED, time: 0 };
/** The measured passes: the last ones (tinybench also makes warm-up and probing calls). */
const measured = (xs: number[]) => spread(xs.slice(-MEASURED));
const times = { ours: [] as number[], peer: [] as number[], whole: [] as number[] };
let disagreements = 0;
let firingMinutes = 0;

function evaluateAll(
  evaluate: (rule: Rule, s: World['services'][number]) => Uint8Array,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const rule of rules) for (const s of world.services) out.push(evaluate(rule, s));
  return out;
}

const reference = evaluateAll(evaluateRule);

describe(`alerting: ${DAYS} days × 20 metrics × 5 policies (${EVALUATIONS} rule × service series of ${MINUTES} minutes)`, () => {
  bench(
    'ours: constant work per sample',
    () => {
      const start = performance.now();
      evaluateAll(evaluateRule);
      times.ours.push(performance.now() - start);
    },
    PASSES,
  );

  bench(
    'peer: rescan the window at every sample',
    () => {
      const start = performance.now();
      const got = evaluateAll(rescanEvaluate);
      times.peer.push(performance.now() - start);
      disagreements = 0;
      firingMinutes = 0;
      got.forEach((series, i) => {
        for (let t = 0; t < series.length; t++) {
          if (series[t] !== reference[i]![t]) disagreements++;
          firingMinutes += reference[i]![t]!;
        }
      });
    },
    PASSES,
  );

  bench(
    'ours: the whole comparison (rules, notifications, engineer) for 5 policies',
    () => {
      const start = performance.now();
      for (const p of policies) runPolicy(world, p, SEED);
      times.whole.push(performance.now() - start);
    },
    PASSES,
  );
});

afterAll(() => {
  if (!times.ours.length || !times.peer.length) return;
  const total = EVALUATIONS * MINUTES;
  if (disagreements > total * 1e-4)
    throw new Error(
      `ours and the peer disagree on ${disagreements} of ${total} minutes: not the same job`,
    );
  console.log(
    `alerting: ${rules.length} rules, ${EVALUATIONS} rule × service series; the two evaluators ` +
      `agree on ${total - disagreements} of ${total} rule-minutes (${firingMinutes} firing)`,
  );
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  if (times.whole.length)
    console.log(
      `alerting: whole 5-policy, ${DAYS}-day comparison ${formatSpread(measured(times.whole), ms)}`,
    );
  const ours = measured(times.ours);
  const peer = measured(times.peer);
  console.log(
    `alerting: rule evaluation ours ${formatSpread(ours, ms)}, peer (rescan) ${formatSpread(peer, ms)}`,
  );
  // Times, not rates: the peer's time over ours is the speed-up (the spreads swap ends).
  const speedup = ratio(peer, ours);
  console.log(
    `alerting: ours is ${formatRatio(speedup)} the rescanning evaluator, medians (target ≥ 20×)`,
  );
});
