import { describe, expect, it } from 'vitest';
import { SimClient } from './client';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** A stand-in Worker: records what it is sent and lets the test answer or fail. */
class FakeWorker extends EventTarget {
  sent: WorkerRequest[] = [];
  terminated = false;
  postMessage(message: WorkerRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: WorkerResponse) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  crash(message: string) {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

describe('SimClient', () => {
  it('says in words when the worker cannot even be created', async () => {
    const client = new SimClient(() => {
      throw new Error('Workers are disabled');
    });
    const outcome = await client.run('circuit-breaker', {}, 1).result;
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'worker-unavailable',
        message: expect.stringContaining('Workers are disabled') as string,
      },
    });
  });

  it('fails pending runs when the worker script dies, and starts a fresh worker next time', async () => {
    const workers: FakeWorker[] = [];
    const client = new SimClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const first = client.run('circuit-breaker', {}, 1);
    workers[0]!.crash('SyntaxError in worker.js');
    expect(await first.result).toMatchObject({ ok: false, error: { code: 'worker-unavailable' } });
    expect(workers[0]!.terminated).toBe(true);
    client.run('circuit-breaker', {}, 2);
    expect(workers).toHaveLength(2);
  });

  it('routes progress and results to the right run, and sends cancels', async () => {
    const worker = new FakeWorker();
    const client = new SimClient(() => worker as unknown as Worker);
    const seen: number[] = [];
    const a = client.run<{ n: number }>('m', { x: 1 }, 7, (f) => seen.push(f));
    const b = client.run<{ n: number }>('m', { x: 2 }, 8);
    expect(worker.sent).toEqual([
      { kind: 'run', runId: 1, model: 'm', params: { x: 1 }, seed: 7 },
      { kind: 'run', runId: 2, model: 'm', params: { x: 2 }, seed: 8 },
    ]);
    worker.reply({ kind: 'progress', runId: 1, fraction: 0.5 });
    worker.reply({ kind: 'result', runId: 1, result: { n: 1 }, elapsedMs: 3 });
    b.cancel();
    worker.reply({ kind: 'error', runId: 2, code: 'cancelled', message: 'The run was stopped.' });
    expect(seen).toEqual([0.5]);
    expect(await a.result).toEqual({ ok: true, result: { n: 1 }, elapsedMs: 3 });
    expect(await b.result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(worker.sent.at(-1)).toEqual({ kind: 'cancel', runId: 2 });
  });
});
