import type { Rng } from '../../sim/rng.ts';

/**
 * The fault script of the consensus lab: one event per line, `<step> <what>`, applied at the
 * start of that step in the order written. Pure (the content lint imports it through params).
 *
 *   10 split AB | CDE     the network splits into these groups; nodes left out form one more group
 *   12 isolate C          C alone on one side, everyone else together
 *   14 cut zone 1         zone 1's nodes on one side, the other zones on the other
 *   30 heal               every link works again
 *   15 crash A            A stops (its log and vote are on disk and survive)
 *   20 restart A          A comes back, as a follower
 *   18 zone down 2        every node in zone 2 crashes
 *   25 zone up 2          …and restarts
 *
 * `#` starts a comment; blank lines are ignored; case does not matter.
 */

export type ScriptEvent =
  | { at: number; kind: 'split'; groups: number[][] }
  | { at: number; kind: 'heal' }
  | { at: number; kind: 'crash'; node: number }
  | { at: number; kind: 'restart'; node: number }
  | { at: number; kind: 'zoneDown'; zone: number }
  | { at: number; kind: 'zoneUp'; zone: number };

export const MAX_SCRIPT_LINES = 200;

export const nodeName = (i: number) => String.fromCharCode(65 + i);

/** Zone of every node, nodes named A, B, … in zone order: [2, 2, 1] → [0, 0, 1, 1, 2]. */
export function zonesOf(layout: readonly number[]): number[] {
  return layout.flatMap((count, zone) => Array.from({ length: count }, () => zone));
}

export type ParsedScript = { ok: true; events: ScriptEvent[] } | { ok: false; problems: string[] };

/** Reads a script for a cluster with this layout and run length; problems name their line. */
export function parseScript(text: string, layout: readonly number[], steps: number): ParsedScript {
  const zones = zonesOf(layout);
  const n = zones.length;
  const last = nodeName(n - 1);
  const problems: string[] = [];
  const events: ScriptEvent[] = [];
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_SCRIPT_LINES)
    return {
      ok: false,
      problems: [`The script has ${lines.length} lines; at most ${MAX_SCRIPT_LINES}`],
    };

  const nodeOf = (word: string, where: string): number | null => {
    const i = word.toUpperCase().charCodeAt(0) - 65;
    if (word.length === 1 && i >= 0 && i < n) return i;
    problems.push(`${where}: there is no node “${word}” (the nodes are A to ${last})`);
    return null;
  };
  const zoneOf = (word: string | undefined, where: string): number | null => {
    const z = Number(word);
    if (word !== undefined && Number.isInteger(z) && z >= 1 && z <= layout.length) return z - 1;
    problems.push(`${where}: “${word ?? ''}” is not a zone (the zones are 1 to ${layout.length})`);
    return null;
  };

  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim().toLowerCase();
    if (line === '') return;
    const where = `Script line ${index + 1}`;
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) {
      problems.push(`${where}: start with the step it happens at, as in “10 split AB | CDE”`);
      return;
    }
    const at = Number(match[1]);
    if (at >= steps) {
      problems.push(`${where}: step ${at} is after the run ends (steps 0 to ${steps - 1})`);
      return;
    }
    const rest = match[2]!.trim();
    const words = rest.split(/\s+/);
    const [verb, arg, arg2] = words;
    if (verb === 'heal' && words.length === 1) events.push({ at, kind: 'heal' });
    else if ((verb === 'crash' || verb === 'restart') && words.length === 2) {
      const node = nodeOf(arg!, where);
      if (node !== null) events.push({ at, kind: verb, node });
    } else if (verb === 'isolate' && words.length === 2) {
      const node = nodeOf(arg!, where);
      if (node !== null) events.push({ at, kind: 'split', groups: [[node]] });
    } else if (verb === 'zone' && (arg === 'down' || arg === 'up') && words.length === 3) {
      const zone = zoneOf(arg2, where);
      if (zone !== null) events.push({ at, kind: arg === 'down' ? 'zoneDown' : 'zoneUp', zone });
    } else if (verb === 'cut' && arg === 'zone' && words.length === 3) {
      const zone = zoneOf(arg2, where);
      if (zone !== null)
        events.push({
          at,
          kind: 'split',
          groups: [zones.flatMap((z, i) => (z === zone ? [i] : []))],
        });
    } else if (verb === 'split') {
      const body = rest.slice('split'.length);
      const parts = body.split('|').map((g) => g.replace(/[\s,]/g, ''));
      if (parts.length < 2 || parts.some((g) => g === '')) {
        problems.push(`${where}: write the groups with “|” between them, as in “split AB | CDE”`);
        return;
      }
      const seen = new Set<number>();
      const groups: number[][] = [];
      for (const part of parts) {
        const group: number[] = [];
        for (const ch of part) {
          const node = nodeOf(ch, where);
          if (node === null) return;
          if (seen.has(node)) {
            problems.push(`${where}: node ${nodeName(node)} is in two groups`);
            return;
          }
          seen.add(node);
          group.push(node);
        }
        groups.push(group);
      }
      events.push({ at, kind: 'split', groups });
    } else
      problems.push(
        `${where}: “${rest}” is not an event (use split, isolate, cut zone, heal, crash, restart, zone down or zone up)`,
      );
  });
  if (problems.length > 0) return { ok: false, problems };
  for (const e of events) if (e.kind === 'split') e.groups = withRest(e.groups, n);
  // Stable: events at the same step keep the order written.
  events.sort((a, b) => a.at - b.at);
  return { ok: true, events };
}

