import {
  majority,
  quorumAcrossDomains,
  quorumAfterDomainLoss,
} from '../../formulas/availability.ts';
import { expectedFirstTimeout } from '../../formulas/consensus.ts';
import { createRng } from '../../sim/rng.ts';
import type { Rng } from '../../sim/rng.ts';
import type { ConsensusParams } from './params.ts';
import { eventText, parseScript, randomScript, zonesOf } from './script.ts';
import type { ScriptEvent } from './script.ts';
import { ROLE_CODE, SCHEMES } from './types.ts';
import type {
  ConsensusResult,
  Period,
  PlacementRow,
  Reign,
  Role,
  Scheme,
  SchemeRun,
} from './types.ts';

/**
 * The split brain lab's cluster, one step (one second) at a time, under two failover schemes.
 * Messages inside a side of the network arrive within the step; nothing crosses a partition.
 *
 * Quorum (Raft's rules, simplified):
 * - every node has a term and votes at most once per term; a message from a higher term makes
 *   any node adopt that term, and a leader or candidate that sees one steps down;
 * - a follower that hears no leader for its random timeout becomes a candidate: it moves to the
 *   next term, votes for itself and asks every node it can reach; a node grants its vote only if
 *   the candidate's log is at least as up to date as its own (last entry's term, then length);
 * - a candidate with votes from a majority of ALL the cluster's nodes becomes leader;
 * - the leader appends each client write and copies its whole log to the nodes it reaches (a
 *   real Raft follower keeps a matching prefix and replaces only what conflicts: the same result
 *   here); the write is acknowledged once a majority of all nodes store it, in the step it was
 *   sent, else the client gives up and the write is not acknowledged.
 *
 * Naive failover ("whoever can't see the leader takes over"):
 * - a standby that hears no primary for its timeout promotes itself, with no vote;
 * - a primary acknowledges a write at once and copies its log to the standbys it reaches;
 * - when two primaries meet, the one promoted last stays primary (it "took over"); the other
 *   steps down and copies the survivor's log over its own, and so do their standbys.
 *
 * Both schemes: one client write arrives at each side of the network with a node up, every step,
 * and goes to that side's leader if it has one. Crashed nodes keep their log (and, under quorum,
 * their term and vote) and come back as followers. A write is lost once no node holds it.
 */

interface Node {
  role: Role;
  term: number;
  votedFor: number;
  ids: number[];
  terms: number[];
  deadline: number;
  promotedAt: number;
  reign: number;
}

/** Who is up and which group of the network each node is in. */
interface Topology {
  up: boolean[];
  group: number[];
}

function applyEvent(topo: Topology, e: ScriptEvent, zones: readonly number[]): void {
  switch (e.kind) {
    case 'split':
      topo.group.fill(0);
      e.groups.forEach((g, k) => g.forEach((i) => (topo.group[i] = k + 1)));
      break;
    case 'heal':
      topo.group.fill(0);
      break;
    case 'crash':
      topo.up[e.node] = false;
      break;
    case 'restart':
      topo.up[e.node] = true;
      break;
    case 'zoneDown':
    case 'zoneUp':
      zones.forEach((z, i) => {
        if (z === e.zone) topo.up[i] = e.kind === 'zoneUp';
      });
      break;
  }
}

/** Groups of up nodes that reach each other, ordered by group then node. */
function sidesOf(topo: Topology): number[][] {
  const byGroup = new Map<number, number[]>();
  topo.up.forEach((up, i) => {
    if (!up) return;
    const g = topo.group[i]!;
    const side = byGroup.get(g);
    if (side) side.push(i);
    else byGroup.set(g, [i]);
  });
  return [...byGroup.entries()].sort((a, b) => a[0] - b[0]).map(([, side]) => side);
}

