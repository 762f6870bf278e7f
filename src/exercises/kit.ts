import { createRng } from '../sim/rng.ts';

/**
 * The helpers an exercise's code and checks may use, importable as `'kit'` inside an exercise:
 * a fake clock (time moves only when a check moves it, so timing checks are exact and instant),
 * a fake downstream service on that clock, a seeded random source, and the assertions checks
 * fail with. Pure TypeScript with no DOM or network: it runs in the sandboxed worker and in the
 * content lint alike. `kit.d.ts` in an exercise's editor is generated from this file's types.
 */

/** A check's failure, with what it expected and what it got, in words. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly expected?: string,
    readonly actual?: string,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

const show = (x: unknown): string => {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined)
    return String(x);
  try {
    return JSON.stringify(x);
  } catch {
    return Object.prototype.toString.call(x);
  }
};

/** Fails unless `actual` equals `expected` (same primitive, or the same JSON for arrays and objects). */
export function expectEqual<T>(actual: T, expected: T, what: string): void {
  const same =
    typeof expected === 'object' && expected !== null
      ? show(actual) === show(expected)
      : Object.is(actual, expected);
  if (!same) throw new CheckFailure(what, show(expected), show(actual));
}

/** Fails unless |actual − expected| ≤ tolerance. */
export function expectClose(
  actual: number,
  expected: number,
  tolerance: number,
  what: string,
): void {
  if (!(Math.abs(actual - expected) <= tolerance))
    throw new CheckFailure(what, `${expected} ± ${tolerance}`, show(actual));
}

/** Fails with `message` unless `condition` holds. */
export function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailure(message);
}

/** Resolves to the error `promise` rejects with, or fails if it resolves. */
export async function expectRejects(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    const value = await promise;
    throw new CheckFailure(what, 'a rejected promise', `resolved with ${show(value)}`);
  } catch (error) {
    if (error instanceof CheckFailure) throw error;
    return error;
  }
}

/** Lets pending promise callbacks run (a few turns of the microtask queue). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** Time in milliseconds that only moves when `advance` is called. */
export interface Clock {
  now(): number;
  /** Resolves after `ms` of clock time. */
  sleep(ms: number): Promise<void>;
}

export class FakeClock implements Clock {
  private time = 0;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
    });
  }

  /** Moves time forward by `ms`, waking every sleeper whose time has come, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.time = next.at;
      next.resolve();
      await settle();
    }
    this.time = target;
    await settle();
  }

  /** Sleepers still waiting. */
  get pending(): number {
    return this.timers.length;
  }
}

/**
 * A downstream service on a fake clock: each call takes `latencyMs` of clock time, then succeeds
 * with "ok" or fails with an Error("downstream failed"). It counts calls and the most calls it
 * ever had in flight at once.
 */
export class FakeService {
  latencyMs: number;
  failing = false;
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly clock: FakeClock,
    latencyMs = 10,
  ) {
    this.latencyMs = latencyMs;
  }

  async call(): Promise<string> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const fail = this.failing;
    try {
      await this.clock.sleep(this.latencyMs);
      if (fail) throw new Error('downstream failed');
      return 'ok';
    } finally {
      this.inFlight--;
    }
  }
}

/** A seeded source of uniform numbers in [0, 1): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  const rng = createRng(seed >>> 0);
  return rng.next;
}

/** One check of an exercise, run in order against the learner's module. */
export interface Check<Module = Record<string, unknown>> {
  title: string;
  /** The learning objective this check covers. */
  objective: string;
  /** Shown when the check fails. */
  hint: string;
  run(mod: Module): void | Promise<void>;
}
