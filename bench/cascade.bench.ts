import { afterAll, bench, describe } from 'vitest';
import { presets } from '../src/widgets/cascade/params';
import type { CascadeParams } from '../src/widgets/cascade/params';
import { simulatePoolAll } from '../src/widgets/cascade/simulate';
import { plainPool } from './reference/cascadePlain';
import type { PlainTotals } from './reference/cascadePlain';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * The cascade lab's pool against the same loop written plainly (bench/reference/cascadePlain.ts:
 * chunk objects in arrays, retries in a Map). The scenario is the lesson's metastable blip run
 * for 30 minutes of simulated time (36,000 steps, 10 servers). Both sides draw the same Poisson
 * arrivals from the same seed and must agree on the totals (checked). The ratio is the plain
 * loop's time over ours. Target: ≥ 2×.
 */
const params: CascadeParams = { ...presets['metastable-blip'].params, durationS: 1800 };
const SEED = 4;
const MEASURED = 5;
const PASSES = { warmupIterations: 1, iterations: MEASURED, time: 0 };
const measured = (xs: number[]) => spread(xs.slice(-MEASURED));
const times = { ours: [] as number[], peer: [] as number[] };
let ours: PlainTotals | null = null;
let peer: PlainTotals | null = null;

describe('cascade pool, 30 simulated minutes of the metastable blip', () => {
  bench(
    'peer: the same loop written plainly',
    () => {
      const start = performance.now();
      peer = plainPool(params, SEED);
      times.peer.push(performance.now() - start);
    },
    PASSES,
  );

  bench(
    'ours: the lab’s pool',
    () => {
      const start = performance.now();
      const r = simulatePoolAll(params, SEED);
      ours = {
        users: r.totals.users,
        answered: r.totals.answered,
        attempts: r.totals.attempts,
        gaveUp: r.totals.gaveUp,
      };
      times.ours.push(performance.now() - start);
    },
    PASSES,
  );
});

afterAll(() => {
  if (!times.ours.length || !times.peer.length || !ours || !peer) return;
  const a: PlainTotals = ours;
  const b: PlainTotals = peer;
  for (const key of ['users', 'answered', 'attempts', 'gaveUp'] as const) {
    const scale = Math.max(1, Math.abs(a[key]), Math.abs(b[key]));
    if (Math.abs(a[key] - b[key]) / scale > 1e-6)
      throw new Error(`cascade: ${key} differs, ours ${a[key]}, the plain loop ${b[key]}`);
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const o = measured(times.ours);
  const p = measured(times.peer);
  console.log(
    `cascade: both sides send ${Math.round(a.attempts).toLocaleString('en')} attempts for ${a.users.toLocaleString('en')} users and answer ${Math.round(a.answered).toLocaleString('en')}; ours ${formatSpread(o, ms)}, plain loop ${formatSpread(p, ms)}`,
  );
  console.log(
    `cascade: ours runs ${formatRatio(ratio(p, o))} the plain loop's speed, medians (target ≥ 2×)`,
  );
});
