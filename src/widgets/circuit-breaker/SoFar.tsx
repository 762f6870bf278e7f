import { sumBins } from './simulate';
import type { CircuitBreakerRun } from './simulate';
import { fmtInt, fmtMs, fmtPct } from '../../calc/format';

/** Counters from the start of the run up to the playback cursor. */
export function SoFar({ run, timeMs }: { run: CircuitBreakerRun; timeMs: number }) {
  const upTo = Math.min(run.withBreaker.bins.success.length, Math.floor(timeMs / 1000));
  const { success, failure, timeout, rejected, total, meanLatencyMs } = sumBins(
    run.withBreaker.bins,
    0,
    upTo,
  );
  const items: [string, string][] = [
    ['Reached the dependency', fmtInt(success + failure + timeout)],
    ['Failed fast', fmtInt(rejected)],
    ['Load spared', total ? fmtPct(rejected / total) : '—'],
    ['Errors users saw', total ? fmtPct((failure + timeout) / total) : '—'],
    ['Mean latency users saw', total ? fmtMs(meanLatencyMs) : '—'],
  ];
  return (
    <dl className="so-far" aria-label={`Counters for the first ${upTo} s`}>
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
