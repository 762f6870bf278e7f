import { compileModule, learnerLine, syntaxLine, transpile } from '../evaluate.ts';
import { BoundedOutput, describeError, runChecks } from '../harness.ts';
import type { Check } from '../harness.ts';
import * as kit from '../kit.ts';
import { freezeChain, hardenModule, lockRealm } from './harden.ts';
import type { CheckedMessage, FailedMessage, WorkerMessage } from './protocol.ts';

/**
 * The code of the dedicated worker that runs one submission, bundled on its own into a single
 * script (see exerciseRuntime in vitePlugin.ts) and started from a blob inside a sandboxed,
 * opaque-origin iframe whose Content Security Policy forbids every connection. Once the code
 * is compiled, and before any of it runs, the worker hardens its realm (SES lockdown, a frozen
 * kit and global object: see harden.ts), replaces the network, storage and worker APIs with
 * functions that fail in words, and captures the console within a bound. It then says
 * "started", runs the learner's module and the checks in order, and posts each check's result
 * (never an overall verdict: the page works that out). The page enforces the time limit by
 * removing the iframe, which ends the worker.
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
    Compartment: 'Making code from a string (eval, new Function)',
    lockdown: 'Hardening the sandbox again (lockdown)',
    repairIntrinsics: 'Hardening the sandbox again (lockdown)',
    hardenIntrinsics: 'Hardening the sandbox again (lockdown)',
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
  // build an `import()` the transpiler never saw. lockdown() has already made the constructors
  // reachable from function prototypes throw; the globals are replaced here.
  const noCode = blocked('Making code from a string (eval, new Function)');
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

type Outcome = CheckedMessage | FailedMessage;

export async function runSubmission(
  request: RunRequest,
  scope: Record<string, unknown>,
  /** Called just before the learner's code first runs: the time limit starts then. */
  started: () => void,
): Promise<Outcome> {
  const output = new BoundedOutput();
  const fail = (message: string): FailedMessage => ({
    kind: 'failed',
    message,
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
  // The kit is hardened (deep-frozen) once the realm is locked down, before any module runs.
  const modules: Record<string, unknown> = {};
  try {
    load = compileModule(js, modules);
    loadChecks = compileModule(request.checks, modules, 'checks.js');
  } catch (error) {
    return fail(`Your code does not compile: ${describeError(error)}`);
  }
  // Not the learner's doing if this throws: the runner reports its own failure.
  lockRealm();
  modules.kit = hardenModule(kit);
  const checks = (loadChecks().default ?? []) as Check<Record<string, unknown>>[];
  neutralise(scope);
  const format = (args: unknown[]) =>
    args
      .map((a) => {
        if (typeof a === 'string') return a;
        try {
          return String(JSON.stringify(a));
        } catch {
          try {
            return String(a);
          } catch {
            return '(a value that cannot be shown)';
          }
        }
      })
      .join(' ');
  const console_ = scope.console as Record<string, unknown>;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    console_[level] = (...args: unknown[]) =>
      output.write(`${level === 'log' ? '' : `[${level}] `}${format(args)}`);
  freezeChain(scope);
  started();
  let mod: Record<string, unknown>;
  try {
    mod = load();
  } catch (error) {
    let line: number | null = null;
    try {
      line = learnerLine(error);
    } catch {
      /* no line, then */
    }
    return fail(
      `Your code threw while loading${line ? ` (line ${line})` : ''}: ${describeError(error)}`,
    );
  }
  const results = await runChecks(checks, mod, learnerLine);
  return { kind: 'checked', checks: results, output: output.toString() };
}

/** Worker entry: one request in, "started" and one result out. */
export function startWorker(
  scope: Record<string, unknown> & { postMessage(m: unknown): void },
): void {
  let running = false;
  // Kept before neutralise() replaces it, so learner code cannot post a message of its own.
  const postMessage = scope.postMessage.bind(scope);
  const post = (message: WorkerMessage) => {
    try {
      postMessage(message);
    } catch {
      // Only text leaves the sandbox, so this is a last resort: say so rather than go quiet.
      postMessage({
        kind: 'failed',
        message: 'Your code produced a value that cannot be copied out of the sandbox.',
        output: '',
      } satisfies FailedMessage);
    }
  };
  (scope as unknown as { onmessage: (e: MessageEvent<RunRequest>) => void }).onmessage = (e) => {
    if (running) return;
    running = true;
    void runSubmission(e.data, scope, () => post({ kind: 'started' })).then(
      post,
      (error: unknown) =>
        post({
          kind: 'failed',
          message: `The exercise runner failed: ${describeError(error)}`,
          output: '',
        }),
    );
  };
}
