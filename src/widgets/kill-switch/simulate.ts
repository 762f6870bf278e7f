import { createRng, standardNormal } from '../../sim/rng.ts';
import type { Rng } from '../../sim/rng.ts';
import { evaluateThreshold } from '../alerting/rules.ts';
import type { ThresholdRule } from '../alerting/rules.ts';
import type { Approval, FailMode, KillSwitchParams, SeverityLevel } from './params.ts';
import { SEVERITY_PAGES } from './params.ts';
import { DESIGNS } from './types.ts';
import type {
  Design,
  DesignSummary,
  ExampleRun,
  KillSwitchResult,
  Summary,
  TimelineEvent,
} from './types.ts';

/**
 * The kill switch drill, one second at a time over the window, many seeded runs.
 *
 * Each run draws, once, everything chance decides: when a person would notice, how long the
 * on-call takes to acknowledge a page, to decide, and each approver to answer (log-normal), the
 * shared cache's refresh phase and each host's polling phase (uniform). Every design uses the
 * same draws (common random numbers), so the designs differ only by their design.
 *
 * Harm: the misbehaving hosts act at actionsPerS ÷ affected each, growing by growthPctPerMin a
 * minute (constant within each second); guards, when on, cap what gets through each second
 * (a per-minute rate limit, a floor on the pool, a total cap that halts the automation).
 *
 * The alert reads the harm itself: the action rate averaged over each evaluation interval,
 * evaluated by the alert fatigue simulator's threshold rule (src/widgets/alerting/rules.ts), with
 * "for" as a count of evaluations. The alert is evaluated on the run without a switch: until the
 * flip, which always follows detection, the two are the same run.
 *
 * Hosts: host i polls at φ_i + kP. The flag service is unreachable over [downAt, downAt + downFor);
 * a host that cannot poll keeps its last value for `staleS` after its last good poll, then
 * takes its default: fail open keeps acting, fail closed stops until it can read again. The switch
 * appears at the shared cache at the first refresh after the flip, and at a host on its first
 * good poll after that.
 */

/** Everything one run draws, shared by every design. */
export interface Draws {
  humanZ: number;
  ackZ: number;
  decideZ: number;
  approveZ: number;
  fallbackZ: number;
  /** Shared cache refresh phase, as a share of the TTL. */
  edgeU: number;
  /** Each host's polling phase, as a share of the interval. */
  phaseU: Float64Array;
}

export function drawRun(rng: Rng, hosts: number): Draws {
  const humanZ = standardNormal(rng);
  const ackZ = standardNormal(rng);
  const decideZ = standardNormal(rng);
  const approveZ = standardNormal(rng);
  const fallbackZ = standardNormal(rng);
  const edgeU = rng.next();
  const phaseU = new Float64Array(hosts);
  for (let i = 0; i < hosts; i++) phaseU[i] = rng.next();
  return { humanZ, ackZ, decideZ, approveZ, fallbackZ, edgeU, phaseU };
}

/** A log-normal delay from its median, shape and a standard normal draw. */
export const logNormal = (median: number, sigma: number, z: number) => median * Math.exp(sigma * z);

export interface DesignSettings {
  failMode: FailMode;
  approval: Approval;
  guards: boolean;
  hasSwitch: boolean;
}

export function settingsOf(p: KillSwitchParams, design: Design): DesignSettings {
  const yours: DesignSettings = {
    failMode: p.failMode,
    approval: p.approval,
    guards: p.guards,
    hasSwitch: true,
  };
  switch (design) {
    case 'yours':
      return yours;
    case 'otherFail':
      return { ...yours, failMode: p.failMode === 'open' ? 'closed' : 'open' };
    case 'otherApproval':
      return { ...yours, approval: p.approval === 'one' ? 'two' : 'one' };
    case 'otherGuards':
      return { ...yours, guards: !p.guards };
    case 'noSwitch':
      return { ...yours, hasSwitch: false };
  }
}