/** The groups of a split with the nodes left out as one more group, so every node is placed. */
export function withRest(groups: readonly number[][], n: number): number[][] {
  const placed = new Set(groups.flat());
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !placed.has(i));
  return rest.length > 0 ? [...groups.map((g) => [...g]), rest] : groups.map((g) => [...g]);
}

/** One event as a script line, so a random script can be shown and copied into the form. */
export function eventText(e: ScriptEvent): string {
  switch (e.kind) {
    case 'split':
      return `${e.at} split ${e.groups.map((g) => g.map(nodeName).join('')).join(' | ')}`;
    case 'heal':
      return `${e.at} heal`;
    case 'crash':
    case 'restart':
      return `${e.at} ${e.kind} ${nodeName(e.node)}`;
    case 'zoneDown':
      return `${e.at} zone down ${e.zone + 1}`;
    case 'zoneUp':
      return `${e.at} zone up ${e.zone + 1}`;
  }
}

/**
 * A random script: faults arrive on average every `faultEvery` steps (geometric gaps), each a
 * split into two random sides, a heal, a crash, a restart, or a zone going down or coming back,
 * chosen from what makes sense in the state the earlier faults left.
 */
export function randomScript(
  rng: Rng,
  layout: readonly number[],
  steps: number,
  faultEvery: number,
): ScriptEvent[] {
  const zones = zonesOf(layout);
  const n = zones.length;
  const down = new Array<boolean>(n).fill(false);
  const zoneDown = new Array<boolean>(layout.length).fill(false);
  let split = false;
  const events: ScriptEvent[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  let at = 0;
  for (;;) {
    // Geometric gap with mean faultEvery (at least one step).
    const u = rng.next();
    at += 1 + Math.floor(Math.log(1 - u) / Math.log(1 - 1 / faultEvery));
    if (!Number.isFinite(at) || at >= steps) break;
    const options: (() => ScriptEvent)[] = [];
    options.push(() => {
      // A random side: every node on it with probability ½, neither side empty.
      let side: number[] = [];
      while (side.length === 0 || side.length === n)
        side = zones.flatMap((_, i) => (rng.next() < 0.5 ? [i] : []));
      split = true;
      return { at, kind: 'split', groups: withRest([side], n) };
    });
    if (split)
      options.push(() => {
        split = false;
        return { at, kind: 'heal' };
      });
    const upNodes = zones.flatMap((_, i) => (down[i] ? [] : [i]));
    const downNodes = zones.flatMap((z, i) => (down[i] && !zoneDown[z] ? [i] : []));
    if (upNodes.length > 0)
      options.push(() => {
        const node = pick(upNodes);
        down[node] = true;
        return { at, kind: 'crash', node };
      });
    if (downNodes.length > 0)
      options.push(() => {
        const node = pick(downNodes);
        down[node] = false;
        return { at, kind: 'restart', node };
      });
    const upZones = layout.flatMap((_, z) => (zoneDown[z] ? [] : [z]));
    const downZones = layout.flatMap((_, z) => (zoneDown[z] ? [z] : []));
    if (layout.length > 1 && upZones.length > 1)
      options.push(() => {
        const zone = pick(upZones);
        zoneDown[zone] = true;
        zones.forEach((z, i) => {
          if (z === zone) down[i] = true;
        });
        return { at, kind: 'zoneDown', zone };
      });
    if (downZones.length > 0)
      options.push(() => {
        const zone = pick(downZones);
        zoneDown[zone] = false;
        zones.forEach((z, i) => {
          if (z === zone) down[i] = false;
        });
        return { at, kind: 'zoneUp', zone };
      });
    events.push(pick(options)());
  }
  return events;
}
