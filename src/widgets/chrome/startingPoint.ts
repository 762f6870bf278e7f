import type { Validation } from '../../sim/model';
import { decodeScenario, isSeed } from './scenarioLink';

export interface StartingPoint<P> {
  params: P;
  seed: number;
  /** Why a shared link could not be used, if it could not. */
  notice: string | null;
  fromLink: boolean;
}

/** The lesson's own scenario, unless the page was opened from a valid scenario link for this widget. */
export function startingPoint<P>(
  lesson: { params: P; seed: number },
  widgetId: string,
  search: string,
  validate: (params: unknown) => Validation<P>,
): StartingPoint<P> {
  const decoded = decodeScenario(new URLSearchParams(search), widgetId, validate);
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

/** A seed typed by the learner, or null when it is not a whole number from 0 to 2³² − 1. */
export function parseSeed(text: string): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return isSeed(n) ? n : null;
}