/** First poll at or after t, for a host with phase φ polling every P (φ − P was the last before 0). */
export const pollAtOrAfter = (t: number, phase: number, poll: number) =>
  phase + poll * Math.max(0, Math.ceil((t - phase) / poll - 1e-12));

export interface HostPlan {
  /** When the switch reaches the host (Infinity: never, in this window or at all). */
  reachedAt: number;
  /** The spans it acts in (misbehaving hosts), as [from, to) pairs, in order. */
  acting: number[];
}

/**
 * One host's fate: when the switch reaches it, and when it acts. `visibleAt` is when the switch
 * appears at the shared cache (Infinity: never pulled).
 */
export function planHost(
  phase: number,
  p: KillSwitchParams,
  failMode: FailMode,
  visibleAt: number,
): HostPlan {
  const poll = p.pollS;
  const down = p.flagDownForS > 0;
  const o0 = p.flagDownAtS;
  const o1 = o0 + p.flagDownForS;
  const inOutage = (t: number) => down && t >= o0 && t < o1;
  // Back from the outage: the first poll at or after its end.
  const back = down ? pollAtOrAfter(o1, phase, poll) : Infinity;
  let reachedAt = Infinity;
  if (Number.isFinite(visibleAt)) {
    reachedAt = pollAtOrAfter(visibleAt, phase, poll);
    if (inOutage(reachedAt)) reachedAt = back;
  }
  // The stale window: from the last good poll before the outage plus staleS, to the first after.
  let s0 = Infinity;
  let s1 = Infinity;
  if (down) {
    const k = Math.ceil((o0 - phase) / poll - 1e-12) - 1; // last poll strictly before o0
    const lastGood = phase + poll * Math.max(-1, k);
    if (lastGood + p.staleS < back) {
      s0 = lastGood + p.staleS;
      s1 = back;
    }
  }
  const k = reachedAt;
  let acting: number[];
  if (!Number.isFinite(s0)) acting = [0, k];
  else if (failMode === 'open')
    // The default is to act: [0, k) ∪ [s0, s1).
    acting = s0 <= k ? [0, Math.max(k, s1)] : [0, k, s0, s1];
  else if (s0 >= k) acting = [0, k];
  else acting = s1 < k ? [0, s0, s1, k] : [0, s0];
  return { reachedAt, acting };
}

export interface Sweep {
  /** Harm done in each second. */
  perSecond: Float64Array;
  /** Misbehaving hosts acting at the start of each second. */
  actingAt: Uint16Array;
  total: number;
  /** The second a guard first held harm back, or null. */
  guardAt: number | null;
  /** When harm stopped for good (the last second with any), or null if still going at the end. */
  stoppedAt: number | null;
}

/** Each misbehaving host's actions a second, second by second: the start rate, grown each minute. */
export function perHostRates(p: KillSwitchParams): Float64Array {
  const perHost = p.actionsPerS / p.affected;
  const growth = Math.log1p(p.growthPctPerMin / 100) / 60;
  return Float64Array.from({ length: p.durationS }, (_, s) => perHost * Math.exp(growth * s));
}

