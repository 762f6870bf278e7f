import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { paramsSchema } from './params';
import type { CircuitBreakerParams, Fault } from './params';

/**
 * The widget's form holds strings, in the units people type (seconds, percent); params hold
 * the model's units (ms, fractions). These two functions convert, and `fieldOf` maps a
 * validation problem back to the input it belongs to.
 */
export const MAX_FAULTS = 5;

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: CircuitBreakerParams): Record<string, string> {
  const policy = p.breaker.policy;
  const form: Record<string, string> = {
    rate: trim(p.rate),
    durationS: trim(p.durationS),
    medianMs: trim(p.medianMs),
    p99Ms: trim(p.p99Ms),
    baseFailurePct: trim(p.baseFailure * 100),
    timeoutMs: trim(p.timeoutMs),
    breakerOn: String(p.breaker.enabled),
    policy: policy.kind,
    threshold: policy.kind === 'consecutive' ? trim(policy.threshold) : '5',
    windowSize: policy.kind === 'count' ? trim(policy.size) : '20',
    windowS: policy.kind === 'time' ? trim(policy.windowMs / 1000) : '10',
    failureRatePct: policy.kind === 'consecutive' ? '50' : trim(policy.failureRate * 100),
    minimumCalls: policy.kind === 'consecutive' ? '10' : trim(policy.minimumCalls),
    slowOn: String(p.breaker.slowCallMs !== null),
    slowCallMs: trim(p.breaker.slowCallMs ?? 500),
    waitS: trim(p.breaker.waitMs / 1000),
    trialCalls: trim(p.breaker.trialCalls),
    faultCount: String(p.faults.length),
  };
  p.faults.forEach((f, i) => {
    form[`f${i}.kind`] = f.kind;
    form[`f${i}.startS`] = trim(f.startS);
    form[`f${i}.endS`] = trim(f.endS);
    form[`f${i}.factor`] = f.kind === 'slow' ? trim(f.factor) : '5';
    form[`f${i}.periodS`] = f.kind === 'flapping' ? trim(f.periodS) : '10';
    form[`f${i}.hang`] = f.kind === 'outage' ? String(f.hang) : 'true';
  });
  return form;
}

const num = (v: FormValues, key: string) => parseNumber(v[key]);

function faultFrom(v: FormValues, i: number): Fault {
  const startS = num(v, `f${i}.startS`);
  const endS = num(v, `f${i}.endS`);
  switch (v[`f${i}.kind`]) {
    case 'slow':
      return { kind: 'slow', startS, endS, factor: num(v, `f${i}.factor`) };
    case 'flapping':
      return { kind: 'flapping', startS, endS, periodS: num(v, `f${i}.periodS`) };
    default:
      return { kind: 'outage', startS, endS, hang: v[`f${i}.hang`] !== 'false' };
  }
}

export function faultCount(v: FormValues): number {
  return Math.min(MAX_FAULTS, Math.max(0, Math.trunc(parseNumber(v.faultCount)) || 0));
}

/** Breaker settings are hidden while it is off; keep their last good values (or defaults). */
const hiddenDefaults: Readonly<Record<string, string>> = {
  threshold: '5',
  windowSize: '20',
  windowS: '10',
  failureRatePct: '50',
  minimumCalls: '10',
  slowCallMs: '500',
  waitS: '5',
  trialCalls: '3',
};

export function formToParams(values: FormValues): unknown {
  let v = values;
  if (values.breakerOn === 'false') {
    const patched: Record<string, string> = { ...values };
    for (const [key, fallback] of Object.entries(hiddenDefaults)) {
      if (!Number.isFinite(parseNumber(patched[key]))) patched[key] = fallback;
    }
    v = patched;
  }
  const policy =
    v.policy === 'consecutive'
      ? { kind: 'consecutive', threshold: num(v, 'threshold') }
      : v.policy === 'time'
        ? {
            kind: 'time',
            windowMs: num(v, 'windowS') * 1000,
            failureRate: num(v, 'failureRatePct') / 100,
            minimumCalls: num(v, 'minimumCalls'),
          }
        : {
            kind: 'count',
            size: num(v, 'windowSize'),
            failureRate: num(v, 'failureRatePct') / 100,
            minimumCalls: num(v, 'minimumCalls'),
          };
  return {
    rate: num(v, 'rate'),
    durationS: num(v, 'durationS'),
    medianMs: num(v, 'medianMs'),
    p99Ms: num(v, 'p99Ms'),
    baseFailure: num(v, 'baseFailurePct') / 100,
    timeoutMs: num(v, 'timeoutMs'),
    faults: Array.from({ length: faultCount(v) }, (_, i) => faultFrom(v, i)),
    breaker: {
      enabled: v.breakerOn !== 'false',
      policy,
      slowCallMs: v.slowOn === 'true' ? num(v, 'slowCallMs') : null,
      waitMs: num(v, 'waitS') * 1000,
      trialCalls: num(v, 'trialCalls'),
    },
  };
}

/** Inputs that must hold a number right now (hidden inputs are not checked). */
export function numericFields(v: FormValues): string[] {
  const fields = ['rate', 'durationS', 'medianMs', 'p99Ms', 'baseFailurePct', 'timeoutMs'];
  if (v.breakerOn !== 'false') {
    fields.push('waitS', 'trialCalls');
    if (v.policy === 'consecutive') fields.push('threshold');
    else
      fields.push(v.policy === 'time' ? 'windowS' : 'windowSize', 'failureRatePct', 'minimumCalls');
    if (v.slowOn === 'true') fields.push('slowCallMs');
  }
  for (let i = 0; i < faultCount(v); i++) {
    fields.push(`f${i}.startS`, `f${i}.endS`);
    if (v[`f${i}.kind`] === 'slow') fields.push(`f${i}.factor`);
    if (v[`f${i}.kind`] === 'flapping') fields.push(`f${i}.periodS`);
  }
  return fields;
}

const policyField: Record<string, string> = {
  threshold: 'threshold',
  size: 'windowSize',
  windowMs: 'windowS',
  failureRate: 'failureRatePct',
  minimumCalls: 'minimumCalls',
};

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [a, b, c] = path;
  if (a === 'baseFailure') return 'baseFailurePct';
  if (a === 'faults' && typeof b === 'number' && typeof c === 'string') return `f${b}.${c}`;
  if (a === 'breaker') {
    if (b === 'policy' && typeof c === 'string') return policyField[c] ?? null;
    if (b === 'waitMs') return 'waitS';
    if (b === 'trialCalls' || b === 'slowCallMs') return b;
    return null;
  }
  return typeof a === 'string' &&
    ['rate', 'durationS', 'medianMs', 'p99Ms', 'timeoutMs'].includes(a)
    ? a
    : null;
}

export function checkBreakerForm(v: FormValues): FormCheck<CircuitBreakerParams> {
  return checkForm(v, numericFields(v), formToParams, paramsSchema, fieldOf);
}
