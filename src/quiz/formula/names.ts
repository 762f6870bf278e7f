/**
 * How a formula's names are compared, without the expression library (so the question's input
 * can show the names before the library loads): case does not matter, an underscore before a
 * subscript is optional (`x_m` = `xm`), and a Greek letter is the same name as its English
 * spelling (`α` = `alpha`, `σ` = `sigma`, `Σ` = `sigma`).
 */

const greek: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ϵ: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ϑ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  ϕ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

const greekLetter = new RegExp(`[${Object.keys(greek).join('')}]`, 'gu');

/** The key two names are compared by: `X_m`, `xm` and `x_M` are one name; so are `α` and `Alpha`. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(greekLetter, (c) => greek[c] ?? c)
    .replace(/[_\\{}\s]/g, '');
}

/** "Q1, Q3 and IQR": the names a question's formula uses, for a hint or a message. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const superscripts: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

/**
 * What a learner types, rewritten into the expression library's syntax before parsing: the
 * multiplication signs people use (×, ·, ⋅, * with spaces), ÷, the minus sign, `**` for a power,
 * superscript powers (r⁻¹, x²), LaTeX habits (`\alpha`, `\cdot`, `\frac{a}{b}` is not attempted),
 * braces around a subscript (`x_{m}`), and full-width or compatibility characters (NFKC).
 */
export function prepareFormula(text: string): string {
  return (
    text
      // Superscripts first: NFKC would turn "x²" into "x2", a different name.
      .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (m) => `^(${[...m].map((c) => superscripts[c]).join('')})`)
      .normalize('NFKC')
      .replace(/\\(cdot|times)/g, '*')
      .replace(/\\div/g, '/')
      .replace(/\\([a-zA-Z]+)/g, '$1')
      .replace(/_\{([^{}]*)\}/g, '_$1')
      .replace(/[{]/g, '(')
      .replace(/[}]/g, ')')
      .replace(/[×·⋅∙]/g, '*')
      .replace(/÷/g, '/')
      .replace(/[−–—]/g, '-')
      .replace(/\*\*/g, '^')
  );
}
