import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

import type { WidgetViewProps } from './types.ts';

export type { WidgetViewProps };

/** Widget type → its view, loaded only when a lesson shows it. */
export const widgetViews: Readonly<
  Record<string, LazyExoticComponent<ComponentType<WidgetViewProps>>>
> = {
  'circuit-breaker': lazy(() => import('./circuit-breaker/CircuitBreakerView')),
  queue: lazy(() => import('./queue/QueueView')),
  bloom: lazy(() => import('./bloom/BloomView')),
  birthday: lazy(() => import('./birthday/BirthdayView')),
  sketches: lazy(() => import('./sketches/SketchesView')),
  'alert-fatigue': lazy(() => import('./alerting/AlertFatigueView')),
  'retry-storm': lazy(() => import('./retry-storm/RetryStormView')),
  autoscaler: lazy(() => import('./autoscaler/AutoscalerView')),
  saga: lazy(() => import('./saga/SagaView')),
  consensus: lazy(() => import('./consensus/ConsensusView')),
  cascade: lazy(() => import('./cascade/CascadeView')),
  'kill-switch': lazy(() => import('./kill-switch/KillSwitchView')),
};
