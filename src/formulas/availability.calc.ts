import { fmtInt, fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  availabilityToNines,
  chain,
  commonCause,
  conditional,
  dependenceRatio,
  downtimeFromUnavailability,
  kOfN,
  majority,
  ninesToAvailability,
  parallel,
  PERIODS,
  quorumAcrossDomains,
  quorumAvailability,
  series,
  sharedDependency,
  toleratedFailures,
} from './availability.ts';
import type { Availability, CommonCause, FormulaResult, Period } from './availability.ts';

/**
 * Numbers the availability and consensus lessons state, computed when the lesson is built
 * (`:calc{of="availability.quorum" n="5" p="0.99"}` → 99.999015 %), so the prose can never
 * drift from the tested formulas. Each returns the text or its problems in words.
 */

// ——— Formatting ———

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 1.23 × 10⁻⁷ */
function scientific(x: number): string {
  const [mantissa = '', exponent = '0'] = x.toExponential(2).split('e');
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
  return `${mantissa} × 10${power}`;
}

/** Three significant figures without trailing zeros: 0.108, 4.99, 50, 0.0001. */
const sig3 = (x: number): string => String(Number(x.toPrecision(3)));

/** A probability as a percentage with three significant figures: 0.108 %, 4.99 %, 50 %. */
export function fmtShare(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p === 0) return '0 %';
  const percent = p * 100;
  return percent < 1e-4 ? `${scientific(percent)} %` : `${sig3(percent)} %`;
}

/** A plain probability with three significant figures: 0.00048, 0.6, 1.00 × 10⁻⁹. */
export function fmtProbability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p === 0) return '0';
  return p < 1e-5 ? scientific(p) : sig3(p);
}

/**
 * An availability shown with as many decimals as it takes to give its downtime three significant
 * figures: 99.9702 %, 99.999015 %, 99.9 % (and four significant figures below 99 %: 98.01 %). Uses the unavailability, computed separately, so the
 * digits are real.
 */
export function fmtAvailability(a: Availability): string {
  const u = a.unavailability;
  if (!Number.isFinite(u) || !Number.isFinite(a.availability)) return '—';
  if (u <= 0) return '100 %';
  if (u >= 0.01) return `${String(Number((a.availability * 100).toPrecision(4)))} %`;
  const uPercent = u * 100;
  const decimals = Math.min(14, 2 - Math.floor(Math.log10(uPercent)));
  const text = (100 - uPercent).toFixed(decimals).replace(/\.?0+$/, '');
  return `${text} %`;
}

/** A ratio such as 10.8×, 101× or 1,000×. */
const fmtTimes = (x: number): string =>
  Number.isFinite(x) ? `${Number(x.toPrecision(3)).toLocaleString('en')}×` : '—';

/**
 * A downtime in the unit a budget is usually quoted in: 8.77 h a year, 43.8 min a month,
 * 26.3 s a month, 3.65 days a year.
 */
export function fmtDowntime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds === 0) return '0 s';
  if (seconds < 1) return `${sig3(seconds * 1000)} ms`;
  if (seconds < 120) return `${sig3(seconds)} s`;
  if (seconds < 120 * 60) return `${sig3(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${sig3(seconds / 3600)} h`;
  return `${sig3(seconds / 86_400)} days`;
}

/** "1 in 3,360" for a small probability. */
function fmtOneIn(p: number): string {
  if (!Number.isFinite(p) || p <= 0) return '—';
  const n = 1 / p;
  return n >= 1e9 ? `1 in ${scientific(n)}` : n >= 1000 ? `1 in ${fmtInt(n)}` : `1 in ${sig3(n)}`;
}

// ——— Attribute readers ———

/** A comma-separated list of probabilities, such as a="0.999, 0.9995, 0.999". */
function probabilityList(attrs: Attrs, name: string, problems: string[]): number[] | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    problems.push(`needs ${name}="…" (one availability, or several separated by commas)`);
    return undefined;
  }
  const parts = raw.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  if (parts.some((s) => s === '') || values.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
    problems.push(`${name} must be probabilities from 0 to 1 separated by commas, not "${raw}"`);
    return undefined;
  }
  return values;
}

