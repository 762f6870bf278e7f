import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModule, learnerLine, syntaxLine, transpile } from './evaluate';
import { BoundedOutput, runChecks } from './harness';
import type { Check } from './harness';
import * as kit from './kit';
import { loadExercise } from './load';
import { overallStatus } from './sandbox/protocol';
import { mergeExercise } from './stored';
import { lineDiff } from './ui/diff';

const load = (source: string) => compileModule(transpile(source, 'solution.ts'), { kit })();

describe('evaluating exercise code', () => {
  it('strips types, keeps line numbers and maps errors to the learner’s line', () => {
    const mod = load(
      `import { expectTrue } from 'kit';\ntype N = number;\nexport function f(x: N): N {\n  if (x > 1) throw new Error('boom');\n  return x;\n}\nexport const k = typeof expectTrue;\n`,
    );
    expect(mod.k).toBe('function');
    let thrown: unknown;
    try {
      (mod.f as (x: number) => number)(5);
    } catch (error) {
      thrown = error;
    }
    expect(learnerLine(thrown)).toBe(4);
  });

  it('lets code import only the kit, dynamic import included', async () => {
    expect(() => load(`import fs from 'node:fs';\nexport const x = fs;`)).toThrow(
      /Only "kit" can be imported in an exercise, not "node:fs"/,
    );
    const mod = load(`export function g() { return import('https://example.com/x.js'); }`);
    await expect((mod.g as () => Promise<unknown>)()).rejects.toThrow(/Only "kit"/);
  });

  it('reports a syntax error with its line', () => {
    let thrown: unknown;
    try {
      transpile('const a = 1;\nexport function (', 'solution.ts');
    } catch (error) {
      thrown = error;
    }
    expect(syntaxLine(thrown)).toBe(2);
  });
});

describe('running checks', () => {
  const checks: Check<{ add: (a: number, b: number) => number }>[] = [
    {
      title: 'adds',
      objective: 'o1',
      hint: 'h1',
      run: (m) => kit.expectEqual(m.add(2, 3), 5, 'add(2, 3)'),
    },
    {
      title: 'throws',
      objective: 'o2',
      hint: 'h2',
      run: () => {
        throw new TypeError('bad');
      },
    },
    {
      title: 'async',
      objective: 'o3',
      hint: 'h3',
      run: async () => {
        await kit.settle();
      },
    },
  ];

  it('runs every check in order, reporting pass, fail with expected and actual, and errors', async () => {
    const results = await runChecks(checks, { add: (a, b) => a - b });
    expect(results.map((r) => [r.title, r.status])).toEqual([
      ['adds', 'fail'],
      ['throws', 'error'],
      ['async', 'pass'],
    ]);
    expect(results[0]).toMatchObject({
      message: 'add(2, 3)',
      expected: '5',
      actual: '-1',
      hint: 'h1',
    });
    expect(results[1]!.message).toBe('Your code threw: TypeError: bad');
    expect(overallStatus(results)).toBe('error');
    expect(overallStatus(results.filter((r) => r.status !== 'error'))).toBe('fail');
    expect(overallStatus([results[2]!])).toBe('pass');
  });

  it('bounds console output and says how much was cut', () => {
    const out = new BoundedOutput(20);
    out.write('0123456789');
    out.write('abcdefghij');
    out.write('x');
    expect(out.toString()).toBe('0123456789\nx\n… 11 more characters of output were cut.\n');
  });
});

