import { describe, expect, it } from 'vitest';
import type { SimModel } from './model';
import { createHost } from './host';
import type { Registry } from './host';
import type { WorkerResponse } from './protocol';

/** Counts to `n` in slices of one; each slice advances the fake clock by 10 ms. */
function counter(clock: { t: number }): SimModel<{ n: number }, { total: number }> {
  return {
    validate: (p) =>
      typeof p === 'object' && p !== null && 'n' in p && typeof p.n === 'number' && p.n >= 0
        ? { ok: true, params: { n: p.n } }
        : { ok: false, message: 'n must be a number of at least 0' },
    *run({ n }) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        total += 1;
        clock.t += 10;
        yield (i + 1) / n;
      }
      return { total };
    },
  };
}

function setup() {
  const clock = { t: 0 };
  const sent: WorkerResponse[] = [];
  const registry = {
    counter: counter(clock),
    broken: {
      validate: () => ({ ok: true, params: {} }),
      // eslint-disable-next-line require-yield
      *run() {
        throw new Error('division by zero in the model');
      },
    },
  } as unknown as Registry;
  const handle = createHost(
    registry,
    (m) => sent.push(m),
    () => clock.t,
    16,
  );
  return { handle, sent };
}

describe('simulation host', () => {
  it('runs a model, reports progress and returns the result', async () => {
    const { handle, sent } = setup();
    await handle({ kind: 'run', runId: 1, model: 'counter', params: { n: 5 }, seed: 1 });
    const last = sent.at(-1);
    expect(last).toMatchObject({ kind: 'result', runId: 1, result: { total: 5 } });
    const progress = sent
      .filter((m) => m.kind === 'progress')
      .map((m) => (m.kind === 'progress' ? m.fraction : -1));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('rejects invalid parameters with the model’s own words', async () => {
    const { handle, sent } = setup();
    await handle({ kind: 'run', runId: 2, model: 'counter', params: { n: -1 }, seed: 1 });
    expect(sent).toEqual([
      {
        kind: 'error',
        runId: 2,
        code: 'invalid-params',
        message: 'n must be a number of at least 0',
      },
    ]);
  });

  it('turns a throwing model into a typed error', async () => {
    const { handle, sent } = setup();
    await handle({ kind: 'run', runId: 3, model: 'broken', params: {}, seed: 1 });
    expect(sent).toEqual([
      {
        kind: 'error',
        runId: 3,
        code: 'model-threw',
        message: expect.stringContaining('division by zero in the model') as string,
      },
    ]);
  });

  it('names an unknown model', async () => {
    const { handle, sent } = setup();
    await handle({ kind: 'run', runId: 4, model: 'warp', params: {}, seed: 1 });
    expect(sent[0]).toMatchObject({ kind: 'error', code: 'unknown-model' });
  });

  it('stops a run when cancelled between slices', async () => {
    const { handle, sent } = setup();
    const running = handle({
      kind: 'run',
      runId: 5,
      model: 'counter',
      params: { n: 1_000_000 },
      seed: 1,
    });
    await handle({ kind: 'cancel', runId: 5 });
    await running;
    expect(sent.at(-1)).toEqual({
      kind: 'error',
      runId: 5,
      code: 'cancelled',
      message: 'The run was stopped.',
    });
    expect(sent.some((m) => m.kind === 'result')).toBe(false);
  });
});
