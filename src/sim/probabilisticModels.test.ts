import { describe, expect, it } from 'vitest';
import { createHost } from './host';
import type { Registry } from './host';
import type { SimModel } from './model';
import type { WorkerResponse } from './protocol';
import { bloomExperimentModel } from '../widgets/bloom/model';
import {
  bloomPresets,
  bloomRateSchema,
  bloomSizingSchema,
  bloomToySchema,
} from '../widgets/bloom/params';
import { bloomSize } from '../widgets/bloom/theory';
import { countMinModel, hllModel } from '../widgets/sketches/model';
import { countMinPresets, hllPresets } from '../widgets/sketches/params';
import { birthdayModel } from '../widgets/birthday/model';
import { birthdayCalcSchema, birthdayPresets } from '../widgets/birthday/params';
import { birthdayProbability, timestampIdCollision } from '../formulas/birthday';
import { runToEnd } from '../widgets/shared/experiment';

const models = {
  bloom: bloomExperimentModel,
  'count-min': countMinModel,
  hll: hllModel,
  birthday: birthdayModel,
} as const;

async function runInHost(model: keyof typeof models, params: unknown, seed: number) {
  const sent: WorkerResponse[] = [];
  const transfers: Transferable[][] = [];
  const handle = createHost(models as unknown as Registry, (m, transfer) => {
    sent.push(m);
    transfers.push(transfer ?? []);
  });
  await handle({ kind: 'run', runId: 1, model, params, seed });
  return { last: sent.at(-1), transfer: transfers.at(-1) ?? [] };
}

describe('Bloom, sketches and birthday models in the worker host', () => {
  it.each([
    ['bloom', { ...bloomPresets['make-it-lie'].experiment, probes: 20_000 }],
    ['count-min', { ...countMinPresets['zipf-traffic'].params, streamLength: 50_000 }],
    ['hll', { ...hllPresets['tiny-sketch'].params }],
    ['birthday', { ...birthdayPresets['birthday-23'].simulation, trials: 500 }],
    ['birthday', { ...birthdayPresets['ms-timestamp'].simulation, trials: 200 }],
  ] as const)('%s runs to a result and hands over distinct buffers', async (model, params) => {
    const { last, transfer } = await runInHost(model, params, 7);
    expect(last?.kind).toBe('result');
    expect(transfer.length).toBeGreaterThan(3);
    // Transferring the same buffer twice would throw in a real worker.
    expect(new Set(transfer).size).toBe(transfer.length);
  });

  it.each([
    ['bloom', { ...bloomPresets['hundred-thousand'].experiment, kTo: 0 }, 'must be at least 1'],
    [
      'bloom',
      { ...bloomPresets['hundred-thousand'].experiment, kFrom: 9, kTo: 4 },
      'The k sweep must end at or above where it starts (k = 9)',
    ],
    [
      'bloom',
      { ...bloomPresets['hundred-thousand'].experiment, m: 64, k: 7, kTo: 70 },
      'at most 32',
    ],
    [
      'bloom',
      { ...bloomPresets['hundred-thousand'].experiment, n: 10_000_000 },
      'million bit updates',
    ],
    [
      'count-min',
      { ...countMinPresets['zipf-traffic'].params, epsilon: 1 },
      'The error ε must be a share from 0.00001 to 0.5 (0 and 1 are not allowed)',
    ],
    [
      'count-min',
      { ...countMinPresets['zipf-traffic'].params, delta: 0 },
      'The failure probability δ must be a share from 1e-9 to 0.5',
    ],
    [
      'count-min',
      { ...countMinPresets['zipf-traffic'].params, streamLength: 10_000_000, delta: 1e-9 },
      'That is about 212 million hash evaluations (21 rows)',
    ],
    [
      'hll',
      { ...hllPresets['tiny-sketch'].params, precision: 17 },
      'The precision p must be at most 16',
    ],
    [
      'birthday',
      { scheme: 'uniform', space: { bits: 122 }, trials: 10 },
      'for bigger IDs (a UUIDv4 has 122 random bits) use the calculator',
    ],
    [
      'birthday',
      { scheme: 'uniform', space: { bits: 48 }, trials: 10 },
      'The first collision takes about 21,027,123 IDs on average',
    ],
    ['birthday', { scheme: 'uniform', space: { bits: 32 }, trials: 1000 }, 'IDs in all'],
    [
      'birthday',
      { scheme: 'uniform', space: { bits: 8, values: 256 }, trials: 10 },
      'either as bits b or as a number of values d, not both',
    ],
    ['birthday', { scheme: 'uniform', space: {}, trials: 10 }, 'either as bits b'],
    ['birthday', { scheme: 'sequential', trials: 10 }, 'uniformly ("uniform") or as a timestamp'],
  ] as const)('%s explains bad parameters in words (%#)', async (model, params, words) => {
    const checked = (models[model] as SimModel<unknown, unknown>).validate(params);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain(words);
    const { last } = await runInHost(model, params, 1);
    expect(last).toMatchObject({ kind: 'error', code: 'invalid-params' });
  });
});

