import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enginesProblems, nodeNeverRunsThem, readLock, satisfies } from './engines';

const pkg = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8'),
) as { engines: { node: string } };
/** The oldest Node the README promises: the lower bound of package.json's `engines`. */
const oldestNode = /(\d+\.\d+(?:\.\d+)?)/.exec(pkg.engines.node)![1]!;

describe('npm ranges', () => {
  it.each([
    ['20.19.0', '>=20.19', true],
    ['20.18.9', '>=20.19', false],
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['21.0.0', '^20.19.0 || >=22.12.0', false],
    ['20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0', true],
    ['20.19.0', '>=22.12.0', false],
    ['20.19.0', '18 || 20 || >=22', true],
    ['19.0.0', '18 || 20 || >=22', false],
    ['20.19.0', '>= 14 < 21', true],
    ['21.0.0', '>= 14 < 21', false],
    ['20.19.0', '~20.18', false],
    ['20.18.4', '~20.18', true],
    ['20.19.0', '*', true],
  ])('%s against %s → %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('says when it does not understand a range, instead of guessing', () => {
    expect(satisfies('20.19.0', 'latest')).toBeNull();
  });
});

describe('what the installed packages ask of Node', () => {
  it(`every package runs on Node ${oldestNode}, or Node never runs it (with the reason)`, () => {
    expect(enginesProblems(readLock(), oldestNode)).toEqual([]);
  });

  it('finds a package that needs a newer Node and is not excused', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/needs-22': { engines: { node: '>=22' } },
        'node_modules/mermaid': { engines: { node: '>=22.12.0' } },
        'node_modules/fine': { engines: { node: '>=18' } },
      },
    };
    expect(enginesProblems(lock, '20.19.0')).toEqual([
      { name: 'needs-22', path: 'node_modules/needs-22', node: '>=22' },
    ]);
  });

  it('every excuse is still needed (an excused package that stops asking comes off the list)', () => {
    const lock = readLock();
    const stillAsking = new Set(
      Object.entries(lock.packages)
        .filter(([, p]) => {
          const node = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
          return node !== undefined && satisfies(oldestNode, node) !== true;
        })
        .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 13)),
    );
    expect(Object.keys(nodeNeverRunsThem).filter((name) => !stillAsking.has(name))).toEqual([]);
  });
});
