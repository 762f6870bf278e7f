import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
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
import { validateSketchesScenario } from './model';
import type { SketchesScenario } from './model';
import { describeIssues } from '../../sim/zodMessages';
import type { WidgetViewProps } from '../types';
import { countMinPresets, countMinRunSchema, hllPresets, hllRunSchema } from './params';
import type { CountMinRunParams, CountMinRunResult, HllRunParams, HllRunResult } from './simulate';
import { fromSketchesDirective } from './sketchesDirective';
import type { CountMinPresetName, HllPresetName } from './sketchesDirective';

const CountMinChart = lazy(() =>
  import('./SketchCharts').then((m) => ({ default: m.CountMinChart })),
);
const HllChart = lazy(() => import('./SketchCharts').then((m) => ({ default: m.HllChart })));

/** Count-min sketch and HyperLogLog: estimates beside the truth, with the error bounds drawn. */
export default function SketchesView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromSketchesDirective(attrs), [attrs]);
  const [start] = useState(() =>
    lesson.ok
      ? startingPoint<SketchesScenario>(
          {
            params: {
              countMin: countMinPresets[lesson.countMin].params,
              hll: hllPresets[lesson.hll].params,
            },
            seed: lesson.seed,
          },
          widgetId,
          window.location.search,
          validateSketchesScenario,
        )
      : null,
  );
  const [shown, setShown] = useState<Partial<SketchesScenario>>({});
  const onCountMin = useCallback(
    (countMin: CountMinRunParams) => setShown((s) => ({ ...s, countMin })),
    [],
  );
  const onHll = useCallback((hll: HllRunParams) => setShown((s) => ({ ...s, hll })), []);
  if (!lesson.ok || !start) {
    return <DirectiveError widget="sketches" problems={lesson.ok ? [] : lesson.problems} />;
  }
  const linked = start.fromLink ? start.params : null;
  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Count-min and HyperLogLog lab</h3>
      <p className="widget-intro">
        Two sketches that answer from a few kilobytes what exact counting would need megabytes for:
        how often each item appeared (count-min), and how many different items there were
        (HyperLogLog). Each run streams random items in a background worker and keeps the exact
        answer beside the estimate.
      </p>
      <LinkNotice notice={start.notice} />
      <CountMin
        initial={lesson.countMin}
        linked={linked?.countMin ?? null}
        seed={start.seed}
        onParams={onCountMin}
      />
      <Hll initial={lesson.hll} linked={linked?.hll ?? null} seed={start.seed} onParams={onHll} />
      <CopyLinkButton
        url={() =>
          scenarioUrl(
            window.location,
            widgetId,
            {
              params: {
                countMin: shown.countMin ?? start.params.countMin,
                hll: shown.hll ?? start.params.hll,
              },
              seed: start.seed,
            },
            widgetId,
          )
        }
      />
    </section>
  );
}

const methodWords: Record<HllRunResult['method'][number], string> = {
  raw: 'the harmonic-mean formula',
  'linear-counting': 'linear counting, while registers are still empty',
  'large-range': 'the 32-bit large-range correction',
  saturated: 'a saturated sketch',
};

function useFields<K extends string>(initial: Record<K, number>) {
  const [values, setValues] = useState<Record<K, string>>(
    () =>
      Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, String(v)])) as Record<
        K,
        string
      >,
  );
  const numbers = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, parseNumber(v as string)]),
  ) as Record<K, number>;
  return {
    values,
    numbers,
    set: (k: K, v: string) => setValues((s) => ({ ...s, [k]: v })),
    reset: (next: Record<K, number>) =>
      setValues(
        Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)])) as Record<
          K,
          string
        >,
      ),
  };
}

function errorsByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const k = String(i.path[0] ?? '');
    if (k && !(k in out)) out[k] = i.message;
  }
  return out;
}

