import type { CircuitBreakerRun } from './simulate';
import { fmtInt, fmtMs, fmtPct } from './format';

/** Counters from the start of the run up to the playback cursor. */
export function SoFar({ run, timeMs }: { run: CircuitBreakerRun; timeMs: number }) {
  const b = run.withBreaker.bins;
  const upTo = Math.min(b.success.length, Math.floor(timeMs / 1000));
  let ok = 0;
  let fail = 0;
  let timeout = 0;
  let rejected = 0;
  let latencyWeighted = 0;
  for (let i = 0; i < upTo; i++) {
    const n = b.success[i]! + b.failure[i]! + b.timeout[i]! + b.rejected[i]!;
    ok += b.success[i]!;
    fail += b.failure[i]!;
    timeout += b.timeout[i]!;
    rejected += b.rejected[i]!;
    latencyWeighted += b.meanLatencyMs[i]! * n;
  }
  const total = ok + fail + timeout + rejected;
  const items: [string, string][] = [
    ['Reached the dependency', fmtInt(ok + fail + timeout)],
    ['Failed fast', fmtInt(rejected)],
    ['Load spared', total ? fmtPct(rejected / total) : '—'],
    ['Errors users saw', total ? fmtPct((fail + timeout) / total) : '—'],
    ['Mean latency users saw', total ? fmtMs(latencyWeighted / total) : '—'],
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
