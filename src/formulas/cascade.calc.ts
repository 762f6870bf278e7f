import { fmtInt, fmtNum, fmtPct } from '../calc/format.ts';
import { choice, numberAttr, unknownAttributes } from '../calc/attrs.ts';
import type { Attrs, Calculated } from '../calc/attrs.ts';
import {
  bistability,
  cacheMissAmplification,
  divergenceSteps,
  firstStepApart,
  fixedPointExponent,
  logisticOrbit,
  lyapunovExponent,
  retryFeedback,
  retryLoad,
  safeUtilisation,
  survivorUtilisation,
  tolerableLosses,
} from './cascade.ts';
import type { Bistability, CascadeResult, FeedbackRun, Survivors } from './cascade.ts';

/**
 * Cascade and sensitivity numbers for lessons, computed when the lesson is built:
 * `:calc{of="cascade.survivors" n="6" u="0.7" k="1"}` → 84.0 %.
 */

const times = (x: number) => `${fmtNum(x)}×`;

/** Three significant figures with a true minus sign for negative exponents: "−0.223". */
const signed = (x: number) => fmtNum(x).replace(/^-/, '−');

function shown<T>(
  problems: string[],
  compute: () => CascadeResult<T> | null,
  format: (value: T) => string,
): Calculated {
  const result = problems.length ? null : compute();
  if (problems.length || result === null) return { ok: false, problems };
  return result.ok
    ? { ok: true, text: format(result.value) }
    : { ok: false, problems: [result.reason] };
}

const survivorFormat: Record<string, (s: Survivors) => string> = {
  utilisation: (s) => fmtPct(s.utilisation),
  growth: (s) => times(s.growth),
};

/**
 * `cascade.survivors`: `n` nodes at utilisation `u` (0.7 for 70 %) lose `k` → `metric`:
 * utilisation (default, each survivor's, u·n/(n − k)) or growth (n/(n − k)).
 */
export function calcSurvivors(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'u', 'k', 'metric'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const u = numberAttr(attrs, 'u', problems, { atLeast: 0 });
  const k = numberAttr(attrs, 'k', problems, { atLeast: 0, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(survivorFormat), 'utilisation', problems);
  return shown(
    problems,
    () =>
      n === undefined || u === undefined || k === undefined || metric === null
        ? null
        : survivorUtilisation(n, u, k),
    (s) => survivorFormat[metric!]!(s),
  );
}

/** `cascade.tolerable`: `n` nodes at `u`, survivors at most `target` → whole nodes that may fail. */
export function calcTolerable(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'u', 'target'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const u = numberAttr(attrs, 'u', problems);
  const target = numberAttr(attrs, 'target', problems);
  return shown(
    problems,
    () =>
      n === undefined || u === undefined || target === undefined
        ? null
        : tolerableLosses(n, u, target),
    (k) => String(k),
  );
}

/** `cascade.safe`: `n` nodes, `k` lost, survivors at most `target` → the highest utilisation to run at. */
export function calcSafe(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['n', 'k', 'target'], problems);
  const n = numberAttr(attrs, 'n', problems, { atLeast: 1, whole: true });
  const k = numberAttr(attrs, 'k', problems, { atLeast: 0, whole: true });
  const target = numberAttr(attrs, 'target', problems);
  return shown(
    problems,
    () =>
      n === undefined || k === undefined || target === undefined
        ? null
        : safeUtilisation(n, k, target),
    fmtPct,
  );
}

/** `cascade.cache`: hit ratio `before` and `after` (0.95 for 95 %) → the database's load factor. */
export function calcCache(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['before', 'after'], problems);
  const before = numberAttr(attrs, 'before', problems, { atLeast: 0 });
  const after = numberAttr(attrs, 'after', problems, { atLeast: 0 });
  return shown(
    problems,
    () =>
      before === undefined || after === undefined ? null : cacheMissAmplification(before, after),
    times,
  );
}

/**
 * `cascade.retryLoad`: `base` load, failure probability `p`, `retries` (R) →
 * base × (1 + p + … + p^R); with `metric="factor"` the multiplier alone, such as "1.25×".
 */
export function calcRetryLoad(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['base', 'p', 'retries', 'metric'], problems);
  const base = numberAttr(attrs, 'base', problems, { atLeast: 0, fallback: 1 });
  const p = numberAttr(attrs, 'p', problems, { atLeast: 0 });
  const retries = numberAttr(attrs, 'retries', problems, { atLeast: 0, whole: true });
  const metric = choice(attrs, 'metric', ['load', 'factor'], 'load', problems);
  if (metric === 'factor' && attrs.base !== undefined)
    problems.push('metric="factor" is the multiplier alone: leave out base="…"');
  return shown(
    problems,
    () =>
      base === undefined || p === undefined || retries === undefined
        ? null
        : retryLoad(base, p, retries),
    (load) => (metric === 'factor' ? times(load) : fmtNum(load)),
  );
}

