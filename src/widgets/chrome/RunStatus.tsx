import type { ReactNode } from 'react';
import { useProgress } from './useSimulationRun';
import type { ProgressSource } from './useSimulationRun';

/** The only part of a widget that re-renders while a run is in progress. */
function Progress({ source, label }: { source: ProgressSource; label: string }) {
  const fraction = useProgress(source);
  return (
    <p className="run-status">
      Simulating… <progress value={fraction} max={1} aria-label={label} />{' '}
      {Math.round(fraction * 100)} %
    </p>
  );
}

/** A run's state in words: its error, its progress, or what the finished run covered. */
export function RunStatus({
  running,
  progress,
  error,
  done,
  label = 'Simulation progress',
}: {
  running: boolean;
  progress: ProgressSource;
  error: string | null;
  /** What to say once a run has finished; null before the first result. */
  done: ReactNode;
  label?: string;
}) {
  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (running) return <Progress source={progress} label={label} />;
  if (done) return <p className="run-status">{done}</p>;
  return <p className="run-status">Preparing the simulation…</p>;
}
