import type { RunResult } from './harness';
import { capText, seconds } from './text';
import { judge, readMessage } from './sandbox/protocol';
import type { Timing } from './sandbox/protocol';

/**
 * Runs one submission safely and returns its result. The code runs in a dedicated worker
 * started from a blob inside a hidden iframe that is sandboxed (`allow-scripts` only: an opaque
 * origin with no access to this page, its storage or its cookies) and carries a Content
 * Security Policy that forbids every network connection. Two clocks stop a run by removing the
 * iframe, which ends the worker, so an endless loop never blocks the page: a generous one for
 * the sandbox to start (on a busy machine that can take a while), and the exercise's time limit,
 * which starts only when the worker says the learner's code is about to run. Every message is
 * checked strictly and the verdict is worked out here from each check's result
 * (sandbox/protocol.ts).
 */

export const DEFAULT_TIME_LIMIT_MS = 3000;
/** How long the sandbox may take to start before the learner's code runs. */
export const STARTUP_LIMIT_MS = 30_000;

const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:";

const BOOTSTRAP = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><script>
addEventListener('message', function (e) {
  if (e.source !== parent) return;
  var w = new Worker(URL.createObjectURL(new Blob([e.data.runtime], { type: 'text/javascript' })));
  w.onmessage = function (m) { parent.postMessage(m.data, '*'); };
  w.onerror = function (err) { err.preventDefault(); parent.postMessage({ kind: 'crash', message: String(err.message || 'the worker stopped') }, '*'); };
  w.postMessage(e.data.request);
}, { once: true });
parent.postMessage({ kind: 'ready' }, '*');
</script>`;

export interface SandboxRequest {
  code: string;
  /** The exercise's checks, compiled to JavaScript at build time. */
  checks: string;
  /** The checks' titles in order: the results must be exactly these. */
  checkTitles: readonly string[];
  timeLimitMs?: number;
  /** Overrides STARTUP_LIMIT_MS. */
  startupLimitMs?: number;
}

export async function runSandboxed(request: SandboxRequest): Promise<RunResult> {
  const { default: runtime } = await import('virtual:exercise-runtime');
  const limitMs = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const startupLimitMs = request.startupLimitMs ?? STARTUP_LIMIT_MS;
  return new Promise<RunResult>((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Exercise sandbox';
    frame.className = 'exercise-sandbox';
    frame.srcdoc = BOOTSTRAP;
    let startedAt: number | null = null;
    const timing = (): Timing => ({
      limitMs,
      usedMs: startedAt === null ? null : Math.round(performance.now() - startedAt),
    });
    const failed = (status: 'error' | 'timeout', message: string): RunResult => ({
      status,
      message,
      checks: [],
      output: '',
      ...timing(),
    });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (result: RunResult) => {
      window.removeEventListener('message', onMessage);
      if (timer !== null) clearTimeout(timer);
      frame.remove();
      resolve(result);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      const message = readMessage(event.data);
      if (!message) {
        finish(failed('error', 'The exercise runner sent back something unreadable.'));
        return;
      }
      switch (message.kind) {
        case 'ready':
          frame.contentWindow?.postMessage(
            { runtime, request: { code: request.code, checks: request.checks } },
            '*',
          );
          return;
        case 'started':
          if (startedAt !== null) return;
          // The time limit counts only the learner's code, not the sandbox starting up.
          startedAt = performance.now();
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(
            () =>
              finish(
                failed(
                  'timeout',
                  `Your code did not finish within its time limit of ${seconds(limitMs)}, so it was stopped. Is there a loop that never ends, or a wait for a clock that never moves?`,
                ),
              ),
            limitMs,
          );
          return;
        case 'crash':
          finish(
            failed(
              'error',
              `Your code crashed the runner: ${capText(message.message, 'its message')}`,
            ),
          );
          return;
        default:
          finish(judge(message, request.checkTitles, timing()));
      }
    };
    window.addEventListener('message', onMessage);
    timer = setTimeout(
      () =>
        finish(
          failed(
            'error',
            `The sandbox did not start within ${seconds(startupLimitMs)}, so your code was not run. The computer may be busy: try again.`,
          ),
        ),
      startupLimitMs,
    );
    document.body.append(frame);
  });
}
