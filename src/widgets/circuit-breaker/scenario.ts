import { startingPoint as genericStartingPoint } from '../chrome/startingPoint';
import type { StartingPoint } from '../chrome/startingPoint';
import { fromDirective } from './directive';
import type { CircuitBreakerParams } from './params';
import { circuitBreakerModel } from './model';

export const MODEL = 'circuit-breaker';

/** The lesson's preset, unless the page was opened from a valid scenario link for this widget. */
export function startingPoint(
  lesson: { params: CircuitBreakerParams; seed: number },
  widgetId: string,
  search: string,
): StartingPoint<CircuitBreakerParams> {
  return genericStartingPoint(lesson, widgetId, search, (p) => circuitBreakerModel.validate(p));
}

export { fromDirective };
