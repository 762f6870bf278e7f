import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { RadioRow } from '../chrome/ChoiceFields';
import { DirectiveError } from '../chrome/DirectiveError';
import { fmtInt } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import { checkKillSwitchForm, paramsToForm } from './form';
import { killSwitchModel } from './model';
import { MAX_DURATION_S, MAX_HOSTS, MAX_RUNS, presets, STORY_NOUNS } from './params';
import type { KillSwitchParams, KillSwitchPresetName, Story } from './params';
import { Results } from './KillSwitchResults';
import type { KillSwitchResult } from './types';

export default function KillSwitchView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="kill switch drill" problems={lesson.problems} />;
  return <Simulator titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Simulator({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: KillSwitchPresetName; params: KillSwitchParams; seed: number };
}) {
  const scenario = useScenario<KillSwitchParams, KillSwitchResult>({
    lesson,
    widgetId,
    model: 'kill-switch',
    validate: (p) => killSwitchModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkKillSwitchForm,
  });
  const { values, set, check, run } = scenario;
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Kill switch drill</h3>
      <p className="widget-intro">
        Automation has gone wrong and does harm every second until it is stopped. Someone has to
        notice (an alert, or a person), decide, perhaps get a second person’s approval, and flip a
        switch that each host learns on its next poll of the flag service. The same incident runs
        many times on one seed under your design and four variations of it, in a background worker;
        one run is kept as a timeline you can play and scrub.
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
          `Simulated ${fmtInt(shown.params.runs)} runs of the incident under five designs (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && <Results params={shown.params} result={result} />}
    </section>
  );
}

type FieldSpec = readonly [
  key: string,
  label: string,
  extra: { unit?: string; min?: number; max?: number; step?: number; help?: string },
];

const groups: readonly { legend: string; fields: readonly FieldSpec[] }[] = [
  {
    legend: 'The automation',
    fields: [
      [
        'hosts',
        'Hosts running it',
        { min: 1, max: MAX_HOSTS, step: 1, help: 'The switch must reach them all' },
      ],
      ['affected', 'Hosts doing harm', { min: 1, max: MAX_HOSTS, step: 1 }],
      [
        'actionsPerS',
        'Harmful actions a second',
        { min: 0, help: 'All misbehaving hosts together, at the start' },
      ],
      [
        'growthPctPerMin',
        'Growth a minute',
        { unit: '%', min: 0, max: 100, help: 'A feedback loop: more harm brings more' },
      ],
      ['pool', 'Pool', { min: 1, help: 'What the actions eat into; the floor is a share of it' }],
      ['costPerAction', 'Cost of one action', { unit: '$', min: 0, help: '0 hides the cost' }],
      ['durationS', 'Window simulated', { unit: 's', min: 60, max: MAX_DURATION_S, step: 1 }],
    ],
  },
  {
    legend: 'Who notices',
    fields: [
      ['alertAbove', 'Alert when actions a second exceed', { min: 0 }],
      ['alertForS', 'Alert “for”', { unit: 's', min: 0, help: 'Held this long before it pages' }],
      ['evalS', 'Evaluation interval', { unit: 's', min: 1, max: 600, step: 1 }],
      ['ackMedianS', 'Page acknowledged after, median', { unit: 's', min: 1 }],
      [
        'humanMedianS',
        'A person notices after, median',
        { unit: 's', min: 1, help: 'With or without an alert' },
      ],
      [
        'sigma',
        'Spread of human delays σ',
        { min: 0.05, max: 2, help: 'Log-normal shape; 0.5 is moderate' },
      ],
    ],
  },
  {
    legend: 'Who decides',
    fields: [
      ['decideMedianS', 'Time to decide, median', { unit: 's', min: 1 }],
      ['approveMedianS', 'Second person approves after, median', { unit: 's', min: 1 }],
      ['fallbackS', 'Ask a fallback approver after', { unit: 's', min: 0 }],
    ],
  },
  {
    legend: 'How the switch travels',
    fields: [
      ['pollS', 'Polling interval', { unit: 's', min: 1, help: 'Each host, at its own phase' }],
      [
        'ttlS',
        'Shared cache TTL',
        { unit: 's', min: 0, help: 'In front of the flag service; 0 for none' },
      ],
      [
        'staleS',
        'Last value kept for',
        { unit: 's', min: 0, help: 'After the last good poll, while polls fail' },
      ],
      ['flagDownAtS', 'Flag service goes down at', { unit: 's', min: 0 }],
      [
        'flagDownForS',
        'Flag service down for',
        { unit: 's', min: 0, help: '0: it never goes down' },
      ],
    ],
  },
  {
    legend: 'Guards',
    fields: [
      ['rateLimitPerMin', 'Rate limit', { unit: 'actions/min', min: 0, help: '0: none' }],
      [
        'floorPct',
        'Minimum-capacity floor',
        { unit: '%', min: 0, max: 100, help: 'Of the pool; 0: none' },
      ],
      [
        'capActions',
        'Blast-radius cap',
        { unit: 'actions', min: 0, help: 'Then the automation halts; 0: none' },
      ],
    ],
  },
  {
    legend: 'Severity and runs',
    fields: [
      ['sev2At', 'SEV-2 from', { unit: 'actions', min: 0, help: 'Harm so far; below it, SEV-3' }],
      ['sev1At', 'SEV-1 from', { unit: 'actions', min: 0 }],
      ['runs', 'Runs', { min: 1, max: MAX_RUNS, step: 1 }],
    ],
  },
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
  const nouns = STORY_NOUNS[(values.story ?? 'capacity') as Story] ?? STORY_NOUNS.capacity;
  const radio = (key: string, legend: string, options: { value: string; label: string }[]) => (
    <div>
      <RadioRow
        legend={legend}
        value={values[key] ?? ''}
        options={options}
        onChange={(v) => set(key, v)}
      />
      {errors[key] && <p className="form-error">{errors[key]}</p>}
    </div>
  );
  const choicesFor: Record<string, ReactNode> = {
    'Who notices': radio('alert', 'Alert rule', [
      { value: 'on', label: 'On' },
      { value: 'off', label: 'Off: people only' },
    ]),
    'Who decides': radio('approval', 'Who may pull the switch', [
      { value: 'one', label: 'The on-call alone' },
      { value: 'two', label: 'Two people' },
    ]),
    'How the switch travels': radio('failMode', 'When the last value expires', [
      { value: 'closed', label: 'Fail closed: stop' },
      { value: 'open', label: 'Fail open: keep acting' },
    ]),
    Guards: radio('guards', 'Guards', [
      { value: 'on', label: 'On' },
      { value: 'off', label: 'Off' },
    ]),
  };
  return (
    <>
      <p className="field-help">One harmful action here: one {nouns.one}.</p>
      {groups.map((g) => (
        <fieldset key={g.legend} className="param-group">
          <legend>{g.legend}</legend>
          {choicesFor[g.legend]}
          <div className="param-grid">
            {g.fields.map(([key, label, extra]) => (
              <NumberField
                key={key}
                label={label}
                value={values[key] ?? ''}
                onChange={(v) => set(key, v)}
                error={errors[key]}
                {...extra}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