/** Harm over the window from the misbehaving hosts' acting spans, through the guards if on. */
export function sweep(
  p: KillSwitchParams,
  plans: readonly HostPlan[],
  guards: boolean,
  rates: Float64Array = perHostRates(p),
): Sweep {
  const D = p.durationS;
  const events: number[] = []; // time, delta pairs
  for (const plan of plans)
    for (let j = 0; j < plan.acting.length; j += 2) {
      const from = plan.acting[j]!;
      const to = plan.acting[j + 1]!;
      if (to > from && from < D) events.push(Math.max(0, from), 1, Math.min(D, to), -1);
    }
  const order = Array.from({ length: events.length / 2 }, (_, i) => i).sort(
    (a, b) => events[2 * a]! - events[2 * b]!,
  );
  const perSecond = new Float64Array(D);
  const actingAt = new Uint16Array(D);
  const floorBound = guards && p.floorPct > 0 ? p.pool * (1 - p.floorPct / 100) : Infinity;
  const capBound = guards && p.capActions > 0 ? p.capActions : Infinity;
  const bound = Math.min(floorBound, capBound);
  const limit = guards && p.rateLimitPerMin > 0 ? p.rateLimitPerMin : Infinity;
  let active = 0;
  let e = 0;
  let total = 0;
  let minute = -1;
  let usedThisMinute = 0;
  let guardAt: number | null = null;
  let lastHarm = -1;
  for (let s = 0; s < D; s++) {
    // Events before s are done; those at s change who acts from the start of this second.
    while (e < order.length && events[2 * order[e]!]! <= s) {
      active += events[2 * order[e]! + 1]!;
      e++;
    }
    actingAt[s] = active;
    // Host-seconds of acting within [s, s + 1).
    let hostSeconds = 0;
    let t = s;
    while (e < order.length && events[2 * order[e]!]! < s + 1) {
      const at = events[2 * order[e]!]!;
      hostSeconds += active * (at - t);
      t = at;
      active += events[2 * order[e]! + 1]!;
      e++;
    }
    hostSeconds += active * (s + 1 - t);
    if (hostSeconds <= 0) continue;
    const want = rates[s]! * hostSeconds;
    const m = Math.floor(s / 60);
    if (m !== minute) {
      minute = m;
      usedThisMinute = 0;
    }
    const got = Math.max(0, Math.min(want, bound - total, limit - usedThisMinute));
    if (got < want - 1e-9 && guardAt === null) guardAt = s;
    perSecond[s] = got;
    total += got;
    usedThisMinute += got;
    if (got > 0) lastHarm = s;
  }
  const stillGoing = active > 0 && total < bound - 1e-9;
  return {
    perSecond,
    actingAt,
    total,
    guardAt,
    stoppedAt: stillGoing ? null : lastHarm < 0 ? 0 : lastHarm + 1,
  };
}

/** When the alert first fires on a run's harm, by the alerting model's threshold rule; or null. */
export function alertFiresAt(p: KillSwitchParams, perSecond: Float64Array): number | null {
  if (!p.alert) return null;
  const windows = Math.floor(p.durationS / p.evalS);
  const rate = new Float64Array(windows);
  for (let j = 0; j < windows; j++) {
    let sum = 0;
    for (let s = j * p.evalS; s < (j + 1) * p.evalS; s++) sum += perSecond[s]!;
    rate[j] = sum / p.evalS;
  }
  const rule: ThresholdRule = {
    id: 'harm-rate',
    name: 'Harmful actions a second',
    severity: 'page',
    quiet: false,
    kind: 'threshold',
    metric: 'errors',
    above: p.alertAbove,
    forMinutes: Math.ceil(p.alertForS / p.evalS - 1e-9),
    resolveAt: null,
  };
  const firing = evaluateThreshold(rate, rule);
  const j = firing.indexOf(1);
  // Evaluated at the end of each interval.
  return j < 0 ? null : (j + 1) * p.evalS;
}

export interface RunOutcome {
  detectS: number;
  byAlert: boolean;
  alertAt: number | null;
  decidedAt: number;
  approvalS: number;
  /** The flip, or null when there is no switch or it came after the window. */
  flipAt: number | null;
  visibleAt: number;
  plans: HostPlan[];
  result: Sweep;
  /** Severity declared at detection and escalations after it, within the window. */
  severity: { atS: number; level: SeverityLevel }[];
  /** Whether the switch's way to the hosts, [flip, flip + TTL + P], met the flag-service outage. */
  metOutage: boolean;
}

const levelFor = (harm: number, p: KillSwitchParams): SeverityLevel =>
  harm >= p.sev1At ? 1 : harm >= p.sev2At ? 2 : 3;

/** What the designs of one parameter set share: the rate table, and each run's runs without a switch. */
export interface RunShared {
  rates: Float64Array;
  free: Map<string, { draws: Draws; run: Sweep; alertAt: number | null }>;
}