/** Per step, the sides of the network: computed once, the same for both schemes. */
export function topologyOf(
  n: number,
  zones: readonly number[],
  events: readonly ScriptEvent[],
  steps: number,
): { sides: number[][][]; up: boolean[][] } {
  const topo: Topology = {
    up: new Array<boolean>(n).fill(true),
    group: new Array<number>(n).fill(0),
  };
  const sides: number[][][] = [];
  const up: boolean[][] = [];
  let next = 0;
  for (let t = 0; t < steps; t++) {
    while (next < events.length && events[next]!.at === t) applyEvent(topo, events[next++]!, zones);
    sides.push(sidesOf(topo));
    up.push([...topo.up]);
  }
  return { sides, up };
}

export interface SchemeTrace {
  run: SchemeRun;
  /** Writes acknowledged per side, per step, in the order of that step's sides. */
  sideAcked: number[][];
}

export function runScheme(
  scheme: Scheme,
  n: number,
  topology: { sides: number[][][]; up: boolean[][] },
  steps: number,
  timeoutMin: number,
  timeoutMax: number,
  rng: Rng,
): SchemeTrace {
  const quorum = scheme === 'quorum';
  const need = Math.floor(n / 2) + 1;
  const span = timeoutMax - timeoutMin + 1;
  const timeout = () => timeoutMin + Math.floor(rng.next() * span);

  const reigns: Reign[] = [{ term: 1, leader: 0, from: 0, to: 0, acked: 0 }];
  const nodes: Node[] = Array.from({ length: n }, (_, i) => ({
    role: i === 0 ? 'leader' : 'follower',
    term: 1,
    votedFor: 0,
    ids: [],
    terms: [],
    deadline: timeout(),
    promotedAt: 0,
    reign: i === 0 ? 0 : -1,
  }));
  let promotions = 1;

  const roles = new Uint8Array(steps * n);
  const terms = new Uint16Array(steps * n);
  const offered = new Uint8Array(steps);
  const ackedPerStep = new Uint8Array(steps);
  const lostSoFar = new Uint16Array(steps);
  const leadersPerStep = new Uint8Array(steps);
  const sideAcked: number[][] = [];
  const ackedFlag: number[] = [];
  let writeId = 0;
  let lost = 0;
  let conflicting = 0;
  let splitBrainSteps = 0;
  let maxLeaders = 0;
  let elections = 0;

  /** Nodes holding each write; a write acknowledged and held by none is lost. */
  const holders: number[] = [];
  const release = (id: number) => {
    if (--holders[id]! === 0 && ackedFlag[id]) lost++;
  };
  const copyLog = (from: Node, to: Node) => {
    const a = from.ids;
    const b = to.ids;
    if (a.length === b.length && (a.length === 0 || a[a.length - 1] === b[b.length - 1])) return;
    // Logs are only ever whole copies, so two logs that agree at an index agree before it: the
    // common prefix is found by bisection, and only the entries past it change hands.
    let lo = 0;
    let hi = Math.min(a.length, b.length);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid - 1] === b[mid - 1]) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k < b.length; k++) release(b[k]!);
    // Truncate to the common prefix and append the rest: a step costs what changed, not the log.
    b.length = lo;
    to.terms.length = lo;
    for (let k = lo; k < a.length; k++) {
      holders[a[k]!]!++;
      b.push(a[k]!);
      to.terms.push(from.terms[k]!);
    }
  };
  const stepDown = (node: Node, t: number) => {
    node.role = 'follower';
    node.reign = -1;
    node.deadline = t + timeout();
  };
  /** The leader reaches its side: everyone follows it, takes its term and its log. */
  const lead = (l: number, side: readonly number[], t: number) => {
    const leader = nodes[l]!;
    for (const j of side) {
      if (j === l) continue;
      const node = nodes[j]!;
      if (node.term < leader.term) node.votedFor = -1;
      node.term = leader.term;
      if (node.role !== 'follower') node.reign = -1;
      node.role = 'follower';
      node.deadline = t + timeout();
      copyLog(leader, node);
    }
  };
  const becomeLeader = (i: number, t: number) => {
    const node = nodes[i]!;
    node.role = 'leader';
    node.reign = reigns.length;
    reigns.push({ term: node.term, leader: i, from: t, to: t, acked: 0 });
    elections++;
  };
  const upToDate = (c: Node, v: Node) => {
    const ct = c.terms.length ? c.terms[c.terms.length - 1]! : 0;
    const vt = v.terms.length ? v.terms[v.terms.length - 1]! : 0;
    return ct > vt || (ct === vt && c.ids.length >= v.ids.length);
  };

  for (let t = 0; t < steps; t++) {
    const sides = topology.sides[t]!;
    const up = topology.up[t]!;
    // Crashes and restarts: a node that comes back is a follower with a fresh timeout.
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const wasDown = node.role === 'down';
      if (!up[i] && !wasDown) {
        node.role = 'down';
        node.reign = -1;
      } else if (up[i] && wasDown) {
        node.role = 'follower';
        node.deadline = t + timeout();
      }
    }
    const sideOf = new Int8Array(n).fill(-1);
    sides.forEach((side, k) => side.forEach((i) => (sideOf[i] = k)));

    // Leaders reach their side.
    for (const side of sides) {
      const leaders = side.filter((i) => nodes[i]!.role === 'leader');
      if (leaders.length === 0) continue;
      if (quorum) {
        const top = leaders.reduce((a, b) => (nodes[b]!.term > nodes[a]!.term ? b : a));
        const highest = Math.max(...side.map((i) => nodes[i]!.term));
        if (highest > nodes[top]!.term) {
          // Someone on this side has seen a newer term: every leader here learns it and steps down.
          for (const l of leaders) {
            nodes[l]!.term = highest;
            nodes[l]!.votedFor = -1;
            stepDown(nodes[l]!, t);
          }
          continue;
        }
        lead(top, side, t);
      } else {
        // The primary promoted last "took over"; the others give way and copy its log.
        const top = leaders.reduce((a, b) => (nodes[b]!.promotedAt > nodes[a]!.promotedAt ? b : a));
        lead(top, side, t);
      }
    }

    // Timeouts: followers (and failed candidates) that heard no leader act.
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      if (node.role === 'down' || node.role === 'leader' || node.deadline > t) continue;
      const side = sides[sideOf[i]!]!;
      if (quorum) {
        node.term += 1;
        node.votedFor = i;
        node.role = 'candidate';
        let votes = 1;
        for (const j of side) {
          if (j === i) continue;
          const voter = nodes[j]!;
          if (voter.term < node.term) {
            voter.term = node.term;
            voter.votedFor = -1;
            if (voter.role === 'leader' || voter.role === 'candidate') stepDown(voter, t);
          }
          if ((voter.votedFor === -1 || voter.votedFor === i) && upToDate(node, voter)) {
            voter.votedFor = i;
            voter.deadline = t + timeout();
            votes++;
          }
        }
        if (votes >= need) {
          becomeLeader(i, t);
          lead(i, side, t);
        } else node.deadline = t + timeout();
      } else if (side.some((j) => nodes[j]!.role === 'leader')) {
        node.deadline = t + timeout();
      } else {
        promotions++;
        node.term = promotions;
        node.promotedAt = t;
        becomeLeader(i, t);
        lead(i, side, t);
      }
    }

    // One client write per side, to that side's leader if it has one.
    const acks: number[] = [];
    let ackedNow = 0;
    for (const side of sides) {
      const l = side.find((i) => nodes[i]!.role === 'leader');
      let ok = 0;
      if (l !== undefined) {
        const leader = nodes[l]!;
        const id = writeId++;
        ackedFlag.push(0);
        holders.push(1);
        leader.ids.push(id);
        leader.terms.push(leader.term);
        for (const j of side) if (j !== l) copyLog(leader, nodes[j]!);
        // Quorum: stored on a majority of all n nodes. Naive: the primary alone decides.
        if (!quorum || side.length >= need) {
          ok = 1;
          ackedFlag[id] = 1;
          reigns[leader.reign]!.acked++;
        }
      } else {
        // Refused at once: no leader on this side. It still gets an id, so ids count writes sent.
        writeId++;
        ackedFlag.push(0);
        holders.push(0);
      }
      acks.push(ok);
      ackedNow += ok;
    }
    offered[t] = sides.length;
    ackedPerStep[t] = ackedNow;
    sideAcked.push(acks);
    if (acks.filter((a) => a > 0).length >= 2) {
      conflicting += ackedNow;
      splitBrainSteps++;
    }

    lostSoFar[t] = lost;

    let leadersNow = 0;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      roles[t * n + i] = ROLE_CODE[node.role];
      terms[t * n + i] = Math.min(65535, node.term);
      if (node.role === 'leader') {
        leadersNow++;
        reigns[node.reign]!.to = t;
      }
    }
    leadersPerStep[t] = leadersNow;
    maxLeaders = Math.max(maxLeaders, leadersNow);
  }

  let offeredTotal = 0;
  let ackedTotal = 0;
  for (let t = 0; t < steps; t++) {
    offeredTotal += offered[t]!;
    ackedTotal += ackedPerStep[t]!;
  }
  return {
    run: {
      scheme,
      roles,
      terms,
      offered,
      acked: ackedPerStep,
      lostSoFar,
      leaders: leadersPerStep,
      reigns,
      totals: {
        offered: offeredTotal,
        acked: ackedTotal,
        refused: offeredTotal - ackedTotal,
        conflicting,
        lost,
        splitBrainSteps,
        maxLeaders,
        elections,
        maxTerm: Math.max(...nodes.map((x) => x.term)),
      },
    },
    sideAcked,
  };
}