/** A comma-separated list of whole counts, such as layout="2,2,1". */
function countList(attrs: Attrs, name: string, problems: string[]): number[] | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    problems.push(`needs ${name}="…" (nodes per failure domain, separated by commas)`);
    return undefined;
  }
  const parts = raw.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  if (parts.some((s) => s === '') || values.some((x) => !Number.isInteger(x) || x < 1)) {
    problems.push(`${name} must be whole numbers of at least 1 separated by commas, not "${raw}"`);
    return undefined;
  }
  return values;
}

/** A probability attribute, from 0 to 1 inclusive (`positive` excludes 0). */
function probabilityAttr(
  attrs: Attrs,
  name: string,
  problems: string[],
  positive = false,
): number | undefined {
  const before = problems.length;
  const value = numberAttr(attrs, name, problems, positive ? {} : { atLeast: 0 });
  if (problems.length > before) {
    if (attrs[name] !== undefined)
      problems[problems.length - 1] =
        `${name} must be a probability ${positive ? 'above 0' : 'from 0'} up to 1, not "${attrs[name]}"`;
    return undefined;
  }
  if (value !== undefined && value > 1) {
    problems.push(
      `${name} must be a probability ${positive ? 'above 0' : 'from 0'} up to 1, not "${attrs[name]}"`,
    );
    return undefined;
  }
  return value;
}

// ——— Showing an availability ———

const SHOWS = ['availability', 'unavailability', 'downtime', 'nines', 'one-in'] as const;
type Show = (typeof SHOWS)[number];

function showAvailability(a: Availability, show: Show, per: Period): Calculated {
  switch (show) {
    case 'availability':
      return { ok: true, text: fmtAvailability(a) };
    case 'unavailability':
      return { ok: true, text: fmtShare(a.unavailability) };
    case 'one-in':
      return { ok: true, text: fmtOneIn(a.unavailability) };
    case 'downtime': {
      const d = downtimeFromUnavailability(a.unavailability, per);
      return d.ok ? { ok: true, text: fmtDowntime(d.value) } : { ok: false, problems: [d.reason] };
    }
    case 'nines': {
      const n = availabilityToNines(a.availability);
      return n.ok ? { ok: true, text: fmtNum(n.value) } : { ok: false, problems: [n.reason] };
    }
  }
}

/** Reads `show` and `per`, runs the formula, and shows its availability. */
function availabilityCalc(
  attrs: Attrs,
  problems: string[],
  compute: () => FormulaResult<Availability> | null,
  extra: Readonly<Record<string, () => string>> = {},
): Calculated {
  const show = choice<string>(
    attrs,
    'show',
    [...SHOWS, ...Object.keys(extra)],
    'availability',
    problems,
  );
  const per = choice(attrs, 'per', PERIODS, 'year', problems);
  if (attrs.per !== undefined && show !== 'downtime')
    problems.push('per="…" only goes with show="downtime"');
  const result = problems.length ? null : compute();
  if (problems.length || show === null || per === null || result === null)
    return { ok: false, problems };
  if (!result.ok) return { ok: false, problems: [result.reason] };
  const special = extra[show];
  if (special) return { ok: true, text: special() };
  return showAvailability(result.value, show as Show, per);
}

const SHOW_ATTRS = ['show', 'per'];

// ——— The calculations ———

/** Repeats a single value `n` times when n="…" is given: a="0.999" n="5". */
function components(attrs: Attrs, problems: string[]): number[] | undefined {
  const list = probabilityList(attrs, 'a', problems);
  if (attrs.n === undefined) return list;
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  if (list === undefined || n === undefined) return undefined;
  if (list.length !== 1) {
    problems.push('with n="…", give a single availability in a="…"');
    return undefined;
  }
  return Array.from({ length: n }, () => list[0]!);
}

/** Series (`availability.series`): a="0.999,0.9995" (or a="0.999" n="5"); show, per. */
export function calcSeries(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['a', 'n', ...SHOW_ATTRS], problems);
  const parts = components(attrs, problems);
  return availabilityCalc(attrs, problems, () => (parts ? series(parts) : null));
}

