import { startTransition, useEffect, useState } from 'react';
import { simClient } from '../../sim/client';
import type { RunFailure } from '../../sim/client';

export type RunState<P, R> = {
  /** The last finished run; kept on screen while a new one runs or after one fails. */
  result: R | null;
  /** The params and seed that produced `result`. */
  resultFor: { params: P; seed: number } | null;
  elapsedMs: number | null;
  running: boolean;
  progress: number;
  error: RunFailure | null;
};

/**
 * Runs `model` in the worker whenever `request` changes (params + seed, already validated).
 * A newer request cancels the older run. `null` means "nothing valid to run": keep showing the
 * last good result.
 */
export function useSimulationRun<P, R>(
  model: string,
  request: { params: P; seed: number } | null,
): RunState<P, R> {
  const [state, setState] = useState<RunState<P, R>>({
    result: null,
    resultFor: null,
    elapsedMs: null,
    running: false,
    progress: 0,
    error: null,
  });
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (key === null) return;
    // The key is the request itself, serialised; params are plain validated data, so this round-trips.
    const current = JSON.parse(key) as { params: P; seed: number };
    let live = true;
    const handle = simClient().run<R>(model, current.params, current.seed, (progress) => {
      if (live) setState((s) => ({ ...s, progress }));
    });
    // Mark as running on the next frame via the progress callback path, not synchronously.
    queueMicrotask(
      () => live && setState((s) => ({ ...s, running: true, progress: 0, error: null })),
    );
    void handle.result.then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        // Lets tests (and the Performance panel) tell the run apart from drawing its result.
        performance.mark('simulation-result');
        // A transition lets React draw a big result in small slices instead of one long task.
        startTransition(() =>
          setState({
            result: outcome.result,
            resultFor: current,
            elapsedMs: outcome.elapsedMs,
            running: false,
            progress: 1,
            error: null,
          }),
        );
      } else if (outcome.error.code !== 'cancelled') {
        setState((s) => ({ ...s, running: false, error: outcome.error }));
      }
    });
    return () => {
      live = false;
      handle.cancel();
    };
  }, [model, key]);

  return state;
}
