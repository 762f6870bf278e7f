import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { SelectField } from '../chrome/ChoiceFields';
import { fmtInt, fmtNum, fmtPct } from '../../calc/format';
import { NumberField } from '../chrome/NumberField';
import { parseNumber } from '../chrome/paramForm';
import { RunStatus } from '../chrome/RunStatus';
import { useDebounced } from '../chrome/useDebounced';
import { useSimulationRun } from '../chrome/useSimulationRun';
import { CopyLinkButton } from '../chrome/CopyLinkButton';
import { LinkNotice } from '../chrome/LinkNotice';
import { scenarioUrl } from '../chrome/scenarioLink';
import { startingPoint } from '../chrome/startingPoint';
import { bloomExperimentModel } from './model';
import { describeIssues } from '../../sim/zodMessages';
import type { WidgetViewProps } from '../types';
import { fromDirective } from './directive';
import type { BloomPresetName } from './directive';
import { fmtBytes } from '../../calc/formatLarge';
import { bloomExperimentSchema, bloomPresets } from './params';
import type { BloomExperimentParams, BloomExperimentResult } from './simulate';
import { bloomFalsePositive, bloomSize } from './theory';
import { ToyFilter } from './ToyFilter';

const RateChart = lazy(() => import('./RateChart').then((m) => ({ default: m.RateChart })));

const presetOptions = Object.entries(bloomPresets).map(([value, p]) => ({ value, label: p.title }));

export default function BloomView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  const [start] = useState(() =>
    lesson.ok
      ? startingPoint(
          { params: bloomPresets[lesson.presetName].experiment, seed: lesson.seed },
          widgetId,
          window.location.search,
          (p) => bloomExperimentModel.validate(p),
        )
      : null,
  );
  const [presetName, setPresetName] = useState<BloomPresetName>(
    lesson.ok ? lesson.presetName : 'hundred-thousand',
  );
  if (!lesson.ok || !start) {
    return <DirectiveError widget="Bloom filter" problems={lesson.ok ? [] : lesson.problems} />;
  }
  const preset = bloomPresets[presetName];
  // A shared link sets the experiment until another scenario is chosen.
  const linked = start.fromLink && presetName === lesson.presetName;
  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Bloom filter lab</h3>
      <p className="widget-intro">
        A Bloom filter answers “definitely not” or “maybe” about membership, in a fraction of the
        memory a set of the items would take. Draw one bit by bit, size one for a workload, and
        measure its false-positive rate against the formula.
      </p>
      <div className="widget-toolbar">
        <SelectField
          label="Scenario"
          value={presetName}
          options={presetOptions}
          onChange={(v) => setPresetName(v as BloomPresetName)}
        />
      </div>
      <LinkNotice notice={start.notice} />
      <p className="run-status">{preset.description}</p>
      <h4>A filter you can see</h4>
      <ToyFilter key={presetName} initial={preset.toy} />
      <h4>Size a filter</h4>
      <Sizing key={`s-${presetName}`} initial={preset.sizing} />
      <h4>Measure the false-positive rate</h4>
      <Experiment
        key={`e-${presetName}`}
        initial={linked ? start.params : preset.experiment}
        seed={linked ? start.seed : lesson.seed}
        widgetId={widgetId}
      />
    </section>
  );
}

function Sizing({ initial }: { initial: { n: number; p: number; keyBytes: number } }) {
  const [n, setN] = useState(String(initial.n));
  const [pPct, setPPct] = useState(String(initial.p * 100));
  const [keyBytes, setKeyBytes] = useState(String(initial.keyBytes));
  const nValue = parseNumber(n);
  const pValue = parseNumber(pPct) / 100;
  const kb = parseNumber(keyBytes);
  const sized = bloomSize(nValue, pValue, { keyBytes: kb, overheadBytes: 32 });
  const nError =
    !Number.isInteger(nValue) || nValue < 1
      ? 'Enter a whole number of items, 1 or more.'
      : undefined;
  const pError = !(pValue > 0 && pValue < 1)
    ? 'Enter a rate above 0 % and below 100 %.'
    : undefined;
  const kbError = !(kb >= 0 && kb <= 1e6) ? 'Enter 0 to 1,000,000 bytes.' : undefined;
  return (
    <div>
      <div className="param-grid">
        <NumberField label="Items n" value={n} onChange={setN} min={1} step={1} error={nError} />
        <NumberField
          label="False-positive rate p"
          unit="%"
          value={pPct}
          onChange={setPPct}
          min={0}
          error={pError}
        />
        <NumberField
          label="Bytes per key in a hash set"
          value={keyBytes}
          onChange={setKeyBytes}
          min={0}
          help="Plus about 32 bytes of overhead per entry"
          error={kbError}
        />
      </div>
      {sized.ok ? (
        <table className="stat-table bloom-sizing">
          <caption className="visually-hidden">The sized filter</caption>
          <tbody>
            <tr>
              <th scope="row">Bits m = ⌈−n ln p / (ln 2)²⌉</th>
              <td>
                {fmtInt(sized.value.bits)} ({fmtBytes(sized.value.bytes)}),{' '}
                {fmtNum(sized.value.bitsPerItem)} bits per item
              </td>
            </tr>
            <tr>
              <th scope="row">Hash functions k = (m/n) ln 2</th>
              <td>
                {sized.value.k} (exactly {fmtNum(sized.value.kExact)}); with a whole k the rate is{' '}
                {fmtPct(sized.value.pAtK)}
              </td>
            </tr>
            <tr>
              <th scope="row">A hash set of the keys instead</th>
              <td>
                {fmtBytes(sized.value.hashSetBytes)}: {fmtNum(sized.value.ratio)}× the filter
              </td>
            </tr>
          </tbody>
        </table>
      ) : (
        !nError && !pError && !kbError && <p className="form-error">{sized.reason}</p>
      )}
    </div>
  );
}

