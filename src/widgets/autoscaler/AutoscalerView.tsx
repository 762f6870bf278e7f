import { useId, useMemo, useState } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { fmtInt } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import type { NumberFieldProps } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { Results } from './AutoscalerResults';
import { fromDirective } from './directive';
import { checkAutoscalerForm, paramsToForm } from './form';
import type { AutoscalerField } from './form';
import { autoscalerModel } from './model';
import { MAX_MINUTES, MAX_REPLICAS, presets } from './params';
import type { AutoscalerParams, AutoscalerPresetName } from './params';
import { rampHelp } from './report';
import type { AutoscalerResult, Strategy } from './types';

export default function AutoscalerView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="autoscaler" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: AutoscalerPresetName; params: AutoscalerParams; seed: number };
}) {
  const scenario = useScenario<AutoscalerParams, AutoscalerResult>({
    lesson,
    widgetId,
    model: 'autoscaler',
    validate: (p) => autoscalerModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkAutoscalerForm,
  });
  const { values, set, check, run } = scenario;
  const [charted, setCharted] = useState<Strategy>('reactive');
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Autoscaler simulator</h3>
      <p className="widget-intro">
        A service’s traffic climbs from a base to a peak, stays there for a while and falls back,
        minute by minute. Once a minute an autoscaler reads how busy the replicas are and applies
        the target-tracking rule Kubernetes uses to choose how many there should be. A replica it
        adds serves only after its start-up delay; until then the ready replicas carry the load and
        turn away what they cannot serve. The same traffic runs under three autoscalers, reactive,
        stabilised and predictive, in a background worker.
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
          `Simulated ${fmtInt(shown.params.durationMin)} minutes of traffic under three autoscalers (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && (
        <Results params={shown.params} result={result} charted={charted} onCharted={setCharted} />
      )}
    </section>
  );
}

type FieldSpec = readonly [
  AutoscalerField,
  string,
  Omit<NumberFieldProps, 'label' | 'value' | 'onChange'>,
];

const minutes = { unit: 'min', min: 0, max: MAX_MINUTES, step: 1 } as const;
const replicas = { min: 1, max: MAX_REPLICAS, step: 1 } as const;

const trafficFields: readonly FieldSpec[] = [
  ['baseRps', 'Base traffic', { unit: 'req/s', min: 1 }],
  ['peakRps', 'Peak traffic', { unit: 'req/s', min: 1 }],
  ['rampStartMin', 'Ramp starts at', { ...minutes, help: 'Minutes from the start of the run' }],
  ['rampMinutes', 'Ramp length', { ...minutes, min: 1 }],
  ['holdMinutes', 'Hold at the peak', minutes],
  [
    'noisePct',
    'Noise',
    { unit: '%', min: 0, max: 50, help: 'Minute-to-minute wobble (coefficient of variation)' },
  ],
  ['durationMin', 'Run length', { ...minutes, min: 10 }],
];

const autoscalerFields: readonly FieldSpec[] = [
  ['capacityRps', 'Capacity per replica', { unit: 'req/s', min: 1, help: 'At 100 % utilisation' }],
  ['targetPct', 'Target utilisation', { unit: '%', min: 10, max: 95 }],
  [
    'tolerancePct',
    'Tolerance',
    { unit: '%', min: 0, max: 50, help: 'No change while utilisation ÷ target is this close to 1' },
  ],
  ['minReplicas', 'Minimum replicas', replicas],
  ['maxReplicas', 'Maximum replicas', replicas],
  [
    'delayMin',
    'Start-up delay',
    { unit: 'min', min: 0, max: 60, step: 1, help: 'From the order to serving traffic' },
  ],
  [
    'downWindowMin',
    'Scale-down window',
    {
      unit: 'min',
      min: 0,
      max: 120,
      step: 1,
      help: 'Stabilised and predictive scale down no lower than the highest recommendation in it',
    },
  ],
];

function Settings({
  values,
  errors,
  set,
}: {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
}) {
  const help: Partial<Record<AutoscalerField, string>> = {
    rampMinutes: rampHelp(
      Number(values.baseRps),
      Number(values.peakRps),
      Number(values.rampMinutes),
    ),
  };
  const field = ([key, label, extra]: FieldSpec) => (
    <NumberField
      key={key}
      label={label}
      value={values[key] ?? ''}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      {...extra}
      help={help[key] ?? extra.help}
    />
  );
  return (
    <>
      <fieldset className="param-group">
        <legend>Traffic</legend>
        <div className="param-grid">{trafficFields.map(field)}</div>
      </fieldset>
      <fieldset className="param-group">
        <legend>Autoscaler</legend>
        <div className="param-grid">{autoscalerFields.map(field)}</div>
      </fieldset>
    </>
  );
}