/** Stretches of steps with the same sides, and the writes each scheme acknowledged on each side. */
function periodsOf(sides: number[][][], traces: Record<Scheme, SchemeTrace>): Period[] {
  const periods: Period[] = [];
  const key = (s: number[][]) => JSON.stringify(s);
  sides.forEach((s, t) => {
    let p = periods[periods.length - 1];
    if (!p || key(p.sides) !== key(s)) {
      p = { from: t, to: t, sides: s, acked: { naive: s.map(() => 0), quorum: s.map(() => 0) } };
      periods.push(p);
    }
    p.to = t;
    for (const scheme of SCHEMES)
      traces[scheme].sideAcked[t]!.forEach((a, k) => (p.acked[scheme][k]! += a));
  });
  return periods;
}

/** Placements compared for a zone loss, by cluster size (the run's own is added if missing). */
export const PLACEMENTS: Readonly<Record<number, number[][]>> = {
  2: [[2], [1, 1]],
  3: [[3], [2, 1], [1, 1, 1]],
  4: [[4], [2, 2], [2, 1, 1]],
  5: [[5], [3, 2], [3, 1, 1], [2, 2, 1]],
  6: [[6], [3, 3], [2, 2, 2]],
  7: [[7], [4, 3], [3, 2, 2], [2, 2, 2, 1]],
};

