import { create, parseDependencies } from 'mathjs/number';
import { createRng } from '../../sim/rng.ts';
import type { FormulaSpec } from '../types.ts';
import { listNames, nameKey, prepareFormula } from './names.ts';

/**
 * Judging a typed formula against the author's key. The expression library (mathjs, only its
 * parser, loaded with this module when a formula question is first checked) turns the text into
 * a tree; the tree is evaluated here with plain arithmetic, so no function of the library, and
 * nothing the learner names, is ever called.
 *
 * Two formulas are the same when they agree at many points: every free variable is drawn from
 * its range by a seeded generator (same question, same points, every time), the `where` names
 * are computed from them, and both formulas are evaluated. They agree at a point within a
 * relative tolerance of 1e-8 (plus 1e-12 absolute, for values that cancel to about zero). A point
 * where the key is undefined (a square root of a negative, a division by zero) is skipped; a
 * point where the key has a value and the answer does not is a disagreement. At least
 * `MIN_POINTS` points must be compared; up to `MAX_DRAWS` draws are tried to find them.
 */

// The typings mark every factory optional; this one is in the package.
const math = create({ parseDependencies: parseDependencies! });

export const POINTS = 32;
export const MIN_POINTS = 8;
const MAX_DRAWS = 400;
const RELATIVE = 1e-8;
const ABSOLUTE = 1e-12;
/** Longest formula read; anything longer is refused unread. */
export const MAX_FORMULA_CHARS = 500;

type Env = ReadonlyMap<string, number>;
type Evaluate = (env: Env) => number;

export type FormulaReading =
  { ok: true; evaluate: Evaluate; names: Set<string> } | { ok: false; reason: string };

/** The part of a mathjs node this module reads. */
interface AnyNode {
  type: string;
  name?: string;
  value?: unknown;
  op?: string;
  fn?: unknown;
  args?: AnyNode[];
  content?: AnyNode;
  object?: AnyNode;
}

const unary: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  abs: Math.abs,
};
const functionNames = [...Object.keys(unary), 'log', 'min', 'max'];

const constants: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

class Unreadable extends Error {}

const quote = (s: string) => `“${s.length > 30 ? `${s.slice(0, 29)}…` : s}”`;

/** The library's parse error, in the workbook's words (its messages name a character position). */
function parseProblem(message: string, text: string): string {
  const at = /\(char (\d+)\)/.exec(message);
  const position = at ? Number(at[1]) : null;
  const near = position !== null ? text.slice(Math.max(0, position - 1), position + 9).trim() : '';
  if (/Unexpected end of expression/i.test(message))
    return 'The formula stops too soon: something is missing at the end (after the last operator?).';
  if (/Parenthesis \) expected/i.test(message))
    return 'A bracket is opened but never closed: add the missing “)”.';
  if (/Value expected/i.test(message))
    return `An operator is missing a value beside it${near ? ` near ${quote(near)}` : ''}.`;
  if (/Unexpected part|Unexpected operator|Unexpected type|Syntax error|Invalid/i.test(message))
    return near
      ? `The formula cannot be read from ${quote(near)} on: check for a missing operator or a stray character.`
      : 'The formula cannot be read: check for a missing operator or a stray character.';
  return 'The formula cannot be read as written: use names, numbers, + − * / ^ and brackets.';
}

const identifier = /[\p{L}_$][\p{L}\p{N}_$]*/gu;

/**
 * Multiplications the parser would read otherwise: "r(1 + x)" (a name the question uses before a
 * bracket is a product, not a function call, so "x_m (1/r)^a" is x_m · (1/r)^a), and "1.5 x IQR"
 * (a lone x between spaces is a times sign, unless the question has a variable x).
 */
function explicitProducts(text: string, known: ReadonlyMap<string, string>): string {
  let out = text.replace(identifier, (name, offset: number) => {
    const rest = text.slice(offset + name.length);
    return known.has(nameKey(name)) && /^\s*\(/.test(rest) ? `${name}*` : name;
  });
  if (!known.has('x')) out = out.replace(/(?<=\S)\s+[xX]\s+(?=\S)/g, ' * ');
  return out;
}

function bracketProblem(text: string): string | null {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return 'There is a “)” with no “(” before it.';
  }
  return depth > 0 ? 'A bracket is opened but never closed: add the missing “)”.' : null;
}

/**
 * Reads a formula over the given names (display names, compared by `nameKey`). Never throws:
 * an unreadable formula, a name the question does not use, or something that is not arithmetic
 * (an equation with two sides, a list, text in quotes) comes back as a reason in words.
 */
