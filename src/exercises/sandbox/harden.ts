import 'ses';

/**
 * Hardening the sandbox worker's realm before learner code runs, so the code cannot change what
 * the checks run on. SES `lockdown()` freezes every JavaScript intrinsic (Array.prototype,
 * JSON, Promise.prototype, Object…) and tames the Function constructors reachable from
 * function prototypes; the kit is then hardened (deep-frozen) and, once the worker's own set-up
 * is done, so is the global object with its prototypes, so a global such as `JSON` or `Promise`
 * cannot be pointed elsewhere either. The checks and the harness never change a built-in.
 */

/** Freezes the realm's intrinsics. Called once, after the code is compiled and before any runs. */
export function lockRealm(): void {
  lockdown({
    // Keep `error.stack`: errors point at the learner's own line (learnerLine reads it).
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    // The worker reports uncaught errors to the page as crashes; SES must not swallow them.
    errorTrapping: 'none',
    unhandledRejectionTrapping: 'none',
    // Numbers keep their thousands separators in messages.
    localeTaming: 'unsafe',
    // The worker replaces console methods to capture output.
    consoleTaming: 'unsafe',
    // The code is compiled before lockdown, and the worker then replaces the global eval and
    // Function with functions that fail in words; SES's own evaluators are not needed.
    evalTaming: 'unsafe-eval',
  });
}

/** A module's exports as a plain object, deep-frozen (classes, prototypes and all). */
export function hardenModule<T extends object>(mod: T): T {
  return harden({ ...mod });
}

/** Freezes an object and every prototype above it (for the global object, after set-up). */
export function freezeChain(scope: object): void {
  for (
    let target: object | null = scope;
    target !== null;
    target = Object.getPrototypeOf(target) as object | null
  )
    Object.freeze(target);
}
