import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { SelectField } from '../chrome/ChoiceFields';
import { fmtInt, fmtPct } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { parseNumber } from '../chrome/paramForm';
import { RunStatus } from '../chrome/RunStatus';
import { useSimulationRun } from '../chrome/useSimulationRun';
import { CopyLinkButton } from '../chrome/CopyLinkButton';
import { LinkNotice } from '../chrome/LinkNotice';
import { scenarioUrl } from '../chrome/scenarioLink';
import { startingPoint } from '../chrome/startingPoint';
import { birthdayModel } from './model';
import { describeSimulation, planBirthdaySimulation } from './birthdayPlan';
import type { BirthdayPlan } from './birthdayPlan';
import type { WidgetViewProps } from '../types';
import type { BirthdaySimParams, BirthdaySimResult } from './birthdaySim';
import { fromBirthdayDirective } from './birthdayDirective';
import type { BirthdayPresetName } from './birthdayDirective';
import { fmtCount, fmtOneIn } from '../../calc/formatLarge';
import { birthdayPresets } from './params';
import {
  birthdayExpectedDraws,
  birthdayProbability,
  birthdaySmallestN,
  timestampIdCollision,
} from '../../formulas/birthday';
import type { IdSpace } from '../../formulas/birthday';

const CdfChart = lazy(() => import('./CdfChart').then((m) => ({ default: m.CdfChart })));

const presetOptions = Object.entries(birthdayPresets).map(([value, p]) => ({
  value,
  label: p.title,
}));

/** A probability in words that never rounds a near-certainty up to "100 %" or a tiny one to "0 %". */
const fmtP = (p: number) =>
  p > 0.999 && p < 1
    ? `over 99.9 % (${fmtOneIn(1 - p)} that it does not)`
    : p === 0
      ? '0'
      : p < 1e-4
        ? `${p.toExponential(2)} (${fmtOneIn(p)})`
        : fmtPct(p);

export default function BirthdayView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromBirthdayDirective(attrs), [attrs]);
  const [start] = useState(() =>
    lesson.ok
      ? startingPoint(
          {
            params: birthdayPresets[lesson.presetName].simulation,
            seed: lesson.seed,
          },
          widgetId,
          window.location.search,
          (p) => birthdayModel.validate(p),
        )
      : null,
  );
  const [presetName, setPresetName] = useState<BirthdayPresetName>(
    lesson.ok ? lesson.presetName : 'birthday-23',
  );
  if (!lesson.ok || !start) {
    return <DirectiveError widget="birthday" problems={lesson.ok ? [] : lesson.problems} />;
  }
  const preset = birthdayPresets[presetName];
  // A shared link sets the calculator's ID space and the trials until another scenario is chosen.
  const linked = start.fromLink && presetName === lesson.presetName ? start.params : null;
  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Birthday bound calculator</h3>
      <p className="widget-intro">
        How likely is it that some two of n random IDs are equal? Far likelier than intuition says:
        collisions become even odds near √d draws from d possible values, not near d.
      </p>
      <LinkNotice notice={start.notice} />
      <div className="widget-toolbar">
        <SelectField
          label="Scenario"
          value={presetName}
          options={presetOptions}
          onChange={(v) => setPresetName(v as BirthdayPresetName)}
        />
      </div>
      <p className="run-status">{preset.description}</p>
      <Lab
        key={presetName}
        calc={calcFor(preset.calc, linked)}
        simulation={linked ?? preset.simulation}
        fallback={preset.simulation}
        seed={start.seed}
        runNow={linked !== null}
        widgetId={widgetId}
      />
    </section>
  );
}

type UniformInputs = { scheme: 'uniform'; space: IdSpace; n: number };
type TimestampInputs = {
  scheme: 'timestamp';
  machines: number;
  idsPerSecond: number;
  randomValues: number;
  windowS: number;
};

/** The calculator's starting inputs: the preset's, with a shared link's simulation settings. */
function calcFor(
  calc: UniformInputs | TimestampInputs,
  linked: BirthdaySimParams | null,
): UniformInputs | TimestampInputs {
  if (!linked) return calc;
  if (linked.scheme === 'uniform')
    return { scheme: 'uniform', space: linked.space, n: calc.scheme === 'uniform' ? calc.n : 23 };
  const { machines, idsPerSecond, randomValues } = linked;
  const windowS = calc.scheme === 'timestamp' ? calc.windowS : 86_400;
  return { scheme: 'timestamp', machines, idsPerSecond, randomValues, windowS };
}