export function readFormula(text: unknown, names: readonly string[]): FormulaReading {
  if (typeof text !== 'string' || text.trim() === '')
    return { ok: false, reason: 'No formula was given.' };
  if (text.length > MAX_FORMULA_CHARS)
    return { ok: false, reason: 'That is far too long to be one of these formulas.' };
  const known = new Map(names.map((n) => [nameKey(n), n]));
  const prepared = explicitProducts(prepareFormula(text).trim(), known);
  const brackets = bracketProblem(prepared);
  if (brackets) return { ok: false, reason: brackets };
  let tree: AnyNode;
  try {
    tree = math.parse(prepared);
  } catch (error) {
    return { ok: false, reason: parseProblem((error as Error).message, prepared) };
  }
  // "C = x_m r^(-1/alpha)": the learner named the result; judge the right-hand side.
  if (tree.type === 'AssignmentNode' && tree.value && typeof tree.value === 'object')
    tree = tree.value as AnyNode;
  const used = new Set<string>();
  try {
    const evaluate = compile(tree, known, used, names);
    return { ok: true, evaluate, names: used };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * The formula as it was read, for the live preview under the input: products and powers made
 * explicit ("1.5 IQR" → "1.5 · IQR"), so the learner sees how "3/2 IQR" or "r^-1/alpha" parsed.
 */
export function previewFormula(
  text: string,
  names: readonly string[],
): { ok: true; shown: string } | { ok: false; reason: string } {
  const reading = readFormula(text, names);
  if (!reading.ok) return reading;
  const known = new Map(names.map((n) => [nameKey(n), n]));
  const tree = math.parse(explicitProducts(prepareFormula(text).trim(), known));
  const shown = tree
    .toString({ implicit: 'show', parenthesis: 'keep' })
    .replace(/ \* /g, ' · ')
    .replace(/\*/g, ' · ');
  return { ok: true, shown };
}

function compile(
  node: AnyNode,
  known: ReadonlyMap<string, string>,
  used: Set<string>,
  names: readonly string[],
): Evaluate {
  const sub = (n: AnyNode | undefined) => {
    if (!n) throw new Unreadable('Part of the formula is missing.');
    return compile(n, known, used, names);
  };
  switch (node.type) {
    case 'ParenthesisNode':
      return sub(node.content);
    case 'ConstantNode': {
      const v = node.value;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Unreadable('A formula holds names, numbers and operators, not text in quotes.');
      return () => v;
    }
    case 'SymbolNode': {
      const key = nameKey(node.name ?? '');
      if (known.has(key)) {
        used.add(key);
        return (env) => env.get(key) ?? Number.NaN;
      }
      const c = constants[key];
      if (c !== undefined) return () => c;
      throw new Unreadable(unknownName(node.name ?? '', names));
    }
    case 'OperatorNode': {
      const args = (node.args ?? []).map(sub);
      const [a, b] = args;
      if (!a) throw new Unreadable('Part of the formula is missing.');
      switch (node.fn) {
        case 'unaryMinus':
          return (env) => -a(env);
        case 'unaryPlus':
          return a;
      }
      if (!b || args.length !== 2) break;
      switch (node.fn) {
        case 'add':
          return (env) => a(env) + b(env);
        case 'subtract':
          return (env) => a(env) - b(env);
        case 'multiply':
          return (env) => a(env) * b(env);
        case 'divide':
          return (env) => a(env) / b(env);
        case 'pow':
          return (env) => a(env) ** b(env);
      }
      break;
    }
    case 'FunctionNode': {
      const fn = node.fn as AnyNode | undefined;
      const name = fn?.type === 'SymbolNode' ? (fn.name ?? '') : '';
      const key = nameKey(name);
      const args = node.args ?? [];
      const compiled = args.map(sub);
      const [a, b] = compiled;
      const f = unary[key];
      if (f && a && compiled.length === 1) return (env) => f(a(env));
      if (key === 'log' && a && compiled.length === 1) return (env) => Math.log(a(env));
      if (key === 'log' && a && b && compiled.length === 2)
        return (env) => Math.log(a(env)) / Math.log(b(env));
      if ((key === 'min' || key === 'max') && compiled.length >= 1) {
        const pick = key === 'min' ? Math.min : Math.max;
        return (env) => pick(...compiled.map((c) => c(env)));
      }
      if (!f && key !== 'log' && key !== 'min' && key !== 'max')
        throw new Unreadable(
          `${quote(name || 'that')} is not a function these formulas use (${listNames(functionNames)} are).`,
        );
      throw new Unreadable(`${quote(name)} is given the wrong number of values in brackets.`);
    }
  }
  throw new Unreadable(notArithmetic(node));
}

function notArithmetic(node: AnyNode): string {
  switch (node.op ?? node.type) {
    case '!':
      return 'A factorial (!) is not part of these formulas.';
    case 'mod':
    case '%':
      return 'The answer uses “mod” or “%”; write the formula with + − * / ^ and brackets.';
    case '==':
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '!=':
      return 'Give one side only: the formula, not an equation or a comparison.';
    case 'ArrayNode':
    case 'BlockNode':
      return 'Give one formula, not a list.';
    default:
      return 'That is not arithmetic: use names, numbers, + − * / ^ and brackets.';
  }
}

function unknownName(name: string, names: readonly string[]): string {
  return names.length === 0
    ? `${quote(name)} is not a name this formula uses: it uses only numbers.`
    : `${quote(name)} is not a name this question uses; its formula uses ${listNames(names)}.`;
}

// ---- Comparing ---------------------------------------------------------------------------

function agree(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE;
}

/** Names a learner may use: the free variables, then the `where` names. */
export function formulaNames(spec: FormulaSpec): string[] {
  return [...spec.variables.map((v) => v.name), ...spec.where.map((w) => w.name)];
}

/** The points both formulas are evaluated at: free variables drawn, `where` names computed. */
function* points(spec: FormulaSpec): Generator<Env> {
  const rng = createRng(0x5eed);
  const free = spec.variables.map((v) => v.name);
  const where = spec.where.map((w) => ({
    key: nameKey(w.name),
    read: readFormula(w.formula, free),
  }));
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const env = new Map<string, number>();
    for (const v of spec.variables) env.set(nameKey(v.name), v.min + (v.max - v.min) * rng.next());
    for (const w of where) env.set(w.key, w.read.ok ? w.read.evaluate(env) : Number.NaN);
    yield env;
  }
}

export type Comparison =
  | { same: true; compared: number }
  | { same: false; compared: number; at: Env | null; expected: number; got: number };

/** Whether `answer` equals `key` at the sample points (see the module's comment). */
export function compare(spec: FormulaSpec, key: Evaluate, answer: Evaluate): Comparison {
  let compared = 0;
  for (const env of points(spec)) {
    const expected = key(env);
    if (!Number.isFinite(expected)) continue;
    const got = answer(env);
    if (!Number.isFinite(got) || !agree(expected, got))
      return { same: false, compared, at: env, expected, got };
    if (++compared >= POINTS) break;
  }
  return compared >= MIN_POINTS
    ? { same: true, compared }
    : { same: false, compared, at: null, expected: Number.NaN, got: Number.NaN };
}

export interface FormulaVerdict {
  /** null: the answer could not be read; the learner is told why and may fix it. */
  correct: boolean | null;
  feedback: string;
}

const show = (x: number) =>
  Number.isFinite(x) ? String(Number(x.toPrecision(4))) : 'no value (undefined there)';

function where(spec: FormulaSpec, env: Env): string {
  const parts = spec.variables.map((v) => `${v.name} = ${show(env.get(nameKey(v.name)) ?? NaN)}`);
  return listNames(parts);
}

/** Judges a typed formula against the key and the author's other accepted forms. */
export function judgeFormula(spec: FormulaSpec, typed: unknown): FormulaVerdict {
  const names = formulaNames(spec);
  const reading = readFormula(typed, names);
  if (!reading.ok) return { correct: null, feedback: reading.reason };
  let first: Comparison | null = null;
  for (const text of [spec.answer, ...spec.accept]) {
    const key = readFormula(text, names);
    if (!key.ok) continue;
    const result = compare(spec, key.evaluate, reading.evaluate);
    if (result.same) return { correct: true, feedback: 'Correct: the same formula as the answer.' };
    first ??= result;
  }
  if (!first)
    return { correct: false, feedback: 'This question has no valid answer; please report it.' };
  if (first.same || first.at === null)
    return {
      correct: false,
      feedback: 'Your formula has no value for most of the values it was tried with.',
    };
  return {
    correct: false,
    feedback: `Not the same formula: with ${where(spec, first.at)}, yours gives ${show(first.got)} and the answer gives ${show(first.expected)}.`,
  };
}

/**
 * What the content lint checks of a formula question: the key and every accepted form read
 * with the declared names, `where` formulas use only free variables, no two names are the same
 * name, and the key has a value at enough points to be compared.
 */
export function formulaSpecProblems(spec: FormulaSpec): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const names = formulaNames(spec);
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = nameKey(n);
    const other = seen.get(k);
    if (other !== undefined)
      problems.push({ field: 'variables', message: `"${n}" and "${other}" are the same name` });
    seen.set(k, n);
    if (constants[k] !== undefined || functionNames.includes(k))
      problems.push({ field: 'variables', message: `"${n}" is a constant or function name` });
  }
  for (const v of spec.variables)
    if (!(v.max > v.min))
      problems.push({ field: 'variables', message: `${v.name}: the range must be low to high` });
  const free = spec.variables.map((v) => v.name);
  spec.where.forEach((w) => {
    const r = readFormula(w.formula, free);
    if (!r.ok) problems.push({ field: 'where', message: `${w.name}: ${r.reason}` });
  });
  [spec.answer, ...spec.accept].forEach((text, i) => {
    const field = i === 0 ? 'answer' : `accept.${i - 1}`;
    const r = readFormula(text, names);
    if (!r.ok) return problems.push({ field, message: r.reason });
    const self = compare(spec, r.evaluate, r.evaluate);
    if (!self.same)
      problems.push({
        field,
        message: `has a value at only ${self.compared} of the points tried; widen or move the variables' ranges`,
      });
  });
  return problems;
}
