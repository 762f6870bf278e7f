import type * as Solution from './solution';
import { CheckFailure, expectEqual, expectTrue, FakeClock, FakeService, settle } from 'kit';
import type { Check } from 'kit';

type Mod = typeof Solution;

/** A fresh clock, a service on it (10 ms per call) and a breaker: threshold 3, open 100 ms. */
function setup({ CircuitBreaker }: Mod) {
  const clock = new FakeClock();
  const service = new FakeService(clock);
  const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 100, clock });
  return { clock, service, breaker };
}

type Setup = ReturnType<typeof setup>;

/** Where a promise stands, read without waiting on the fake clock. */
type Outcome =
  | { state: 'pending' }
  | { state: 'resolved'; value: unknown }
  | { state: 'rejected'; error: unknown };

function track(p: Promise<unknown>): { readonly now: Outcome } {
  const box: { now: Outcome } = { now: { state: 'pending' } };
  p.then(
    (value) => (box.now = { state: 'resolved', value }),
    (error: unknown) => (box.now = { state: 'rejected', error }),
  );
  return box;
}

/** Starts `count` calls in the same instant and lets the service's 10 ms pass. */
async function callTogether(s: Setup, count: number): Promise<Outcome[]> {
  const boxes = Array.from({ length: count }, () => track(s.breaker.call(() => s.service.call())));
  await s.clock.advance(s.service.latencyMs);
  return boxes.map((b) => b.now);
}

/** One call, 10 ms of service time; fails the check if it has not finished by then. */
async function callOnce(s: Setup): Promise<Outcome> {
  const [o] = await callTogether(s, 1);
  if (!o || o.state === 'pending')
    throw new CheckFailure('a single call was still unfinished after the service’s 10 ms');
  return o;
}

async function fail(s: Setup, times: number): Promise<void> {
  s.service.failing = true;
  for (let i = 0; i < times; i++) await callOnce(s);
}

/** Trips the breaker with 3 failures one after another, then waits until it is half-open. */
async function tripAndWait(s: Setup): Promise<void> {
  await fail(s, 3);
  await s.clock.advance(100);
}

async function expectRefused(mod: Mod, p: Promise<unknown>, what: string): Promise<void> {
  const box = track(p);
  await settle();
  const o = box.now;
  if (o.state === 'pending')
    throw new CheckFailure(`${what}: should be refused at once`, 'rejected at once', 'still waiting');
  if (o.state === 'resolved')
    throw new CheckFailure(`${what}: should be refused`, 'a BreakerOpenError', 'resolved');
  expectTrue(o.error instanceof mod.BreakerOpenError, `${what}: should reject with a BreakerOpenError`);
}

