import { fmtNum, fmtPct, fmtProb } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import { fmtCount, fmtOneIn } from '../calc/formatLarge.ts';
import { birthdayExpectedDraws } from './birthday.ts';
import {
  approximateCollision,
  bitsNeeded,
  expectedPairs,
  rootRule,
  rootRuleFactor,
} from './idCollisions.ts';
import type { IdSpace } from './idCollisions.ts';

/**
 * Rules of thumb about ID collisions, computed when a lesson is built
 * (`:calc{of="idCollisions.approx" n="23" d="365" form="square"}` → 51.6 %). The exact numbers
 * are `birthday.p`, `birthday.n` and `birthday.timestamp` (src/widgets/bloom/calc.ts); these are
 * the shortcuts set beside them. Each returns the text or its problems in words.
 */

/** The ID space from exactly one of d="365" or bits="122". */
function idSpace(attrs: Attrs, problems: string[]): IdSpace | null {
  const hasD = attrs.d !== undefined;
  const hasBits = attrs.bits !== undefined;
  if (hasD === hasBits) {
    problems.push('give the ID space as exactly one of d="…" (values) or bits="…"');
    return null;
  }
  const value = numberAttr(attrs, hasD ? 'd' : 'bits', problems, { atLeast: 1, whole: true });
  if (value === undefined) return null;
  return hasD ? { values: value } : { bits: value };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Three significant figures, and "2.71 × 10⁻⁸" below 10⁻⁴. */
export function fmtSmall(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0 || Math.abs(x) >= 1e-4) return fmtNum(x);
  const [mantissa = '', exponent = '0'] = x.toExponential(2).split('e');
  const power = String(Number(exponent))
    .split('')
    .map((c) => (c === '-' ? '⁻' : SUPERSCRIPT[Number(c)]))
    .join('');
  return `${mantissa} × 10${power}`;
}

const probabilityFormat = { percent: fmtPct, probability: fmtProb, 'one-in': fmtOneIn } as const;
type ProbabilityFormat = keyof typeof probabilityFormat;
const probabilityFormats = Object.keys(probabilityFormat) as ProbabilityFormat[];

/**
 * The approximation (`idCollisions.approx`): `n` IDs from `d` values or 2^`bits`, `form` square
 * (1 − e^(−n²/2d), the default) or pairs (1 − e^(−n(n−1)/2d)); `as` percent (default),
 * probability or one-in.
 */
export function calcApprox(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'd', 'bits', 'form', 'as'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const space = idSpace(attrs, problems);
  const form = choice(attrs, 'form', ['square', 'pairs'] as const, 'square', problems);
  const as = choice(attrs, 'as', probabilityFormats, 'percent', problems);
  if (problems.length || n === undefined || space === null || form === null || as === null)
    return { ok: false, problems };
  const r = approximateCollision(n, space, form);
  return r.ok
    ? { ok: true, text: probabilityFormat[as](r.value) }
    : { ok: false, problems: [r.reason] };
}

/**
 * The square-root rule (`idCollisions.rootRule`): `d` or `bits` and `target` (default 0.5) →
 * about how many IDs reach that chance, √(−2d·ln(1 − target)), as a count. Without d or bits
 * it gives the factor itself to five significant figures (1.1774 for 0.5). With `versus`
 * (another chance) instead of d or bits, it gives how many times more IDs reach `target` than
 * `versus`, √(ln(1 − target)/ln(1 − versus)), which is the same for every space: 833× for even
 * odds against one in a million.
 */
export function calcRootRule(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['d', 'bits', 'target', 'versus'], problems);
  const p = numberAttr(attrs, 'target', problems, { above: 0, below: 1, fallback: 0.5 });
  if (attrs.versus !== undefined) {
    const q = numberAttr(attrs, 'versus', problems, { above: 0, below: 1 });
    if (attrs.d !== undefined || attrs.bits !== undefined)
      problems.push(
        'versus="…" gives a ratio that is the same for every space: leave out d and bits',
      );
    if (problems.length || p === undefined || q === undefined) return { ok: false, problems };
    const f = rootRuleFactor(p);
    const g = rootRuleFactor(q);
    if (!f.ok) return { ok: false, problems: [f.reason] };
    if (!g.ok) return { ok: false, problems: [g.reason] };
    return { ok: true, text: `${fmtNum(f.value / g.value)}×` };
  }
  if (attrs.d === undefined && attrs.bits === undefined) {
    if (problems.length || p === undefined) return { ok: false, problems };
    const f = rootRuleFactor(p);
    return f.ok
      ? { ok: true, text: String(Number(f.value.toPrecision(5))) }
      : { ok: false, problems: [f.reason] };
  }
  const space = idSpace(attrs, problems);
  if (problems.length || space === null || p === undefined) return { ok: false, problems };
  const r = rootRule(space, p);
  return r.ok ? { ok: true, text: fmtCount(r.value) } : { ok: false, problems: [r.reason] };
}

/**
 * Expected colliding pairs (`idCollisions.pairs`): `n` IDs from `d` values or 2^`bits` →
 * n(n−1)/(2d), three significant figures (× 10⁻ⁿ when tiny), or `as="one-in"` for the odds.
 */
export function calcPairs(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'd', 'bits', 'as'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const space = idSpace(attrs, problems);
  const as = choice(attrs, 'as', ['count', 'one-in'] as const, 'count', problems);
  if (problems.length || n === undefined || space === null || as === null)
    return { ok: false, problems };
  const r = expectedPairs(n, space);
  if (!r.ok) return { ok: false, problems: [r.reason] };
  if (as === 'one-in') {
    if (r.value > 1)
      return {
        ok: false,
        problems: [`${fmtNum(r.value)} pairs are expected: more than one, so not a "1 in" chance`],
      };
    return { ok: true, text: fmtOneIn(r.value) };
  }
  return { ok: true, text: fmtSmall(r.value) };
}

/**
 * Expected IDs up to and including the first repeat (`idCollisions.draws`): `d` or `bits` →
 * 1 + Q(d) ≈ √(πd/2), from the Bloom widget's theory.
 */
export function calcDraws(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['d', 'bits'], problems);
  const space = idSpace(attrs, problems);
  if (problems.length || space === null) return { ok: false, problems };
  const r = birthdayExpectedDraws(space);
  return r.ok ? { ok: true, text: fmtCount(r.value) } : { ok: false, problems: [r.reason] };
}

/**
 * Random bits needed (`idCollisions.bits`): `n` IDs and a `target` chance → the fewest whole
 * random bits with the exact P(collision) at or below it.
 */
export function calcBits(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'target'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const p = numberAttr(attrs, 'target', problems, { above: 0, below: 1 });
  if (problems.length || n === undefined || p === undefined) return { ok: false, problems };
  const r = bitsNeeded(n, p);
  return r.ok ? { ok: true, text: String(r.value) } : { ok: false, problems: [r.reason] };
}

/** This module's entries for src/calc/registry.ts. */
export const idCollisionsCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'idCollisions.approx': calcApprox,
  'idCollisions.rootRule': calcRootRule,
  'idCollisions.pairs': calcPairs,
  'idCollisions.draws': calcDraws,
  'idCollisions.bits': calcBits,
};