const feedbackFormat: Record<string, (f: FeedbackRun) => string> = {
  pFail: (f) => fmtPct(f.finalPFail),
  load: (f) => fmtNum(f.finalLoad),
  state: (f) => (f.stuck ? 'stuck: every attempt fails' : 'healthy'),
};

const FEEDBACK_ATTRS = ['base', 'capacity', 'timeout', 'retries', 'start', 'rounds', 'metric'];

/**
 * `cascade.feedback`: the retry feedback toy. `base` and `capacity` (per second), `timeout`
 * (seconds), `retries`, `start` (failure probability to start from, default 0), `rounds`
 * (default 200) → `metric`: pFail (default; where it ends), load (offered attempts per second
 * at the end), state (healthy or stuck).
 */
export function calcFeedback(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, FEEDBACK_ATTRS, problems);
  const base = numberAttr(attrs, 'base', problems, { atLeast: 0 });
  const capacity = numberAttr(attrs, 'capacity', problems);
  const timeout = numberAttr(attrs, 'timeout', problems);
  const retries = numberAttr(attrs, 'retries', problems, { atLeast: 0, whole: true });
  const start = numberAttr(attrs, 'start', problems, { atLeast: 0, fallback: 0 });
  const rounds = numberAttr(attrs, 'rounds', problems, { atLeast: 1, whole: true, fallback: 200 });
  const metric = choice(attrs, 'metric', Object.keys(feedbackFormat), 'pFail', problems);
  return shown(
    problems,
    () =>
      base === undefined ||
      capacity === undefined ||
      timeout === undefined ||
      retries === undefined ||
      start === undefined ||
      rounds === undefined ||
      metric === null
        ? null
        : retryFeedback({ base, capacity, timeout, retries, start, rounds }),
    (f) => feedbackFormat[metric!]!(f),
  );
}

const bistableFormat: Record<string, (b: Bistability) => string> = {
  healthyUpTo: (b) => fmtNum(b.healthyUpTo),
  recoversUpTo: (b) => fmtNum(b.recoversUpTo),
};

/**
 * `cascade.bistable`: `capacity`, `timeout`, `retries` → `metric`: healthyUpTo (default; the
 * most base load a healthy service keeps up with) or recoversUpTo (the most base load from which
 * it recovers on its own after an outage).
 */
export function calcBistable(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['capacity', 'timeout', 'retries', 'metric'], problems);
  const capacity = numberAttr(attrs, 'capacity', problems);
  const timeout = numberAttr(attrs, 'timeout', problems);
  const retries = numberAttr(attrs, 'retries', problems, { atLeast: 0, whole: true });
  const metric = choice(attrs, 'metric', Object.keys(bistableFormat), 'healthyUpTo', problems);
  return shown(
    problems,
    () =>
      capacity === undefined || timeout === undefined || retries === undefined || metric === null
        ? null
        : bistability(capacity, timeout, retries),
    (b) => bistableFormat[metric!]!(b),
  );
}

/**
 * `cascade.orbit`: `r`, `x0`, `steps` → the values x₀ … x_steps, three significant figures,
 * separated by commas; with `at="n"` only xₙ.
 */
export function calcOrbit(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['r', 'x0', 'steps', 'at'], problems);
  const r = numberAttr(attrs, 'r', problems);
  const x0 = numberAttr(attrs, 'x0', problems, { atLeast: 0 });
  const steps = numberAttr(attrs, 'steps', problems, { atLeast: 0, whole: true });
  const at =
    attrs.at === undefined
      ? undefined
      : numberAttr(attrs, 'at', problems, { atLeast: 0, whole: true });
  if (at !== undefined && steps !== undefined && at > steps)
    problems.push(`at must be at most steps (${steps}), not "${attrs.at}"`);
  return shown(
    problems,
    () =>
      r === undefined || x0 === undefined || steps === undefined
        ? null
        : logisticOrbit(r, x0, steps),
    (xs) => (at === undefined ? xs.map(fmtNum).join(', ') : fmtNum(xs[at]!)),
  );
}

/**
 * `cascade.lyapunov`: `r`, `x0` (default 0.2), `burnIn` (default 1,000), `iterations` (default
 * 1,000,000) → the estimated exponent. With `exact="fixed"` instead, the closed form for r < 3,
 * ln|2 − r| (or ln r below 1), and no x0.
 */
