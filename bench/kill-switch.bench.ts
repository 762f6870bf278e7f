import { afterAll, bench, describe } from 'vitest';
import { createRng } from '../src/sim/rng';
import { presets } from '../src/widgets/kill-switch/params';
import type { KillSwitchParams } from '../src/widgets/kill-switch/params';
import { drawRun, logNormal, runDesign, sharedFor } from '../src/widgets/kill-switch/simulate';
import type { Draws } from '../src/widgets/kill-switch/simulate';
import { formatRatio, formatSpread, ratio, spread } from './stats';

/**
 * One design of the kill switch drill against the same incident written plainly: for every
 * second, for every misbehaving host, add the host's rate times the share of that second it was
 * still acting. The peer works out from each run's draws when the switch reaches each host (the
 * flip, the shared cache's next refresh, the host's next poll), which covers an incident with no
 * alert, guards, growth or flag-service outage. Ours runs the model's `runDesign` on the same
 * draws: host plans with their outage logic, the acting hosts' change points swept once, the
 * guards, the alerting model's rule (off here) and the severity ladder. 1,000 runs of the
 * capacity-tool preset without its outage or alert (20 hosts, an hour); both sides must agree on
 * every run's harm (checked). The ratio is the peer's time over ours. Target: ≥ 1×.
 */
const params: KillSwitchParams = {
  ...presets['capacity-tool'].params,
  alert: false,
  flagDownForS: 0,
  runs: 1000,
};
const SEED = 1;
const MEASURED = 5;
const PASSES = { warmupIterations: 1, iterations: MEASURED, time: 0 };
const measured = (xs: number[]) => spread(xs.slice(-MEASURED));
const times = { ours: [] as number[], peer: [] as number[] };
const harm = { ours: [] as number[], peer: [] as number[] };

const draws: Draws[] = (() => {
  const rng = createRng(SEED);
  return Array.from({ length: params.runs }, () => drawRun(rng, params.hosts));
})();

function plainLoop(p: KillSwitchParams): number[] {
  const out: number[] = [];
  const perHost = p.actionsPerS / p.affected;
  for (const d of draws) {
    const detect = logNormal(p.humanMedianS, p.sigma, d.humanZ);
    const decided = detect + logNormal(p.decideMedianS, p.sigma, d.decideZ);
    const approval =
      p.approval === 'one'
        ? 0
        : Math.min(
            logNormal(p.approveMedianS, p.sigma, d.approveZ),
            p.fallbackS + logNormal(p.approveMedianS, p.sigma, d.fallbackZ),
          );
    const flip = decided + approval;
    const stops = new Float64Array(p.affected).fill(Infinity);
    if (flip < p.durationS)
      for (let h = 0; h < p.affected; h++) {
        const edge = p.ttlS > 0 ? (((d.edgeU * p.ttlS - flip) % p.ttlS) + p.ttlS) % p.ttlS : 0;
        const phase = d.phaseU[h]! * p.pollS;
        const seen = flip + edge;
        stops[h] = phase + p.pollS * Math.max(0, Math.ceil((seen - phase) / p.pollS - 1e-12));
      }
    let total = 0;
    for (let s = 0; s < p.durationS; s++)
      for (let h = 0; h < p.affected; h++)
        total += perHost * Math.min(1, Math.max(0, stops[h]! - s));
    out.push(total);
  }
  return out;
}

describe('kill switch drill, 1,000 runs of the capacity-tool incident, one design', () => {
  bench(
    'peer: every second, every host',
    () => {
      const start = performance.now();
      harm.peer = plainLoop(params);
      times.peer.push(performance.now() - start);
    },
    PASSES,
  );

  bench(
    'ours: runDesign (host plans, harm by the second through guards, alert rule, severity)',
    () => {
      const start = performance.now();
      const shared = sharedFor(params);
      harm.ours = draws.map((d) => runDesign(params, 'yours', d, shared).result.total);
      times.ours.push(performance.now() - start);
    },
    PASSES,
  );
});

afterAll(() => {
  if (!times.ours.length || !times.peer.length) return;
  const off = harm.ours.findIndex(
    (x, i) => Math.abs(x - harm.peer[i]!) > 1e-6 * Math.max(1, Math.abs(x)),
  );
  if (off >= 0)
    throw new Error(
      `run ${off + 1}: the model does ${harm.ours[off]} harm, the plain loop ${harm.peer[off]}: not the same incident`,
    );
  const mean = harm.ours.reduce((a, b) => a + b, 0) / harm.ours.length;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const ours = measured(times.ours);
  const peer = measured(times.peer);
  console.log(
    `kill-switch: both sides agree on all ${harm.ours.length} runs (mean harm ${Math.round(mean).toLocaleString('en')} servers removed); ours ${formatSpread(ours, ms)}, plain loop ${formatSpread(peer, ms)}`,
  );
  console.log(
    `kill-switch: ours runs ${formatRatio(ratio(peer, ours), 2)} the speed of every second for every host, medians (target ≥ 1×)`,
  );
});
