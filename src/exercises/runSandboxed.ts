import { z } from 'zod/mini';
import type { RunResult } from './harness';

/**
 * Runs one submission safely and returns its result. The code runs in a dedicated worker
 * started from a blob inside a hidden iframe that is sandboxed (`allow-scripts` only: an opaque
 * origin with no access to this page, its storage or its cookies) and carries a Content
 * Security Policy that forbids every network connection. Past the time limit the iframe is
 * removed, which ends the worker: an endless loop never blocks the page. Whatever comes back is
 * validated before it is shown.
 */

export const DEFAULT_TIME_LIMIT_MS = 3000;

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

const text = z.nullable(z.string().check(z.maxLength(20_000)));
const resultSchema = z.object({
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  message: text,
  checks: z
    .array(
      z.object({
        title: z.string(),
        objective: z.string(),
        hint: z.string(),
        status: z.enum(['pass', 'fail', 'error']),
        message: text,
        expected: text,
        actual: text,
      }),
    )
    .check(z.maxLength(100)),
  output: z.string().check(z.maxLength(20_000)),
});

const messageSchema = z.union([
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('result'), result: resultSchema }),
  z.object({ kind: z.literal('crash'), message: z.string() }),
]);

export interface SandboxRequest {
  code: string;
  /** The exercise's checks, compiled to JavaScript at build time. */
  checks: string;
  timeLimitMs?: number;
}

const failed = (status: 'error' | 'timeout', message: string): RunResult => ({
  status,
  message,
  checks: [],
  output: '',
});

export async function runSandboxed(request: SandboxRequest): Promise<RunResult> {
  const { default: runtime } = await import('virtual:exercise-runtime');
  const limit = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return new Promise<RunResult>((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Exercise sandbox';
    frame.className = 'exercise-sandbox';
    frame.srcdoc = BOOTSTRAP;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (result: RunResult) => {
      window.removeEventListener('message', onMessage);
      if (timer !== null) clearTimeout(timer);
      frame.remove();
      resolve(result);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      const parsed = messageSchema.safeParse(event.data);
      if (!parsed.success) {
        finish(failed('error', 'The exercise runner sent back something unreadable.'));
        return;
      }
      const message = parsed.data;
      if (message.kind === 'ready') {
        frame.contentWindow?.postMessage(
          { runtime, request: { code: request.code, checks: request.checks } },
          '*',
        );
        // The clock starts when the code is handed over, not while the iframe loads.
        timer = setTimeout(
          () =>
            finish(
              failed(
                'timeout',
                `Your code did not finish within ${limit / 1000} s, so it was stopped. Is there a loop that never ends, or a wait for a clock that never moves?`,
              ),
            ),
          limit,
        );
      } else if (message.kind === 'result') finish(message.result);
      else finish(failed('error', `Your code crashed the runner: ${message.message}`));
    };
    window.addEventListener('message', onMessage);
    document.body.append(frame);
  });
}
