// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckedMessage } from './sandbox/protocol';

vi.mock('virtual:exercise-runtime', () => ({ default: '/* the worker */' }));
const { runSandboxed } = await import('./runSandboxed');

/**
 * The page's clocks around the sandbox, with the sandbox's side played by hand: a start-up
 * clock until the worker says the learner's code has started, then the exercise's time limit.
 */

const passed: CheckedMessage = {
  kind: 'checked',
  checks: [
    {
      title: 'a',
      objective: 'o',
      hint: 'h',
      status: 'pass',
      message: null,
      expected: null,
      actual: null,
    },
  ],
  output: '',
};

async function sandboxSays(data: unknown) {
  const frame = document.querySelector<HTMLIFrameElement>('iframe.exercise-sandbox');
  if (!frame) throw new Error('no sandbox frame');
  window.dispatchEvent(new MessageEvent('message', { data, source: frame.contentWindow }));
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the exercise time limit', () => {
  const request = { code: '', checks: '', checkTitles: ['a'], timeLimitMs: 3000 };

  it('counts the learner’s code only, not the sandbox starting up', async () => {
    const run = runSandboxed(request);
    await vi.advanceTimersByTimeAsync(0);
    await sandboxSays({ kind: 'ready' });
    await vi.advanceTimersByTimeAsync(2_500); // a busy machine starts the worker slowly
    await sandboxSays({ kind: 'started' });
    await vi.advanceTimersByTimeAsync(1_500); // the code itself takes 1.5 s
    await sandboxSays(passed);
    await expect(run).resolves.toMatchObject({ status: 'pass', limitMs: 3000, usedMs: 1500 });
  });

  it('stops code that runs past the limit once started', async () => {
    const run = runSandboxed(request);
    await vi.advanceTimersByTimeAsync(0);
    await sandboxSays({ kind: 'ready' });
    await sandboxSays({ kind: 'started' });
    await vi.advanceTimersByTimeAsync(3_000);
    const r = await run;
    expect(r).toMatchObject({ status: 'timeout', usedMs: 3000 });
    expect(r.message).toMatch(/^Your code did not finish within its time limit of 3 s/);
    expect(document.querySelector('iframe.exercise-sandbox')).toBeNull();
  });

  it('stops a sandbox that never starts, and says so', async () => {
    const run = runSandboxed({ ...request, startupLimitMs: 30_000 });
    await vi.advanceTimersByTimeAsync(0);
    await sandboxSays({ kind: 'ready' });
    await vi.advanceTimersByTimeAsync(30_000);
    const r = await run;
    expect(r).toMatchObject({ status: 'error', usedMs: null });
    expect(r.message).toBe(
      'The sandbox did not start within 30 s, so your code was not run. The computer may be busy: try again.',
    );
  });

  it('refuses a message that claims a pass of its own', async () => {
    const run = runSandboxed(request);
    await vi.advanceTimersByTimeAsync(0);
    await sandboxSays({ kind: 'ready' });
    await sandboxSays({ kind: 'started' });
    await sandboxSays({ ...passed, checks: [], status: 'pass' });
    await expect(run).resolves.toMatchObject({
      status: 'error',
      message: 'The exercise runner sent back something unreadable.',
    });
  });
});