export const REPLICATIONS = 40;
/** The lesson's figures: zones up 99.9 % of the time, nodes 99 % inside a working zone. */
export const ZONE_UP = 0.999;
export const NODE_UP = 0.99;

const z95 = 1.959963984540054;

/** Theory for the share of writes acknowledged while the biggest zone, with the leader, is down. */
export function theoryDuringLoss(
  keepsQuorum: boolean,
  remaining: number,
  lossSteps: number,
  timeoutMin: number,
  timeoutMax: number,
): number | null {
  if (!keepsQuorum) return 0;
  // The first survivor to time out wins at once (everyone it reaches has the same log), and
  // writes stop for the steps before it: its timeout less one. Exact while no timeout outlasts the loss.
  if (timeoutMax - 1 > lossSteps) return null;
  const first = expectedFirstTimeout(timeoutMin, timeoutMax, remaining);
  return first.ok ? 1 - (first.value - 1) / lossSteps : null;
}

function placementRow(
  layout: number[],
  current: boolean,
  p: ConsensusParams,
  seed: number,
  lossFrom: number,
  lossTo: number,
): PlacementRow {
  const n = layout.reduce((a, b) => a + b, 0);
  const zones = zonesOf(layout);
  const zone = layout.indexOf(Math.max(...layout));
  const loss = quorumAfterDomainLoss(layout);
  const lossRow = loss.ok ? loss.value[zone]! : null;
  const keepsQuorum = lossRow?.keepsQuorum ?? false;
  const remaining = lossRow?.remaining ?? 0;
  const events: ScriptEvent[] = [
    { at: lossFrom, kind: 'zoneDown', zone },
    { at: lossTo, kind: 'zoneUp', zone },
  ];
  const topology = topologyOf(n, zones, events, p.steps);
  const measured = {} as PlacementRow['measured'];
  for (const scheme of SCHEMES) {
    const shares: number[] = [];
    let lost = 0;
    for (let r = 0; r < REPLICATIONS; r++) {
      const rng = createRng((seed + Math.imul(r + 1, 0x9e3779b9)) >>> 0);
      const { run } = runScheme(scheme, n, topology, p.steps, p.timeoutMin, p.timeoutMax, rng);
      let offered = 0;
      let acked = 0;
      for (let t = lossFrom; t < lossTo; t++) {
        offered += run.offered[t]!;
        acked += run.acked[t]!;
      }
      shares.push(offered > 0 ? acked / offered : 0);
      lost += run.totals.lost;
    }
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    const variance = shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (shares.length - 1);
    const half = z95 * Math.sqrt(variance / shares.length);
    measured[scheme] = {
      mean,
      low: Math.max(0, mean - half),
      high: Math.min(1, mean + half),
      lost,
    };
  }
  const availability = quorumAcrossDomains(layout, ZONE_UP, NODE_UP);
  const m = majority(n);
  return {
    layout,
    zone,
    remaining,
    majority: m.ok ? m.value : n,
    keepsQuorum,
    availability: availability.ok
      ? availability.value
      : { availability: Number.NaN, unavailability: Number.NaN },
    theoryDuringLoss: theoryDuringLoss(
      keepsQuorum,
      remaining,
      lossTo - lossFrom,
      p.timeoutMin,
      p.timeoutMax,
    ),
    measured,
    current,
  };
}