export const sharedFor = (p: KillSwitchParams): RunShared => ({
  rates: perHostRates(p),
  free: new Map(),
});

/** One run of one design on the run's draws. */
export function runDesign(
  p: KillSwitchParams,
  design: Design,
  d: Draws,
  shared: RunShared = sharedFor(p),
): RunOutcome {
  const set = settingsOf(p, design);
  const D = p.durationS;
  const phases = Array.from(d.phaseU, (u) => u * p.pollS);
  // Without a switch a run depends only on the fail mode and the guards: worked out once a run.
  const key = `${set.failMode} ${set.guards}`;
  let cached = shared.free.get(key);
  if (!cached || cached.draws !== d) {
    const run = sweep(
      p,
      phases.slice(0, p.affected).map((ph) => planHost(ph, p, set.failMode, Infinity)),
      set.guards,
      shared.rates,
    );
    cached = { draws: d, run, alertAt: alertFiresAt(p, run.perSecond) };
    shared.free.set(key, cached);
  }
  const free = cached.run;
  const alertAt = cached.alertAt;
  const noticed = logNormal(p.humanMedianS, p.sigma, d.humanZ);
  const acked = alertAt === null ? Infinity : alertAt + logNormal(p.ackMedianS, p.sigma, d.ackZ);
  const byAlert = acked <= noticed;
  const detectS = Math.min(noticed, acked);
  const decidedAt = detectS + logNormal(p.decideMedianS, p.sigma, d.decideZ);
  const approvalS =
    set.approval === 'one'
      ? 0
      : Math.min(
          logNormal(p.approveMedianS, p.sigma, d.approveZ),
          p.fallbackS + logNormal(p.approveMedianS, p.sigma, d.fallbackZ),
        );
  const flip = decidedAt + approvalS;
  const flipAt = set.hasSwitch && flip < D ? flip : null;
  let visibleAt = Infinity;
  if (flipAt !== null)
    visibleAt =
      p.ttlS > 0 ? flipAt + ((((d.edgeU * p.ttlS - flipAt) % p.ttlS) + p.ttlS) % p.ttlS) : flipAt;
  const plans =
    flipAt === null
      ? phases.map((ph) => planHost(ph, p, set.failMode, Infinity))
      : phases.map((ph) => planHost(ph, p, set.failMode, visibleAt));
  const result =
    flipAt === null ? free : sweep(p, plans.slice(0, p.affected), set.guards, shared.rates);
  // Severity: declared at detection from the harm so far, raised as harm crosses each level.
  const severity: { atS: number; level: SeverityLevel }[] = [];
  if (detectS < D) {
    let cum = 0;
    let s = 0;
    for (; s < Math.min(D, Math.ceil(detectS)); s++) cum += result.perSecond[s]!;
    let level = levelFor(cum, p);
    severity.push({ atS: detectS, level });
    for (; s < D && level > 1; s++) {
      cum += result.perSecond[s]!;
      const next = levelFor(cum, p);
      if (next < level) {
        level = next;
        severity.push({ atS: s + 1, level });
      }
    }
  }
  const down = p.flagDownForS > 0;
  const metOutage =
    down &&
    flipAt !== null &&
    flipAt < p.flagDownAtS + p.flagDownForS &&
    flipAt + p.ttlS + p.pollS > p.flagDownAtS;
  return {
    detectS,
    byAlert,
    alertAt,
    decidedAt,
    approvalS,
    flipAt,
    visibleAt,
    plans,
    result,
    severity,
    metOutage,
  };
}

/** Mean with its 95 % normal interval, median and 90th percentile (nearest rank). */
export function summarise(xs: number[]): Summary {
  const n = xs.length;
  if (n === 0) return { n: 0, mean: 0, lo: 0, hi: 0, p50: 0, p90: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / n);
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * n) - 1)]!;
  return { n, mean, lo: mean - half, hi: mean + half, p50: rank(0.5), p90: rank(0.9) };
}

