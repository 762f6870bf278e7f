import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { transpile } from '../evaluate';
import { attacks, kitAttack } from './attacks';
import { judge, readMessage } from './protocol';
import type { CheckedMessage } from './protocol';
import { runInNodeSandbox } from './nodeSandbox';

/**
 * The real sandbox worker script, run in a fresh realm (a Node worker thread) and judged the way
 * the page judges it.
 */

const probeChecks = transpile(
  `import { expectEqual, FakeClock } from 'kit';
import type { Check } from 'kit';
const checks: Check<any>[] = [
  { title: 'pairs', objective: 'Returns its arguments in order', hint: 'Keep the order.', async run(m) { expectEqual(m.pair(2, 3), [2, 3], 'pair(2, 3)'); } },
  { title: 'naps', objective: 'Sleeps on the clock', hint: 'Call clock.sleep.', async run(m) { const clock = new FakeClock(); void m.nap(clock); expectEqual(clock.pending, 1, 'sleepers waiting'); } },
];
export default checks;
`,
  'checks.ts',
);
const probeTitles = ['pairs', 'naps'];
/** Fails "pairs" only. */
const wrongPair = `export function pair(a: number, b: number) { return [b, a]; }
export function nap(clock: { sleep(ms: number): Promise<void> }) { return clock.sleep(10); }
`;
/** Fails "naps" only. */
const noNap = `export function pair(a: number, b: number) { return [a, b]; }
export function nap(_clock: unknown) { return Promise.resolve(); }
`;
const right = `export function pair(a: number, b: number) { return [a, b]; }
export function nap(clock: { sleep(ms: number): Promise<void> }) { return clock.sleep(10); }
`;

const breakerDir = path.resolve(
  import.meta.dirname,
  '../../../content/control-distribution/exercises/breaker-basic',
);
const breakerChecks = transpile(
  readFileSync(path.join(breakerDir, 'checks.ts'), 'utf8'),
  'checks.ts',
);
const breakerStarter = readFileSync(path.join(breakerDir, 'starter.ts'), 'utf8');
const breakerTitles = [...breakerChecks.matchAll(/title:\s*'([^']+)'/g)].map((m) => m[1]!);