/** Parallel (`availability.parallel`): a="0.99,0.99" (or a="0.99" n="2"); show, per. */
export function calcParallel(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['a', 'n', ...SHOW_ATTRS], problems);
  const parts = components(attrs, problems);
  return availabilityCalc(attrs, problems, () => (parts ? parallel(parts) : null));
}

/** At least k of n up (`availability.kofn`): k, n, p (each copy's availability); show, per. */
export function calcKOfN(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['k', 'n', 'p', ...SHOW_ATTRS], problems);
  const k = numberAttr(attrs, 'k', problems, { atLeast: 1, whole: true });
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const p = probabilityAttr(attrs, 'p', problems);
  return availabilityCalc(attrs, problems, () =>
    k === undefined || n === undefined || p === undefined ? null : kOfN(k, n, p),
  );
}

/**
 * A majority quorum (`availability.quorum`): n nodes, each up with probability p; show also
 * takes majority (⌊n/2⌋ + 1) and tolerates (failures survived).
 */
export function calcQuorum(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'p', ...SHOW_ATTRS], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const p = probabilityAttr(attrs, 'p', problems);
  const counted = (r: FormulaResult<number>) => () => (r.ok ? String(r.value) : '—');
  return availabilityCalc(
    attrs,
    problems,
    () => (n === undefined || p === undefined ? null : quorumAvailability(n, p)),
    n === undefined
      ? {}
      : { majority: counted(majority(n)), tolerates: counted(toleratedFailures(n)) },
  );
}

/**
 * A majority quorum across failure domains (`availability.zones`): layout="1,1,1" (nodes per
 * domain), zone (each domain's availability), node (each node's); show, per.
 */
export function calcZones(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['layout', 'zone', 'node', ...SHOW_ATTRS], problems);
  const layout = countList(attrs, 'layout', problems);
  const zone = probabilityAttr(attrs, 'zone', problems);
  const node = probabilityAttr(attrs, 'node', problems);
  return availabilityCalc(attrs, problems, () =>
    layout === undefined || zone === undefined || node === undefined
      ? null
      : quorumAcrossDomains(layout, zone, node),
  );
}

/** Downtime budgets (`availability.budget`): a="0.999" or nines="3"; show (downtime by default), per. */
export function calcBudget(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['a', 'nines', ...SHOW_ATTRS], problems);
  const hasA = attrs.a !== undefined;
  if (hasA === (attrs.nines !== undefined)) {
    problems.push('give exactly one of a="…" (an availability) or nines="…"');
    return { ok: false, problems };
  }
  const a = hasA
    ? probabilityAttr(attrs, 'a', problems)
    : numberAttr(attrs, 'nines', problems, { atLeast: 0 });
  const withDefault = attrs.show === undefined ? { ...attrs, show: 'downtime' } : attrs;
  return availabilityCalc(withDefault, problems, () => {
    if (a === undefined) return null;
    const availability = hasA ? { ok: true as const, value: a } : ninesToAvailability(a);
    if (!availability.ok) return availability;
    // Exactly 1 − a for a given availability; 10^−nines for nines, with no rounding at all.
    const unavailability = hasA ? 1 - availability.value : Math.pow(10, -a);
    return { ok: true, value: { availability: availability.value, unavailability } };
  });
}

const commonMetrics: Record<string, (c: CommonCause) => string> = {
  all: (c) => fmtShare(c.pAllDown),
  independent: (c) => fmtShare(c.pIndependent),
  approx: (c) => fmtShare(c.pApprox),
  common: (c) => fmtShare(c.pCommon),
  own: (c) => fmtShare(c.pOwn),
  ratio: (c) => fmtTimes(c.ratio),
  'all-one-in': (c) => fmtOneIn(c.pAllDown),
  'independent-one-in': (c) => fmtOneIn(c.pIndependent),
};

/**
 * Common-cause failure (`availability.common`): q (each copy's chance of being down), beta, n
 * copies; metric = all (P(all down), default), independent (qⁿ), approx, common (β·q), own,
 * ratio, all-one-in, independent-one-in — or show="availability" / "downtime" (with per) for
 * the redundant group.
 */