export function calcLyapunov(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['r', 'x0', 'burnIn', 'iterations', 'exact'], problems);
  const r = numberAttr(attrs, 'r', problems);
  if (attrs.exact !== undefined) {
    choice(attrs, 'exact', ['fixed'], 'fixed', problems);
    for (const name of ['x0', 'burnIn', 'iterations'])
      if (attrs[name] !== undefined) problems.push(`exact="fixed" takes no ${name}="…"`);
    return shown(problems, () => (r === undefined ? null : fixedPointExponent(r)), signed);
  }
  const x0 = numberAttr(attrs, 'x0', problems, { atLeast: 0, fallback: 0.2 });
  const burnIn = numberAttr(attrs, 'burnIn', problems, { atLeast: 0, whole: true, fallback: 1000 });
  const iterations = numberAttr(attrs, 'iterations', problems, {
    atLeast: 1,
    whole: true,
    fallback: 1_000_000,
  });
  return shown(
    problems,
    () =>
      r === undefined || x0 === undefined || burnIn === undefined || iterations === undefined
        ? null
        : lyapunovExponent(r, x0, { burnIn, iterations }),
    signed,
  );
}

/**
 * `cascade.divergence`: steps for a gap of `gap0` to grow to `gap1` (default 1), from an exponent
 * given as `lambda="0.49"` or estimated from `r` (and optional `x0`) → ln(gap1/gap0)/λ.
 */
export function calcDivergence(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['lambda', 'r', 'x0', 'gap0', 'gap1'], problems);
  const hasLambda = attrs.lambda !== undefined;
  if (hasLambda === (attrs.r !== undefined)) {
    problems.push('give exactly one of lambda="…" (the exponent) or r="…" (to estimate it)');
    return { ok: false, problems };
  }
  if (hasLambda && attrs.x0 !== undefined) problems.push('x0="…" goes with r="…", not lambda');
  const gap0 = numberAttr(attrs, 'gap0', problems);
  const gap1 = numberAttr(attrs, 'gap1', problems, { fallback: 1 });
  const lambda = hasLambda
    ? numberAttr(attrs, 'lambda', problems, { atLeast: Number.NEGATIVE_INFINITY })
    : undefined;
  const r = hasLambda ? undefined : numberAttr(attrs, 'r', problems);
  const x0 = numberAttr(attrs, 'x0', problems, { atLeast: 0, fallback: 0.2 });
  return shown(
    problems,
    () => {
      if (gap0 === undefined || gap1 === undefined || x0 === undefined) return null;
      const exponent: CascadeResult<number> | null =
        lambda !== undefined
          ? { ok: true, value: lambda }
          : r !== undefined
            ? lyapunovExponent(r, x0)
            : null;
      if (exponent === null) return null;
      return exponent.ok ? divergenceSteps(exponent.value, gap0, gap1) : exponent;
    },
    fmtNum,
  );
}

/**
 * `cascade.apart`: runs from `x0` and `x0 + delta` at `r`; the first step at which they are more
 * than `threshold` (default 0.1) apart, or "not within N steps" (`maxSteps`, default 10,000).
 */
export function calcApart(attrs: Attrs): Calculated {
  const problems: string[] = [];
  unknownAttributes(attrs, ['r', 'x0', 'delta', 'threshold', 'maxSteps'], problems);
  const r = numberAttr(attrs, 'r', problems);
  const x0 = numberAttr(attrs, 'x0', problems, { atLeast: 0 });
  const delta = numberAttr(attrs, 'delta', problems);
  const threshold = numberAttr(attrs, 'threshold', problems, { fallback: 0.1 });
  const maxSteps = numberAttr(attrs, 'maxSteps', problems, {
    atLeast: 1,
    whole: true,
    fallback: 10_000,
  });
  return shown(
    problems,
    () =>
      r === undefined ||
      x0 === undefined ||
      delta === undefined ||
      threshold === undefined ||
      maxSteps === undefined
        ? null
        : firstStepApart(r, x0, delta, threshold, maxSteps),
    (n) => (n === null ? `not within ${fmtInt(maxSteps!)} steps` : String(n)),
  );
}

/** This module's entries for src/calc/registry.ts. */
export const cascadeCalculations: Readonly<Record<string, (attrs: Attrs) => Calculated>> = {
  'cascade.survivors': calcSurvivors,
  'cascade.tolerable': calcTolerable,
  'cascade.safe': calcSafe,
  'cascade.cache': calcCache,
  'cascade.retryLoad': calcRetryLoad,
  'cascade.feedback': calcFeedback,
  'cascade.bistable': calcBistable,
  'cascade.orbit': calcOrbit,
  'cascade.lyapunov': calcLyapunov,
  'cascade.divergence': calcDivergence,
  'cascade.apart': calcApart,
};
