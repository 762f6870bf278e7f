import { fmtNum, fmtPct, fmtProb } from '../../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../../calc/attrs.ts';
import type { Attrs, Calculated } from '../../calc/attrs.ts';
import { fmtCount, fmtOneIn } from '../../calc/formatLarge.ts';
import {
  birthdayProbability,
  birthdaySmallestN,
  timestampIdCollision,
} from '../../formulas/birthday.ts';
import type { IdSpace, TimestampIdCollision } from '../../formulas/birthday.ts';

/**
 * Numbers a lesson states about the birthday bound, computed from the model
 * when the lesson is built (`:calc{of="birthday.p" n="23" d="365"}`), so prose
 * and widget can never disagree. Each returns the text or its problems in words.
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

const probabilityFormat = {
  percent: fmtPct,
  probability: fmtProb,
  'one-in': fmtOneIn,
} as const;
type ProbabilityFormat = keyof typeof probabilityFormat;
const probabilityFormats = Object.keys(probabilityFormat) as ProbabilityFormat[];

/**
 * P(collision) (`birthday.p`): `n` IDs drawn from `d` values or from 2^`bits`; `as` percent
 * (default), probability or one-in.
 */
export function calcBirthdayP(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'd', 'bits', 'as'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const space = idSpace(attrs, problems);
  const as = choice(attrs, 'as', probabilityFormats, 'percent', problems);
  if (problems.length || n === undefined || space === null || as === null)
    return { ok: false, problems };
  const r = birthdayProbability(n, space);
  return r.ok
    ? { ok: true, text: probabilityFormat[as](r.value.p) }
    : { ok: false, problems: [r.reason] };
}

/** IDs for a given chance (`birthday.n`): `d` or `bits`, and `target` (0.5, 1e-6, …). */
export function calcBirthdayN(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['d', 'bits', 'target'], problems);
  const space = idSpace(attrs, problems);
  const target = numberAttr(attrs, 'target', problems, { above: 0, below: 1 });
  if (problems.length || space === null || target === undefined) return { ok: false, problems };
  const r = birthdaySmallestN(space, target);
  return r.ok ? { ok: true, text: fmtCount(r.value.n) } : { ok: false, problems: [r.reason] };
}

const timestampFormat: Record<string, (t: TimestampIdCollision) => string> = {
  pWindow: (t) => fmtPct(t.pWithinWindow),
  pPerMs: (t) => fmtProb(t.pPerMs),
  meanMs: (t) => `${fmtNum(t.expectedMsToFirst)} ms`,
  medianMs: (t) => `${fmtNum(t.medianMsToFirst)} ms`,
  perMs: (t) => fmtNum(t.perMs),
};

/**
 * "Millisecond timestamp + random" IDs (`birthday.timestamp`): `machines`, `rate` (IDs a second
 * per machine), `values` (random values, default 1000), `window` (seconds, default 86400) →
 * `metric` (pWindow, pPerMs, meanMs, medianMs, perMs).
 */
export function calcTimestampIds(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['machines', 'rate', 'values', 'window', 'metric'], problems);
  const machines = numberAttr(attrs, 'machines', problems, { atLeast: 1, whole: true });
  const rate = numberAttr(attrs, 'rate', problems);
  const values = numberAttr(attrs, 'values', problems, { atLeast: 1, whole: true, fallback: 1000 });
  const window = numberAttr(attrs, 'window', problems, { fallback: 86_400 });
  const metric = choice(attrs, 'metric', Object.keys(timestampFormat), 'pWindow', problems);
  if (
    problems.length ||
    metric === null ||
    machines === undefined ||
    rate === undefined ||
    values === undefined ||
    window === undefined
  )
    return { ok: false, problems };
  const r = timestampIdCollision({
    machines,
    idsPerSecond: rate,
    randomValues: values,
    windowS: window,
  });
  return r.ok
    ? { ok: true, text: timestampFormat[metric]!(r.value) }
    : { ok: false, problems: [r.reason] };
}

/** This widget's entries for src/calc/registry.ts. */
export const birthdayCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'birthday.p': calcBirthdayP,
  'birthday.n': calcBirthdayN,
  'birthday.timestamp': calcTimestampIds,
};
