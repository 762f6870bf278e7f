/**
 * Programs that try to fake a pass from inside the sandbox, appended to an exercise's code. Each
 * one, run against the unhardened sandbox the workbook once had, turned failing checks into a
 * pass. Shared by the unit tests (sandbox.test.ts) and the end-to-end tests.
 */
export const attacks = {
  'Array.prototype.push rewrites every pushed check result to a pass': `
const push = Array.prototype.push;
Array.prototype.push = function (...items: any[]) {
  return push.apply(this, items.map((x) => x && typeof x === 'object' && 'objective' in x ? { ...x, status: 'pass', message: null, expected: null, actual: null } : x));
};`,
  'Array.prototype.some and every always say "all passed"': `
Array.prototype.some = function () { return false; };
Array.prototype.every = function () { return true; };`,
  'Array.prototype[Symbol.iterator] yields nothing, so no check runs': `
Array.prototype[Symbol.iterator] = function* () {};`,
  'Promise.prototype.then turns every rejection into a success': `
const then = Promise.prototype.then;
Object.defineProperty(Promise.prototype, 'constructor', { value: function () {}, writable: true, configurable: true });
Promise.prototype.then = function (ok: any) { return then.call(this, ok, () => (ok ? ok(undefined) : undefined)); } as any;`,
  'Object.defineProperty on Array.prototype indices rewrites each check object as it is stored': `
for (let i = 0; i < 100; i++)
  Object.defineProperty(Array.prototype, i, {
    configurable: true,
    set(v: any) {
      const value = v && typeof v === 'object' && 'objective' in v ? { ...v, status: 'pass', message: null, expected: null, actual: null } : v;
      Object.defineProperty(this, i, { value, writable: true, enumerable: true, configurable: true });
    },
  });`,
  'JSON.stringify says every value is the same': `
JSON.stringify = (() => '"same"') as any;`,
  'the global JSON is replaced by one whose stringify says every value is the same': `
(globalThis as any).JSON = { parse: JSON.parse, stringify: () => '"same"' };`,
} as const;

export type AttackName = keyof typeof attacks;

/** An attack on the kit the checks use, rather than on the built-ins. */
export const kitAttack = `
import { FakeClock } from 'kit';
Object.defineProperty(FakeClock.prototype, 'pending', { get: () => 1 });`;
