import { ENGINEER } from './oncall';
import { TIE_GRACE_MINUTES } from './simulate';
import { BATCH_SERVICE, MINOR_EPISODES_PER_DAY, PROPAGATION_PER_HOP } from './world';

/** What the simulation assumes, stated plainly, with the engineer's numbers from the model itself. */
export function ModelCard() {
  const e = ENGINEER;
  return (
    <details className="model-card">
      <summary>Model card: what this simulation assumes</summary>
      <h4>The world</h4>
      <ul>
        <li>
          One-minute samples of requests, error ratio, p99 latency and CPU per service. Traffic
          follows a daily cycle (1.5× the mean at 19:00, 0.5× at 07:00); errors are counted, so a
          quiet night makes the error ratio jumpier. Latency and CPU drift slowly, so they can sit
          above a line for minutes without anything being wrong.
        </li>
        <li>
          Normal life includes harmless 1–4 minute error spikes, one minor error episode per service
          every {1 / MINOR_EPISODES_PER_DAY} days (1–3 % errors for 8–30 minutes: real errors, too
          small to threaten a 99.9 % SLO), occasional latency blips, and a nightly batch job in{' '}
          {BATCH_SERVICE} that lifts its CPU from about 02:00.
        </li>
        <li>
          Incidents are outages (20–60 % errors for 10–40 minutes), slow degradations (errors
          climbing to 2–6 % over 1–4 hours) and bad deploys (3–10 % errors for 20–90 minutes, in
          working hours). Each is felt by every service that calls the broken one, at{' '}
          {fmtShare(PROPAGATION_PER_HOP)} of the strength per hop.
        </li>
        <li>
          A page counts as pointing at an incident when one of its alerts is on an affected service
          while the incident runs or up to {TIE_GRACE_MINUTES} minutes after.
        </li>
      </ul>
      <h4>The engineer</h4>
      <ul>
        <li>
          Acknowledges in a median {e.ackMedianDayMinutes} minutes by day and{' '}
          {e.ackMedianNightMinutes} at night (log-normal), stretched by fatigue: × (1 +{' '}
          {e.fatigueSlowdown} × fatigue).
        </li>
        <li>
          Fatigue runs from 0 to 100 %. A page adds {fmtShare(e.fatiguePerPage)} of what is left, a
          false alarm {fmtShare(e.fatiguePerNoisePage)}, {e.wakeMultiplier}× that when it wakes the
          engineer (a night page after {e.asleepAfterMinutes} quiet minutes). Quiet time halves it
          every {e.recoveryHalfLifeMinutes / 60} hours.
        </li>
        <li>
          “Cry wolf”: a page is ignored with chance {fmtShare(e.baseMiss)} plus{' '}
          {fmtShare(e.missPerNoisePage)} for each false alarm in the last 24 hours, at most{' '}
          {fmtShare(e.maxMiss)}. An ignored page waits for the alert’s next notification.
        </li>
        <li>
          Once a page about an incident is acknowledged, users stop being hurt {e.mitigationMinutes}{' '}
          minutes later (roll back, fail over) unless it ended before.
        </li>
      </ul>
      <p>
        These numbers are illustrative, chosen to be plausible rather than measured; the shape of
        the comparison, not its exact minutes, is the lesson. Alerting follows Prometheus (“for”
        durations) and Alertmanager (grouping, repeat interval, inhibition); burn rates follow the
        Google SRE Workbook’s chapter “Alerting on SLOs”.
      </p>
    </details>
  );
}

function fmtShare(x: number): string {
  return `${Math.round(x * 100)} %`;
}
