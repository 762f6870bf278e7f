import type * as Solution from './solution';
import { CheckFailure, expectEqual, expectTrue, FakeClock, FakeService, settle } from 'kit';
import type { Check } from 'kit';

type Mod = typeof Solution;

/** A fresh clock, a service on it (10 ms per call) and a breaker: threshold 3, open 100 ms, cap 350 ms. */
function setup({ CircuitBreaker }: Mod) {
  const clock = new FakeClock();
  const service = new FakeService(clock);
  const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 100, maxOpenMs: 350, clock });
  return { clock, service, breaker };
}

type Setup = ReturnType<typeof setup>;

/** Where a promise stands, read without waiting on the fake clock. */
type Outcome = { state: 'pending' } | { state: 'resolved'; value: unknown } | { state: 'rejected'; error: unknown };

function track(p: Promise<unknown>): { readonly now: Outcome } {
  const box: { now: Outcome } = { now: { state: 'pending' } };
  p.then(
    (value) => (box.now = { state: 'resolved', value }),
    (error: unknown) => (box.now = { state: 'rejected', error }),
  );
  return box;
}

/** Makes one call through the breaker and lets the service's 10 ms pass; 'ok' or the error. */
async function callOnce({ clock, service, breaker }: Setup): Promise<unknown> {
  const outcome = track(breaker.call(() => service.call()));
  await clock.advance(service.latencyMs);
  const o = outcome.now;
  if (o.state === 'pending')
    throw new CheckFailure(
      `a call was still unfinished ${service.latencyMs} ms later, though the service answers in ${service.latencyMs} ms`,
    );
  return o.state === 'resolved' ? o.value : o.error;
}

/** Fails unless `p` has already been refused with a BreakerOpenError; no clock time passes. */
async function expectRefused(mod: Mod, p: Promise<unknown>, what: string): Promise<void> {
  const outcome = track(p);
  await settle();
  const o = outcome.now;
  if (o.state === 'pending')
    throw new CheckFailure(`${what}: should be refused at once`, 'rejected at once', 'still waiting');
  if (o.state === 'resolved')
    throw new CheckFailure(`${what}: should be refused`, 'a BreakerOpenError', `resolved with ${String(o.value)}`);
  expectTrue(o.error instanceof mod.BreakerOpenError, `${what}: should reject with a BreakerOpenError`);
}

async function fail(s: Setup, times: number): Promise<void> {
  s.service.failing = true;
  for (let i = 0; i < times; i++) await callOnce(s);
}

/** Trips the breaker (3 failures) and returns the time it opened at. */
async function trip(s: Setup): Promise<number> {
  await fail(s, 3);
  return s.clock.now();
}

/** Waits until `at` on the fake clock. */
const waitUntil = (s: Setup, at: number) => s.clock.advance(at - s.clock.now());

