import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calcBestLag,
  calcLagged,
  calcMean,
  calcPartial,
  calcPearson,
  calcSpearman,
  correlationCalculations,
  DATASETS,
  fmtR,
} from './correlation.calc.ts';

const text = (t: string) => ({ ok: true, text: t });
const evening = { data: 'evening' };

describe('lesson calculations: correlation', () => {
  it('formats r with two decimals and a true minus sign', () => {
    expect(fmtR(0.98765)).toBe('0.99');
    expect(fmtR(-0.333)).toBe('−0.33');
    expect(fmtR(-0.001)).toBe('0.00');
    expect(fmtR(1)).toBe('1.00');
    expect(fmtR(Number.NaN)).toBe('—');
  });

  it('the data sets are the same length within each set', () => {
    for (const set of Object.values(DATASETS)) {
      const lengths = new Set(Object.values(set).map((s) => s.length));
      expect(lengths.size).toBe(1);
    }
  });

  it('the lesson prints the evening data set exactly as the calculations use it', () => {
    const lesson = readFileSync(
      new URL('../../content/probability/03-dependencies-correlation.md', import.meta.url),
      'utf8',
    );
    const rows = lesson
      .split('\n')
      .filter((line) => /^\| 19:\d\d \|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(2, 7)
          .map((cell) => Number(cell.trim())),
      );
    const set = DATASETS.evening!;
    const columns = ['rps', 'cpu', 'dbConn', 'p99', 'errors'];
    expect(rows).toHaveLength(12);
    columns.forEach((name, c) => expect(rows.map((row) => row[c])).toEqual(set[name]));
  });

  it('inline lists', () => {
    expect(calcPearson({ of: 'correlation.pearson', x: '1,2,3,4,5', y: '2,4,5,4,5' })).toEqual(
      text('0.77'),
    );
    expect(calcSpearman({ of: 'correlation.spearman', x: '1,2,3,4,5', y: '1,3,2,2,5' })).toEqual(
      text('0.67'),
    );
    expect(calcMean({ of: 'correlation.mean', x: '1, 2, 3, 4' })).toEqual(text('2.5'));
  });

  it('the evening data set', () => {
    const r = (x: string, y: string) =>
      calcPearson({ of: 'correlation.pearson', ...evening, x, y });
    expect(r('rps', 'cpu')).toEqual(text('0.99'));
    expect(r('rps', 'dbConn')).toEqual(text('0.98'));
    expect(r('dbConn', 'p99')).toEqual(text('0.89'));
    expect(r('p99', 'errors')).toEqual(text('0.89'));
    expect(calcMean({ of: 'correlation.mean', ...evening, x: 'rps' })).toEqual(text('493'));
    expect(
      calcLagged({ of: 'correlation.lagged', ...evening, x: 'dbConn', y: 'p99', lag: '1' }),
    ).toEqual(text('0.99'));
    expect(
      calcLagged({ of: 'correlation.lagged', ...evening, x: 'dbConn', y: 'p99', lag: '-1' }),
    ).toEqual(text('0.52'));
    expect(calcBestLag({ of: 'correlation.bestLag', ...evening, x: 'dbConn', y: 'p99' })).toEqual(
      text('1'),
    );
    expect(calcBestLag({ of: 'correlation.bestLag', ...evening, x: 'p99', y: 'dbConn' })).toEqual(
      text('-1'),
    );
    expect(
      calcBestLag({ of: 'correlation.bestLag', ...evening, x: 'dbConn', y: 'p99', metric: 'r' }),
    ).toEqual(text('0.99'));
    expect(calcSpearman({ of: 'correlation.spearman', ...evening, x: 'p99', y: 'errors' })).toEqual(
      text('0.94'),
    );
  });

  it('the confounder, the square and the outlier', () => {
    const day = { of: 'correlation.pearson', data: 'day' };
    expect(calcPearson({ ...day, x: 'logs', y: 'gcPause' })).toEqual(text('0.99'));
    expect(
      calcPartial({
        of: 'correlation.partial',
        data: 'day',
        x: 'logs',
        y: 'gcPause',
        z: 'traffic',
      }),
    ).toEqual(text('0.04'));
    expect(calcPearson({ of: 'correlation.pearson', data: 'square', x: 'x', y: 'y' })).toEqual(
      text('0.00'),
    );
    expect(calcPearson({ of: 'correlation.pearson', data: 'outlier', x: 'x', y: 'y' })).toEqual(
      text('0.95'),
    );
    expect(calcSpearman({ of: 'correlation.spearman', data: 'outlier', x: 'x', y: 'y' })).toEqual(
      text('0.25'),
    );
    expect(
      calcPearson({ of: 'correlation.pearson', x: '1,2,3,4,5,6,7,8', y: '5,3,6,2,5,4,3,5' }),
    ).toEqual(text('−0.06'));
  });

  it('explains bad attributes in words', () => {
    expect(calcPearson({ of: 'correlation.pearson', x: '1,2,x', y: '1,2,3' })).toEqual({
      ok: false,
      problems: ['x must be a comma-separated list of numbers, not "1,2,x"'],
    });
    expect(calcPearson({ of: 'correlation.pearson', data: 'nope', x: 'a', y: 'b' })).toEqual({
      ok: false,
      problems: ['data must be one of evening, day, square, outlier, not "nope"'],
    });
    expect(calcPearson({ of: 'correlation.pearson', ...evening, x: 'rps', y: 'memory' })).toEqual({
      ok: false,
      problems: [
        'y="memory" is not a series of data="evening" (it has rps, cpu, dbConn, p99, errors)',
      ],
    });
    expect(calcPearson({ of: 'correlation.pearson', x: '1,1,1', y: '1,2,3' })).toEqual({
      ok: false,
      problems: ['x does not vary (every value is the same), so it has no correlation'],
    });
    expect(calcPearson({ of: 'correlation.pearson', x: '1,2,3', colour: 'red' })).toEqual({
      ok: false,
      problems: ['unknown attribute "colour" (known: data, x, y)', 'needs y="…"'],
    });
    expect(
      calcLagged({ of: 'correlation.lagged', ...evening, x: 'rps', y: 'cpu', lag: '1.5' }),
    ).toMatchObject({ ok: false });
    expect(
      calcBestLag({ of: 'correlation.bestLag', ...evening, x: 'rps', y: 'cpu', maxLag: '11' }),
    ).toMatchObject({ ok: false, problems: [expect.stringMatching(/smaller largest lag/)] });
  });

  it('registers every calculation under correlation.*', () => {
    expect(Object.keys(correlationCalculations).sort()).toEqual([
      'correlation.bestLag',
      'correlation.lagged',
      'correlation.mean',
      'correlation.partial',
      'correlation.pearson',
      'correlation.spearman',
    ]);
  });
});
