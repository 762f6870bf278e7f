import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaSpec } from '../types';
import { formulaSpecProblems, judgeFormula, previewFormula, readFormula } from './judge';
import { nameKey } from './names';

const tukey: FormulaSpec = {
  answer: 'Q3 + 1.5 IQR',
  accept: [],
  variables: [
    { name: 'Q1', min: 0, max: 50 },
    { name: 'Q3', min: 50, max: 100 },
  ],
  where: [{ name: 'IQR', formula: 'Q3 - Q1' }],
};

const pareto: FormulaSpec = {
  answer: 'x_m r^(-1/alpha)',
  accept: [],
  variables: [
    { name: 'x_m', min: 1, max: 100 },
    { name: 'r', min: 0.0001, max: 0.5 },
    { name: 'alpha', min: 1.1, max: 5 },
  ],
  where: [],
};

const verdict = (spec: FormulaSpec, typed: string) => judgeFormula(spec, typed).correct;

describe('judgeFormula', () => {
  it('accepts the key however it is written', () => {
    for (const typed of [
      'Q3 + 3/2 IQR',
      '1.5 IQR + Q3',
      'Q3 + 1.5*IQR',
      'Q3 + 1.5 × IQR',
      'Q3 + 1.5·IQR',
      'Q3 + 1.5 x IQR',
      'q3 + 1.5 iqr',
      'Q_3 + 1.5 IQR',
      'Q₃ + 1.5 IQR',
      'Q3 + 1.5(Q3 - Q1)',
      '2.5 Q3 - 1.5 Q1',
      'fence = Q3 + 1.5 IQR',
    ])
      expect(verdict(tukey, typed), typed).toBe(true);
  });

  it('refuses wrong formulas, and says where they differ', () => {
    for (const typed of ['Q3 - 1.5 IQR', 'Q1 + 1.5 IQR', 'Q3 + 3 IQR', '1.5 IQR', 'Q3 + 1.5 Q1'])
      expect(verdict(tukey, typed), typed).toBe(false);
    expect(judgeFormula(tukey, 'Q3 - 1.5 IQR').feedback).toMatch(
      /^Not the same formula: with Q1 = [\d.]+ and Q3 = [\d.]+, yours gives [\d.-]+ and the answer gives [\d.]+\.$/,
    );
  });

  it('reads Greek letters typed or spelled, powers written ^ or **, and subscripts', () => {
    for (const typed of [
      'x_m r^(-1/α)',
      'xm * r^(-1/alpha)',
      'x_m / r^(1/alpha)',
      'x_m*r**(-1/alpha)',
      'x_m (1/r)^(1/alpha)',
      'X_M R^(-1/Alpha)',
      'x_{m} r^{-1/\\alpha}',
    ])
      expect(verdict(pareto, typed), typed).toBe(true);
    for (const typed of [
      'x_m r^(1/alpha)',
      'x_m r^(-alpha)',
      'x_m r^(-1/alpha) + 1',
      'r^(-1/alpha)',
    ])
      expect(verdict(pareto, typed), typed).toBe(false);
  });

  it('tells an unreadable answer why, without marking it wrong', () => {
    const cases: [string, RegExp][] = [
      ['Q3 +', /stops too soon/],
      ['(Q3 + 1.5 IQR', /never closed/],
      ['Q3 + 1.5 IQR)', /“\)” with no “\(”/],
      [
        'Q3 + 1.5 fence',
        /“fence” is not a name this question uses; its formula uses Q1, Q3 and IQR/,
      ],
      ['Q3 + 1.5 IQR == 4', /one side only/],
      ['"Q3"', /not text in quotes/],
      ['foo(Q3)', /not a function these formulas use/],
      ['[Q1, Q3]', /not a list/],
      ['Q3 + 1.5 IQR; Q1', /./],
      ['', /No formula was given/],
      ['x'.repeat(600), /far too long/],
    ];
    for (const [typed, reason] of cases) {
      const v = judgeFormula(tukey, typed);
      expect(v.correct, typed).toBeNull();
      expect(v.feedback, typed).toMatch(reason);
      // The library's own wording never reaches the learner.
      expect(v.feedback, typed).not.toMatch(/char \d|Unexpected|SyntaxError|undefined/);
    }
  });

  it('never evaluates anything but arithmetic (no assignment, no function of the library)', () => {
    for (const typed of ['import({}, {})', 'evaluate("1")', 'f(x) = x', 'a.b', 'x ? 1 : 2'])
      expect(judgeFormula(tukey, typed).correct, typed).toBeNull();
  });

  it('skips points where the key has no value, and refuses an answer undefined where the key is not', () => {
    const root: FormulaSpec = {
      answer: 'sqrt(x - 5)',
      accept: [],
      variables: [{ name: 'x', min: 0, max: 10 }],
      where: [],
    };
    expect(verdict(root, '(x - 5)^(1/2)')).toBe(true);
    expect(verdict(root, 'sqrt(x - 5) / (x - x)')).toBe(false);
  });

  it('accepts the author’s other forms', () => {
    const spec: FormulaSpec = { ...pareto, accept: ['x_m'] };
    expect(verdict(spec, 'x_m')).toBe(true);
  });
});

