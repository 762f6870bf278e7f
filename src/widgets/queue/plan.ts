import { fmtInt, fmtNum } from '../../calc/format';
import { MAX_SERVERS } from './params';
import type { QueueParams } from './params';
import type { Estimate } from './simulate';
import { fewestStableServers, mmcTargetValue, PLAN_MAX_SERVERS, theoryFor } from './theory';
import type { ServerTarget } from './theory';

/**
 * The capacity planner's words, table and cost curve, as plain data. Everything here runs on
 * the page's main thread as the learner types, so it is bounded whatever the inputs: it never
 * looks past PLAN_MAX_SERVERS, it evaluates at most about sixty pool sizes, and each
 * evaluation of Erlang C is cheap at any size (erlang.ts).
 */
export interface CostPoint {
  servers: number;
  serverCost: number;
  waitingCost: number;
}

export interface PlanRow {
  servers: number;
  pWait: Estimate;
  Wq: Estimate;
  waitP99: number;
  Lq: number;
  /** The simulated value of the target's metric, and whether it meets the target. */
  value: number;
  meets: boolean;
}

export interface PlanResult {
  rows: PlanRow[];
  /** Smallest simulated server count that met the target, or null if none in the scan did. */
  smallest: number | null;
}

export interface PlanRowView {
  servers: number;
  theory: number | null;
  simulated: number | null;
  /** Null when neither theory nor simulation has a value for this count yet. */
  meets: boolean | null;
  serverCost: number;
  waitingCost: number;
}

type Service = Pick<QueueParams, 'lambda' | 'meanService' | 'service' | 'cv'>;

/** Pool sizes the table shows on either side of the answer, and how far it looks for the cheapest. */
const BELOW = 4;
const ABOVE = 5;
const REACH = 40;

/**
 * The planner's table and cost curve: theory for every count around the answer, simulation
 * where the scan ran. Waiting costs `waitCostPerHour` per customer-hour spent queueing: Lq
 * customers wait at any moment, so that is Lq × the rate per hour. Empty when even the fewest
 * servers with a steady state are more than the planner searches.
 */
export function planRows(
  params: Service,
  target: ServerTarget,
  serverCostPerHour: number,
  waitCostPerHour: number,
  answer: number | null,
  plan: PlanResult | null,
): PlanRowView[] {
  const mu = 1 / params.meanService;
  const lowest = fewestStableServers(params.lambda, mu);
  if (lowest > PLAN_MAX_SERVERS) return [];
  const simulated = new Map(plan?.rows.map((r) => [r.servers, r]) ?? []);
  const centre = Math.min(answer ?? plan?.smallest ?? lowest, PLAN_MAX_SERVERS);
  const lqAt = (c: number) => {
    const t = theoryFor({ ...params, servers: c, room: null });
    return t.kind === 'exact' || t.kind === 'approximate' ? t.metrics.Lq : null;
  };
  // Reach past the cheapest pool, so the curve shows where extra servers stop paying for themselves.
  const top = Math.min(centre + REACH, PLAN_MAX_SERVERS);
  let cheapest = centre;
  const costAt = (c: number) => c * serverCostPerHour + (lqAt(c) ?? 0) * waitCostPerHour;
  while (cheapest < top && costAt(cheapest + 1) < costAt(cheapest)) cheapest++;
  const counts = new Set<number>();
  const last = Math.min(Math.max(centre + ABOVE, cheapest + 2), PLAN_MAX_SERVERS);
  for (let c = Math.max(lowest, centre - BELOW); c <= last; c++) counts.add(c);
  for (const c of simulated.keys()) counts.add(c);
  return [...counts]
    .sort((a, b) => a - b)
    .map((c) => {
      const exact = params.service === 'exponential';
      const theory = exact ? mmcTargetValue(params.lambda, mu, c, target.metric) : null;
      const row = simulated.get(c);
      const lq = row ? row.Lq : lqAt(c);
      const value = row ? row.value : theory;
      return {
        servers: c,
        theory: theory !== null && Number.isFinite(theory) ? theory : null,
        simulated: row ? row.value : null,
        meets: value === null || !Number.isFinite(value) ? null : value <= target.value,
        serverCost: c * serverCostPerHour,
        waitingCost: lq === null || !Number.isFinite(lq) ? 0 : lq * waitCostPerHour,
      };
    });
}

export function costPoints(rows: readonly PlanRowView[]): CostPoint[] {
  return rows.map(({ servers, serverCost, waitingCost }) => ({ servers, serverCost, waitingCost }));
}

/**
 * The first pool size the simulated check tries (a few below the Erlang C answer), or null when
 * that is more servers than a simulation runs with.
 */
export function simulationStart(lambda: number, mu: number, answer: number | null): number | null {
  const lowest = fewestStableServers(lambda, mu);
  const start = Math.max(lowest, (answer ?? lowest) - 3);
  return start <= MAX_SERVERS ? start : null;
}

const most = fmtInt(PLAN_MAX_SERVERS);

/** Erlang C's answer in words, or why there is none within the planner's search. */
export function theoryAnswerText(params: Service, answer: number | null): string {
  if (answer !== null)
    return `Erlang C: ${fmtInt(answer)} servers${params.service === 'exponential' ? '' : ' (for exponential service; yours is not, so check by simulation)'}.`;
  const offered = params.lambda * params.meanService;
  if (fewestStableServers(params.lambda, 1 / params.meanService) > PLAN_MAX_SERVERS)
    return `Needs more than ${most} servers: the work offered, λ·E[S], is ${fmtNum(offered)} servers’ worth, so no pool the planner searches (up to ${most}) can even keep up.`;
  return `Needs more than ${most} servers: no pool of up to ${most} meets that target in theory.`;
}

/** Why the simulated check cannot run, when the answer is beyond what a simulation runs with. */
export const beyondSimulation = `The simulated check runs pools of up to ${fmtInt(MAX_SERVERS)} servers, the calculator’s own limit, and this answer is beyond it: Erlang C alone answers here.`;