describe('the sandbox worker', () => {
  it('passes right code and fails wrong code, starting the clock before the code runs', async () => {
    const pass = await runInNodeSandbox(right, probeChecks, probeTitles);
    expect(pass).toMatchObject({ status: 'pass', started: true });
    expect(pass.checks.map((c) => c.status)).toEqual(['pass', 'pass']);
    const fail = await runInNodeSandbox(wrongPair, probeChecks, probeTitles);
    expect(fail.status).toBe('fail');
    expect(fail.checks[0]).toMatchObject({ status: 'fail', expected: '[2,3]', actual: '[3,2]' });
  });

  it('does not start the clock for code that does not parse', async () => {
    const r = await runInNodeSandbox('export function (', probeChecks, probeTitles);
    expect(r).toMatchObject({ status: 'error', started: false });
    expect(r.message).toMatch(/^Your code does not parse \(line 1\)/);
  });

  it('refuses code made from strings, in words', async () => {
    for (const make of [
      `eval("import('https://example.com/x.js')");`,
      `new Function('return 1')();`,
      `(function () {}).constructor('return 1')();`,
      `(async function () {}).constructor('return 1')();`,
      `setTimeout('1 + 1', 0);`,
    ]) {
      const r = await runInNodeSandbox(`${right}${make}\n`, probeChecks, probeTitles);
      expect(r.status, make).toBe('error');
      expect(r.message, make).toMatch(
        /^Your code threw while loading \(line 3\): Making code from a string \(eval, new Function\) is not available in exercises/,
      );
    }
  });

  describe('code that tries to fake a pass ends as not passed', () => {
    for (const [name, attack] of Object.entries(attacks))
      it(name, async () => {
        const r = await runInNodeSandbox(wrongPair + attack, probeChecks, probeTitles);
        expect(r.status).not.toBe('pass');
      });

    it('patching the kit (FakeClock.prototype) to make a check read what the code wants', async () => {
      const r = await runInNodeSandbox(noNap + kitAttack, probeChecks, probeTitles);
      expect(r.status).not.toBe('pass');
      expect(r.message).toMatch(/^Your code threw while loading \(line \d+\): TypeError/);
    });

    it('in the circuit breaker exercise too (push, some/every)', async () => {
      for (const name of [
        'Array.prototype.push rewrites every pushed check result to a pass',
        'Array.prototype.some and every always say "all passed"',
      ] as const) {
        const r = await runInNodeSandbox(
          breakerStarter + attacks[name],
          breakerChecks,
          breakerTitles,
        );
        expect(r.status, name).not.toBe('pass');
      }
    });

    it('posting a result of its own, or reaching the worker’s postMessage another way', async () => {
      const fake = `{ kind: 'checked', checks: [{ title: 'pairs', objective: 'o', hint: 'h', status: 'pass', message: null, expected: null, actual: null }, { title: 'naps', objective: 'o', hint: 'h', status: 'pass', message: null, expected: null, actual: null }], output: '' }`;
      for (const post of [
        `postMessage(${fake});`,
        `(self as any).postMessage(${fake});`,
        `Object.getPrototypeOf(self).postMessage.call(self, ${fake});`,
      ]) {
        const r = await runInNodeSandbox(`${wrongPair}\n${post}\n`, probeChecks, probeTitles);
        expect(r.status, post).toBe('error');
        expect(r.message).toMatch(/Sending messages out of the sandbox is not available/);
      }
    });
  });

  describe('what a hostile thrown value is reported as', () => {
    it('a 10 MB error message is cut, saying how long it was', async () => {
      const r = await runInNodeSandbox(
        `${right}\nthrow new Error('x'.repeat(10_000_000));\n`,
        probeChecks,
        probeTitles,
      );
      expect(r.status).toBe('error');
      expect(r.message).toMatch(
        /^Your code threw while loading \(line 4\): the error’s message is too long to show \(10 MB\); first 200 characters: x{200}…$/,
      );
    });

    it('a self-referential Proxy thrown from a check, or from loading', async () => {
      const proxy = `new Proxy({}, { get: (_t: object, _k: unknown, r: unknown) => r })`;
      const inCheck = await runInNodeSandbox(
        `export function pair() { throw ${proxy}; }\nexport function nap(c: any) { return c.sleep(1); }\n`,
        probeChecks,
        probeTitles,
      );
      expect(inCheck.status).toBe('error');
      expect(inCheck.checks[0]!.message).toBe(
        'Your code threw: a value that cannot be shown (reading it failed)',
      );
      const loading = await runInNodeSandbox(
        `${right}\nthrow ${proxy};\n`,
        probeChecks,
        probeTitles,
      );
      expect(loading.message).toBe(
        'Your code threw while loading: a value that cannot be shown (reading it failed)',
      );
    });

    it('a spoofed check failure carrying a Proxy as its expected value', async () => {
      const r = await runInNodeSandbox(
        `import { CheckFailure } from 'kit';\nexport function pair() { const f = Object.create(CheckFailure.prototype); f.message = 'nope'; f.expected = new Proxy({}, {}); throw f; }\nexport function nap(c: any) { return c.sleep(1); }\n`,
        probeChecks,
        probeTitles,
      );
      expect(r.status).toBe('fail');
      expect(r.checks[0]).toMatchObject({ status: 'fail', message: 'nope', expected: null });
    });
  });
});

describe('the page’s verdict on what the sandbox says', () => {
  const check = (title: string, status: 'pass' | 'fail' | 'error') => ({
    title,
    objective: 'o',
    hint: 'h',
    status,
    message: null,
    expected: null,
    actual: null,
  });
  const timing = { limitMs: 3000, usedMs: 120 };

  it('refuses any message with a field it does not expect, an overall status included', () => {
    const checked = { kind: 'checked', checks: [check('a', 'pass')], output: '' };
    expect(readMessage(checked)).toEqual(checked);
    expect(readMessage({ ...checked, status: 'pass' })).toBeNull();
    expect(
      readMessage({ ...checked, checks: [{ ...check('a', 'pass'), passed: true }] }),
    ).toBeNull();
    expect(
      readMessage({ kind: 'result', result: { status: 'pass', checks: [], output: '' } }),
    ).toBeNull();
    expect(readMessage({ kind: 'failed', message: 'x'.repeat(5_000), output: '' })).toBeNull();
  });

  it('works out the verdict itself, and only for this exercise’s checks in order', () => {
    const titles = ['a', 'b'];
    const msg = (checks: CheckedMessage['checks']): CheckedMessage => ({
      kind: 'checked',
      checks,
      output: '',
    });
    expect(judge(msg([check('a', 'pass'), check('b', 'pass')]), titles, timing)).toMatchObject({
      status: 'pass',
      limitMs: 3000,
      usedMs: 120,
    });
    expect(judge(msg([check('a', 'pass'), check('b', 'fail')]), titles, timing).status).toBe(
      'fail',
    );
    expect(judge(msg([check('a', 'fail'), check('b', 'error')]), titles, timing).status).toBe(
      'error',
    );
    for (const checks of [[], [check('a', 'pass')], [check('b', 'pass'), check('a', 'pass')]]) {
      const r = judge(msg(checks), titles, timing);
      expect(r.status).toBe('error');
      expect(r.message).toMatch(/not this exercise’s checks/);
    }
  });
});