const checks: Check<Mod>[] = [
  {
    title: 'Opens after 3 consecutive failures, passing each error on',
    objective:
      'A closed breaker is transparent: it returns what the call returns, rethrows what it throws, and trips only when failures reach the threshold.',
    hint: 'Count failures in a row while closed; when the count reaches failureThreshold, switch to open. Rethrow the original error, do not wrap it.',
    async run(mod) {
      const s = setup(mod);
      s.service.failing = true;
      const first = await callOnce(s);
      expectTrue(
        first instanceof Error && first.message === 'downstream failed',
        'the caller should get the downstream error itself ("downstream failed")',
      );
      await fail(s, 1);
      expectEqual(s.breaker.state, 'closed', 'state after 2 failures (threshold 3)');
      await fail(s, 1);
      expectEqual(s.breaker.state, 'open', 'state after 3 failures in a row');
    },
  },
  {
    title: 'A success resets the failure count',
    objective: 'The breaker counts consecutive failures: one success in between starts the count again.',
    hint: 'On every success while closed, set the consecutive-failure count back to zero.',
    async run(mod) {
      const s = setup(mod);
      await fail(s, 2);
      s.service.failing = false;
      expectEqual(await callOnce(s), 'ok', 'value returned by a successful call');
      await fail(s, 2);
      expectEqual(s.breaker.state, 'closed', 'state after fail, fail, success, fail, fail');
      await fail(s, 1);
      expectEqual(s.breaker.state, 'open', 'state after a third failure in a row');
    },
  },
  {
    title: 'Rejects at once while open, without calling downstream',
    objective:
      'An open breaker fails fast with its own error type, so callers can tell "refused" from "failed", and the struggling service gets no traffic.',
    hint: 'At the top of call(), if the breaker is open, throw a BreakerOpenError before calling fn. Make call() reject straight away, not after a sleep.',
    async run(mod) {
      const s = setup(mod);
      await trip(s);
      const before = s.service.calls;
      await expectRefused(mod, s.breaker.call(() => s.service.call()), 'a call while open');
      expectEqual(s.service.calls, before, 'downstream calls made while open');
    },
  },
  {
    title: 'Goes half-open once openMs has passed',
    objective: 'The open state is a timed cool-down: after openMs the breaker is ready to probe.',
    hint: 'Remember the clock time the breaker opened at; state is "half-open" once now − openedAt ≥ the open duration, even before any call arrives.',
    async run(mod) {
      const s = setup(mod);
      const openedAt = await trip(s);
      await waitUntil(s, openedAt + 99);
      expectEqual(s.breaker.state, 'open', 'state 99 ms after opening (openMs 100)');
      await waitUntil(s, openedAt + 100);
      expectEqual(s.breaker.state, 'half-open', 'state 100 ms after opening');
    },
  },
  {
    title: 'Half-open lets exactly one trial call through',
    objective:
      'Half-open probes with a single call; everything else is still refused until that trial answers.',
    hint: 'Keep a flag "trial in flight". The first call in half-open sets it and goes downstream; calls arriving while it is set get a BreakerOpenError. Clear it when the trial settles.',
    async run(mod) {
      const s = setup(mod);
      const openedAt = await trip(s);
      await waitUntil(s, openedAt + 100);
      s.service.failing = false;
      const before = s.service.calls;
      const calls = [1, 2, 3].map(() => s.breaker.call(() => s.service.call()));
      await settle();
      expectEqual(s.service.calls - before, 1, 'downstream calls when 3 arrive together in half-open');
      for (const p of calls.slice(1))
        await expectRefused(mod, p, 'a second call while the trial is in flight');
      const trial = track(calls[0]!);
      await s.clock.advance(10);
      expectEqual(trial.now.state, 'resolved', 'the trial call, 10 ms later');
    },
  },
  {
    title: 'A successful trial closes the breaker',
    objective: 'One good answer in half-open is the signal the dependency recovered: close and count afresh.',
    hint: 'When the trial call succeeds, set the state to closed and reset the failure count to zero.',
    async run(mod) {
      const s = setup(mod);
      const openedAt = await trip(s);
      await waitUntil(s, openedAt + 100);
      s.service.failing = false;
      expectEqual(s.breaker.state, 'half-open', 'state when the trial arrives');
      expectEqual(await callOnce(s), 'ok', 'the trial call’s result');
      expectEqual(s.breaker.state, 'closed', 'state after a successful trial');
      await fail(s, 2);
      expectEqual(s.breaker.state, 'closed', 'state after 2 new failures (the count starts again)');
    },
  },
  {
    title: 'A failed trial re-opens the breaker at once',
    objective: 'In half-open a single failure is enough evidence: go straight back to open.',
    hint: 'If the trial call fails, open the breaker immediately, whatever the failure count is.',
    async run(mod) {
      const s = setup(mod);
      const openedAt = await trip(s);
      await waitUntil(s, openedAt + 100);
      await callOnce(s);
      expectEqual(s.breaker.state, 'open', 'state after one failed trial');
    },
  },
  {
    title: 'Each re-opening doubles the wait, up to maxOpenMs',
    objective:
      'Exponential back-off on the open period: a dependency that keeps failing its trials is probed less and less often (openMs·2^k, capped at maxOpenMs).',
    hint: 'Count re-openings k since the last close; the open period is min(maxOpenMs, openMs · 2^k). A failed trial adds one to k.',
    async run(mod) {
      const s = setup(mod);
      let openedAt = await trip(s);
      // openMs 100, cap 350: the periods should be 100, 200, 350 (not 400), 350.
      for (const period of [100, 200, 350, 350]) {
        await waitUntil(s, openedAt + period - 1);
        expectEqual(s.breaker.state, 'open', `state ${period - 1} ms into a ${period} ms opening`);
        await waitUntil(s, openedAt + period);
        expectEqual(s.breaker.state, 'half-open', `state ${period} ms into a ${period} ms opening`);
        await callOnce(s); // the trial fails and re-opens the breaker
        openedAt = s.clock.now();
      }
    },
  },
  {
    title: 'Closing resets the wait to openMs',
    objective: 'The back-off is for one run of bad luck; once the breaker closes, the next trip starts from openMs again.',
    hint: 'When a trial succeeds and the breaker closes, set the re-opening count k back to zero.',
    async run(mod) {
      const s = setup(mod);
      let openedAt = await trip(s);
      await waitUntil(s, openedAt + 100);
      await callOnce(s); // failed trial: the next period is 200 ms
      openedAt = s.clock.now();
      await waitUntil(s, openedAt + 200);
      s.service.failing = false;
      await callOnce(s); // successful trial: closed
      openedAt = await trip(s);
      await waitUntil(s, openedAt + 100);
      expectEqual(s.breaker.state, 'half-open', 'state 100 ms after a fresh trip (back to openMs)');
    },
  },
  {
    title: 'Metrics count every call and every opening',
    objective:
      'A breaker you cannot observe is a breaker you cannot tune: count calls, successes, failures, rejections and openings.',
    hint: 'calls counts every call() (refused ones too); successes and failures count calls that reached fn; rejected counts refusals; opened counts every switch to open, re-openings included.',
    async run(mod) {
      const s = setup(mod);
      s.service.failing = false;
      await callOnce(s); // success
      const openedAt = await trip(s); // 3 failures, opened 1
      await expectRefused(mod, s.breaker.call(() => s.service.call()), 'a call while open');
      await waitUntil(s, openedAt + 100);
      await callOnce(s); // failed trial, opened 2
      await expectRefused(mod, s.breaker.call(() => s.service.call()), 'a call while open');
      const { calls, successes, failures, rejected, opened } = s.breaker.metrics;
      expectEqual(
        { calls, successes, failures, rejected, opened },
        { calls: 7, successes: 1, failures: 4, rejected: 2, opened: 2 },
        'metrics after 1 success, 3 failures, a refusal, a failed trial and another refusal',
      );
    },
  },
];

export default checks;
