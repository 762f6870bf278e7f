import { fmtDuration } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { fleetPropagation } from './killSwitch.ts';

/**
 * A switch's time to reach a fleet, for lessons:
 * `:calc{of="killSwitch.propagation" hosts="200" ttl="60" poll="30" metric="fleetMean"}` →
 * T/2 + nP/(n + 1) = 59.9 s. `ttl` defaults to 0 (no shared cache). Metrics: hostMean,
 * fleetMean (default), fleetP50, fleetP99, worst.
 */
const metrics = ['hostMean', 'fleetMean', 'fleetP50', 'fleetP99', 'worst'] as const;

export function calcPropagation(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['hosts', 'ttl', 'poll', 'metric'], problems);
  const hosts = numberAttr(attrs, 'hosts', problems, { atLeast: 1, whole: true });
  const ttl = numberAttr(attrs, 'ttl', problems, { atLeast: 0, fallback: 0 });
  const poll = numberAttr(attrs, 'poll', problems);
  const metric = choice(attrs, 'metric', metrics, 'fleetMean', problems);
  if (problems.length || hosts === undefined || ttl === undefined || poll === undefined || !metric)
    return { ok: false, problems };
  const r = fleetPropagation(hosts, ttl, poll);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  return { ok: true, text: fmtDuration(r.value[metric]) };
}

export const killSwitchFormulaCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> =
  {
    'killSwitch.propagation': calcPropagation,
  };
