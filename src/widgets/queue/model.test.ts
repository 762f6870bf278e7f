import { describe, expect, it } from 'vitest';
import { createHost } from '../../sim/host';
import type { Registry } from '../../sim/host';
import type { WorkerResponse } from '../../sim/protocol';
import { queueModel } from './model';

const valid = {
  lambda: 8,
  meanService: 1,
  service: 'exponential',
  cv: 1,
  servers: 10,
  room: null,
  durationS: 2_000,
  warmupS: 100,
  burst: null,
};

describe('queue model in the worker host', () => {
  it('runs valid parameters to a result', async () => {
    const sent: WorkerResponse[] = [];
    const handle = createHost({ queue: queueModel } as unknown as Registry, (m) => sent.push(m));
    await handle({ kind: 'run', runId: 1, model: 'queue', params: valid, seed: 3 });
    const last = sent.at(-1);
    expect(last?.kind).toBe('result');
  });

  it.each([
    [{ ...valid, servers: 0 }, 'At least 1 server'],
    [{ ...valid, room: 5 }, 'The room (5) must hold at least the 10 servers'],
    [{ ...valid, warmupS: 5_000 }, 'The warm-up (5000 s) must end before the run does (2000 s)'],
    [{ ...valid, lambda: 5_000, durationS: 1_000_000 }, 'keep it at or below 3,000,000'],
    [{ ...valid, service: 'gamma' }, 'Service times are exponential, deterministic or log-normal'],
  ])('explains bad parameters in words (%#)', (params, message) => {
    const checked = queueModel.validate(params);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain(message);
  });
});
