import { bench, describe } from 'vitest';
import { createRng } from '../src/sim/rng';

/**
 * Peer: the engine's own Math.random (V8: xorshift128+), which cannot be seeded and so cannot
 * replay a run. Vitest prints how many times faster or slower ours is, in the same run.
 */
const N = 1_000_000;

describe('uniform draws, 1 million', () => {
  bench('Math.random (peer, unseeded)', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += Math.random();
    if (s < 0) throw new Error('unreachable');
  });

  bench('xoshiro128** next() (ours, seeded)', () => {
    const rng = createRng(1);
    let s = 0;
    for (let i = 0; i < N; i++) s += rng.next();
    if (s < 0) throw new Error('unreachable');
  });
});
