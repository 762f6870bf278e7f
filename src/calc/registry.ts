/**
 * Numbers lessons compute instead of typing: `:calc{of="<name>" ...}` in Markdown is replaced,
 * at build time, by the text the named calculation returns — or reported by the content lint
 * with its problems. Pure functions only (the build imports this file).
 */
import { bloomCalculations } from '../widgets/bloom/calc.ts';
import { birthdayCalculations } from '../widgets/birthday/calc.ts';
import { alertFatigueCalculations } from '../widgets/alerting/calc.ts';
import { calcMg1, calcMmc, calcServers } from '../widgets/queue/calc.ts';
import { retryStormCalculations } from '../widgets/retry-storm/calc.ts';
import { sagaRunCalculations } from '../widgets/saga/calc.ts';
import { consensusCalculations } from '../widgets/consensus/calc.ts';
import { cascadeRunCalculations } from '../widgets/cascade/calc.ts';
import { killSwitchCalculations } from '../widgets/kill-switch/calc.ts';
import { autoscalerCalculations } from '../widgets/autoscaler/calc.ts';
import { circuitBreakerCalculations } from '../widgets/circuit-breaker/calc.ts';
import { sagaCalculations } from '../formulas/saga.calc.ts';
import { autoscalingCalculations } from '../formulas/autoscaling.calc.ts';
import { sloCalculations } from '../formulas/slo.calc.ts';
import { retriesCalculations } from '../formulas/retries.calc.ts';
import { canaryCalculations } from '../formulas/canary.calc.ts';
import { availabilityCalculations } from '../formulas/availability.calc.ts';
import { faultInjectionCalculations } from '../formulas/faultInjection.calc.ts';
import { recoveryCalculations } from '../formulas/recovery.calc.ts';
import { cascadeCalculations } from '../formulas/cascade.calc.ts';
import { correlationCalculations } from '../formulas/correlation.calc.ts';
import { idCollisionsCalculations } from '../formulas/idCollisions.calc.ts';
import { monitoringStatsCalculations } from '../formulas/monitoringStats.calc.ts';
import { loadRiskCalculations } from '../formulas/loadRisk.calc.ts';
import { killSwitchFormulaCalculations } from '../formulas/killSwitch.calc.ts';
import type { Calculated } from './attrs.ts';

export type { Calculated };

export const calculations: Readonly<
  Record<string, (attrs: Readonly<Record<string, string>>) => Calculated>
> = {
  'queue.mmc': calcMmc,
  'queue.mg1': calcMg1,
  'queue.servers': calcServers,
  ...bloomCalculations,
  ...birthdayCalculations,
  ...alertFatigueCalculations,
  ...sagaCalculations,
  ...autoscalingCalculations,
  ...sloCalculations,
  ...retriesCalculations,
  ...canaryCalculations,
  ...availabilityCalculations,
  ...faultInjectionCalculations,
  ...recoveryCalculations,
  ...cascadeCalculations,
  ...correlationCalculations,
  ...idCollisionsCalculations,
  ...monitoringStatsCalculations,
  ...loadRiskCalculations,
  ...retryStormCalculations,
  ...autoscalerCalculations,
  ...circuitBreakerCalculations,
  ...sagaRunCalculations,
  ...consensusCalculations,
  ...cascadeRunCalculations,
  ...killSwitchCalculations,
  ...killSwitchFormulaCalculations,
};
