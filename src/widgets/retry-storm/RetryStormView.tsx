import { useId, useMemo, useState } from 'react';
import type { Jitter } from '../../formulas/retries';
import { DirectiveError } from '../chrome/DirectiveError';
import { fmtInt } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import { checkRetryStormForm, paramsToForm } from './form';
import { retryStormModel } from './model';
import { MAX_CLIENTS, MAX_RETRIES, presets } from './params';
import type { RetryStormParams, RetryStormPresetName } from './params';
import { perWindowOf } from './simulate';
import { Results } from './StormResults';
import type { RetryStormResult } from './types';

export default function RetryStormView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="retry storm" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: RetryStormPresetName; params: RetryStormParams; seed: number };
}) {
  const scenario = useScenario<RetryStormParams, RetryStormResult>({
    lesson,
    widgetId,
    model: 'retry-storm',
    validate: (p) => retryStormModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkRetryStormForm,
  });
  const { values, set, check, run } = scenario;
  const [charted, setCharted] = useState<Jitter>('none');
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Retry storm simulator</h3>
      <p className="widget-intro">
        A service that many clients call goes down, and every client’s request to it fails in the
        same instant. Each client retries with capped exponential backoff, then gives up after its
        last retry. Once the dependency is back it can only serve so many requests in each 100 ms
        and turns the rest away, which sends those clients back to waiting. The same outage runs
        four times, once for each way of adding randomness (jitter) to the waits, in a background
        worker.
      </p>
      <ScenarioHeader scenario={scenario} presets={presets} />

      <SettingsDetails check={check} hasResult={result !== null}>
        <Settings values={values} errors={check.fieldErrors} set={set} />
      </SettingsDetails>

      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        done={
          result &&
          run.elapsedMs !== null &&
          shown &&
          `Simulated ${fmtInt(shown.params.clients)} clients under four jitter strategies (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && (
        <Results params={shown.params} result={result} charted={charted} onCharted={setCharted} />
      )}
    </section>
  );
}

const fields = [
  ['clients', 'Clients', { min: 1, max: MAX_CLIENTS, step: 1, help: 'All fail together at 0 s' }],
  ['outageS', 'Outage', { unit: 's', min: 0, help: 'How long the dependency stays down' }],
  ['capacity', 'Capacity once back', { unit: 'req/s', min: 10 }],
  [
    'retries',
    'Retries per client',
    { min: 0, max: MAX_RETRIES, step: 1, help: 'After the last one fails, the client gives up' },
  ],
  [
    'baseMs',
    'Base delay',
    {
      unit: 'ms',
      min: 1,
      help: 'Ceiling of the first sleep, doubling each retry (decorrelated: 1–3× it)',
    },
  ],
  ['capMs', 'Cap', { unit: 'ms', min: 1, help: 'No sleep is longer' }],
] as const;

function Settings({
  values,
  errors,
  set,
}: {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
}) {
  const capacity = Number(values.capacity);
  const capacityHelp =
    Number.isFinite(capacity) && capacity > 0
      ? `It serves ${fmtInt(perWindowOf(capacity))} in each 100 ms (rounded down)`
      : 'Counted in windows of 100 ms';
  return (
    <div className="param-grid">
      {fields.map(([key, label, extra]) => (
        <NumberField
          key={key}
          label={label}
          value={values[key] ?? ''}
          onChange={(v) => set(key, v)}
          error={errors[key]}
          {...extra}
          help={key === 'capacity' ? capacityHelp : extra.help}
        />
      ))}
    </div>
  );
}
