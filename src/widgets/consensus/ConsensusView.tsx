import { useId, useMemo } from 'react';
import { RadioRow } from '../chrome/ChoiceFields';
import { DirectiveError } from '../chrome/DirectiveError';
import { NumberField } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { TextField } from '../chrome/TextField';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import { checkConsensusForm, paramsToForm } from './form';
import { consensusModel } from './model';
import { MAX_STEPS, presets } from './params';
import type { ConsensusParams, ConsensusPresetName, Mode } from './params';
import { Results } from './ConsensusResults';
import type { ConsensusResult } from './types';

export default function ConsensusView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="split brain lab" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: ConsensusPresetName; params: ConsensusParams; seed: number };
}) {
  const scenario = useScenario<ConsensusParams, ConsensusResult>({
    lesson,
    widgetId,
    model: 'consensus',
    validate: (p) => consensusModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkConsensusForm,
  });
  const { values, set, check, run } = scenario;
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Split brain and quorum lab</h3>
      <p className="widget-intro">
        A small replicated database of 2 to 7 nodes, named A, B, C… and spread over zones. Time
        moves in steps of one second; every step, one client write arrives on each side of the
        network that has a node up. The same faults run twice in a background worker: once under
        naive failover (a standby that hears no primary for its timeout promotes itself) and once
        under majority quorums (Raft’s rules, simplified: terms, one vote per node per term, and a
        majority of <em>all</em> nodes to become leader or to acknowledge a write).
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
          `Simulated ${shown.params.steps} steps of ${result.n} nodes under both schemes, and a zone loss for ${result.placements.length} placements × ${result.replications} seeds (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && (
        <Results
          result={result}
          random={shown.params.mode === 'random'}
          onEditScript={(text) => {
            set('mode', 'script');
            set('script', text);
          }}
        />
      )}
    </section>
  );
}

const modeOptions: readonly { value: Mode; label: string }[] = [
  { value: 'script', label: 'Scripted' },
  { value: 'random', label: 'Random, from the seed' },
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
  const mode = (values.mode === 'random' ? 'random' : 'script') satisfies Mode;
  const number = (key: string, label: string, extra: Record<string, unknown>) => (
    <NumberField
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
        <TextField
          label="Nodes per zone"
          value={values.layout ?? ''}
          onChange={(v) => set('layout', v)}
          error={errors.layout}
          help="Like 2, 2, 1: two nodes in zone 1, two in zone 2, one in zone 3 (2 to 7 nodes)"
        />
        {number('steps', 'Run length', { unit: 'steps', min: 20, max: MAX_STEPS, step: 1 })}
        {number('timeoutMin', 'Shortest timeout', {
          unit: 's',
          min: 1,
          max: 60,
          step: 1,
          help: 'Each wait for a leader is drawn from shortest to longest',
        })}
        {number('timeoutMax', 'Longest timeout', { unit: 's', min: 1, max: 60, step: 1 })}
      </div>
      <RadioRow
        legend="Faults"
        value={mode}
        options={modeOptions}
        onChange={(v) => set('mode', v)}
      />
      {errors.mode && <p className="form-error">{errors.mode}</p>}
      {mode === 'script' ? (
        <TextField
          label="Fault script"
          rows={6}
          value={values.script ?? ''}
          onChange={(v) => set('script', v)}
          error={errors.script}
          help="One event a line, at a step: 10 split AB | CDE · 12 isolate C · 14 cut zone 1 · 30 heal · 15 crash A · 20 restart A · 18 zone down 2 · 25 zone up 2"
        />
      ) : (
        <div className="param-grid">
          {number('faultEvery', 'A fault every', {
            unit: 'steps on average',
            min: 2,
            max: 1000,
            help: 'Splits, heals, crashes, restarts and zone outages, drawn from the seed',
          })}
        </div>
      )}
    </>
  );
}