describe('judgeFormula properties', () => {
  const coef = fc.integer({ min: 2, max: 9 });
  const names = ['a', 'b', 'c'];
  const spec = (answer: string): FormulaSpec => ({
    answer,
    accept: [],
    variables: names.map((name) => ({ name, min: 0.5, max: 4 })),
    where: [],
  });

  it('passes commuted sums and products, distributed products and equivalent fractions', () => {
    fc.assert(
      fc.property(coef, coef, coef, (p, q, k) => {
        const key = `${p} a + ${q} b c`;
        expect(verdict(spec(key), `c b ${q} + a ${p}`)).toBe(true);
        expect(verdict(spec(`${p} (a + b)`), `${p} a + ${p} b`)).toBe(true);
        expect(verdict(spec(`${p}/${q} a`), `${p * k}/${q * k} * a`)).toBe(true);
        expect(verdict(spec(`a^${p} b^${q}`), `b^${q} * a^${p}`)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('fails sign flips and swapped exponents', () => {
    fc.assert(
      fc.property(coef, coef, (p, q) => {
        expect(verdict(spec(`a + ${p} b`), `a - ${p} b`)).toBe(false);
        expect(verdict(spec(`a - ${p} b`), `${p} b - a`)).toBe(false);
        if (p !== q) expect(verdict(spec(`a^${p} b^${q}`), `a^${q} b^${p}`)).toBe(false);
        expect(verdict(spec(`a^(-1/${p})`), `a^(1/${p})`)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe('names and the preview', () => {
  it('compares names ignoring case, underscores and Greek script', () => {
    expect(nameKey('α')).toBe(nameKey('alpha'));
    expect(nameKey('Σ')).toBe(nameKey('sigma'));
    expect(nameKey('λ')).toBe('lambda');
    expect(nameKey('μ')).toBe(nameKey('µ')); // micro sign
    expect(nameKey('ρ')).toBe('rho');
    expect(nameKey('x_m')).toBe(nameKey('XM'));
  });

  it('shows how a formula was read', () => {
    expect(previewFormula('Q3 + 3/2 IQR', ['Q1', 'Q3', 'IQR'])).toEqual({
      ok: true,
      shown: 'Q3 + 3 / 2 · IQR',
    });
    expect(previewFormula('Q3 +', ['Q3']).ok).toBe(false);
  });

  it('reads with the names given and reports them', () => {
    const r = readFormula('2 λ t', ['lambda', 't']);
    expect(r.ok && [...r.names].sort()).toEqual(['lambda', 't']);
  });
});

describe('formulaSpecProblems (the content lint)', () => {
  it('finds keys that do not read, undeclared names and empty ranges', () => {
    expect(formulaSpecProblems(tukey)).toEqual([]);
    expect(formulaSpecProblems(pareto)).toEqual([]);
    const bad: FormulaSpec = {
      answer: 'Q3 + 1.5 IQR + z',
      accept: ['Q3 +'],
      variables: [
        { name: 'Q3', min: 5, max: 1 },
        { name: 'q3', min: 0, max: 1 },
      ],
      where: [{ name: 'IQR', formula: 'Q3 - Q1' }],
    };
    const messages = formulaSpecProblems(bad).map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      'variables: "q3" and "Q3" are the same name',
      'variables: Q3: the range must be low to high',
      'where: IQR: “Q1” is not a name this question uses; its formula uses Q3 and q3.',
      'answer: “z” is not a name this question uses; its formula uses Q3, q3 and IQR.',
      'accept.0: The formula stops too soon: something is missing at the end (after the last operator?).',
    ]);
  });

  it('refuses a key with a value at too few points', () => {
    const spec: FormulaSpec = {
      answer: 'sqrt(-x)',
      accept: [],
      variables: [{ name: 'x', min: 1, max: 2 }],
      where: [],
    };
    expect(formulaSpecProblems(spec)[0]?.message).toMatch(/has a value at only 0 of the points/);
  });
});