/** Delays from the flip to each host, sorted (Infinity for hosts it never reached). */
const hostDelaysOf = (o: RunOutcome) =>
  o.flipAt === null
    ? new Float64Array(0)
    : Float64Array.from(o.plans, (h) => h.reachedAt - o.flipAt!).sort();

/** Most points an example's series keeps: enough for a chart, small to send. */
export const MAX_POINTS = 300;

function example(p: KillSwitchParams, design: Design, o: RunOutcome, stepS: number): ExampleRun {
  const D = p.durationS;
  const points = Math.floor(D / stepS) + 1;
  const harm = new Float64Array(points);
  const acting = new Uint16Array(points);
  let cum = 0;
  for (let s = 0, i = 1; s < D; s++) {
    cum += o.result.perSecond[s]!;
    if ((s + 1) % stepS === 0 && i < points) {
      harm[i] = cum;
      acting[i] = o.result.actingAt[Math.min(D - 1, s + 1)]!;
      i++;
    }
  }
  acting[0] = o.result.actingAt[0]!;
  harm[points - 1] = o.result.total;
  const hostDelays = hostDelaysOf(o);
  return {
    design,
    harm,
    acting,
    hostDelays,
    events: timeline(p, design, o, hostDelays),
    total: o.result.total,
  };
}

/** The example run's events in time order, in words. */
export function timeline(
  p: KillSwitchParams,
  design: Design,
  o: RunOutcome,
  hostDelays: Float64Array,
): TimelineEvent[] {
  const D = p.durationS;
  const set = settingsOf(p, design);
  const ev: TimelineEvent[] = [
    {
      atS: 0,
      kind: 'start',
      text: `The automation starts doing harm on ${p.affected} of ${p.hosts} hosts`,
    },
  ];
  const add = (e: TimelineEvent) => {
    if (e.atS <= D) ev.push(e);
  };
  if (p.flagDownForS > 0) {
    add({
      atS: p.flagDownAtS,
      kind: 'flag-down',
      text: 'The flag service goes down: hosts cannot poll',
    });
    add({
      atS: p.flagDownAtS + p.flagDownForS,
      kind: 'flag-up',
      text: 'The flag service is back: hosts read the current value on their next poll',
    });
  }
  // After the flip the run differs from the one the alert was evaluated on: it is not shown then.
  if (o.alertAt !== null && o.alertAt <= (o.flipAt ?? Infinity))
    add({ atS: o.alertAt, kind: 'alert', text: 'The alert fires and pages the on-call engineer' });
  if (o.byAlert)
    add({ atS: o.detectS, kind: 'ack', text: 'The on-call engineer acknowledges the page' });
  else
    add({
      atS: o.detectS,
      kind: 'noticed',
      text: 'Someone notices the harm (no page got there first)',
    });
  for (const [i, s] of o.severity.entries())
    add({
      atS: s.atS,
      kind: 'severity',
      level: s.level,
      text: `${i === 0 ? 'Declared' : 'Escalated to'} SEV-${s.level}: pages ${SEVERITY_PAGES[s.level]}`,
    });
  if (set.hasSwitch) {
    add({
      atS: o.decidedAt,
      kind: 'decided',
      text:
        set.approval === 'one'
          ? 'The on-call decides to pull the switch and pulls it'
          : 'The on-call decides to pull the switch and asks for approval',
    });
    if (set.approval === 'two')
      add({ atS: o.decidedAt + o.approvalS, kind: 'approved', text: 'A second person approves' });
    if (o.flipAt !== null) {
      add({ atS: o.flipAt, kind: 'flip', text: 'The switch is flipped in the flag service' });
      const n = hostDelays.length;
      const at = (k: number) => o.flipAt! + hostDelays[k]!;
      if (n > 0 && Number.isFinite(at(0)))
        add({ atS: at(0), kind: 'first-host', text: 'The first host has the switch' });
      const half = Math.ceil(n / 2) - 1;
      if (n > 1 && Number.isFinite(at(half)))
        add({ atS: at(half), kind: 'half-hosts', text: 'Half the hosts have the switch' });
      if (n > 0 && Number.isFinite(at(n - 1)))
        add({ atS: at(n - 1), kind: 'all-hosts', text: 'Every host has the switch' });
    }
  } else
    add({
      atS: o.decidedAt,
      kind: 'decided',
      text: 'The on-call decides to stop it, but there is no switch to pull',
    });
  if (o.result.guardAt !== null)
    add({ atS: o.result.guardAt, kind: 'guard', text: 'A guard holds harm back' });
  if (o.result.stoppedAt !== null && o.result.stoppedAt > 0)
    add({ atS: o.result.stoppedAt, kind: 'stopped', text: 'The harm stops' });
  add({
    atS: D,
    kind: 'end',
    text:
      o.result.stoppedAt === null
        ? 'End of the window: the harm is still going'
        : 'End of the window',
  });
  return ev.sort((a, b) => a.atS - b.atS);
}

