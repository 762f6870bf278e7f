import { SelectField } from '../chrome/ChoiceFields';
import { NumberField } from '../chrome/NumberField';
import type { NumberFieldProps } from '../chrome/NumberField';
import { FIXES, fixLabels, MAX_RETRIES, MAX_SERVERS } from './params';

type Extra = Omit<NumberFieldProps, 'label' | 'value' | 'onChange' | 'error'>;
type Field = readonly [key: string, label: string, extra: Extra];

const groups: readonly { legend: string; fields: readonly Field[] }[] = [
  {
    legend: 'Pool and users',
    fields: [
      ['servers', 'Servers', { min: 1, max: MAX_SERVERS, step: 1 }],
      ['perServer', 'Each server completes', { unit: 'req/s', min: 0.1 }],
      ['users', 'Users send', { unit: 'req/s', min: 0 }],
      [
        'hitPct',
        'Cache hit ratio',
        { unit: '%', min: 0, max: 99, help: 'Of users’ requests, when warm' },
      ],
      ['warmS', 'Cache refill time', { unit: 's', min: 0.1, help: 'Filled only by answers' }],
    ],
  },
  {
    legend: 'Clients and health checks',
    fields: [
      ['timeoutMs', 'Timeout', { unit: 'ms', min: 10 }],
      ['retries', 'Retries', { min: 0, max: MAX_RETRIES, step: 1 }],
      [
        'backoffMs',
        'Base backoff',
        { unit: 'ms', min: 0, help: '0: retry at once; else full jitter, doubling' },
      ],
      ['queueS', 'Queue limit', { unit: 's', min: 0, help: 'Of work per server; 0: none' }],
      [
        'ejectS',
        'Health check removes at',
        { unit: 's', min: 0, help: 'Of queued work; 0: never' },
      ],
      ['restartS', 'Restart takes', { unit: 's', min: 0, help: 'Times a draw from 0.5 to 1.5' }],
    ],
  },
  {
    legend: 'Triggers',
    fields: [
      ['failCount', 'Servers that fail', { min: 0, step: 1 }],
      ['failAtS', 'They fail at', { unit: 's', min: 0 }],
      ['failForS', 'For', { unit: 's', min: 0, help: '0: for good' }],
      ['spikeRps', 'Spike adds', { unit: 'req/s', min: 0 }],
      ['spikeAtS', 'Spike at', { unit: 's', min: 0 }],
      ['spikeForS', 'Spike lasts', { unit: 's', min: 0 }],
      ['flushAtS', 'Cache flushed at', { unit: 's', min: 0, help: '0: never' }],
    ],
  },
  {
    legend: 'Run',
    fields: [['durationS', 'Length of the run', { unit: 's', min: 10 }]],
  },
  {
    legend: 'Logistic map',
    fields: [
      ['r', 'r', { min: 0, max: 4, step: 'any' }],
      ['x0', 'Start x₀', { min: 0, max: 1 }],
      ['gap', 'Second start’s gap', { min: 1e-15, max: 0.1, help: 'Such as 1e-10' }],
    ],
  },
];

const fixOptions = FIXES.map((f) => ({ value: f, label: fixLabels[f] }));

export function CascadeSettings({
  values,
  errors,
  set,
}: {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
}) {
  const field = ([key, label, extra]: Field) => (
    <NumberField
      key={key}
      label={label}
      value={values[key] ?? ''}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      {...extra}
    />
  );
  const [pool, clients, triggers, run, logistic] = groups;
  return (
    <>
      {[pool!, clients!, triggers!].map((g) => (
        <fieldset key={g.legend} className="param-group">
          <legend>{g.legend}</legend>
          <div className="param-grid">{g.fields.map(field)}</div>
        </fieldset>
      ))}
      <fieldset className="param-group">
        <legend>Corrective action</legend>
        <div className="param-grid">
          <SelectField
            label="Action"
            value={values.fix ?? 'none'}
            options={fixOptions}
            onChange={(v) => set('fix', v)}
            help={errors.fix}
          />
          {field(['fixAtS', 'Taken at', { unit: 's', min: 0 }])}
          {field(['fixServers', 'Servers added', { min: 0, step: 1, help: 'With “Add servers”' }])}
          {run!.fields.map(field)}
        </div>
      </fieldset>
      <fieldset className="param-group">
        <legend>{logistic!.legend}</legend>
        <div className="param-grid">{logistic!.fields.map(field)}</div>
      </fieldset>
    </>
  );
}
