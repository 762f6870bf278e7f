import { z } from 'zod';

/**
 * Parameters of the retry storm widget, with the limits and messages a learner sees, and its
 * presets. Imported at build time by the content lint, so only pure modules with `.ts` imports.
 *
 * The scenario: `clients` clients all see one request fail at time 0, when a dependency goes
 * down for `outageS` seconds. Each retries up to `retries` times, sleeping by capped exponential
 * backoff (ceiling min(cap, base·2^(k−1)) before retry k) with one of four jitter strategies.
 * Once back, the dependency serves at most `capacity` requests a second, counted in windows of
 * 100 ms; attempts beyond a window's share are turned away at once and count as failures.
 */

/** Capacity is counted per window of this many seconds. */
export const WINDOW_S = 0.1;
/** Most clients: 20,000 × 21 attempts × 4 strategies stays under two million events. */
export const MAX_CLIENTS = 20_000;
export const MAX_RETRIES = 20;

const fmt = (x: number) => x.toLocaleString('en');

const whole = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

const amount = (what: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(min, `${what} must be at least ${fmt(min)} ${unit}`)
    .max(max, `${what} must be at most ${fmt(max)} ${unit}`);

export const retryStormSchema = z
  .object({
    clients: whole('The number of clients', 1, MAX_CLIENTS),
    outageS: amount('The outage', 0, 600, 's'),
    capacity: amount('The capacity', 10, 1_000_000, 'requests a second'),
    retries: whole('The number of retries', 0, MAX_RETRIES),
    baseMs: amount('The base delay', 1, 60_000, 'ms'),
    capMs: amount('The cap', 1, 600_000, 'ms'),
  })
  // `when`: still say so while another field is wrong (a refinement is skipped by default then).
  .refine((p) => p.capMs >= p.baseMs, {
    path: ['capMs'],
    // `value` is whatever was parsed, null included (a tampered link), so read it with care.
    when: ({ value }) => {
      const v = value as { baseMs?: unknown; capMs?: unknown } | null | undefined;
      return Number.isFinite(v?.baseMs) && Number.isFinite(v?.capMs);
    },
    error: (issue) => {
      const { baseMs, capMs } = issue.input as { baseMs: number; capMs: number };
      return `The cap (${fmt(capMs)} ms) must be at least the base delay (${fmt(baseMs)} ms)`;
    },
  });

export type RetryStormParams = z.infer<typeof retryStormSchema>;

const storm = (over: Partial<RetryStormParams>): RetryStormParams => ({
  clients: 2000,
  outageS: 5,
  capacity: 1000,
  retries: 8,
  baseMs: 100,
  capMs: 10_000,
  ...over,
});

export const presets = {
  'thundering-herd': {
    title: 'Thundering herd: 2,000 clients, 5 s outage',
    description:
      'A dependency that serves 1,000 requests a second goes down for 5 s under 2,000 clients. Without jitter they all come back in the same instant, and the dependency can take only 100 of them in any 100 ms.',
    params: storm({}),
    seed: 1,
  },
  'short-blip': {
    title: 'Short blip: 0.5 s outage',
    description:
      'The same fleet, but the dependency is back after half a second: early retries are small and close together, and jitter still decides how many are turned away.',
    params: storm({ outageS: 0.5 }),
    seed: 2,
  },
  'big-fleet': {
    title: 'Big fleet: 20,000 clients, 30 s outage, 5,000 req/s, 12 retries',
    description:
      'Ten times the clients, five times the capacity, a 30 s outage and twelve retries. The sleeps reach the 10 s cap while the dependency is still down: compare how many clients outlast the outage under each jitter.',
    params: storm({ clients: 20_000, outageS: 30, capacity: 5000, retries: 12 }),
    seed: 3,
  },
  'ample-capacity': {
    title: 'Ample capacity: 500 clients, 5,000 req/s',
    description:
      'When the dependency can absorb a whole wave (500 a window), synchronised retries cost nothing. Jitter matters when a wave outgrows capacity; here full and decorrelated jitter only let some clients spend every retry before the dependency is back.',
    params: storm({ clients: 500, capacity: 5000 }),
    seed: 4,
  },
} as const satisfies Record<
  string,
  { title: string; description: string; params: RetryStormParams; seed: number }
>;

export type RetryStormPresetName = keyof typeof presets;
