import { afterAll, bench, describe } from 'vitest';
import { createRng } from '../src/sim/rng';
import { presets } from '../src/widgets/saga/params';
import type { SagaParams } from '../src/widgets/saga/params';
import { drawOf, fillDraws, layoutOf, simulateSagasAll } from '../src/widgets/saga/simulate';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * The saga simulation against a plain loop over the same sagas: the peer draws the same
 * uniforms per saga from the same generator and counts, step by step, the sagas whose every
 * first call succeeds (the lesson's p^n experiment), with no orchestrators, no compensations and
 * no outcomes. Ours runs both orchestrators on those uniforms, with retries, undos, the
 * dead-letter queue and the examples' timelines. The ratio is the peer's time over ours: how
 * much of a bare loop's speed the full model keeps. 50,000 sagas of the checkout preset; both
 * sides must count the same naive completions (checked). Target: ≥ 0.25×.
 */
const params: SagaParams = { ...presets.checkout.params, sagas: 50_000 };
const SEED = 1;
const MEASURED = 5;
const PASSES = { warmupIterations: 1, iterations: MEASURED, time: 0 };
const measured = (xs: number[]) => spread(xs.slice(-MEASURED));
const times = { ours: [] as number[], peer: [] as number[] };
const completed = { ours: 0, peer: 0 };

function plainLoop(p: SagaParams, seed: number): number {
  const l = layoutOf(p);
  const rng = createRng(seed);
  const u = new Float64Array(l.size);
  let done = 0;
  for (let i = 0; i < p.sagas; i++) {
    fillDraws(rng.next, u);
    let k = 0;
    while (k < l.n && drawOf(u[1 + k * (l.attempts + 1)]!, p.steps[k]!) === 'ok') k++;
    if (k === l.n) done++;
  }
  return done;
}

describe('saga orchestrators, 50,000 sagas of 4 steps', () => {
  bench(
    'peer: a plain loop counting completions',
    () => {
      const start = performance.now();
      completed.peer = plainLoop(params, SEED);
      times.peer.push(performance.now() - start);
    },
    PASSES,
  );

  bench(
    'ours: naive and correct orchestrators, outcomes and examples',
    () => {
      const start = performance.now();
      completed.ours = simulateSagasAll(params, SEED).runs.naive.counts[0]!;
      times.ours.push(performance.now() - start);
    },
    PASSES,
  );
});

afterAll(() => {
  if (!times.ours.length || !times.peer.length) return;
  if (completed.ours !== completed.peer)
    throw new Error(
      `the saga model counts ${completed.ours} naive completions, the plain loop ${completed.peer}: not the same sagas`,
    );
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const ours = measured(times.ours);
  const peer = measured(times.peer);
  console.log(
    `saga: ${completed.ours} of 50,000 complete under the naive orchestrator on both sides; ours ${formatSpread(ours, ms)}, plain loop ${formatSpread(peer, ms)}`,
  );
  console.log(
    `saga: ours keeps ${formatRatio(ratio(peer, ours), 2)} the plain loop's speed, medians (target ≥ 0.25×)`,
  );
});
