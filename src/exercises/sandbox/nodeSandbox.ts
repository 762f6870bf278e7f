import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunResult } from '../harness';
import { bundleExerciseRuntime } from '../vitePlugin';
import { judge, readMessage } from './protocol';

/**
 * For tests: runs a submission through the real sandbox worker script (the same bundle the
 * browser gets) in a fresh Node worker thread, a realm of its own, and judges what it posts the
 * way the page does. Node stands in for the browser's worker: `self` and `postMessage` are
 * shimmed, messages are structured-cloned the same way. The browser's iframe, its Content
 * Security Policy and the page's clocks are covered by the end-to-end tests instead.
 */

let runtime: Promise<string> | null = null;
const root = path.resolve(import.meta.dirname, '../../..');

const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = globalThis;
globalThis.postMessage = (m) => parentPort.postMessage(m);
(0, eval)(workerData.runtime);
globalThis.onmessage({ data: workerData.request });
`;

export async function runInNodeSandbox(
  code: string,
  checks: string,
  checkTitles: readonly string[],
  /** A guard for the test itself: a run this long is a failure of the test, not a verdict. */
  guardMs = 20_000,
): Promise<RunResult & { started: boolean }> {
  runtime ??= bundleExerciseRuntime(root).then((b) => b.code);
  const worker = new Worker(SHIM, {
    eval: true,
    workerData: { runtime: await runtime, request: { code, checks } },
  });
  let started = false;
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the sandbox did not answer')), guardMs);
      worker.on('error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.on('message', (data: unknown) => {
        const message = readMessage(data);
        if (!message || message.kind === 'ready' || message.kind === 'crash') {
          clearTimeout(timer);
          reject(new Error(`unexpected message: ${JSON.stringify(data)?.slice(0, 300)}`));
        } else if (message.kind === 'started') started = true;
        else {
          clearTimeout(timer);
          resolve({ ...judge(message, checkTitles, { limitMs: 0, usedMs: null }), started });
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}