/** Every design over `runs` runs on one seed, with run 1 kept in detail. */
export function* simulateDrill(
  p: KillSwitchParams,
  seed: number,
): Generator<number, KillSwitchResult, void> {
  const rng = createRng(seed);
  const stepS = Math.max(1, Math.ceil(p.durationS / MAX_POINTS));
  const acc = DESIGNS.map(() => ({
    detect: [] as number[],
    decide: [] as number[],
    approval: [] as number[],
    fleet: [] as number[],
    hostMean: [] as number[],
    fleetClean: [] as number[],
    hostMeanClean: [] as number[],
    harm: [] as number[],
    stillGoing: 0,
    byAlert: 0,
    sev1: 0,
    flipped: 0,
  }));
  const examples: ExampleRun[] = [];
  const shared = sharedFor(p);
  for (let r = 0; r < p.runs; r++) {
    const draws = drawRun(rng, p.hosts);
    for (const [k, design] of DESIGNS.entries()) {
      const o = runDesign(p, design, draws, shared);
      const a = acc[k]!;
      if (o.detectS < p.durationS) a.detect.push(o.detectS);
      if (o.byAlert && o.detectS < p.durationS) a.byAlert++;
      if (o.flipAt !== null) {
        a.flipped++;
        a.decide.push(o.flipAt - o.detectS);
        if (settingsOf(p, design).approval === 'two') a.approval.push(o.approvalS);
        const delays = o.plans.map((h) => h.reachedAt - o.flipAt!);
        if (delays.every(Number.isFinite)) {
          const fleet = Math.max(...delays);
          const mean = delays.reduce((x, y) => x + y, 0) / delays.length;
          a.fleet.push(fleet);
          a.hostMean.push(mean);
          if (!o.metOutage) {
            a.fleetClean.push(fleet);
            a.hostMeanClean.push(mean);
          }
        }
      }
      a.harm.push(o.result.total);
      if (o.result.stoppedAt === null) a.stillGoing++;
      if (o.severity.some((s) => s.level === 1)) a.sev1++;
      if (r === 0) examples.push(example(p, design, o, stepS));
    }
    if (r % 8 === 7) yield (r + 1) / p.runs;
  }
  const designs: DesignSummary[] = DESIGNS.map((design, k) => {
    const a = acc[k]!;
    return {
      design,
      detect: summarise(a.detect),
      decide: summarise(a.decide),
      approval: summarise(a.approval),
      fleet: summarise(a.fleet),
      hostMean: summarise(a.hostMean),
      fleetClean: summarise(a.fleetClean),
      hostMeanClean: summarise(a.hostMeanClean),
      harm: summarise(a.harm),
      stillGoing: a.stillGoing,
      byAlert: a.byAlert,
      sev1: a.sev1,
      flipped: a.flipped,
    };
  });
  return { runs: p.runs, durationS: p.durationS, stepS, designs, examples };
}

/** Runs the whole drill at once (tests, the bench and lesson numbers). */
export function simulateDrillAll(p: KillSwitchParams, seed: number): KillSwitchResult {
  const gen = simulateDrill(p, seed);
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
