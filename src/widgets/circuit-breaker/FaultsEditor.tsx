import { CheckboxField, SelectField } from '../chrome/ChoiceFields';
import { NumberField } from '../chrome/NumberField';
import { faultCount, MAX_FAULTS } from './form';
import type { FormProps } from './formProps';

const kinds = [
  { value: 'outage', label: 'Outage' },
  { value: 'slow', label: 'Slow period' },
  { value: 'flapping', label: 'Flapping' },
] as const;

/** The fault timeline: up to five windows of outage, slowness or flapping. */
export function FaultsEditor({ values, errors, set, setMany }: FormProps) {
  const count = faultCount(values);
  const remove = (i: number) => {
    const patch: Record<string, string> = { faultCount: String(count - 1) };
    for (let j = i; j < count - 1; j++) {
      for (const key of ['kind', 'startS', 'endS', 'factor', 'periodS', 'hang'])
        patch[`f${j}.${key}`] = values[`f${j + 1}.${key}`] ?? '';
    }
    setMany(patch);
  };
  const add = () => {
    const duration = Number(values.durationS) || 60;
    setMany({
      faultCount: String(count + 1),
      [`f${count}.kind`]: 'outage',
      [`f${count}.startS`]: String(Math.round(duration / 3)),
      [`f${count}.endS`]: String(Math.round(duration / 2)),
      [`f${count}.factor`]: '5',
      [`f${count}.periodS`]: '10',
      [`f${count}.hang`]: 'true',
    });
  };
  return (
    <fieldset className="param-group">
      <legend>Faults in the dependency</legend>
      {count === 0 && (
        <p className="field-help">No faults: the dependency is healthy for the whole run.</p>
      )}
      {Array.from({ length: count }, (_, i) => {
        const kind = values[`f${i}.kind`] ?? 'outage';
        const num = (key: string, label: string, unit: string) => (
          <NumberField
            label={label}
            unit={unit}
            value={values[`f${i}.${key}`] ?? ''}
            onChange={(v) => set(`f${i}.${key}`, v)}
            error={errors[`f${i}.${key}`]}
          />
        );
        return (
          <div key={i} className="fault-row" role="group" aria-label={`Fault ${i + 1}`}>
            <div className="param-grid">
              <SelectField
                label={`Fault ${i + 1}`}
                value={kind}
                options={kinds}
                onChange={(v) => set(`f${i}.kind`, v)}
              />
              {num('startS', 'From', 's')}
              {num('endS', 'Until', 's')}
              {kind === 'slow' && num('factor', 'Latency ×', 'times')}
              {kind === 'flapping' && num('periodS', 'Down then up every', 's')}
            </div>
            {kind === 'outage' && (
              <CheckboxField
                label="Calls hang until the timeout (untick: they fail at once)"
                checked={values[`f${i}.hang`] !== 'false'}
                onChange={(c) => set(`f${i}.hang`, String(c))}
              />
            )}
            <button type="button" className="link-button" onClick={() => remove(i)}>
              Remove fault {i + 1}
            </button>
          </div>
        );
      })}
      {count < MAX_FAULTS && (
        <button type="button" onClick={add}>
          Add a fault
        </button>
      )}
    </fieldset>
  );
}
