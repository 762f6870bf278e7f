import type * as Solution from './solution';
import { CheckFailure, expectClose, expectEqual, expectTrue, FakeClock, seededRandom } from 'kit';
import type { Check, Clock } from 'kit';

type Mod = typeof Solution;

/** A clock whose sleeps return at once, recording how long each one asked for. */
class RecordingClock implements Clock {
  time = 0;
  sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

/** fn that fails (with Error("failure #n")) its first `failures` calls, then returns "done". */
function flaky(failures: number) {
  const state = { attempts: 0 };
  const fn = async (): Promise<string> => {
    state.attempts++;
    if (state.attempts <= failures) throw new Error(`failure #${state.attempts}`);
    return 'done';
  };
  return { state, fn };
}

/** A random source that always returns `value`, counting how often it is asked. */
function constant(value: number) {
  const counter = { draws: 0 };
  return { counter, random: () => (counter.draws++, value) };
}

/** The sleeps of one run that fails every attempt (maxAttempts 6: five sleeps). */
async function sleepsOf(
  mod: Mod,
  jitter: Solution.Jitter,
  random: () => number,
  capMs = 1000,
): Promise<number[]> {
  const clock = new RecordingClock();
  const { fn } = flaky(Infinity);
  await mod
    .retryWithBackoff(fn, { maxAttempts: 6, baseMs: 100, capMs, jitter, random, clock })
    .catch(() => undefined);
  return clock.sleeps;
}

const checks: Check<Mod>[] = [
  {
    title: 'Returns the value once an attempt succeeds',
    objective: 'A retry hides a transient failure: the caller sees only the eventual success.',
    hint: 'Loop: call fn; if it resolves, return its value; if it rejects and attempts remain, sleep and go round again.',
    async run(mod) {
      const clock = new RecordingClock();
      const { state, fn } = flaky(2);
      const value = await mod
        .retryWithBackoff(fn, {
          maxAttempts: 5, baseMs: 100, capMs: 1000, jitter: 'none', random: () => 0.5, clock,
        })
        .catch((e: unknown) => `rejected after ${state.attempts} attempt(s): ${String(e)}`);
      expectEqual(value, 'done', 'value returned');
      expectEqual(state.attempts, 3, 'attempts (two failures, then a success)');
      expectEqual(clock.sleeps.length, 2, 'sleeps (one before each retry)');
    },
  },
  {
    title: 'Gives up after maxAttempts and rethrows the last error',
    objective: 'Retries are bounded: after maxAttempts attempts in all, the caller gets the most recent error.',
    hint: 'maxAttempts counts the first attempt too. Do not sleep after the final attempt; rethrow the error it produced.',
    async run(mod) {
      const clock = new RecordingClock();
      const { state, fn } = flaky(Infinity);
      let error: unknown = null;
      await mod
        .retryWithBackoff(fn, { maxAttempts: 4, baseMs: 100, capMs: 1000, jitter: 'none', random: () => 0.5, clock })
        .then(
          () => undefined,
          (e: unknown) => (error = e),
        );
      expectEqual(state.attempts, 4, 'attempts with maxAttempts 4');
      expectEqual(clock.sleeps.length, 3, 'sleeps');
      expectEqual(error instanceof Error ? error.message : String(error), 'failure #4', 'rejection');
    },
  },
  {
    title: 'Sleeps on the injected clock before retrying',
    objective: 'Backoff is real waiting, and an injected clock makes it testable without real time.',
    hint: 'Await options.clock.sleep(delay) between attempts; do not use setTimeout or a busy loop.',
    async run(mod) {
      const clock = new FakeClock();
      const { state, fn } = flaky(1);
      const done = mod
        .retryWithBackoff(fn, {
          maxAttempts: 3, baseMs: 100, capMs: 1000, jitter: 'none', random: () => 0.5, clock,
        })
        .catch((e: unknown) => `rejected after ${state.attempts} attempt(s): ${String(e)}`);
      await clock.advance(99);
      expectEqual(state.attempts, 1, 'attempts 99 ms after the first failure (baseMs 100)');
      await clock.advance(1);
      expectEqual(state.attempts, 2, 'attempts 100 ms after the first failure');
      expectEqual(await done, 'done', 'value returned');
    },
  },
  {
    title: 'Without jitter the delays double up to the cap',
    objective: 'Exponential backoff: min(capMs, baseMs · 2^r) for retry r = 0, 1, 2, …',
    hint: 'Before retry r (starting at 0) sleep min(capMs, baseMs · 2^r). With jitter "none", do not call random().',
    async run(mod) {
      const { counter, random } = constant(0.5);
      expectEqual(await sleepsOf(mod, 'none', random), [100, 200, 400, 800, 1000], 'sleeps (base 100, cap 1000)');
      expectEqual(counter.draws, 0, 'calls to random() with jitter "none"');
    },
  },
  {
    title: 'Full jitter scales each delay by random()',
    objective: 'Full jitter draws the sleep uniformly between 0 and the capped exponential delay.',
    hint: 'Compute the "none" delay for this retry, then multiply it by one fresh random() value.',
    async run(mod) {
      const { counter, random } = constant(0.25);
      expectEqual(await sleepsOf(mod, 'full', random), [25, 50, 100, 200, 250], 'sleeps when random() is always 0.25');
      expectEqual(counter.draws, 5, 'calls to random() (one per sleep)');
    },
  },
  {
    title: 'Full-jitter sleeps average half the capped delay',
    objective:
      'With a uniform draw, the mean full-jitter sleep is min(cap, base·2^r)/2: half the load on the server, spread over the whole window.',
    hint: 'Each sleep must lie in [0, min(capMs, baseMs · 2^r)). If the averages are off, check that you draw a new random() for every sleep.',
    async run(mod) {
      // 2000 runs with seed 7. Each average has a standard error of (capped delay)/√(12·2000) ≈ 0.65 % of
      // the capped delay, so a tolerance of 3 % is more than 4 standard errors.
      const runs = 2000;
      const random = seededRandom(7);
      const caps = [100, 200, 400, 800, 1000];
      const sums = caps.map(() => 0);
      for (let i = 0; i < runs; i++) {
        const sleeps = await sleepsOf(mod, 'full', random);
        expectEqual(sleeps.length, 5, 'sleeps per run');
        sleeps.forEach((s, r) => {
          const cap = caps[r]!;
          if (!(s >= 0 && s < cap))
            throw new CheckFailure(`sleep before retry ${r} out of range`, `in [0, ${cap})`, String(s));
          sums[r]! += s;
        });
      }
      caps.forEach((cap, r) =>
        expectClose(sums[r]! / runs, cap / 2, 0.03 * cap, `mean sleep before retry ${r} over ${runs} runs`),
      );
    },
  },
  {
    title: 'Decorrelated jitter grows from the previous delay',
    objective: 'Decorrelated jitter: next = min(cap, base + random()·(3·previous − base)), starting from previous = base.',
    hint: 'Keep the previous sleep in a variable (baseMs before the first retry) and feed it into the formula each time.',
    async run(mod) {
      const { random } = constant(0.5);
      // prev 100 → 200 → 350 → 575, capped at 500 → then 500 again.
      expectEqual(
        await sleepsOf(mod, 'decorrelated', random, 500),
        [200, 350, 500, 500, 500],
        'sleeps when random() is always 0.5 (base 100, cap 500)',
      );
    },
  },
  {
    title: 'Decorrelated sleeps stay between baseMs and three times the previous',
    objective: 'Each decorrelated sleep lies in [base, min(cap, 3·previous)), so delays grow but stay random.',
    hint: 'Use base + random()·(3·prev − base), then cap it; remember prev is the previous sleep after the cap.',
    async run(mod) {
      const random = seededRandom(11);
      for (let i = 0; i < 500; i++) {
        const sleeps = await sleepsOf(mod, 'decorrelated', random, 2000);
        expectEqual(sleeps.length, 5, 'sleeps per run (maxAttempts 6)');
        let prev = 100;
        for (const s of sleeps) {
          const high = Math.min(2000, 3 * prev);
          expectTrue(
            s >= 100 && (s < high || s === 2000),
            `a decorrelated sleep of ${s} ms after ${prev} ms: expected it in [100, ${high})`,
          );
          prev = s;
        }
      }
    },
  },
  {
    title: 'A retry budget allows retries up to its share of requests',
    objective: 'A budget caps retries at a fraction of traffic (plus a small reserve), so retries cannot multiply load during an outage.',
    hint: 'tryRetry() succeeds, and counts the retry, only while retries + 1 ≤ minRetries + ratio · requests.',
    run({ RetryBudget }) {
      const budget = new RetryBudget(0.1);
      for (let i = 0; i < 9; i++) budget.recordRequest();
      expectEqual(budget.tryRetry(), false, 'tryRetry() after 9 requests at ratio 0.1');
      budget.recordRequest();
      expectEqual(budget.tryRetry(), true, 'tryRetry() after 10 requests');
      expectEqual(budget.tryRetry(), false, 'a second tryRetry() after 10 requests');
      expectEqual(budget.retries, 1, 'retries counted');
      const reserve = new RetryBudget(0.1, 2);
      expectEqual(
        [reserve.tryRetry(), reserve.tryRetry(), reserve.tryRetry()],
        [true, true, false],
        'three tryRetry() calls with minRetries 2 and no requests yet',
      );
    },
  },
  {
    title: 'retryWithBackoff asks the budget before every retry',
    objective: 'With a 10 % budget, 20 failing requests cost at most 22 attempts instead of 60.',
    hint: 'Call budget.recordRequest() once per retryWithBackoff call, and budget.tryRetry() before each retry; stop with the last error when it says no.',
    async run(mod) {
      const budget = new mod.RetryBudget(0.1);
      let attempts = 0;
      let rejected = 0;
      for (let i = 0; i < 20; i++) {
        const { state, fn } = flaky(Infinity);
        await mod
          .retryWithBackoff(fn, {
            maxAttempts: 3, baseMs: 100, capMs: 1000, jitter: 'none', random: () => 0.5,
            clock: new RecordingClock(), budget,
          })
          .catch(() => rejected++);
        attempts += state.attempts;
      }
      expectEqual(rejected, 20, 'calls rejected (the service always fails)');
      expectEqual([budget.requests, budget.retries], [20, 2], '[budget.requests, budget.retries]');
      expectEqual(attempts, 22, 'attempts in all: 20 first attempts and 2 retries');
    },
  },
];

export default checks;
