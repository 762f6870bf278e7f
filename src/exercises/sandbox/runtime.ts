import { compileModule, learnerLine, syntaxLine, transpile } from '../evaluate.ts';
import { BoundedOutput, describeError, overallStatus, runChecks } from '../harness.ts';
import type { Check, RunResult } from '../harness.ts';
import * as kit from '../kit.ts';

/**
 * The code of the dedicated worker that runs one submission, bundled on its own into a single
 * script (see exerciseRuntimePlugin in vite.config.ts) and started from a blob inside a
 * sandboxed, opaque-origin iframe whose Content Security Policy forbids every connection.
 * Before any learner code loads, it replaces the network, storage and worker APIs with
 * functions that fail in words, captures the console within a bound, then runs the checks in
 * order and posts one result. The page that started it enforces the time limit by removing
 * the iframe, which ends the worker.
 */

export interface RunRequest {
  code: string;
  checks: string;
}

const blocked = (what: string) =>
  function blockedApi(): never {
    throw new Error(
      `${what} is not available in exercises: your code runs without network or storage.`,
    );
  };

function neutralise(scope: Record<string, unknown>): void {
  const apis: Record<string, string> = {
    fetch: 'fetch',
    XMLHttpRequest: 'XMLHttpRequest',
    WebSocket: 'WebSocket',
    EventSource: 'EventSource',
    importScripts: 'importScripts',
    Worker: 'Starting a worker',
    SharedWorker: 'Starting a worker',
    BroadcastChannel: 'BroadcastChannel',
    postMessage: 'Sending messages out of the sandbox',
    WebTransport: 'WebTransport',
  };
  const getters: Record<string, string> = {
    indexedDB: 'indexedDB',
    caches: 'The cache storage',
    localStorage: 'localStorage',
    sessionStorage: 'sessionStorage',
    document: 'The page (document)',
    window: 'The page (window)',
  };
  // No new code at run time: eval, the Function constructors and string timers could otherwise
  // build an `import()` the transpiler never saw.
  const noCode = blocked('Making code from a string (eval, new Function)');
  const protos = [function () {}, async function () {}, function* () {}, async function* () {}].map(
    (f) => Object.getPrototypeOf(f) as { constructor: unknown },
  );
  for (const proto of protos)
    Object.defineProperty(proto, 'constructor', {
      value: noCode,
      writable: false,
      configurable: false,
    });
  for (const name of ['eval', 'Function'])
    Object.defineProperty(scope, name, { value: noCode, writable: false, configurable: false });
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const original = scope[name] as (handler: unknown, ...rest: unknown[]) => unknown;
    Object.defineProperty(scope, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') noCode();
        return original.call(scope, handler, ...rest);
      },
      writable: false,
      configurable: false,
    });
  }
  const targets: object[] = [scope];
  for (
    let proto = Object.getPrototypeOf(scope) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    targets.push(proto);
  for (const target of targets) {
    for (const [name, what] of Object.entries(apis))
      try {
        Object.defineProperty(target, name, {
          value: blocked(what),
          writable: false,
          configurable: false,
        });
      } catch {
        /* already locked */
      }
    for (const [name, what] of Object.entries(getters))
      try {
        Object.defineProperty(target, name, { get: blocked(what), configurable: false });
      } catch {
        /* already locked */
      }
  }
}

export async function runSubmission(
  request: RunRequest,
  scope: Record<string, unknown>,
): Promise<RunResult> {
  const output = new BoundedOutput();
  const fail = (message: string): RunResult => ({
    status: 'error',
    message,
    checks: [],
    output: output.toString(),
  });
  let js: string;
  try {
    js = transpile(request.code, 'solution.ts');
  } catch (error) {
    const line = syntaxLine(error);
    return fail(
      `Your code does not parse${line ? ` (line ${line})` : ''}: ${describeError(error).replace(/\s*\(\d+:\d+\)$/, '')}`,
    );
  }
  let load: () => Record<string, unknown>;
  let loadChecks: () => Record<string, unknown>;
  try {
    load = compileModule(js, { kit });
    loadChecks = compileModule(request.checks, { kit }, 'checks.js');
  } catch (error) {
    return fail(`Your code does not compile: ${describeError(error)}`);
  }
  neutralise(scope);
  const format = (args: unknown[]) =>
    args
      .map((a) =>
        typeof a === 'string'
          ? a
          : (() => {
              try {
                return JSON.stringify(a);
              } catch {
                return String(a);
              }
            })(),
      )
      .join(' ');
  const console_ = scope.console as Record<string, unknown>;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console_[level] = (...args: unknown[]) =>
      output.write(`${level === 'log' ? '' : `[${level}] `}${format(args)}`);
  let mod: Record<string, unknown>;
  try {
    mod = load();
  } catch (error) {
    const line = learnerLine(error);
    return fail(
      `Your code threw while loading${line ? ` (line ${line})` : ''}: ${describeError(error)}`,
    );
  }
  const checks = (loadChecks().default ?? []) as Check<Record<string, unknown>>[];
  const results = await runChecks(checks, mod, learnerLine);
  return {
    status: overallStatus(results),
    message: null,
    checks: results,
    output: output.toString(),
  };
}

/** Worker entry: one request in, one result out. */
export function startWorker(
  scope: Record<string, unknown> & { postMessage(m: unknown): void },
): void {
  let started = false;
  // Kept before neutralise() replaces it, so learner code cannot post a result of its own.
  const post = scope.postMessage.bind(scope);
  (scope as unknown as { onmessage: (e: MessageEvent<RunRequest>) => void }).onmessage = (e) => {
    if (started) return;
    started = true;
    void runSubmission(e.data, scope).then(
      (result) => post({ kind: 'result', result }),
      (error: unknown) =>
        post({
          kind: 'result',
          result: {
            status: 'error',
            message: `The exercise runner failed: ${describeError(error)}`,
            checks: [],
            output: '',
          },
        }),
    );
  };
}