export function* simulateConsensus(
  p: ConsensusParams,
  seed: number,
): Generator<number, ConsensusResult, void> {
  const layout = p.layout;
  const zones = zonesOf(layout);
  const n = zones.length;
  let events: ScriptEvent[];
  if (p.mode === 'random') {
    events = randomScript(createRng(seed ^ 0x5bd1e995), layout, p.steps, p.faultEvery);
  } else {
    const parsed = parseScript(p.script, layout, p.steps);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    events = parsed.events;
  }
  const topology = topologyOf(n, zones, events, p.steps);
  const traces = {
    naive: runScheme('naive', n, topology, p.steps, p.timeoutMin, p.timeoutMax, createRng(seed)),
    quorum: runScheme('quorum', n, topology, p.steps, p.timeoutMin, p.timeoutMax, createRng(seed)),
  };
  yield 0.2;

  const lossFrom = Math.floor(p.steps / 4);
  const lossTo = Math.floor((3 * p.steps) / 4);
  const sorted = (l: readonly number[]) => [...l].sort((a, b) => b - a);
  const key = (l: readonly number[]) => sorted(l).join(',');
  const candidates = (PLACEMENTS[n] ?? []).map((l) => [...l]);
  if (!candidates.some((l) => key(l) === key(layout))) candidates.push(sorted(layout));
  const placements: PlacementRow[] = [];
  for (const [k, l] of candidates.entries()) {
    placements.push(placementRow(l, key(l) === key(layout), p, seed, lossFrom, lossTo));
    yield 0.2 + (0.8 * (k + 1)) / candidates.length;
  }

  return {
    n,
    steps: p.steps,
    zones,
    script: events.map(eventText),
    runs: { naive: traces.naive.run, quorum: traces.quorum.run },
    periods: periodsOf(topology.sides, traces),
    placements,
    replications: REPLICATIONS,
    lossFrom,
    lossTo,
    zoneUp: ZONE_UP,
    nodeUp: NODE_UP,
  };
}

export function simulateConsensusAll(p: ConsensusParams, seed: number): ConsensusResult {
  const it = simulateConsensus(p, seed);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
  }
}