type ExperimentField = 'm' | 'n' | 'k' | 'probes';

function Experiment({
  initial,
  seed,
  widgetId,
}: {
  initial: BloomExperimentParams;
  seed: number;
  widgetId: string;
}) {
  const [values, setValues] = useState<Record<ExperimentField, string>>({
    m: String(initial.m),
    n: String(initial.n),
    k: String(initial.k),
    probes: String(initial.probes),
  });
  const candidate = {
    ...initial,
    m: parseNumber(values.m),
    n: parseNumber(values.n),
    k: parseNumber(values.k),
    probes: parseNumber(values.probes),
  };
  const parsed = bloomExperimentSchema.safeParse(candidate);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key in values && !(key in fieldErrors)) fieldErrors[key] = issue.message;
    }
  const otherErrors = parsed.success
    ? []
    : parsed.error.issues.filter((i) => !(String(i.path[0]) in values));
  const request = useDebounced(parsed.success ? { params: parsed.data, seed } : null, 400);
  const run = useSimulationRun<BloomExperimentParams, BloomExperimentResult>(
    'bloom-experiment',
    request,
  );
  const r = run.result;
  const rate = parsed.success
    ? bloomFalsePositive(parsed.data.m, parsed.data.k, parsed.data.n)
    : null;
  const fill = useMemo(
    () =>
      r
        ? Array.from(r.fill.inserted, (x, i) => ({
            x,
            theory: r.fill.theory[i]!,
            measured: r.fill.measured[i]!,
            low: r.fill.low[i]!,
            high: r.fill.high[i]!,
          }))
        : [],
    [r],
  );
  const byK = useMemo(
    () =>
      r
        ? Array.from(r.byK.k, (x, i) => ({
            x,
            theory: r.byK.theory[i]!,
            measured: r.byK.measured[i]!,
            low: r.byK.low[i]!,
            high: r.byK.high[i]!,
          }))
        : [],
    [r],
  );
  const field = (key: ExperimentField, label: string, help?: string) => (
    <NumberField
      label={label}
      value={values[key]}
      onChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
      min={1}
      step={1}
      help={help}
      error={fieldErrors[key]}
    />
  );
  return (
    <div>
      <p>
        Insert n random keys, then ask about keys that were never added: every “maybe” is a false
        positive. The simulation runs in a background worker; the formula is{' '}
        <span className="math-inline">(1 − e^(−kn/m))^k</span>.
      </p>
      <div className="param-grid">
        {field('m', 'Bits m')}
        {field('n', 'Keys n')}
        {field('k', 'Hash functions k')}
        {field('probes', 'Non-member queries per point')}
      </div>
      {otherErrors.length > 0 && <p className="form-error">{describeIssues(otherErrors)}</p>}
      {rate?.ok && (
        <p className="outlook">
          Formula: {fmtPct(rate.value.p)} at n = {fmtInt(candidate.n)} with k = {candidate.k}; the
          best whole k for these m and n is {rate.value.kBest} ({fmtPct(rate.value.pBest)}).
        </p>
      )}
      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        label="Bloom experiment progress"
        done={
          r &&
          run.elapsedMs !== null &&
          `Measured with ${fmtInt(r.probes)} non-member queries per point (seed ${seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />
      <CopyLinkButton
        url={() =>
          scenarioUrl(
            window.location,
            widgetId,
            { params: run.resultFor?.params ?? initial, seed },
            widgetId,
          )
        }
      />
      {r && (
        <>
          <p>
            As the filter fills, more bits are set and a stranger’s k bits are more likely to all be
            on. At n = {fmtInt(r.n)} the measured rate is {fmtPct(fill.at(-1)?.measured ?? 0)}{' '}
            against the formula’s {fmtPct(fill.at(-1)?.theory ?? 0)}.
          </p>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <RateChart points={fill} xLabel="keys inserted" mark={null} />
          </Suspense>
          <p>
            Too few hashes and each key is checked on too few bits; too many and the filter fills
            up. The optimum is k = (m/n) ln 2 = {fmtNum(r.optimum.kExact)}.
          </p>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <RateChart
              points={byK}
              xLabel="hash functions k"
              mark={{ x: r.optimum.k, label: `best k = ${r.optimum.k}` }}
            />
          </Suspense>
          <details className="chart-data">
            <summary>The measurements as a table</summary>
            <table className="stat-table">
              <thead>
                <tr>
                  <th scope="col">k</th>
                  <th scope="col">Formula</th>
                  <th scope="col">Measured (95 % interval)</th>
                </tr>
              </thead>
              <tbody>
                {byK.map((p) => (
                  <tr key={p.x}>
                    <th scope="row">{p.x}</th>
                    <td>{fmtPct(p.theory)}</td>
                    <td>
                      {fmtPct(p.measured)} ({fmtPct(p.low)} to {fmtPct(p.high)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
