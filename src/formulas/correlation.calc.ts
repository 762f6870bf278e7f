import { fmtNum } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  bestLag,
  laggedCorrelation,
  mean,
  partialCorrelation,
  pearson,
  spearman,
} from './correlation.ts';
import type { CorrelationResult, LagScan } from './correlation.ts';

/**
 * Correlation numbers for lessons, computed when the lesson is built, either from series written
 * inline (`x="1,2,3" y="2,4,7"`) or from a named data set below that the lesson prints as a
 * table (`data="evening" x="dbConn" y="p99"`).
 */

/**
 * The data sets lessons tabulate. Each is small, explicit and made up for teaching (an
 * illustrative scenario, not measurements from a real system).
 */
export const DATASETS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  /** An hour of an evening peak in 5-minute samples (19:00 to 19:55). */
  evening: {
    rps: [400, 420, 410, 430, 480, 520, 560, 600, 590, 550, 500, 450],
    cpu: [41, 44, 42, 43, 50, 53, 58, 61, 59, 57, 50, 47],
    dbConn: [20, 21, 20, 22, 29, 41, 53, 64, 61, 50, 35, 22],
    p99: [124, 129, 131, 124, 138, 152, 182, 230, 241, 231, 200, 158],
    errors: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.3, 1.2, 0.5, 0.2],
  },
  /** A day in 3-hour samples: traffic (thousand requests a second) drives both other metrics. */
  day: {
    traffic: [2, 1, 3, 8, 10, 9, 7, 4],
    logs: [1.2, 0.4, 1.6, 3.8, 5.1, 4.5, 3.4, 2],
    gcPause: [7, 2, 9, 25, 29, 28, 21, 11],
  },
  /** A perfect but non-linear dependence: y = x² on a symmetric range. */
  square: {
    x: [-3, -2, -1, 0, 1, 2, 3],
    y: [9, 4, 1, 0, 1, 4, 9],
  },
  /** Eight unrelated pairs and one extreme reading. */
  outlier: {
    x: [1, 2, 3, 4, 5, 6, 7, 8, 30],
    y: [5, 3, 6, 2, 5, 4, 3, 5, 30],
  },
};

/** r to two decimals with a true minus sign: "0.98", "−0.33", "0.00". */
export function fmtR(r: number): string {
  if (!Number.isFinite(r)) return '—';
  const text = Math.abs(r).toFixed(2);
  return r < 0 && text !== '0.00' ? `−${text}` : text;
}

/** A series from an inline list ("1, 2, 3") or, with data="…", by name from that data set. */
function series(attrs: Attrs, name: string, problems: string[]): readonly number[] | undefined {
  const raw = attrs[name];
  if (raw === undefined) {
    problems.push(`needs ${name}="…"`);
    return undefined;
  }
  if (attrs.data !== undefined) {
    const set = DATASETS[attrs.data];
    if (set === undefined) return undefined; // reported once by dataSet()
    const values = set[raw];
    if (values === undefined)
      problems.push(
        `${name}="${raw}" is not a series of data="${attrs.data}" (it has ${Object.keys(set).join(', ')})`,
      );
    return values;
  }
  const values = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (values.some((v) => !Number.isFinite(v))) {
    problems.push(`${name} must be a comma-separated list of numbers, not "${raw}"`);
    return undefined;
  }
  return values;
}

function dataSet(attrs: Attrs, problems: string[]): void {
  if (attrs.data !== undefined && DATASETS[attrs.data] === undefined)
    problems.push(`data must be one of ${Object.keys(DATASETS).join(', ')}, not "${attrs.data}"`);
}

function shown<T>(
  problems: string[],
  compute: () => CorrelationResult<T> | null,
  format: (value: T) => string,
): Calculated {
  const result = problems.length ? null : compute();
  if (problems.length || result === null) return { ok: false, problems };
  return result.ok
    ? { ok: true, text: format(result.value) }
    : { ok: false, problems: [result.reason] };
}

/** Reads data, x and y (and z when asked) for the two-series calculations. */
function pair(attrs: Attrs, extra: readonly string[], problems: string[]) {
  unknownAttributes(attrs, ['data', 'x', 'y', ...extra], problems);
  dataSet(attrs, problems);
  return { xs: series(attrs, 'x', problems), ys: series(attrs, 'y', problems) };
}

/** `correlation.mean`: `x` (a list, or a series of `data`) → its mean, three significant figures. */
export function calcMean(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['data', 'x'], problems);
  dataSet(attrs, problems);
  const xs = series(attrs, 'x', problems);
  return shown(problems, () => (xs === undefined ? null : mean(xs)), fmtNum);
}

/** `correlation.pearson`: `x`, `y` (lists, or series of `data`) → r to two decimals. */
export function calcPearson(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const { xs, ys } = pair(attrs, [], problems);
  return shown(problems, () => (xs && ys ? pearson(xs, ys) : null), fmtR);
}

/** `correlation.spearman`: `x`, `y` → Spearman's rank correlation (ties averaged), two decimals. */
export function calcSpearman(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const { xs, ys } = pair(attrs, [], problems);
  return shown(problems, () => (xs && ys ? spearman(xs, ys) : null), fmtR);
}

/** `correlation.partial`: `x`, `y`, `z` → r of x and y with z held fixed, two decimals. */
export function calcPartial(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const { xs, ys } = pair(attrs, ['z'], problems);
  const zs = series(attrs, 'z', problems);
  return shown(problems, () => (xs && ys && zs ? partialCorrelation(xs, ys, zs) : null), fmtR);
}

/** `correlation.lagged`: `x`, `y`, `lag` (whole steps; positive: y later) → r of x[t] with y[t + lag]. */
export function calcLagged(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const { xs, ys } = pair(attrs, ['lag'], problems);
  const lag = numberAttr(attrs, 'lag', problems, {
    atLeast: Number.NEGATIVE_INFINITY,
    whole: true,
  });
  return shown(
    problems,
    () => (xs && ys && lag !== undefined ? laggedCorrelation(xs, ys, lag) : null),
    fmtR,
  );
}

const lagFormat: Record<string, (s: LagScan) => string> = {
  lag: (s) => String(s.bestLag),
  r: (s) => fmtR(s.bestR),
};

/**
 * `correlation.bestLag`: `x`, `y`, `maxLag` (default 3) → `metric`: lag (default; the lag with
 * the strongest correlation, positive when x moves first) or r (the correlation there).
 */
export function calcBestLag(attrs: Attrs): Calculated {
  const problems: string[] = [];
  const { xs, ys } = pair(attrs, ['maxLag', 'metric'], problems);
  const maxLag = numberAttr(attrs, 'maxLag', problems, { atLeast: 0, whole: true, fallback: 3 });
  const metric = choice(attrs, 'metric', Object.keys(lagFormat), 'lag', problems);
  return shown(
    problems,
    () => (xs && ys && maxLag !== undefined && metric !== null ? bestLag(xs, ys, maxLag) : null),
    (s) => lagFormat[metric!]!(s),
  );
}

/** This module's entries for src/calc/registry.ts. */
export const correlationCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'correlation.mean': calcMean,
  'correlation.pearson': calcPearson,
  'correlation.spearman': calcSpearman,
  'correlation.partial': calcPartial,
  'correlation.lagged': calcLagged,
  'correlation.bestLag': calcBestLag,
};
