import { MAX_ANSWER_CHARS } from './numeric';

/**
 * Short text answers are compared by a key that keeps only what carries meaning: letters and
 * digits, after Unicode NFKC and lower-casing. Spaces, underscores, hyphens and punctuation all
 * drop out, so "HALF_OPEN", "half-open", "Half open" and "halfopen" are one answer. A point
 * between digits stays ("p99.9" is not "p999"); a comma between digits is a thousands separator
 * and drops out ("2,000" = "2000"). Accents are kept: NFKC folds compatibility forms (full-width
 * letters, ligatures), not diacritics, which in some scripts are part of the letter.
 */
export function textKey(text: string): string {
  const tokens = text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{M}]+|\d+(?:\.\d+)*|\p{N}+/gu);
  // Joining can leave a mark next to a new base letter: compose again so the key is canonical.
  return tokens ? tokens.join('').normalize('NFKC') : '';
}

// Commas split a list unless they sit between two digits (2,000); "and" and "&" only as words.
const listSeparator = /(?:[;\n\r&]|(?<!\d),|,(?!\d)|(?<![\p{L}\p{N}])and(?![\p{L}\p{N}]))/iu;

/** The items of a list answer, as keys; empty items ("a,,b", a trailing comma) are dropped. */
export function listKeys(text: string): string[] {
  return text
    .split(listSeparator)
    .map(textKey)
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

  const given = textKey(value);
  if (given === '') return { correct: false, feedback: 'No answer was given.' };
  const keys = usable.map(textKey);
  if (keys.includes(given)) return { correct: true, feedback: 'Correct.' };
  if (keys.some((k) => nearMiss(given, k)))
    return { correct: false, feedback: 'Close, but not quite: check the spelling.' };
  return { correct: false, feedback: 'Not the expected answer.' };
}
