import { useId, useMemo } from 'react';
import { DirectiveError } from '../chrome/DirectiveError';
import { RunStatus } from '../chrome/RunStatus';
import { ScenarioHeader, SettingsDetails, useScenario } from '../chrome/useScenario';
import type { WidgetViewProps } from '../types';
import { CascadeResults } from './CascadeResults';
import { CascadeSettings } from './CascadeSettings';
import { fromDirective } from './directive';
import { checkCascadeForm, paramsToForm } from './form';
import { LogisticPanel } from './LogisticPanel';
import { cascadeModel } from './model';
import { presets } from './params';
import type { CascadeParams, CascadePresetName } from './params';
import type { CascadeResult } from './types';

export default function CascadeView({ attrs, widgetId }: WidgetViewProps) {
  const titleId = useId();
  const lesson = useMemo(() => fromDirective(attrs), [attrs]);
  if (!lesson.ok) return <DirectiveError widget="cascade lab" problems={lesson.problems} />;
  return <Lab titleId={titleId} widgetId={widgetId} lesson={lesson} />;
}

function Lab({
  titleId,
  widgetId,
  lesson,
}: {
  titleId: string;
  widgetId: string;
  lesson: { presetName: CascadePresetName; params: CascadeParams; seed: number };
}) {
  const scenario = useScenario<CascadeParams, CascadeResult>({
    lesson,
    widgetId,
    model: 'cascade',
    validate: (p) => cascadeModel.validate(p),
    presets,
    toForm: paramsToForm,
    checkForm: checkCascadeForm,
  });
  const { values, set, check, run } = scenario;
  const result = run.result;
  const shown = run.resultFor;

  return (
    <section className="widget" id={widgetId} aria-labelledby={titleId}>
      <h3 id={titleId}>Cascade and metastability lab</h3>
      <p className="widget-intro">
        A pool of identical servers behind a load balancer, with a cache in front. Users send
        requests; the cache answers some, the rest reach the servers, and clients retry an attempt
        that times out. Script a trigger (servers failing, a spike, a cache flush), watch where the
        load goes, and whether the pool comes back when the trigger has gone. The run is seeded and
        runs in a background worker.
      </p>
      <Assumptions />
      <ScenarioHeader scenario={scenario} presets={presets} />

      <SettingsDetails check={check} hasResult={result !== null}>
        <CascadeSettings values={values} errors={check.fieldErrors} set={set} />
      </SettingsDetails>

      <RunStatus
        running={run.running}
        progress={run.progress}
        error={run.error?.message ?? null}
        done={
          result &&
          run.elapsedMs !== null &&
          shown &&
          `Simulated ${shown.params.durationS} s of the pool in steps of ${Math.round(result.stepS * 1000)} ms (seed ${shown.seed}) in ${Math.max(1, Math.round(run.elapsedMs))} ms, in a background worker.`
        }
      />

      {result && shown && (
        <>
          <CascadeResults params={shown.params} result={result} />
          <LogisticPanel run={result.logistic} />
        </>
      )}
    </section>
  );
}

function Assumptions() {
  return (
    <details className="chart-data">
      <summary>The model’s assumptions</summary>
      <ul>
        <li>
          Users’ requests arrive at random (a Poisson stream, drawn from the seed); after that the
          counts are fluid, fractions of a request allowed. The servers are identical and the load
          balancer splits evenly over those in rotation.
        </li>
        <li>
          A server completes a fixed number of requests a second, first come, first served, and
          queues at most the set seconds of work, turning the rest away at once. An attempt still
          queued when its client’s timeout runs out has failed, but the server still does its work
          later, for nobody: it cannot know the client left.
        </li>
        <li>
          A failed attempt is retried after a backoff sleep drawn evenly between 0 and the base
          delay × 2^(retry − 1), at most 30 s (none when the base is 0). After the last retry the
          user gives up.
        </li>
        <li>
          The cache is refilled only by answers: its hit ratio moves toward the set ratio × the
          share of attempts answered, over the refill time. A flush empties it.
        </li>
        <li>
          The health check takes a server out when its queue holds more than the set seconds of
          work; its queue is lost and it comes back empty after the restart time × a random factor
          from 0.5 to 1.5.
        </li>
        <li>
          Shedding: a server drops work whose client has left and turns away at once, at no cost,
          what would wait longer than the timeout. A retry budget lets through at most one retry per
          ten first attempts. Added servers join at once.
        </li>
        <li>
          Not modelled: slow start, connection limits, per-request service times, clients giving up
          mid-backoff, autoscaling. A stretch counts as healthy when 90 % of user requests are
          answered.
        </li>
      </ul>
    </details>
  );
}
