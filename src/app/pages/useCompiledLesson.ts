import { useEffect, useState } from 'react';
import { loadLesson } from '../../content/lessons';
import type { CompiledLesson } from '../../content/types';

export type Load<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** Loads something keyed by `id` (a lesson chunk, its notes), forgetting a stale answer. */
export function useLoad<T>(id: string, start: (id: string) => Promise<T> | null): Load<T> {
  const [state, setState] = useState<{ id: string; load: Load<T> }>({
    id,
    load: { status: 'loading' },
  });
  useEffect(() => {
    let live = true;
    const pending = start(id);
    if (!pending) return;
    pending.then(
      (value) => live && setState({ id, load: { status: 'ready', value } }),
      (error: unknown) =>
        live &&
        setState({
          id,
          load: {
            status: 'error',
            message: error instanceof Error ? error.message : 'the lesson file could not be loaded',
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [id, start]);
  return state.id === id ? state.load : { status: 'loading' };
}

export const useCompiledLesson = (id: string): Load<CompiledLesson> => useLoad(id, loadLesson);