function CountMin({
  initial,
  linked,
  seed,
  onParams,
}: {
  initial: CountMinPresetName;
  /** A shared link's settings, kept until another scenario is chosen. */
  linked: CountMinRunParams | null;
  seed: number;
  onParams: (params: CountMinRunParams) => void;
}) {
  const [preset, setPreset] = useState<CountMinPresetName>(initial);
  const [base, setBase] = useState<CountMinRunParams>(
    () => linked ?? countMinPresets[initial].params,
  );
  const f = useFields({
    epsilon: base.epsilon * 100,
    delta: base.delta * 100,
    s: base.s,
    streamLength: base.streamLength,
  });
  const candidate = {
    ...base,
    epsilon: f.numbers.epsilon / 100,
    delta: f.numbers.delta / 100,
    s: f.numbers.s,
    streamLength: f.numbers.streamLength,
  };
  const parsed = countMinRunSchema.safeParse(candidate);
  const errors = parsed.success ? {} : errorsByField(parsed.error.issues);
  const request = useDebounced(parsed.success ? { params: parsed.data, seed } : null, 400);
  const run = useSimulationRun<CountMinRunParams, CountMinRunResult>('count-min', request);
  useEffect(() => {
    if (request) onParams(request.params);
  }, [request, onParams]);
  const r = run.result;
  return (
    <>
      <h4>Count-min sketch: how often?</h4>
      <div className="param-grid">
        <SelectField
          label="Count-min scenario"
          value={preset}
          options={Object.entries(countMinPresets).map(([value, p]) => ({ value, label: p.title }))}
          onChange={(v) => {
            const name = v as CountMinPresetName;
            setPreset(name);
            const p = countMinPresets[name].params;
            setBase(p);
            f.reset({
              epsilon: p.epsilon * 100,
              delta: p.delta * 100,
              s: p.s,
              streamLength: p.streamLength,
            });
          }}
        />
        <NumberField
          label="Error ε"
          unit="% of the stream"
          value={f.values.epsilon}
          onChange={(v) => f.set('epsilon', v)}
          error={errors.epsilon}
        />
        <NumberField
          label="Failure probability δ"
          unit="%"
          value={f.values.delta}
          onChange={(v) => f.set('delta', v)}
          error={errors.delta}
        />
        <NumberField
          label="Zipf exponent s"
          value={f.values.s}
          onChange={(v) => f.set('s', v)}
          step={0.1}
          help="0 is uniform; about 1 is web traffic"
          error={errors.s}
        />
        <NumberField
          label="Stream length N"
          value={f.values.streamLength}
          onChange={(v) => f.set('streamLength', v)}
          step={1}
          error={errors.streamLength}
        />
      </div>
      <p className="run-status">{countMinPresets[preset].description}</p>
      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        label="Count-min run progress"
        done={
          r &&
          `Streamed ${fmtInt(r.total)} items into ${r.depth} rows of ${fmtInt(r.width)} counters (seed ${seed}).`
        }
      />
      {r && (
        <>
          <p>
            Every estimate is at least the true count (
            {r.errors.underestimates === 0
              ? 'none was under'
              : `${r.errors.underestimates} were under: a bug`}
            ). The theory promises an overshoot of at most εN = {fmtInt(r.bound)} with probability
            at least 1 − δ; here {fmtPct(r.errors.withinBound)} of all{' '}
            {fmtInt(r.top.rank.length > 0 ? countMinPresets[preset].params.items : 0)} items stayed
            within it (mean overshoot {fmtNum(r.errors.mean)}, largest {fmtInt(r.errors.max)}).
          </p>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <CountMinChart result={r} />
          </Suspense>
          <p>
            Heavy hitters (estimate ≥ {fmtInt(r.heavyHitters.threshold)}, that is φN):{' '}
            {r.heavyHitters.items.length === 0
              ? 'none.'
              : `${r.heavyHitters.items.length} reported, ${r.heavyHitters.missed} missed, ${r.heavyHitters.falseAlarms} false alarm${r.heavyHitters.falseAlarms === 1 ? '' : 's'}.`}
          </p>
          <details className="chart-data">
            <summary>The top items as a table</summary>
            <table className="stat-table">
              <thead>
                <tr>
                  <th scope="col">Rank</th>
                  <th scope="col">True count</th>
                  <th scope="col">Estimate</th>
                  <th scope="col">Over by</th>
                </tr>
              </thead>
              <tbody>
                {Array.from(r.top.rank, (rank, i) => (
                  <tr key={rank}>
                    <th scope="row">{rank + 1}</th>
                    <td>{fmtInt(r.top.trueCount[i]!)}</td>
                    <td>{fmtInt(r.top.estimate[i]!)}</td>
                    <td>{fmtInt(r.top.estimate[i]! - r.top.trueCount[i]!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {!parsed.success && Object.keys(errors).length === 0 && (
        <p className="form-error">{describeIssues(parsed.error.issues)}</p>
      )}
    </>
  );
}

function Hll({
  initial,
  linked,
  seed,
  onParams,
}: {
  initial: HllPresetName;
  /** A shared link's settings, kept until another scenario is chosen. */
  linked: HllRunParams | null;
  seed: number;
  onParams: (params: HllRunParams) => void;
}) {
  const [preset, setPreset] = useState<HllPresetName>(initial);
  const [base, setBase] = useState<HllRunParams>(() => linked ?? hllPresets[initial].params);
  const f = useFields({
    precision: base.precision,
    streamLength: base.streamLength,
    universe: base.universe,
  });
  const parsed = hllRunSchema.safeParse({ ...base, ...f.numbers });
  const errors = parsed.success ? {} : errorsByField(parsed.error.issues);
  const request = useDebounced(parsed.success ? { params: parsed.data, seed } : null, 400);
  const run = useSimulationRun<HllRunParams, HllRunResult>('hyperloglog', request);
  useEffect(() => {
    if (request) onParams(request.params);
  }, [request, onParams]);
  const r = run.result;
  const last = r ? r.trueDistinct.length - 1 : -1;
  return (
    <>
      <h4>HyperLogLog: how many different?</h4>
      <div className="param-grid">
        <SelectField
          label="HyperLogLog scenario"
          value={preset}
          options={Object.entries(hllPresets).map(([value, p]) => ({ value, label: p.title }))}
          onChange={(v) => {
            const name = v as HllPresetName;
            setPreset(name);
            const p = hllPresets[name].params;
            setBase(p);
            f.reset({ precision: p.precision, streamLength: p.streamLength, universe: p.universe });
          }}
        />
        <NumberField
          label="Precision p"
          value={f.values.precision}
          onChange={(v) => f.set('precision', v)}
          step={1}
          help="m = 2^p registers"
          error={errors.precision}
        />
        <NumberField
          label="Stream length"
          value={f.values.streamLength}
          onChange={(v) => f.set('streamLength', v)}
          step={1}
          error={errors.streamLength}
        />
        <NumberField
          label="Possible values"
          value={f.values.universe}
          onChange={(v) => f.set('universe', v)}
          step={1}
          help="Items are drawn from this many"
          error={errors.universe}
        />
      </div>
      <p className="run-status">{hllPresets[preset].description}</p>
      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        label="HyperLogLog run progress"
        done={
          r &&
          `${fmtInt(r.m)} registers, standard error 1.04/√m = ${fmtPct(r.standardError)} (seed ${seed}).`
        }
      />
      {r && last >= 0 && (
        <>
          <p>
            After {fmtInt(r.position[last]!)} items the true distinct count is{' '}
            {fmtInt(r.trueDistinct[last]!)} and the estimate {fmtInt(r.estimate[last]!)} (
            {fmtPct(Math.abs(r.estimate[last]! / r.trueDistinct[last]! - 1))} off, by{' '}
            {methodWords[r.method[last]!]}
            ). Without the bias constant α_m, the estimate the source material computes, it would be{' '}
            {fmtInt(r.withoutAlpha[last]!)}.
          </p>
          <Suspense fallback={<div className="chart-placeholder">Loading chart…</div>}>
            <HllChart result={r} />
          </Suspense>
        </>
      )}
    </>
  );
}
