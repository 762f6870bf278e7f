import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { presetComparison } from '../widgets/alerting/params';
import { presets as autoscalerPresets } from '../widgets/autoscaler/params';
import { birthdayPresets } from '../widgets/birthday/params';
import { bloomPresets } from '../widgets/bloom/params';
import { countMinPresets, hllPresets } from '../widgets/sketches/params';
import { presets as breakerPresets } from '../widgets/circuit-breaker/params';
import { presets as queuePresets } from '../widgets/queue/params';
import { presets as stormPresets } from '../widgets/retry-storm/params';
import { presets as sagaPresets } from '../widgets/saga/params';
import { presets as consensusPresets } from '../widgets/consensus/params';
import { presets as cascadePresets } from '../widgets/cascade/params';
import { presets as killSwitchPresets } from '../widgets/kill-switch/params';
import { validateSketchesScenario } from '../widgets/sketches/model';
import { registry } from './registry';
import type { SimModel } from './model';
import { describeIssues, describePath, validateWith } from './zodMessages';

/** zod's own English, which must never reach a learner. */
const zodWording =
  /Invalid (input|option|discriminator|string|number|key|value)|expected [a-z]+, received|Too (big|small):|Unrecognized key/;

/** One valid settings object per model, to tamper with. */
const samples: Record<string, unknown> = {
  'circuit-breaker': breakerPresets.outage.params,
  queue: queuePresets['normal-day'].params,
  'bloom-experiment': bloomPresets['hundred-thousand'].experiment,
  'count-min': countMinPresets['zipf-traffic'].params,
  hyperloglog: hllPresets['unique-visitors'].params,
  birthday: birthdayPresets['birthday-23'].simulation,
  'alert-comparison': presetComparison('noisy-week'),
  'retry-storm': stormPresets['thundering-herd'].params,
  autoscaler: autoscalerPresets['flash-sale'].params,
  saga: sagaPresets.checkout.params,
  consensus: consensusPresets['clean-partition'].params,
  cascade: cascadePresets['metastable-blip'].params,
  'kill-switch': killSwitchPresets['dead-code'].params,
};
const models = registry as unknown as Record<string, SimModel<unknown, unknown>>;

/** Every path to a value inside a settings object, lists included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = Array.isArray(value) ? Number(k) : k;
    return [[...prefix, key], ...paths(v, [...prefix, key])];
  });
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (by === undefined) delete at[last];
  else at[last] = by;
  return copy;
}

describe('validation of untrusted settings', () => {
  it('has a sample for every model in the registry', () => {
    expect(Object.keys(samples).sort()).toEqual(
      Object.keys(models)
        .filter((m) => !['queue-sweep', 'queue-plan'].includes(m))
        .sort(),
    );
  });

  it.each(Object.keys(samples))(
    '%s: any JSON value never throws and is answered in words',
    (name) => {
      const model = models[name]!;
      fc.assert(
        fc.property(fc.jsonValue(), (p) => {
          const checked = model.validate(p);
          if (!checked.ok) expect(checked.message).not.toMatch(zodWording);
        }),
      );
    },
  );

  it.each(Object.keys(samples))(
    '%s: any setting replaced by any JSON value (or removed) is answered in words',
    (name) => {
      const model = models[name]!;
      const sample = samples[name];
      fc.assert(
        fc.property(
          fc.constantFrom(...paths(sample)),
          fc.option(fc.jsonValue(), { nil: undefined }),
          (path, by) => {
            const checked = model.validate(replaced(sample, path, by));
            if (!checked.ok) expect(checked.message).not.toMatch(zodWording);
          },
        ),
      );
    },
  );

  it('the sketches lab’s link: any JSON value, or either run’s setting replaced, is answered in words', () => {
    const sample = { countMin: samples['count-min'], hll: samples.hyperloglog };
    fc.assert(
      fc.property(fc.jsonValue(), (p) => {
        const checked = validateSketchesScenario(p);
        if (!checked.ok) expect(checked.message).not.toMatch(zodWording);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...paths(sample)),
        fc.option(fc.jsonValue(), { nil: undefined }),
        (path, by) => {
          const checked = validateSketchesScenario(replaced(sample, path, by));
          if (!checked.ok) expect(checked.message).not.toMatch(zodWording);
        },
      ),
    );
  });

  it('refuses null settings for the two widgets whose cross-field check read them', () => {
    expect(models['retry-storm']!.validate(null).ok).toBe(false);
    expect(models.autoscaler!.validate(null).ok).toBe(false);
  });

  it('names the setting by its label, inside its list item', () => {
    const tampered = replaced(samples['alert-comparison'], ['a', 'rules', 1, 'quiet'], 'yes');
    expect(models['alert-comparison']!.validate(tampered)).toEqual({
      ok: false,
      message:
        'Policy A, rule 2: the choice whether it can wait for morning must be yes or no (true or false).',
    });
    const negative = replaced(samples['alert-comparison'], ['b', 'rules', 0, 'factor'], -1);
    expect(models['alert-comparison']!.validate(negative)).toEqual({
      ok: false,
      message: 'Policy B, rule 1: a burn-rate factor must be at least 0.1.',
    });
    const missing = replaced(samples['circuit-breaker'], ['baseFailure'], undefined);
    expect(models['circuit-breaker']!.validate(missing)).toEqual({
      ok: false,
      message: 'The base failure rate is missing.',
    });
  });

  it('words a key no label names from the key itself', () => {
    expect(describePath(['breaker', 'slowCallMs'])).toEqual({
      context: ['the setting “breaker”'],
      setting: 'the setting “slow call (ms)”',
    });
    const check = validateWith(z.object({ meanService: z.number() }));
    expect(check({})).toEqual({ ok: false, message: 'The setting “mean service” is missing.' });
  });

  it('keeps a schema’s own message and counts what it leaves out', () => {
    const check = validateWith(z.object({ n: z.number({ error: 'n must be a number' }) }));
    expect(check({ n: 'x' })).toEqual({ ok: false, message: 'n must be a number.' });
    const issues = ['a', 'b', 'c', 'd', 'e'].map((message) => ({ message, path: [] }));
    expect(describeIssues(issues)).toBe('a; b; c; and 2 more problems.');
  });
});
