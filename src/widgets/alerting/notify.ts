import { isNight, MINUTES_PER_DAY, minuteOfDay } from './world.ts';
import type { Severity } from './rules.ts';

/**
 * From firing alerts to notifications, the way Alertmanager does it: inhibition first (an alert
 * on a service is silenced while a paging alert fires on something it depends on — the root
 * cause speaks for its symptoms), then grouping (alerts sharing a group key travel together:
 * the first notification waits `groupWaitMinutes` to collect the group, an alert joining later
 * is sent at most every `GROUP_INTERVAL` minutes, and a group still firing is re-sent every
 * `repeatMinutes`), then routing by severity (pages wake the engineer and repeat; tickets and
 * logs are filed once per firing episode, as a ticket system de-duplicates open tickets) and
 * quiet hours.
 */

export const GROUP_INTERVAL = 5;

export type Grouping = 'none' | 'rule' | 'service';

export interface NotifyPolicy {
  grouping: Grouping;
  groupWaitMinutes: number;
  repeatMinutes: number;
  inhibit: boolean;
  quietHours: boolean;
}

/** One alert: a rule on a service, firing minute by minute. */
export interface AlertSeries {
  rule: number;
  service: number;
  severity: Severity;
  quiet: boolean;
  firing: Uint8Array;
}

export interface Notification {
  minute: number;
  severity: Severity;
  /** Indices into the alert list of the alerts it carries. */
  alerts: number[];
}

/** Minute when quiet hours end (07:00) after minute t. */
function endOfQuietHours(t: number): number {
  const dayStart = t - minuteOfDay(t);
  const seven = dayStart + 7 * 60;
  return minuteOfDay(t) < 7 * 60 ? seven : seven + MINUTES_PER_DAY;
}

/**
 * Which alerts are silenced at each minute: those on a service while a paging alert fires on a
 * service it depends on (directly or through others), so the deepest firing cause speaks for
 * every caller above it.
 */
export function inhibitedMask(
  alerts: readonly AlertSeries[],
  dependsOn: readonly (readonly boolean[])[],
  minutes: number,
): Uint8Array[] {
  const masks = alerts.map(() => new Uint8Array(minutes));
  const services = dependsOn.length;
  const pagingOn = new Uint8Array(services);
  for (let t = 0; t < minutes; t++) {
    pagingOn.fill(0);
    for (const a of alerts) if (a.severity === 'page' && a.firing[t]) pagingOn[a.service] = 1;
    alerts.forEach((a, i) => {
      if (!a.firing[t]) return;
      const row = dependsOn[a.service]!;
      for (let s = 0; s < services; s++)
        if (pagingOn[s] && row[s]) {
          masks[i]![t] = 1;
          return;
        }
    });
  }
  return masks;
}

interface GroupState {
  active: boolean;
  /** Minute of the first notification, before it is sent. */
  firstAt: number;
  lastSent: number;
  sent: Set<number>;
}

function groupKey(policy: NotifyPolicy, a: AlertSeries, index: number): string {
  const base =
    policy.grouping === 'none'
      ? `alert:${index}`
      : policy.grouping === 'rule'
        ? `rule:${a.rule}`
        : `service:${a.service}`;
  return `${a.severity}|${base}`;
}

export function notifications(
  alerts: readonly AlertSeries[],
  dependsOn: readonly (readonly boolean[])[],
  minutes: number,
  policy: NotifyPolicy,
): Notification[] {
  const silenced = policy.inhibit ? inhibitedMask(alerts, dependsOn, minutes) : null;
  const keys = alerts.map((a, i) => groupKey(policy, a, i));
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => groups.set(k, [...(groups.get(k) ?? []), i]));
  const out: Notification[] = [];
  const held: Notification[] = [];
  const wait = policy.grouping === 'none' ? 0 : policy.groupWaitMinutes;

  for (const members of groups.values()) {
    const first = alerts[members[0]!]!;
    const state: GroupState = { active: false, firstAt: -1, lastSent: -1, sent: new Set() };
    for (let t = 0; t < minutes; t++) {
      const live = members.filter((i) => alerts[i]!.firing[t] && !silenced?.[i]![t]);
      if (!live.length) {
        state.active = false;
        state.sent.clear();
        continue;
      }
      if (!state.active) {
        state.active = true;
        state.firstAt = t + wait;
        state.lastSent = -1;
      }
      let send = false;
      if (state.lastSent < 0) send = t >= state.firstAt;
      else if (live.some((i) => !state.sent.has(i)) && t - state.lastSent >= GROUP_INTERVAL)
        send = true;
      else if (first.severity === 'page' && t - state.lastSent >= policy.repeatMinutes) send = true;
      if (!send) continue;
      state.lastSent = t;
      for (const i of live) state.sent.add(i);
      const note: Notification = { minute: t, severity: first.severity, alerts: live };
      const canWait = live.every((i) => alerts[i]!.quiet);
      if (policy.quietHours && note.severity === 'page' && canWait && isNight(t))
        held.push({ ...note, minute: endOfQuietHours(t) });
      else out.push(note);
    }
  }
  // Held pages are delivered at 07:00 if one of their alerts still fires then, once per group.
  const delivered = new Set<string>();
  for (const note of held) {
    if (note.minute >= minutes) continue;
    const still = note.alerts.filter((i) => alerts[i]!.firing[note.minute]);
    const key = `${note.minute}|${keys[note.alerts[0]!]}`;
    if (!still.length || delivered.has(key)) continue;
    delivered.add(key);
    out.push({ ...note, alerts: still });
  }
  out.sort((a, b) => a.minute - b.minute || a.alerts[0]! - b.alerts[0]!);
  return out;
}
