import type { SimModel } from './model';
import type { WorkerRequest, WorkerResponse } from './protocol';

export type Registry = Readonly<Record<string, SimModel<never, unknown>>>;

type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

/** Gives queued messages (a cancel) a chance to arrive between slices of a run. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The worker's message handling, apart from the worker global so it can be tested. Slices of
 * a run are interleaved with the event loop, at most every `sliceMs`, so cancel requests and
 * progress reports get through while a long run is going.
 */
export function createHost(
  registry: Registry,
  post: Post,
  now: () => number = () => performance.now(),
  sliceMs = 16,
  progressMs = 100,
) {
  const cancelled = new Set<number>();

  async function run(req: Extract<WorkerRequest, { kind: 'run' }>) {
    const model = registry[req.model] as SimModel<unknown, unknown> | undefined;
    if (!model) {
      post({
        kind: 'error',
        runId: req.runId,
        code: 'unknown-model',
        message: `There is no simulation called “${req.model}”.`,
      });
      return;
    }
    const checked = model.validate(req.params);
    if (!checked.ok) {
      post({ kind: 'error', runId: req.runId, code: 'invalid-params', message: checked.message });
      return;
    }
    const started = now();
    try {
      const steps = model.run(checked.params, req.seed);
      let lastYield = now();
      let lastProgress = Number.NEGATIVE_INFINITY;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          const transfer = model.transferables?.(next.value) ?? [];
          post(
            { kind: 'result', runId: req.runId, result: next.value, elapsedMs: now() - started },
            transfer,
          );
          return;
        }
        if (now() - lastYield >= sliceMs) {
          // Progress at a human pace: every message costs the page a render.
          if (now() - lastProgress >= progressMs) {
            post({
              kind: 'progress',
              runId: req.runId,
              fraction: Math.min(1, Math.max(0, next.value)),
            });
            lastProgress = now();
          }
          await yieldToEventLoop();
          lastYield = now();
          if (cancelled.has(req.runId)) {
            post({
              kind: 'error',
              runId: req.runId,
              code: 'cancelled',
              message: 'The run was stopped.',
            });
            return;
          }
        }
      }
    } catch (error) {
      post({
        kind: 'error',
        runId: req.runId,
        code: 'model-threw',
        message:
          'The simulation stopped with an internal error' +
          (error instanceof Error && error.message ? `: ${error.message}` : '.') +
          ' Try other parameters or reset to the preset.',
      });
    } finally {
      cancelled.delete(req.runId);
    }
  }

  return (req: WorkerRequest): Promise<void> => {
    if (req.kind === 'cancel') {
      cancelled.add(req.runId);
      return Promise.resolve();
    }
    return run(req);
  };
}