export function calcCommonCause(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['q', 'beta', 'n', 'metric', ...SHOW_ATTRS], problems);
  const q = probabilityAttr(attrs, 'q', problems, true);
  const beta = probabilityAttr(attrs, 'beta', problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const compute = () =>
    q === undefined || beta === undefined || n === undefined ? null : commonCause(q, beta, n);
  if (attrs.show !== undefined) {
    if (attrs.metric !== undefined) problems.push('give metric="…" or show="…", not both');
    return availabilityCalc(attrs, problems, compute);
  }
  if (attrs.per !== undefined) problems.push('per="…" only goes with show="downtime"');
  const metric = choice(attrs, 'metric', Object.keys(commonMetrics), 'all', problems);
  const result = problems.length ? null : compute();
  if (problems.length || metric === null || result === null) return { ok: false, problems };
  return result.ok
    ? { ok: true, text: commonMetrics[metric]!(result.value) }
    : { ok: false, problems: [result.reason] };
}

/**
 * Redundant copies behind one shared dependency (`availability.shared`): shared (its
 * availability), each (each copy's), n copies; show, per.
 */
export function calcShared(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['shared', 'each', 'n', ...SHOW_ATTRS], problems);
  const shared = probabilityAttr(attrs, 'shared', problems);
  const each = probabilityAttr(attrs, 'each', problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  return availabilityCalc(attrs, problems, () =>
    shared === undefined || each === undefined || n === undefined
      ? null
      : sharedDependency(shared, each, n),
  );
}

const probabilityFormats = { percent: fmtShare, probability: fmtProbability, 'one-in': fmtOneIn };
type ProbabilityFormat = keyof typeof probabilityFormats;
const PROBABILITY_FORMATS = Object.keys(probabilityFormats) as ProbabilityFormat[];

function shown(
  attrs: Attrs,
  problems: string[],
  compute: () => FormulaResult<number> | null,
): Calculated {
  const as = choice(attrs, 'as', PROBABILITY_FORMATS, 'percent', problems);
  const result = problems.length ? null : compute();
  if (problems.length || as === null || result === null) return { ok: false, problems };
  return result.ok
    ? { ok: true, text: probabilityFormats[as](result.value) }
    : { ok: false, problems: [result.reason] };
}

/** P(B | A) (`availability.conditional`): joint = P(A and B), given = P(A); as percent, probability or one-in. */
export function calcConditional(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['joint', 'given', 'as'], problems);
  const joint = probabilityAttr(attrs, 'joint', problems);
  const given = probabilityAttr(attrs, 'given', problems);
  return shown(attrs, problems, () =>
    joint === undefined || given === undefined ? null : conditional(joint, given),
  );
}

/** The chain rule (`availability.chain`): p="0.001,0.6,0.8" multiplied; as percent, probability or one-in. */
export function calcChain(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['p', 'as'], problems);
  const factors = probabilityList(attrs, 'p', problems);
  return shown(attrs, problems, () => (factors === undefined ? null : chain(factors)));
}

/** P(A and B) / (P(A) P(B)) (`availability.dependence`): joint, a, b → "50×". */
export function calcDependence(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['joint', 'a', 'b'], problems);
  const joint = probabilityAttr(attrs, 'joint', problems);
  const a = probabilityAttr(attrs, 'a', problems);
  const b = probabilityAttr(attrs, 'b', problems);
  if (problems.length || joint === undefined || a === undefined || b === undefined)
    return { ok: false, problems };
  const r = dependenceRatio(joint, a, b);
  return r.ok ? { ok: true, text: fmtTimes(r.value) } : { ok: false, problems: [r.reason] };
}

/** This module's entries for src/calc/registry.ts. */
export const availabilityCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'availability.series': calcSeries,
  'availability.parallel': calcParallel,
  'availability.kofn': calcKOfN,
  'availability.quorum': calcQuorum,
  'availability.zones': calcZones,
  'availability.budget': calcBudget,
  'availability.common': calcCommonCause,
  'availability.shared': calcShared,
  'availability.conditional': calcConditional,
  'availability.chain': calcChain,
  'availability.dependence': calcDependence,
};
