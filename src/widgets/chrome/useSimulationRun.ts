import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import { simClient } from '../../sim/client';
import type { RunFailure } from '../../sim/client';

export type RunState<P, R> = {
  /** The last finished run; kept on screen while a new one runs or after one fails. */
  result: R | null;
  /** The params and seed that produced `result`. */
  resultFor: { params: P; seed: number } | null;
  elapsedMs: number | null;
  running: boolean;
  error: RunFailure | null;
  /** Fraction done of the run in progress; read it with `useProgress`. */
  progress: ProgressSource;
};

/**
 * Progress lives outside React state: only the component that shows it re-renders when it
 * moves, not the whole widget (which would be main-thread work while simulating).
 */
export class ProgressSource {
  private value = 0;
  private listeners = new Set<() => void>();
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly get = () => this.value;
  set(value: number) {
    if (value === this.value) return;
    this.value = value;
    for (const l of this.listeners) l();
  }
}

export function useProgress(source: ProgressSource): number {
  return useSyncExternalStore(source.subscribe, source.get, source.get);
}

/**
 * Runs `model` in the worker whenever `request` changes (params + seed, already validated).
 * A newer request cancels the older run. `null` means "nothing valid to run": keep showing the
 * last good result.
 */
export function useSimulationRun<P, R>(
  model: string,
  request: { params: P; seed: number } | null,
): RunState<P, R> {
  const [progress] = useState(() => new ProgressSource());
  const [state, setState] = useState<Omit<RunState<P, R>, 'progress'>>({
    result: null,
    resultFor: null,
    elapsedMs: null,
    running: false,
    error: null,
  });
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (key === null) {
      // Nothing valid to run: the cleanup cancelled any run in flight, so stop saying "Simulating".
      queueMicrotask(() => setState((s) => (s.running ? { ...s, running: false } : s)));
      return;
    }
    // The key is the request itself, serialised; params are plain validated data, so this round-trips.
    const current = JSON.parse(key) as { params: P; seed: number };
    let live = true;
    progress.set(0);
    const handle = simClient().run<R>(model, current.params, current.seed, (fraction) => {
      if (live) progress.set(fraction);
    });
    // Not synchronously in the effect: React would render twice in a row.
    queueMicrotask(() => live && setState((s) => ({ ...s, running: true, error: null })));
    void handle.result.then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        progress.set(1);
        // Lets tests (and the Performance panel) tell the run apart from drawing its result.
        performance.mark('simulation-result');
        // A transition lets React draw a big result in slices where it can.
        startTransition(() =>
          setState({
            result: outcome.result,
            resultFor: current,
            elapsedMs: outcome.elapsedMs,
            running: false,
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
  }, [model, key, progress]);

  return { ...state, progress };
}