const checks: Check<Mod>[] = [
  {
    title: 'Calls that arrive together run together',
    objective:
      'A breaker must not throttle a healthy dependency: holding a lock across the remote call turns N concurrent requests into a queue of N.',
    hint: 'Look at how long the lock is held: from before the state check until after fn() has answered. Ask whether this breaker needs a lock at all in JavaScript, where code between two awaits is never interrupted.',
    async run(mod) {
      const s = setup(mod);
      const outcomes = await callTogether(s, 4);
      expectEqual(s.service.maxInFlight, 4, 'most calls in flight at once when 4 arrive together');
      expectEqual(
        outcomes.filter((o) => o.state === 'resolved').length,
        4,
        'calls finished 10 ms later (each takes 10 ms)',
      );
    },
  },
  {
    title: 'Failures that arrive together open the breaker together',
    objective:
      'Under a burst of failures the breaker trips as soon as the failures come back, not one service latency per queued call later.',
    hint: 'If three failing calls start at the same instant, all three should reach the service at once and fail 10 ms later. What makes the second wait for the first?',
    async run(mod) {
      const s = setup(mod);
      s.service.failing = true;
      const outcomes = await callTogether(s, 3);
      expectEqual(
        outcomes.filter((o) => o.state === 'rejected').length,
        3,
        'failed calls 10 ms after 3 failing calls started together',
      );
      expectEqual(s.breaker.state, 'open', 'state 10 ms after 3 failing calls started together');
    },
  },
  {
    title: 'Still opens after 3 failures in a row, and a success resets the count',
    objective: 'Fixing concurrency must keep the closed-state rule: consecutive failures trip the breaker.',
    hint: 'Keep the closed-state counting as it was: add one per failure, reset to zero on a success, open at failureThreshold.',
    async run(mod) {
      const s = setup(mod);
      await fail(s, 2);
      s.service.failing = false;
      await callOnce(s);
      await fail(s, 2);
      expectEqual(s.breaker.state, 'closed', 'state after fail, fail, success, fail, fail');
      await fail(s, 1);
      expectEqual(s.breaker.state, 'open', 'state after a third failure in a row');
    },
  },
  {
    title: 'Refuses at once while open',
    objective: 'An open breaker answers immediately with its own error and sends nothing downstream.',
    hint: 'A call arriving while open should be rejected with a BreakerOpenError without waiting for anything, including other calls.',
    async run(mod) {
      const s = setup(mod);
      await fail(s, 3);
      const before = s.service.calls;
      await expectRefused(mod, s.breaker.call(() => s.service.call()), 'a call while open');
      expectEqual(s.service.calls, before, 'downstream calls made while open');
    },
  },
  {
    title: 'Half-open sends one trial and refuses the rest',
    objective:
      'Without a lock, half-open still admits exactly one trial call; the others are refused, not queued.',
    hint: 'Calls that arrive while the trial is in flight should be refused straight away with a BreakerOpenError, not made to wait their turn.',
    async run(mod) {
      const s = setup(mod);
      await tripAndWait(s);
      s.service.failing = false;
      const before = s.service.calls;
      const calls = [1, 2, 3].map(() => s.breaker.call(() => s.service.call()));
      await settle();
      expectEqual(s.service.calls - before, 1, 'downstream calls when 3 arrive together in half-open');
      for (const p of calls.slice(1)) await expectRefused(mod, p, 'a call while the trial is in flight');
      await s.clock.advance(10);
    },
  },
  {
    title: 'One failed trial opens the breaker again',
    objective:
      'In half-open the dependency is on probation: a single failed trial is enough to re-open, whatever failureThreshold says.',
    hint: 'Follow a failed trial through recordFailure with failureThreshold 3. What is the failure count when the trial starts, and is the threshold the right test in half-open?',
    async run(mod) {
      const s = setup(mod);
      await tripAndWait(s);
      expectEqual(s.breaker.state, 'half-open', 'state 100 ms after tripping');
      const before = s.service.calls;
      await callOnce(s);
      expectEqual(s.breaker.state, 'open', 'state right after one failed trial');
      await expectRefused(mod, s.breaker.call(() => s.service.call()), 'a call right after a failed trial');
      expectEqual(s.service.calls - before, 1, 'downstream calls: the failed trial only');
    },
  },
  {
    title: 'After a failed trial the breaker waits a full openMs again',
    objective: 'Re-opening restarts the cool-down, so the next probe comes openMs after the failed trial.',
    hint: 'When a trial fails, record the time the breaker re-opened, so the next half-open comes openMs after that.',
    async run(mod) {
      const s = setup(mod);
      await tripAndWait(s);
      await callOnce(s);
      const reopenedAt = s.clock.now();
      await s.clock.advance(99);
      expectEqual(s.breaker.state, 'open', '99 ms after the failed trial (openMs 100)');
      await s.clock.advance(reopenedAt + 100 - s.clock.now());
      expectEqual(s.breaker.state, 'half-open', '100 ms after the failed trial');
    },
  },
  {
    title: 'A successful trial closes the breaker',
    objective: 'A good answer in half-open means the dependency is back: close and count from zero.',
    hint: 'When the trial succeeds, switch to closed with a failure count of zero.',
    async run(mod) {
      const s = setup(mod);
      await tripAndWait(s);
      s.service.failing = false;
      const o = await callOnce(s);
      expectEqual(o.state, 'resolved', 'the trial call');
      expectEqual(s.breaker.state, 'closed', 'state after a successful trial');
      await fail(s, 2);
      expectEqual(s.breaker.state, 'closed', 'state after 2 new failures');
    },
  },
];

export default checks;
