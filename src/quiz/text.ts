import { MAX_ANSWER_CHARS } from './numeric.ts';

/**
 * Short text answers are compared by a key that keeps only what carries meaning: letters and
 * digits, after Unicode NFKC and lower-casing. Spaces, underscores, hyphens and punctuation all
 * drop out, so "HALF_OPEN", "half-open", "Half open" and "halfopen" are one answer. A point
 * between digits stays ("p99.9" is not "p999"); a comma between digits is a thousands separator
 * and drops out ("2,000" = "2000"). Accents are kept: NFKC folds compatibility forms (full-width
 * letters, ligatures), not diacritics, which in some scripts are part of the letter.
 *
 * Words are then brought to one form, on both sides of the comparison (`wordForm`):
 * - British and American spellings: -ise/-ize, -isation/-ization, -yse/-yze, -our/-or (words of
 *   six letters or more, so "four" is not "for"), -tre/-ter and -bre/-ber (centre, fibre), the
 *   doubled l (modelling, labelled, cancelled) and a few single words (defence, licence, grey,
 *   catalogue, programme, judgement);
 * - a leading article: "the", "a" or "an" before the rest of the answer;
 * - the plural of the last word: "errors" = "error", "retries" = "retry", "caches" = "cache",
 *   "processes" = "process" (words of four letters or more; "status" and "analysis" stay).
 *
 * When `keepOperators` is set (the accepted answer itself contains + − * / ^ = < or > as an
 * operator), those signs are part of the key too, so "Q3 + 1.5 IQR" is not "Q3 − 1.5 IQR".
 * Formulas should be `formula` questions; the content lint refuses them as text.
 */
export function textKey(text: string, keepOperators = false): string {
  const pattern = keepOperators
    ? /[\p{L}\p{M}]+|\d+(?:\.\d+)*|\p{N}+|[+\-−*×·/÷^=<>]/gu
    : /[\p{L}\p{M}]+|\d+(?:\.\d+)*|\p{N}+/gu;
  const tokens = text.normalize('NFKC').toLowerCase().match(pattern);
  if (!tokens) return '';
  const words = tokens.map((t) => (t === '−' ? '-' : t === '×' || t === '·' ? '*' : t));
  if (words.length > 1 && articles.has(words[0]!)) words.shift();
  const last = words.length - 1;
  const formed = words.map((w, i) => (isWord(w) ? wordForm(w, i === last) : w));
  // Joining can leave a mark next to a new base letter: compose again so the key is canonical.
  return formed.join('').normalize('NFKC');
}

const articles = new Set(['the', 'a', 'an']);
const isWord = (w: string) => /^[a-z]+$/.test(w);

const singleWords: Readonly<Record<string, string>> = {
  defence: 'defense',
  offence: 'offense',
  licence: 'license',
  pretence: 'pretense',
  grey: 'gray',
  catalogue: 'catalog',
  analogue: 'analog',
  dialogue: 'dialog',
  programme: 'program',
  programmes: 'programs',
  judgement: 'judgment',
  queueing: 'queuing',
  aluminium: 'aluminum',
};

const doubledL =
  /^(model|label|cancel|travel|signal|fuel|level|channel|total|marshal|tunnel|counsel)l(ed|ing|er|ers)$/;

/** One spelling and one number for a word (see `textKey`). */
export function wordForm(word: string, last: boolean): string {
  let w = singleWords[word] ?? word;
  w = w.replace(doubledL, '$1$2');
  if (w.length >= 6) {
    w = w
      .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
      .replace(/ys(e|es|ed|ing)$/, 'yz$1')
      .replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1');
  }
  if (w.length >= 5) w = w.replace(/([tb])re(s)?$/, '$1er$2');
  return last ? singular(w) : w;
}

