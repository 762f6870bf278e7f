import { afterAll, bench, describe } from 'vitest';
import { createRng } from '../src/sim/rng';
import { randomScript, zonesOf } from '../src/widgets/consensus/script';
import { runScheme, topologyOf } from '../src/widgets/consensus/simulate';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * The quorum scheme (terms, votes, timeouts, logs, acknowledgements, lost-write accounting)
 * against a plain loop over the same network: for each step, the peer only asks which side holds
 * a majority of all nodes and counts one write there, the lesson's static rule with no election
 * and no log. Both run on the same 200 random fault scripts of a 7-node cluster in zones
 * 3 + 2 + 2, 600 steps each (scripts and sides built once, outside the timing). The model can
 * never acknowledge more than the peer counts (checked). The ratio is the peer's time over ours:
 * how much of a bare loop's speed the full model keeps. The peer does one comparison per side and step; the model draws a fresh timeout for every follower each step, so it cannot come near. Target: ≥ 0.02×.
 */
const LAYOUT = [3, 2, 2];
const STEPS = 600;
const RUNS = 200;
const MEASURED = 5;
const PASSES = { warmupIterations: 1, iterations: MEASURED, time: 0 };
const measured = (xs: number[]) => spread(xs.slice(-MEASURED));
const times = { ours: [] as number[], peer: [] as number[] };
const counts = { ours: 0, peer: 0 };

const zones = zonesOf(LAYOUT);
const n = zones.length;
const topologies = Array.from({ length: RUNS }, (_, k) =>
  topologyOf(n, zones, randomScript(createRng(k ^ 0x5bd1e995), LAYOUT, STEPS, 10), STEPS),
);

function plainLoop(): number {
  const need = Math.floor(n / 2) + 1;
  let writes = 0;
  for (const topology of topologies)
    for (const sides of topology.sides) for (const side of sides) if (side.length >= need) writes++;
  return writes;
}

function ours(): number {
  let acked = 0;
  topologies.forEach((topology, k) => {
    acked += runScheme('quorum', n, topology, STEPS, 3, 6, createRng(k)).run.totals.acked;
  });
  return acked;
}

describe('consensus lab, 200 runs of 7 nodes × 600 steps', () => {
  bench(
    'peer: a plain loop applying the majority rule to each side',
    () => {
      const start = performance.now();
      counts.peer = plainLoop();
      times.peer.push(performance.now() - start);
    },
    PASSES,
  );

  bench(
    'ours: the quorum scheme with elections, logs and lost-write accounting',
    () => {
      const start = performance.now();
      counts.ours = ours();
      times.ours.push(performance.now() - start);
    },
    PASSES,
  );
});

afterAll(() => {
  if (!times.ours.length || !times.peer.length) return;
  if (counts.ours > counts.peer)
    throw new Error(
      `the quorum scheme acknowledged ${counts.ours} writes, more than the ${counts.peer} steps with a majority side`,
    );
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const o = measured(times.ours);
  const p = measured(times.peer);
  console.log(
    `consensus: ${counts.ours} writes acknowledged of ${counts.peer} majority-side steps (the rest wait for elections); ours ${formatSpread(o, ms)}, plain loop ${formatSpread(p, ms)}`,
  );
  console.log(
    `consensus: ours keeps ${formatRatio(ratio(p, o), 3)} the plain loop's speed, medians (target ≥ 0.02×)`,
  );
});