describe('the kit', () => {
  it('wakes sleepers in time order and only when the clock is advanced', async () => {
    const clock = new kit.FakeClock();
    const woke: string[] = [];
    void clock.sleep(30).then(() => woke.push(`b@${clock.now()}`));
    void clock.sleep(10).then(() => woke.push(`a@${clock.now()}`));
    await kit.settle();
    expect(woke).toEqual([]);
    await clock.advance(20);
    expect(woke).toEqual(['a@10']);
    await clock.advance(20);
    expect(woke).toEqual(['a@10', 'b@30']);
    expect(clock.now()).toBe(40);
  });

  it('a fake service counts calls in flight and fails when told to', async () => {
    const clock = new kit.FakeClock();
    const svc = new kit.FakeService(clock, 10);
    const calls = [svc.call(), svc.call()];
    svc.failing = true;
    const third = svc.call();
    await clock.advance(10);
    await expect(Promise.all(calls)).resolves.toEqual(['ok', 'ok']);
    await expect(third).rejects.toThrow('downstream failed');
    expect([svc.calls, svc.maxInFlight, svc.inFlight]).toEqual([3, 3, 0]);
  });

  it('the seeded random source repeats itself', () => {
    const a = kit.seededRandom(4);
    const b = kit.seededRandom(4);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('stored exercises and the solution diff', () => {
  it('merge keeps the code saved last, the larger run count and the first pass', () => {
    const a = {
      code: 'a',
      savedAt: '2026-11-20T10:00:00.000Z',
      runs: 5,
      passedAt: '2026-11-21T10:00:00.000Z',
    };
    const b = {
      code: 'b',
      savedAt: '2026-11-22T10:00:00.000Z',
      runs: 2,
      passedAt: '2026-11-20T12:00:00.000Z',
    };
    expect(mergeExercise(a, b)).toEqual({
      code: 'b',
      savedAt: b.savedAt,
      runs: 5,
      passedAt: b.passedAt,
    });
    expect(mergeExercise(b, { ...a, passedAt: null })).toMatchObject({
      code: 'b',
      passedAt: b.passedAt,
    });
  });

  it('diffs line by line, ignoring indentation changes', () => {
    expect(lineDiff('a\nb\nc', 'a\n  b\nd\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: '  b' },
      { kind: 'ours', text: 'd' },
      { kind: 'same', text: 'c' },
    ]);
  });
});

describe('loading an exercise folder', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  async function folder(files: Record<string, string>) {
    const content = await mkdtemp(path.join(tmpdir(), 'exercise-'));
    const dir = path.join(content, 'mod', 'exercises', 'adder');
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return loadExercise(content, 'mod', 'adder', root);
  }
  const checks = `import type * as Solution from './solution';\nimport { expectEqual } from 'kit';\nimport type { Check } from 'kit';\nconst checks: Check<typeof Solution>[] = [{ title: 'adds', objective: 'o', hint: 'h', run: (m) => expectEqual(m.add(2, 3), 5, 'add(2, 3)') }];\nexport default checks;\n`;
  const good = {
    'exercise.json': '{"title": "Adder"}',
    'starter.ts': 'export function add(a: number, b: number): number {\n  return 0;\n}\n',
    'solution.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
    'checks.ts': checks,
  };

  it('proves a good exercise and compiles its checks', async () => {
    const r = await folder(good);
    expect(r.problems).toEqual([]);
    expect(r.exercise).toMatchObject({
      key: 'mod/adder',
      title: 'Adder',
      timeLimitMs: 3000,
      checkTitles: ['adds'],
    });
    expect(r.exercise!.kitDts).toMatch(/export declare class FakeClock/);
  });

  it('refuses a solution that fails, a starter that passes, and code that does not type-check', async () => {
    const failing = await folder({ ...good, 'solution.ts': good['starter.ts'] });
    expect(failing.problems.map((p) => p.message).join(' ')).toMatch(
      /reference solution fails check "adds"/,
    );
    const easy = await folder({ ...good, 'starter.ts': good['solution.ts'] });
    expect(easy.problems.map((p) => p.message).join(' ')).toMatch(
      /starter already passes every check/,
    );
    const typo = await folder({
      ...good,
      'solution.ts': 'export function add(a: number, b: number): string {\n  return a + b;\n}\n',
    });
    const inSolution = typo.problems.find((p) => p.file.endsWith('solution.ts'));
    expect(inSolution).toMatchObject({ line: 2 });
    expect(inSolution!.message).toMatch(/does not type-check/);
    const missing = await folder({ 'exercise.json': '{"title": "Adder"}' });
    expect(missing.problems[0]!.message).toMatch(/needs starter.ts/);
  });
});
