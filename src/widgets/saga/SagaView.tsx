import { useId, useMemo } from 'react';
import { SelectField } from '../chrome/ChoiceFields';
import { DirectiveError } from '../chrome/DirectiveError';
import { fmtInt } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import { checkSagaForm, paramsToForm, stepCount, stepKey } from './form';
import { sagaModel } from './model';
import { MAX_ATTEMPTS, MAX_SAGAS, presets } from './params';
import type { SagaParams, SagaPresetName, StepKind } from './params';
import { Results } from './SagaResults';
import type { SagaResult } from './types';

export default function SagaView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="saga orchestrator" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: SagaPresetName; params: SagaParams; seed: number };
}) {
  const scenario = useScenario<SagaParams, SagaResult>({
    lesson,
    widgetId,
    model: 'saga',
    validate: (p) => sagaModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkSagaForm,
  });
  const { values, set, check, run } = scenario;
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Saga orchestrator</h3>
      <p className="widget-intro">
        An order saga runs its steps one after another, each at its own service. A call can succeed,
        fail cleanly, time out with nothing done, or time out and take effect late; a compensation
        can fail too. The same sagas, on the same random numbers, run under two orchestrators in a
        background worker: a naive one (one call per step, no idempotency keys, compensates only the
        steps it saw confirmed, state in memory) and a correct one (idempotency keys, retries with
        backoff on retriable steps, compensates steps whose outcome is unknown, a dead-letter queue
        for compensations that keep failing, and a persisted log).
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
          `Simulated ${fmtInt(shown.params.sagas)} sagas under both orchestrators (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && <Results params={shown.params} result={result} />}
    </section>
  );
}

const kindLabels: Record<StepKind, string> = {
  compensatable: 'Compensatable',
  pivot: 'Pivot',
  retriable: 'Retriable',
};

const kindHelp: Record<StepKind, string> = {
  compensatable: 'Undone if a later step fails',
  pivot: 'Decides the outcome; after it the saga only moves forward',
  retriable: 'Never undone: retried until done, else a person finishes it',
};

function Settings({
  values,
  errors,
  set,
}: {
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
}) {
  const n = stepCount(values);
  const field = (key: string, label: string, extra: Record<string, unknown> = {}) => (
    <NumberField
      key={key}
      label={label}
      value={values[key] ?? ''}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      {...extra}
    />
  );
  return (
    <>
      <div className="param-grid">
        {field('sagas', 'Sagas', { min: 1, max: MAX_SAGAS, step: 1 })}
        {field('attempts', 'Tries at a retriable step', {
          min: 1,
          max: MAX_ATTEMPTS,
          step: 1,
          help: 'Correct orchestrator only; backoff doubles from 200 ms',
        })}
        {field('compAttempts', 'Tries at a compensation', {
          min: 1,
          max: MAX_ATTEMPTS,
          step: 1,
          help: 'Correct orchestrator only; then the dead-letter queue',
        })}
        <div>
          <SelectField
            label="Crash the orchestrator at"
            value={values.crashAt ?? '0'}
            options={[
              { value: '0', label: 'Never' },
              ...Array.from({ length: n }, (_, i) => ({
                value: String(i + 1),
                label: `Step ${i + 1}: ${values[stepKey(i, 'name')] ?? ''}`,
              })),
            ]}
            onChange={(v) => set('crashAt', v)}
            help="While that step’s call is in flight"
          />
          {errors.crashAt && <p className="form-error">{errors.crashAt}</p>}
        </div>
        {field('crashPct', 'Sagas in flight at the crash', {
          unit: '%',
          min: 0,
          max: 100,
          help: 'Of those that reach that step',
        })}
      </div>
      {Array.from({ length: n }, (_, i) => (
        <fieldset key={i} className="param-group">
          <legend>
            Step {i + 1}: {values[stepKey(i, 'name')]} ({values[stepKey(i, 'service')]})
          </legend>
          <div className="param-grid">
            {field(stepKey(i, 'failPct'), `Step ${i + 1} fails cleanly`, {
              unit: '%',
              min: 0,
              max: 100,
            })}
            {field(stepKey(i, 'timeoutPct'), `Step ${i + 1} times out, nothing done`, {
              unit: '%',
              min: 0,
              max: 100,
            })}
            {field(stepKey(i, 'latePct'), `Step ${i + 1} times out, done late`, {
              unit: '%',
              min: 0,
              max: 100,
            })}
            {field(stepKey(i, 'compFailPct'), `Step ${i + 1} undo fails`, {
              unit: '%',
              min: 0,
              max: 100,
              help: 'Each compensation call',
            })}
            <div>
              <SelectField
                label={`Step ${i + 1} kind`}
                value={values[stepKey(i, 'kind')] ?? 'compensatable'}
                options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
                onChange={(v) => set(stepKey(i, 'kind'), v)}
                help={kindHelp[(values[stepKey(i, 'kind')] ?? 'compensatable') as StepKind]}
              />
              {errors[stepKey(i, 'kind')] && (
                <p className="form-error">{errors[stepKey(i, 'kind')]}</p>
              )}
            </div>
          </div>
        </fieldset>
      ))}
    </>
  );
}
