import { describe, expect, it } from 'vitest';
import { GROUP_INTERVAL, notifications } from './notify';
import type { AlertSeries, NotifyPolicy } from './notify';

const minutes = 24 * 60;
const policy = (over: Partial<NotifyPolicy> = {}): NotifyPolicy => ({
  grouping: 'none',
  groupWaitMinutes: 0,
  repeatMinutes: 60,
  inhibit: false,
  quietHours: false,
  ...over,
});

function alert(
  rule: number,
  service: number,
  spans: [number, number][],
  over: Partial<AlertSeries> = {},
): AlertSeries {
  const firing = new Uint8Array(minutes);
  for (const [from, to] of spans) firing.fill(1, from, to);
  return { rule, service, severity: 'page', quiet: false, firing, ...over };
}

const independent = [
  [false, false],
  [false, false],
];
const at = (ns: { minute: number }[]) => ns.map((n) => n.minute);

describe('notifications', () => {
  it('without grouping each alert notifies on its own and repeats while it fires', () => {
    const a = [alert(0, 0, [[600, 731]]), alert(1, 0, [[600, 610]])];
    const ns = notifications(a, independent, minutes, policy());
    expect(at(ns)).toEqual([600, 600, 660, 720]);
  });

  it('grouping by service sends one notification per group after the group wait', () => {
    const a = [alert(0, 0, [[600, 640]]), alert(1, 0, [[601, 640]]), alert(0, 1, [[600, 640]])];
    const ns = notifications(
      a,
      independent,
      minutes,
      policy({ grouping: 'service', groupWaitMinutes: 2 }),
    );
    expect(ns.map((n) => [n.minute, n.alerts])).toEqual([
      [602, [0, 1]],
      [602, [2]],
    ]);
  });

  it('an alert joining a notified group is sent after the group interval, not at once', () => {
    const a = [alert(0, 0, [[600, 700]]), alert(1, 0, [[602, 700]])];
    const ns = notifications(a, independent, minutes, policy({ grouping: 'service' }));
    // …and the repeat interval then counts from that latest notification.
    expect(at(ns)).toEqual([600, 600 + GROUP_INTERVAL, 600 + GROUP_INTERVAL + 60]);
    expect(ns[1]!.alerts).toEqual([0, 1]);
  });

  it('a group that goes quiet starts afresh when it fires again', () => {
    const a = [
      alert(0, 0, [
        [100, 110],
        [130, 140],
      ]),
    ];
    const ns = notifications(
      a,
      independent,
      minutes,
      policy({ grouping: 'rule', groupWaitMinutes: 1 }),
    );
    expect(at(ns)).toEqual([101, 131]);
  });

  it('tickets and logs are filed once per firing episode, never repeated', () => {
    const a = [
      alert(0, 0, [[0, 600]], { severity: 'ticket' }),
      alert(1, 0, [[0, 600]], { severity: 'log' }),
    ];
    const ns = notifications(a, independent, minutes, policy());
    expect(ns.map((n) => n.severity)).toEqual(['ticket', 'log']);
  });

  it('inhibition silences a caller while a page fires on what it calls', () => {
    const callerCallsDep = [
      [false, true],
      [false, false],
    ];
    const a = [alert(0, 0, [[600, 640]]), alert(0, 1, [[605, 620]])];
    const off = notifications(a, callerCallsDep, minutes, policy());
    expect(at(off)).toEqual([600, 605]);
    // The caller's alert started first, so it pages; the dependency's page then silences it.
    const later = [alert(0, 0, [[606, 640]]), alert(0, 1, [[600, 700]])];
    const on = notifications(later, callerCallsDep, minutes, policy({ inhibit: true }));
    expect(on.map((n) => [n.minute, n.alerts])).toEqual([
      [600, [1]],
      [660, [1]],
    ]);
    // Without the dependency link nothing is silenced.
    expect(notifications(later, independent, minutes, policy({ inhibit: true })).length).toBe(3);
  });

  it('quiet hours hold a rule that can wait until 07:00, if it still fires then', () => {
    const night = 2 * 60;
    const a = [
      alert(0, 0, [[night, 8 * 60]], { quiet: true }),
      alert(1, 0, [[night, 3 * 60]], { quiet: true }),
      alert(2, 0, [[night, night + 5]]),
    ];
    const ns = notifications(
      a,
      independent,
      minutes,
      policy({ quietHours: true, repeatMinutes: 600 }),
    );
    expect(ns.map((n) => [n.minute, n.alerts])).toEqual([
      [night, [2]],
      [7 * 60, [0]],
    ]);
    // Without quiet hours all three page at 02:00.
    expect(at(notifications(a, independent, minutes, policy({ repeatMinutes: 600 })))).toEqual([
      night,
      night,
      night,
    ]);
  });
});