/** The calculator and, below it, the simulation of the same inputs (or what it runs instead). */
function Lab({
  calc,
  simulation,
  fallback,
  seed,
  runNow,
  widgetId,
}: {
  calc: UniformInputs | TimestampInputs;
  simulation: BirthdaySimParams;
  fallback: BirthdaySimParams;
  seed: number;
  runNow: boolean;
  widgetId: string;
}) {
  const [chosen, setChosen] = useState<BirthdaySimParams>(simulation);
  const plan = planBirthdaySimulation(chosen, fallback);
  const { trials } = simulation;
  return (
    <>
      <h4>Calculate</h4>
      {calc.scheme === 'uniform' ? (
        <UniformCalc
          initial={calc}
          onSpace={(space) => setChosen({ scheme: 'uniform', space, trials })}
        />
      ) : (
        <TimestampCalc
          initial={calc}
          onInputs={(i) => setChosen({ scheme: 'timestamp', ...i, trials })}
        />
      )}
      <h4>Simulate: draw IDs until two collide</h4>
      <Simulation plan={plan} seed={seed} runNow={runNow} widgetId={widgetId} />
    </>
  );
}

function UniformCalc({
  initial,
  onSpace,
}: {
  initial: { space: IdSpace; n: number };
  onSpace: (space: IdSpace) => void;
}) {
  const [unit, setUnitState] = useState<'bits' | 'values'>(
    'bits' in initial.space ? 'bits' : 'values',
  );
  const [size, setSizeState] = useState(
    String('bits' in initial.space ? initial.space.bits : initial.space.values),
  );
  const setUnit = (u: 'bits' | 'values') => {
    setUnitState(u);
    onSpace(u === 'bits' ? { bits: parseNumber(size) } : { values: parseNumber(size) });
  };
  const setSize = (text: string) => {
    setSizeState(text);
    onSpace(unit === 'bits' ? { bits: parseNumber(text) } : { values: parseNumber(text) });
  };
  const [n, setN] = useState(String(initial.n));
  const s = parseNumber(size);
  const space: IdSpace = unit === 'bits' ? { bits: s } : { values: s };
  const p = birthdayProbability(parseNumber(n), space);
  const half = birthdaySmallestN(space, 0.5);
  const millionth = birthdaySmallestN(space, 1e-6);
  const mean = birthdayExpectedDraws(space);
  const spaceProblem = half.ok ? undefined : half.reason;
  return (
    <div>
      <div className="param-grid">
        <SelectField
          label="ID space given as"
          value={unit}
          options={[
            { value: 'bits', label: 'random bits b (d = 2^b)' },
            { value: 'values', label: 'number of values d' },
          ]}
          onChange={(v) => setUnit(v as 'bits' | 'values')}
        />
        <NumberField
          label={unit === 'bits' ? 'Random bits b' : 'Values d'}
          value={size}
          onChange={setSize}
          min={1}
          step={1}
          error={spaceProblem}
        />
        <NumberField
          label="IDs drawn n"
          value={n}
          onChange={setN}
          min={1}
          step={1}
          error={!spaceProblem && !p.ok ? p.reason : undefined}
        />
      </div>
      {!spaceProblem && (
        <table className="stat-table">
          <caption className="visually-hidden">Collision odds</caption>
          <tbody>
            <tr>
              <th scope="row">P(some two of the n IDs are equal), exact</th>
              <td>{p.ok ? fmtP(p.value.p) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">IDs for even odds of a collision</th>
              <td>{half.ok ? fmtCount(half.value.n) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">IDs for a one-in-a-million chance</th>
              <td>{millionth.ok ? fmtCount(millionth.value.n) : '—'}</td>
            </tr>
            <tr>
              <th scope="row">Expected IDs until the first collision</th>
              <td>{mean.ok ? fmtCount(mean.value) : '—'}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

function TimestampCalc({
  initial,
  onInputs,
}: {
  initial: { machines: number; idsPerSecond: number; randomValues: number; windowS: number };
  onInputs: (inputs: { machines: number; idsPerSecond: number; randomValues: number }) => void;
}) {
  const [v, setVState] = useState({
    machines: String(initial.machines),
    idsPerSecond: String(initial.idsPerSecond),
    randomValues: String(initial.randomValues),
    windowS: String(initial.windowS),
  });
  const setV = (update: (s: typeof v) => typeof v) => {
    const next = update(v);
    setVState(next);
    onInputs({
      machines: parseNumber(next.machines),
      idsPerSecond: parseNumber(next.idsPerSecond),
      randomValues: parseNumber(next.randomValues),
    });
  };
  const r = timestampIdCollision({
    machines: parseNumber(v.machines),
    idsPerSecond: parseNumber(v.idsPerSecond),
    randomValues: parseNumber(v.randomValues),
    windowS: parseNumber(v.windowS),
  });
  const field = (key: keyof typeof v, label: string, unit?: string) => (
    <NumberField
      label={label}
      unit={unit}
      value={v[key]}
      onChange={(x) => setV((s) => ({ ...s, [key]: x }))}
      min={1}
    />
  );
  return (
    <div>
      <div className="param-grid">
        {field('machines', 'Machines')}
        {field('idsPerSecond', 'IDs per second, each', 'per s')}
        {field('randomValues', 'Values of the random part')}
        {field('windowS', 'Over a window of', 's')}
      </div>
      {r.ok ? (
        <table className="stat-table">
          <caption className="visually-hidden">Timestamp ID collisions</caption>
          <tbody>
            <tr>
              <th scope="row">IDs sharing each millisecond, on average</th>
              <td>{r.value.perMs.toPrecision(3)}</td>
            </tr>
            <tr>
              <th scope="row">P(a collision within one millisecond)</th>
              <td>{fmtP(r.value.pPerMs)}</td>
            </tr>
            <tr>
              <th scope="row">Time to the first collision, median</th>
              <td>{fmtCount(r.value.medianMsToFirst)} ms</td>
            </tr>
            <tr>
              <th scope="row">P(at least one collision in the window)</th>
              <td>{fmtP(r.value.pWithinWindow)}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="form-error">{r.reason}</p>
      )}
    </div>
  );
}

function Simulation({
  plan,
  seed,
  runNow,
  widgetId,
}: {
  plan: BirthdayPlan;
  seed: number;
  runNow: boolean;
  widgetId: string;
}) {
  const { params, note } = plan;
  const [request, setRequest] = useState<{ params: BirthdaySimParams; seed: number } | null>(() =>
    runNow && params ? { params, seed } : null,
  );
  const run = useSimulationRun<BirthdaySimParams, BirthdaySimResult>('birthday', request);
  const r = run.result;
  const ran = run.resultFor?.params ?? null;
  const what = (ran ?? params)?.scheme === 'timestamp' ? 'milliseconds' : 'IDs drawn';
  const points = useMemo(
    () =>
      r
        ? Array.from(r.histogram.edges, (x, i) => ({
            x,
            measured: r.histogram.empiricalCdf[i]!,
            theory: r.histogram.theoryCdf[i]!,
          }))
        : [],
    [r],
  );
  return (
    <div>
      {params && (
        <p>
          {fmtInt(params.trials)} trials, each drawing {describeSimulation(params)} until two are
          equal.
        </p>
      )}
      {note && <p className="run-status">{note}</p>}
      <button
        type="button"
        onClick={() => params && setRequest({ params, seed })}
        disabled={run.running || !params}
      >
        Run the simulation
      </button>
      {request && (
        <RunStatus
          running={run.running}
          progress={run.progress}
          error={run.error?.message ?? null}
          label="Birthday simulation progress"
          done={
            r &&
            run.elapsedMs !== null &&
            ran &&
            `Ran ${fmtInt(r.draws.length)} trials of ${describeSimulation(ran)} (seed ${seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
          }
        />
      )}
      {r && (
        <>
          <table className="stat-table">
            <caption className="visually-hidden">First collision: simulation beside theory</caption>
            <thead>
              <tr>
                <th scope="col">First collision after</th>
                <th scope="col">Theory</th>
                <th scope="col">Simulation</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Mean ({what})</th>
                <td>{fmtCount(r.theoryMean)}</td>
                <td>{fmtCount(r.mean)}</td>
              </tr>
              <tr>
                <th scope="row">Median ({what})</th>
                <td>{fmtCount(r.theoryMedian)}</td>
                <td>{fmtCount(r.median)}</td>
              </tr>
            </tbody>
          </table>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <CdfChart points={points} xLabel={what} />
          </Suspense>
        </>
      )}
      {params && (
        <CopyLinkButton
          url={() =>
            scenarioUrl(window.location, widgetId, { params: ran ?? params, seed }, widgetId)
          }
        />
      )}
    </div>
  );
}
