import { CheckboxField, SelectField } from '../chrome/ChoiceFields';
import { NumberField } from '../chrome/NumberField';
import { FaultsEditor } from './FaultsEditor';

import type { FormProps } from './formProps';

export type { FormProps };

const policies = [
  { value: 'count', label: 'Failure rate over the last N calls' },
  { value: 'time', label: 'Failure rate over the last T seconds' },
  { value: 'consecutive', label: 'Consecutive failures' },
] as const;

export function ParamsPanel({ values, errors, set, setMany }: FormProps) {
  const field = (
    key: string,
    label: string,
    extra: { unit?: string; min?: number; max?: number; step?: number; help?: string } = {},
  ) => (
    <NumberField
      label={label}
      value={values[key] ?? ''}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      {...extra}
    />
  );
  const on = values.breakerOn !== 'false';
  const windowed = values.policy !== 'consecutive';
  return (
    <div className="params">
      <fieldset className="param-group">
        <legend>Traffic and dependency</legend>
        <div className="param-grid">
          {field('rate', 'Request rate', {
            unit: 'calls/s',
            min: 0.1,
            max: 5000,
            help: 'Poisson arrivals',
          })}
          {field('durationS', 'Run length', { unit: 's', min: 10, max: 3600 })}
          {field('medianMs', 'Median latency', { unit: 'ms', min: 0.1 })}
          {field('p99Ms', 'p99 latency', {
            unit: 'ms',
            min: 0.1,
            help: 'Log-normal between median and p99',
          })}
          {field('baseFailurePct', 'Base failure rate', { unit: '%', min: 0, max: 50, step: 0.1 })}
          {field('timeoutMs', 'Client timeout', {
            unit: 'ms',
            min: 1,
            help: 'Slower calls count as timeouts',
          })}
        </div>
      </fieldset>
      <FaultsEditor values={values} errors={errors} set={set} setMany={setMany} />
      <fieldset className="param-group">
        <legend>Breaker</legend>
        <CheckboxField
          label="Use a circuit breaker"
          checked={on}
          onChange={(c) => set('breakerOn', String(c))}
        />
        {on && (
          <>
            <div className="param-grid">
              <SelectField
                label="Trip policy"
                value={values.policy ?? 'count'}
                options={policies}
                onChange={(v) => set('policy', v)}
              />
              {values.policy === 'consecutive' &&
                field('threshold', 'Failures in a row', { min: 1, step: 1 })}
              {values.policy === 'count' &&
                field('windowSize', 'Window', { unit: 'calls', min: 1, step: 1 })}
              {values.policy === 'time' &&
                field('windowS', 'Window', { unit: 's', min: 1, step: 1 })}
              {windowed &&
                field('failureRatePct', 'Trip at failure rate', { unit: '%', min: 1, max: 100 })}
              {windowed &&
                field('minimumCalls', 'Minimum calls', {
                  min: 1,
                  step: 1,
                  help: 'Judged only after this many calls',
                })}
              {field('waitS', 'Wait in open', { unit: 's', min: 0.1 })}
              {field('trialCalls', 'Trial calls in half-open', { min: 1, step: 1 })}
            </div>
            <CheckboxField
              label="Count slow calls as failures"
              checked={values.slowOn === 'true'}
              onChange={(c) => set('slowOn', String(c))}
            />
            {values.slowOn === 'true' && (
              <div className="param-grid">
                {field('slowCallMs', 'Slow-call threshold', { unit: 'ms', min: 1 })}
              </div>
            )}
          </>
        )}
      </fieldset>
    </div>
  );
}
