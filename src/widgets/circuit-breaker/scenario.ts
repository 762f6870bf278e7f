import { decodeScenario, isSeed } from '../chrome/scenarioLink';
import { fromDirective } from './directive';
import type { CircuitBreakerParams } from './params';
import { circuitBreakerModel } from './model';

export interface StartingPoint {
  params: CircuitBreakerParams;
  seed: number;
  /** Why a shared link could not be used, if it could not. */
  notice: string | null;
  fromLink: boolean;
}

export const MODEL = 'circuit-breaker';

/** The lesson's preset, unless the page was opened from a valid scenario link for this widget. */
export function startingPoint(
  lesson: { params: CircuitBreakerParams; seed: number },
  widgetId: string,
  search: string,
): StartingPoint {
  const decoded = decodeScenario(new URLSearchParams(search), widgetId, (p) =>
    circuitBreakerModel.validate(p),
  );
  if (decoded.kind === 'ok') return { ...decoded.scenario, notice: null, fromLink: true };
  return {
    ...lesson,
    notice:
      decoded.kind === 'invalid'
        ? `${decoded.message} Showing the lesson’s own scenario instead.`
        : null,
    fromLink: false,
  };
}

export function parseSeed(text: string): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return isSeed(n) ? n : null;
}

export { fromDirective };
