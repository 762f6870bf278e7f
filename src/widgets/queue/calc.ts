import { fmtDuration, fmtNum, fmtPct } from '../../calc/format.ts';
import { mg1, mmc, mmcWaitQuantile, PLAN_MAX_SERVERS, smallestServers } from './theory.ts';
import type { QueueMetrics, ServerTarget } from './theory.ts';
import { unknownAttributes } from '../../calc/attrs.ts';
import type { Attrs, Calculated } from '../../calc/attrs.ts';

/**
 * Numbers a lesson states about queues, computed from the model when the lesson is built
 * (`:calc{of="queue.mmc" ...}`), so prose and widget can never disagree.
 */

function numbers(
  attrs: Attrs,
  names: readonly string[],
  problems: string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const raw = attrs[name];
    const value = Number(raw);
    if (raw === undefined) problems.push(`needs ${name}="…"`);
    else if (raw.trim() === '' || !Number.isFinite(value) || value <= 0)
      problems.push(`${name} must be a positive number, not "${raw}"`);
    else out[name] = value;
  }
  return out;
}

const metricFormat: Record<string, (m: QueueMetrics) => string> = {
  rho: (m) => fmtPct(m.rho),
  pWait: (m) => fmtPct(m.pWait),
  Lq: (m) => fmtNum(m.Lq),
  L: (m) => fmtNum(m.L),
  Wq: (m) => fmtDuration(m.Wq),
  W: (m) => fmtDuration(m.W),
};
const quantiles = { waitP50: 0.5, waitP95: 0.95, waitP99: 0.99 } as const;

function metricName(attrs: Attrs, allowed: readonly string[], problems: string[]): string | null {
  const metric = attrs.metric;
  if (metric === undefined || !allowed.includes(metric)) {
    problems.push(
      `metric must be one of ${allowed.join(', ')}${metric ? `, not "${metric}"` : ''}`,
    );
    return null;
  }
  return metric;
}

/** M/M/c (Erlang C) values: `lambda` per second, `service` mean seconds, `servers`, `metric`. */
export function calcMmc(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['lambda', 'service', 'servers', 'metric'], problems);
  const n = numbers(attrs, ['lambda', 'service', 'servers'], problems);
  const metric = metricName(
    attrs,
    [...Object.keys(metricFormat), ...Object.keys(quantiles)],
    problems,
  );
  if (n.servers !== undefined && !Number.isInteger(n.servers))
    problems.push('servers must be a whole number');
  if (problems.length || metric === null) return { ok: false, problems };
  const mu = 1 / n.service!;
  const r = mmc(n.lambda!, mu, n.servers!);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  if (metric in quantiles) {
    const q = mmcWaitQuantile(
      n.lambda!,
      mu,
      n.servers!,
      quantiles[metric as keyof typeof quantiles],
    );
    return q === null
      ? { ok: false, problems: ['no percentile for an unstable queue'] }
      : { ok: true, text: fmtDuration(q) };
  }
  return { ok: true, text: metricFormat[metric]!(r.metrics) };
}

/** M/G/1 by Pollaczek–Khinchine: `lambda`, `service`, `cv` (0 is allowed), `metric`. */
export function calcMg1(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['lambda', 'service', 'cv', 'metric'], problems);
  const n = numbers(attrs, ['lambda', 'service'], problems);
  const cv = Number(attrs.cv);
  if (attrs.cv === undefined || attrs.cv.trim() === '' || !Number.isFinite(cv) || cv < 0)
    problems.push(`cv must be a number of 0 or more, not "${attrs.cv ?? ''}"`);
  const metric = metricName(attrs, ['rho', 'Lq', 'L', 'Wq', 'W'], problems);
  if (problems.length || metric === null) return { ok: false, problems };
  const r = mg1(n.lambda!, n.service!, cv);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  return { ok: true, text: metricFormat[metric]!(r.metrics) };
}

/** The smallest server count meeting exactly one target: `pWait` (share), `Wq` or `waitP99` (s). */
export function calcServers(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const targets = ['pWait', 'Wq', 'waitP99'] as const;
  unknownAttributes(attrs, ['lambda', 'service', ...targets], problems);
  const n = numbers(attrs, ['lambda', 'service'], problems);
  const given = targets.filter((t) => attrs[t] !== undefined);
  if (given.length !== 1) problems.push(`give exactly one target: ${targets.join(', ')}`);
  const metric = given[0];
  const value = metric ? numbers(attrs, [metric], problems)[metric] : undefined;
  if (problems.length || !metric || value === undefined) return { ok: false, problems };
  const target: ServerTarget = { metric, value };
  const c = smallestServers(n.lambda!, 1 / n.service!, target);
  return c === null
    ? {
        ok: false,
        problems: [
          `needs more than ${PLAN_MAX_SERVERS.toLocaleString('en')} servers, the most the planner searches`,
        ],
      }
    : { ok: true, text: c.toLocaleString('en') };
}
