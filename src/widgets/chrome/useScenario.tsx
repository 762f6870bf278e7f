import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Validation } from '../../sim/model';
import { LinkNotice } from './LinkNotice';
import type { FormCheck, FormValues } from './paramForm';
import { ScenarioToolbar } from './ScenarioToolbar';
import { scenarioUrl } from './scenarioLink';
import { parseSeed, startingPoint } from './startingPoint';
import { useDebounced } from './useDebounced';
import { useSimulationRun } from './useSimulationRun';

/**
 * What a settings-form widget keeps about its scenario: where it started (the lesson's preset
 * or a shared link), the form as typed, the seed, which preset it matches, and the worker run of
 * the last valid settings (debounced). Shared by the widgets whose whole state is one params
 * object; they add their own form fields and results.
 */
export interface ScenarioPreset<P> {
  title: string;
  description: string;
  params: P;
  seed: number;
}

export interface ScenarioOptions<P> {
  /** The lesson's scenario, from its directive. */
  lesson: { presetName: string; params: P; seed: number };
  widgetId: string;
  /** The worker model's registry name. */
  model: string;
  validate: (params: unknown) => Validation<P>;
  presets: Readonly<Record<string, ScenarioPreset<P>>>;
  toForm: (params: P) => Record<string, string>;
  checkForm: (values: FormValues) => FormCheck<P>;
}

export function useScenario<P, R>(o: ScenarioOptions<P>) {
  const [start] = useState(() =>
    startingPoint(o.lesson, o.widgetId, window.location.search, o.validate),
  );
  const [values, setValues] = useState<Record<string, string>>(() => o.toForm(start.params));
  const [seedText, setSeedText] = useState(String(start.seed));
  const [presetName, setPresetName] = useState<string>(start.fromLink ? '' : o.lesson.presetName);
  const { checkForm } = o;
  const check = useMemo(() => checkForm(values), [checkForm, values]);
  const seed = parseSeed(seedText);
  const request = useDebounced(
    check.params && seed !== null ? { params: check.params, seed } : null,
    300,
  );
  const run = useSimulationRun<P, R>(o.model, request);

  const set = useCallback((key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setPresetName('');
  }, []);
  const load = (params: P, s: number, name: string) => {
    setValues(o.toForm(params));
    setSeedText(String(s));
    setPresetName(name);
  };
  const choosePreset = (name: string) => {
    const preset = o.presets[name];
    if (preset) load(preset.params, preset.seed, name);
  };
  const resetToLesson = () => load(o.lesson.params, o.lesson.seed, o.lesson.presetName);
  const shown = run.resultFor;
  const linkUrl = () =>
    scenarioUrl(
      window.location,
      o.widgetId,
      { params: shown?.params ?? o.lesson.params, seed: shown?.seed ?? o.lesson.seed },
      o.widgetId,
    );
  return {
    start,
    values,
    set,
    check,
    seedText,
    setSeedText,
    seed,
    presetName,
    choosePreset,
    resetToLesson,
    linkUrl,
    run,
  };
}

/** The scenario controls above the settings: a damaged-link notice, the toolbar, the preset's description. */
/** What ScenarioHeader reads of useScenario's state. */
interface HeaderState {
  start: { notice: string | null };
  presetName: string;
  choosePreset: (name: string) => void;
  seedText: string;
  setSeedText: (text: string) => void;
  seed: number | null;
  resetToLesson: () => void;
  linkUrl: () => string;
}

export function ScenarioHeader({
  scenario,
  presets,
}: {
  scenario: HeaderState;
  presets: Readonly<Record<string, { title: string; description: string }>>;
}) {
  const options = [
    { value: '', label: 'Custom settings' },
    ...Object.entries(presets).map(([value, p]) => ({ value, label: p.title })),
  ];
  const description = scenario.presetName ? presets[scenario.presetName]?.description : undefined;
  return (
    <>
      <LinkNotice notice={scenario.start.notice} />
      <ScenarioToolbar
        options={options}
        preset={scenario.presetName}
        onPreset={scenario.choosePreset}
        seedText={scenario.seedText}
        onSeedText={scenario.setSeedText}
        seedValid={scenario.seed !== null}
        onReset={scenario.resetToLesson}
        linkUrl={scenario.linkUrl}
      />
      {description && <p className="run-status">{description}</p>}
    </>
  );
}

/**
 * The settings form in its open disclosure, with the problems that belong to no one field and,
 * while the settings are invalid, a word that the last good run is still the one shown.
 */
export function SettingsDetails({
  check,
  hasResult,
  children,
}: {
  check: { params: unknown; formErrors: readonly string[] };
  hasResult: boolean;
  children: ReactNode;
}) {
  return (
    <details className="params-details" open>
      <summary>Settings</summary>
      {children}
      {check.formErrors.map((e) => (
        <p key={e} className="form-error">
          {e}
        </p>
      ))}
      {!check.params && hasResult && (
        <p className="run-status">
          Fix the highlighted settings to run again; the last good run stays below.
        </p>
      )}
    </details>
  );
}
