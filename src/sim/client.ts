import type { ErrorResponse, WorkerRequest, WorkerResponse } from './protocol';

export type RunFailure =
  Pick<ErrorResponse, 'code' | 'message'> | { code: 'worker-unavailable'; message: string };

export interface RunHandle<R> {
  result: Promise<{ ok: true; result: R; elapsedMs: number } | { ok: false; error: RunFailure }>;
  cancel: () => void;
}

interface Pending {
  onProgress: (fraction: number) => void;
  settle: (
    value: { ok: true; result: unknown; elapsedMs: number } | { ok: false; error: RunFailure },
  ) => void;
}

const unavailable = (detail: string): RunFailure => ({
  code: 'worker-unavailable',
  message:
    'The simulation engine could not start in this browser, so the widget cannot run. ' +
    `(${detail}) The lesson text still works.`,
});

/**
 * Talks to the simulation worker. One worker is shared by every widget on the page and
 * started on first use; if it dies, pending runs fail with a message and the next run starts
 * a fresh worker.
 */
export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly createWorker: () => Worker) {}

  run<R>(
    model: string,
    params: unknown,
    seed: number,
    onProgress: (fraction: number) => void = () => {},
  ): RunHandle<R> {
    const runId = this.nextId++;
    const result = new Promise<
      { ok: true; result: R; elapsedMs: number } | { ok: false; error: RunFailure }
    >((resolve) => {
      this.pending.set(runId, {
        onProgress,
        settle: resolve as Pending['settle'],
      });
    });
    const worker = this.ensureWorker();
    if (worker) this.post(worker, { kind: 'run', runId, model, params, seed });
    return {
      result,
      cancel: () => {
        if (!this.pending.has(runId)) return;
        if (this.worker) this.post(this.worker, { kind: 'cancel', runId });
      },
    };
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(unavailable('the worker was stopped'));
  }

  private post(worker: Worker, message: WorkerRequest) {
    worker.postMessage(message);
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = this.createWorker();
      worker.addEventListener('message', (e: MessageEvent<WorkerResponse>) =>
        this.onMessage(e.data),
      );
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.worker?.terminate();
        this.worker = null;
        this.failAll(unavailable(e.message || 'the worker script failed to load'));
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.failAll(unavailable(error instanceof Error ? error.message : String(error)));
      return null;
    }
  }

  private onMessage(message: WorkerResponse) {
    const pending = this.pending.get(message.runId);
    if (!pending) return;
    switch (message.kind) {
      case 'progress':
        pending.onProgress(message.fraction);
        return;
      case 'result':
        this.pending.delete(message.runId);
        pending.settle({ ok: true, result: message.result, elapsedMs: message.elapsedMs });
        return;
      case 'error':
        this.pending.delete(message.runId);
        pending.settle({ ok: false, error: { code: message.code, message: message.message } });
        return;
    }
  }

  private failAll(error: RunFailure) {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.settle({ ok: false, error });
    }
  }
}

let shared: SimClient | null = null;

/** The page's simulation client, created on first use. */
export function simClient(): SimClient {
  shared ??= new SimClient(
    () =>
      new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
  );
  return shared;
}
