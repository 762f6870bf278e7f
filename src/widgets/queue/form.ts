import { checkForm, parseNumber } from '../chrome/paramForm';
import type { FormCheck, FormValues } from '../chrome/paramForm';
import { queueParamsSchema } from './params';
import type { QueueParams } from './params';

/**
 * The calculator's form holds strings in the units people type (requests per second,
 * milliseconds); params hold the model's units (seconds). Hidden inputs (room, burst, CV) keep
 * their last values so switching them back on restores what the learner had.
 */
const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function paramsToForm(p: QueueParams): Record<string, string> {
  return {
    lambda: trim(p.lambda),
    meanServiceMs: trim(p.meanService * 1000),
    service: p.service,
    cv: trim(p.service === 'lognormal' ? p.cv : 2),
    servers: trim(p.servers),
    roomOn: String(p.room !== null),
    room: trim(p.room ?? p.servers * 2),
    durationS: trim(p.durationS),
    warmupS: trim(p.warmupS),
    burstOn: String(p.burst !== null),
    burstStartS: trim(p.burst?.startS ?? Math.round(p.durationS * 0.4)),
    burstEndS: trim(p.burst?.endS ?? Math.round(p.durationS * 0.6)),
    burstFactor: trim(p.burst?.factor ?? 1.5),
  };
}

const num = (v: FormValues, key: string) => parseNumber(v[key]);

export function formToParams(v: FormValues): unknown {
  return {
    lambda: num(v, 'lambda'),
    meanService: num(v, 'meanServiceMs') / 1000,
    service: v.service,
    cv: v.service === 'lognormal' ? num(v, 'cv') : v.service === 'deterministic' ? 0 : 1,
    servers: num(v, 'servers'),
    room: v.roomOn === 'true' ? num(v, 'room') : null,
    durationS: num(v, 'durationS'),
    warmupS: num(v, 'warmupS'),
    burst:
      v.burstOn === 'true'
        ? {
            startS: num(v, 'burstStartS'),
            endS: num(v, 'burstEndS'),
            factor: num(v, 'burstFactor'),
          }
        : null,
  };
}

/** Inputs that must hold a number right now (hidden inputs are not checked). */
export function numericFields(v: FormValues): string[] {
  const fields = ['lambda', 'meanServiceMs', 'servers', 'durationS', 'warmupS'];
  if (v.service === 'lognormal') fields.push('cv');
  if (v.roomOn === 'true') fields.push('room');
  if (v.burstOn === 'true') fields.push('burstStartS', 'burstEndS', 'burstFactor');
  return fields;
}

const direct = new Set(['lambda', 'cv', 'servers', 'room', 'durationS', 'warmupS']);

export function fieldOf(path: readonly PropertyKey[]): string | null {
  const [a, b] = path;
  if (a === 'meanService') return 'meanServiceMs';
  if (a === 'burst' && typeof b === 'string')
    return `burst${b === 'startS' ? 'StartS' : b === 'endS' ? 'EndS' : 'Factor'}`;
  return typeof a === 'string' && direct.has(a) ? a : null;
}

export function checkQueueForm(v: FormValues): FormCheck<QueueParams> {
  return checkForm(v, numericFields(v), formToParams, queueParamsSchema, fieldOf);
}
