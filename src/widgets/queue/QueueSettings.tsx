import { CheckboxField, SelectField } from '../chrome/ChoiceFields';
import { NumberField } from '../chrome/NumberField';
import type { FormValues } from '../chrome/paramForm';

const serviceShapes = [
  { value: 'exponential', label: 'Exponential (CV 1)' },
  { value: 'deterministic', label: 'Deterministic: always the mean (CV 0)' },
  { value: 'lognormal', label: 'Log-normal: choose the variability' },
] as const;

/** The calculator's inputs, grouped as a learner thinks of them: traffic, servers, the run. */
export function QueueSettings({
  values,
  errors,
  set,
}: {
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
}) {
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
  return (
    <div className="params">
      <fieldset className="param-group">
        <legend>Traffic and service</legend>
        <div className="param-grid">
          {field('lambda', 'Arrival rate λ', {
            unit: 'req/s',
            min: 0.001,
            max: 10000,
            help: 'Poisson arrivals',
          })}
          {field('meanServiceMs', 'Mean service time E[S]', {
            unit: 'ms',
            min: 0.001,
            help: 'μ = 1/E[S] per server',
          })}
          <SelectField
            label="Service time shape"
            value={values.service ?? 'exponential'}
            options={serviceShapes}
            onChange={(v) => set('service', v)}
          />
          {values.service === 'lognormal' &&
            field('cv', 'Coefficient of variation Cs', {
              min: 0,
              max: 10,
              step: 0.1,
              help: 'Standard deviation ÷ mean',
            })}
        </div>
      </fieldset>
      <fieldset className="param-group">
        <legend>Servers and room</legend>
        <div className="param-grid">
          {field('servers', 'Servers c', { min: 1, max: 1000, step: 1 })}
          <CheckboxField
            label="Limit the room (turn arrivals away when full)"
            checked={values.roomOn === 'true'}
            onChange={(on) => set('roomOn', String(on))}
          />
          {values.roomOn === 'true' &&
            field('room', 'Room K', {
              min: 1,
              step: 1,
              help: 'Most requests in the system at once, in service and waiting',
            })}
        </div>
      </fieldset>
      <fieldset className="param-group">
        <legend>The simulated run</legend>
        <div className="param-grid">
          {field('durationS', 'Run length', { unit: 's', min: 10 })}
          {field('warmupS', 'Warm-up', {
            unit: 's',
            min: 0,
            help: 'Not counted: the queue starts empty',
          })}
          <CheckboxField
            label="Add a burst of extra traffic"
            checked={values.burstOn === 'true'}
            onChange={(on) => set('burstOn', String(on))}
          />
          {values.burstOn === 'true' && (
            <>
              {field('burstStartS', 'Burst starts at', { unit: 's', min: 0 })}
              {field('burstEndS', 'Burst ends at', { unit: 's', min: 0 })}
              {field('burstFactor', 'Rate multiplied by', { min: 1, max: 100, step: 0.1 })}
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
