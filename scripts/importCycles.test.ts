import { describe, expect, it } from 'vitest';
import { cycles, importsOf, loopThrough } from './importCycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('import cycle check', () => {
  it('reads static, type-only, re-export and dynamic imports, not comments or packages', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b.ts';",
      "export { c } from './c';",
      "const V = lazy(() => import('./views/V'));",
      "import { z } from 'zod';",
      "// import { no } from './commented';",
      "/* import { no } from './block'; */",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../b.ts', './c', './views/V']);
  });

  it('finds every set of modules that import each other, and none in a tree', () => {
    expect(cycles(graph({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
    expect(cycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: ['e'] }))).toEqual([
      ['a', 'b', 'c'],
      ['e'],
    ]);
    // A registry and its views: the type import back is enough to make a cycle.
    expect(
      cycles(graph({ views: ['BloomView'], BloomView: ['views', 'types'], types: [] })),
    ).toEqual([['BloomView', 'views']]);
  });

  it('names one loop through a cycle for the message', () => {
    const g = graph({ a: ['x', 'b'], b: ['c'], c: ['a'], x: [] });
    expect(loopThrough(g, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'a']);
  });
});
