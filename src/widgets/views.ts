import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

export interface WidgetViewProps {
  /** Attributes from the lesson's `::widget{...}` directive, already checked by the content lint. */
  attrs: Readonly<Record<string, string>>;
  /** Stable id for the widget's region and its scenario links. */
  widgetId: string;
}

/** Widget type → its view, loaded only when a lesson shows it. */
export const widgetViews: Readonly<
  Record<string, LazyExoticComponent<ComponentType<WidgetViewProps>>>
> = {
  'circuit-breaker': lazy(() => import('./circuit-breaker/CircuitBreakerView')),
  queue: lazy(() => import('./queue/QueueView')),
  bloom: lazy(() => import('./bloom/BloomView')),
  birthday: lazy(() => import('./bloom/BirthdayView')),
  sketches: lazy(() => import('./bloom/SketchesView')),
  'alert-fatigue': lazy(() => import('./alerting/AlertFatigueView')),
  'retry-storm': lazy(() => import('./retry-storm/RetryStormView')),
  autoscaler: lazy(() => import('./autoscaler/AutoscalerView')),
  saga: lazy(() => import('./saga/SagaView')),
};