describe('calculator schemas', () => {
  it.each([
    [
      bloomSizingSchema,
      { n: 100, p: 1, keyBytes: 8, overheadBytes: 8 },
      'The false-positive rate p must be a share from 1e-15 to 0.5 (0 and 1 are not allowed)',
    ],
    [bloomSizingSchema, { n: 100, p: 0, keyBytes: 8, overheadBytes: 8 }, 'from 1e-15 to 0.5'],
    [bloomSizingSchema, { n: 0, p: 0.01, keyBytes: 8, overheadBytes: 8 }, 'n must be at least 1'],
    [
      bloomRateSchema,
      { m: 4, k: 7, n: 10 },
      'A filter of 4 bits is too small for 7 hash positions',
    ],
    [bloomToySchema, { m: 20, k: 3, seed: 0 }, 'a multiple of 8 bits'],
    [bloomToySchema, { m: 1024, k: 3, seed: 0 }, 'at most 512'],
    [
      birthdayCalcSchema,
      { scheme: 'uniform', space: { bits: 130 }, n: 10 },
      'The ID size b must be at most 128 bits (a UUIDv4 has 122 random bits)',
    ],
    [birthdayCalcSchema, { scheme: 'uniform', space: { values: 365 }, n: 0 }, 'at least 1'],
  ] as const)('explains bad input (%#)', (schema, input, words) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(' | ')).toContain(words);
  });

  it('accepts the ID space as bits or as values, and hands theory an IdSpace', () => {
    expect(birthdayCalcSchema.parse({ scheme: 'uniform', space: { bits: 122 }, n: 1e9 })).toEqual({
      scheme: 'uniform',
      space: { bits: 122 },
      n: 1e9,
    });
    expect(birthdayCalcSchema.parse({ scheme: 'uniform', space: { values: 365 }, n: 23 })).toEqual({
      scheme: 'uniform',
      space: { values: 365 },
      n: 23,
    });
  });
});

describe('presets', () => {
  it('every preset passes its own schema and has a unique name', () => {
    const names = [bloomPresets, countMinPresets, hllPresets, birthdayPresets].flatMap((p) =>
      Object.keys(p),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const p of Object.values(bloomPresets)) {
      expect(bloomSizingSchema.safeParse(p.sizing).success).toBe(true);
      expect(bloomToySchema.safeParse(p.toy).success).toBe(true);
      expect(bloomExperimentModel.validate(p.experiment)).toMatchObject({ ok: true });
    }
    for (const p of Object.values(countMinPresets))
      expect(countMinModel.validate(p.params)).toMatchObject({ ok: true });
    for (const p of Object.values(hllPresets))
      expect(hllModel.validate(p.params)).toMatchObject({ ok: true });
    for (const p of Object.values(birthdayPresets)) {
      expect(birthdayCalcSchema.safeParse(p.calc).success).toBe(true);
      expect(birthdayModel.validate(p.simulation)).toMatchObject({ ok: true });
    }
  });

  it('the numbers the descriptions state are the model’s', () => {
    const textbook = bloomSize(100_000, 0.01);
    expect(textbook).toMatchObject({ ok: true, value: { bits: 958_506, k: 7 } });
    expect(bloomPresets['hundred-thousand'].experiment.m).toBe(958_506);
    const phones = bloomSize(100_000_000, 0.001, { keyBytes: 8, overheadBytes: 32 });
    if (!phones.ok) throw new Error(phones.reason);
    expect(phones.value.bits / 1e9).toBeCloseTo(1.44, 2);
    expect(Math.round(phones.value.bytes / 2 ** 20)).toBe(171);
    expect(phones.value.k).toBe(10);
    expect(phones.value.hashSetBytes).toBe(4e9);
    // The scaled-down experiment keeps the bits per item.
    const scaled = bloomSize(200_000, 0.001);
    expect(scaled.ok && scaled.value.bits).toBe(bloomPresets['phone-numbers'].experiment.m);
    const uuid = birthdayProbability(1e9, { bits: 122 });
    expect(uuid.ok && uuid.value.p).toBeGreaterThan(0.9e-19);
    expect(uuid.ok && uuid.value.p).toBeLessThan(1e-19);
    const ms = timestampIdCollision({ ...birthdayPresets['ms-timestamp'].calc });
    expect(ms.ok && ms.value.perMs).toBe(10);
    expect(ms.ok && ms.value.expectedMsToFirst).toBeCloseTo(20.6, 1);
    // Flat traffic: the top page gets about 0.16 % of the views, below the 1 % line.
    const flat = runToEnd(
      countMinModel.run({ ...countMinPresets['flat-traffic'].params, streamLength: 100_000 }, 12),
    );
    expect(flat.heavyHitters.items).toEqual([]);
  });
});
