import { createRng } from '../../src/sim/rng';
import type { CascadeParams } from '../../src/widgets/cascade/params';
import { stepOf } from '../../src/widgets/cascade/params';
import { poisson } from '../../src/widgets/cascade/simulate';

/**
 * The cascade lab's pool written plainly, as most of us would first write it: each server keeps
 * its queue as an array of chunk objects (one per step's arrivals, with an amount per attempt
 * number), retries wait in a Map from step to amounts, and everything is recomputed where it is
 * needed. It covers what the bench's scenario uses (a scripted failure, timeouts, immediate
 * retries, a queue limit; no cache, health check, backoff or corrective action) and must give
 * the same totals as the model (the bench checks).
 */
interface Chunk {
  arrival: number;
  amounts: number[];
  total: number;
}

export interface PlainTotals {
  users: number;
  answered: number;
  attempts: number;
  gaveUp: number;
}

export function plainPool(p: CascadeParams, seed: number): PlainTotals {
  if (p.hitPct !== 0 || p.ejectS !== 0 || p.backoffMs !== 0 || p.fix !== 'none' || p.spikeRps !== 0)
    throw new Error('the plain pool covers only the bench scenario');
  const rng = createRng(seed);
  const dt = stepOf(p.timeoutMs);
  const T = Math.max(1, Math.round(p.timeoutMs / 1000 / dt));
  const ticks = Math.max(1, Math.ceil(p.durationS / dt - 1e-9));
  const K = p.retries + 1;
  const c = p.perServer;
  const queues: Chunk[][] = Array.from({ length: p.servers }, () => []);
  const stale: number[] = Array.from({ length: p.servers }, () => 0);
  const down: number[] = Array.from({ length: p.servers }, () => -1);
  const pending = new Map<number, number[]>();
  const totals: PlainTotals = { users: 0, answered: 0, attempts: 0, gaveUp: 0 };
  const failTick = Math.round(p.failAtS / dt);
  const back = p.failForS > 0 ? failTick + Math.max(1, Math.round(p.failForS / dt)) : Infinity;

  const fail = (k: number, amount: number, at: number) => {
    if (amount <= 0) return;
    if (k + 1 >= K) {
      totals.gaveUp += amount;
      return;
    }
    const when = at + 1;
    const list = pending.get(when) ?? Array.from({ length: K }, () => 0);
    list[k + 1] = list[k + 1]! + amount;
    pending.set(when, list);
  };

  for (let t = 0; t < ticks; t++) {
    if (p.failCount > 0 && t === failTick)
      for (let s = 0; s < p.failCount; s++) {
        for (const chunk of queues[s]!)
          chunk.amounts.forEach((a, k) => fail(k, a, chunk.arrival + T - 1));
        queues[s] = [];
        stale[s] = 0;
        down[s] = back;
      }
    for (let s = 0; s < p.servers; s++) if (down[s] === t) down[s] = -1;

    const users = poisson(rng, p.users * dt);
    const due = pending.get(t) ?? Array.from({ length: K }, () => 0);
    pending.delete(t);
    due[0] = users;
    const attempts = due.reduce((sum, x) => sum + x, 0);
    const up = down.map((d, s) => (d === -1 ? s : -1)).filter((s) => s >= 0);
    totals.users += users;
    totals.attempts += attempts;
    if (up.length === 0) {
      due.forEach((a, k) => fail(k, a, t));
      continue;
    }
    const each = attempts / up.length;
    for (const s of up) {
      const queue = queues[s]!;
      const backlog = stale[s]! + queue.reduce((sum, ch) => sum + ch.total, 0);
      const limit = p.queueS > 0 ? c * p.queueS : Infinity;
      const admit =
        each > 0 && backlog + each > limit ? Math.min(1, Math.max(0, limit - backlog) / each) : 1;
      due.forEach((a, k) => {
        if (admit < 1) fail(k, (a / up.length) * (1 - admit), t);
      });
      queue.push({
        arrival: t,
        amounts: due.map((a) => (a / up.length) * admit),
        total: each * admit,
      });
      let room = c * dt;
      const old = Math.min(room, stale[s]!);
      stale[s] = stale[s]! - old;
      room -= old;
      for (const chunk of queue) {
        if (room <= 0) break;
        if (chunk.total <= 0) continue;
        const take = Math.min(room, chunk.total);
        const left = 1 - take / chunk.total;
        chunk.amounts = chunk.amounts.map((a) => a * left);
        chunk.total -= take;
        room -= take;
        totals.answered += take;
      }
      while (queue.length > 0 && queue[0]!.arrival <= t - T + 1) {
        const chunk = queue.shift()!;
        chunk.amounts.forEach((a, k) => fail(k, a, t));
        stale[s] = stale[s] + chunk.total;
      }
    }
  }
  return totals;
}