function singular(w: string): string {
  if (w.length < 4 || /(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s')) w = w.slice(0, -1);
  // "caches" → "cache" and "boxes" → "boxe" → "box"; "cache" itself → "cach" likewise.
  return /(x|ch|sh|ss|z)e$/.test(w) ? w.slice(0, -1) : w;
}

/** Whether an accepted answer uses + − * / ^ = < > as operators (hyphenated words do not). */
export function hasOperator(text: string): boolean {
  const t = text.normalize('NFKC').replace(/−/g, '-');
  if (/[+*×·÷^=<>]/.test(t)) return true;
  // A slash beside a digit or between spaces ("b/2", "a / b"); "and/or", "TCP/IP" are words.
  if (/\d\s*\/|\/\s*\d|\s\/\s/.test(t)) return true;
  // A minus: between spaces ("Q3 - Q1"), or a sign before a number, name or bracket ("-5", "-x").
  return /\s-\s|(^|[\s(])-(?=[\w(.])/.test(t);
}

// Commas split a list unless they sit between two digits (2,000); "and" and "&" only as words.
const listSeparator = /(?:[;\n\r&]|(?<!\d),|,(?!\d)|(?<![\p{L}\p{N}])and(?![\p{L}\p{N}]))/iu;

/** The items of a list answer, as keys; empty items ("a,,b", a trailing comma) are dropped. */
export function listKeys(text: string): string[] {
  return text
    .split(listSeparator)
    .map((t) => textKey(t))
    .filter((k) => k !== '');
}

export interface TextMatch {
  correct: boolean;
  feedback: string;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/** How many items of `given` are in `expected`, each expected item used at most once. */
function overlap(given: readonly string[], expected: readonly string[]): number {
  const left = new Map<string, number>();
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1);
  let hits = 0;
  for (const g of given) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      hits++;
      left.set(g, n - 1);
    }
  }
  return hits;
}

/**
 * Edit distance with adjacent transpositions (so "opne" is one slip from "open"), or
 * `limit + 1` as soon as it is certain to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A typo's worth of difference: one slip per six characters, and none for words under four. */
function nearMiss(given: string, expected: string): boolean {
  if (expected.length < 4 || given.length > 200 || expected.length > 200) return false;
  const limit = Math.max(1, Math.floor(expected.length / 6));
  return editDistance(given, expected, limit) <= limit;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Compares a typed answer with the author's accepted answers (see `textKey`, `listKeys`). */
export function matchText(accept: readonly string[], value: string, unordered: boolean): TextMatch {
  if (value.length > MAX_ANSWER_CHARS)
    return { correct: false, feedback: 'That answer is too long to check.' };
  const usable = accept.filter((a) => typeof a === 'string' && textKey(a) !== '');
  const ops = usable.some(hasOperator);
  if (usable.length === 0)
    return { correct: false, feedback: 'This question has no accepted answer to compare with.' };

  if (unordered) {
    const given = listKeys(value);
    if (given.length === 0) return { correct: false, feedback: 'No answer was given.' };
    const expected = usable.map(listKeys);
    if (expected.some((e) => sameMultiset(given, e)))
      return { correct: true, feedback: 'Correct.' };
    // Report against the accepted answer the learner came closest to.
    let best = expected[0]!;
    let bestHits = -1;
    for (const e of expected) {
      const hits = overlap(given, e);
      if (hits > bestHits || (hits === bestHits && e.length < best.length)) {
        best = e;
        bestHits = hits;
      }
    }
    const extra = given.length - bestHits;
    return {
      correct: false,
      feedback:
        `${bestHits} of the ${plural(best.length, 'expected item')} ` +
        `${bestHits === 1 ? 'is' : 'are'} in your answer` +
        (extra > 0
          ? `, and ${plural(extra, 'item')} in it ${extra === 1 ? 'is' : 'are'} not.`
          : '.'),
    };
  }

  const given = textKey(value, ops);
  if (given === '') return { correct: false, feedback: 'No answer was given.' };
  const keys = usable.map((a) => textKey(a, ops));
  if (keys.includes(given)) return { correct: true, feedback: 'Correct.' };
  if (keys.some((k) => nearMiss(given, k)))
    return { correct: false, feedback: 'Close, but not quite: check the spelling.' };
  return { correct: false, feedback: 'Not the expected answer.' };
}
