import { standardNormal } from '../../sim/rng.ts';
import type { Rng } from '../../sim/rng.ts';
import { isNight } from './world.ts';

/**
 * The on-call engineer: a deliberately simple model whose assumptions are all stated here and
 * in the widget's model card. Numbers are illustrative, chosen to be plausible, not measured.
 *
 * - Fatigue F runs from 0 (rested) to 1 (exhausted). Each page adds a share of what is left,
 *   more for a page that turns out to be noise and double for one that wakes the engineer;
 *   quiet time lets it fall back with a half-life of six hours.
 * - Time to acknowledge is log-normal around a median of 3 minutes by day and 12 at night
 *   (waking up, finding the laptop), stretched by fatigue: × (1 + 2F).
 * - "Cry wolf": the chance that a page is ignored or missed is 2 %, plus 3 points for every
 *   page in the last 24 hours that was noise, capped at 60 %. An ignored page is not acked;
 *   the alert's next notification is the next chance.
 * - Once a page tied to an incident is acknowledged, users stop being hurt 15 minutes later
 *   (the mitigation: roll back, fail over, shed load) unless the incident has ended before.
 */
export const ENGINEER = {
  ackMedianDayMinutes: 3,
  ackMedianNightMinutes: 12,
  ackSigma: 0.5,
  fatigueSlowdown: 2,
  fatiguePerPage: 0.05,
  fatiguePerNoisePage: 0.1,
  wakeMultiplier: 2,
  recoveryHalfLifeMinutes: 6 * 60,
  /** Asleep: a night page after at least this long without one wakes the engineer. */
  asleepAfterMinutes: 60,
  baseMiss: 0.02,
  missPerNoisePage: 0.03,
  maxMiss: 0.6,
  noiseMemoryMinutes: 24 * 60,
  mitigationMinutes: 15,
} as const;

export interface Page {
  minute: number;
  /** Whether it points at a real incident (known only to the simulation, not the engineer). */
  actionable: boolean;
}

export interface PageResponse {
  minute: number;
  actionable: boolean;
  night: boolean;
  wokeUp: boolean;
  ignored: boolean;
  /** Minute of acknowledgement, or null when ignored. */
  ackAt: number | null;
  /** Fatigue just after this page. */
  fatigue: number;
  missChance: number;
}

/** Fatigue after `minutes` of quiet. */
export function recover(fatigue: number, minutes: number): number {
  return fatigue * 2 ** (-minutes / ENGINEER.recoveryHalfLifeMinutes);
}

/** Fatigue right after a page. */
export function afterPage(fatigue: number, actionable: boolean, wokeUp: boolean): number {
  const step =
    (actionable ? ENGINEER.fatiguePerPage : ENGINEER.fatiguePerNoisePage) *
    (wokeUp ? ENGINEER.wakeMultiplier : 1);
  return Math.min(1, fatigue + (1 - fatigue) * step);
}

/** Chance a page is ignored, from the count of noise pages in the last 24 hours. */
export function missChance(recentNoise: number): number {
  return Math.min(ENGINEER.maxMiss, ENGINEER.baseMiss + ENGINEER.missPerNoisePage * recentNoise);
}

export interface OnCallRun {
  responses: PageResponse[];
  /** Fatigue sampled every `sampleMinutes`, starting at minute 0. */
  fatigue: Float32Array;
  peakFatigue: number;
}

/** The engineer's week: pages in time order in, responses and the fatigue curve out. */
export function respond(
  pages: readonly Page[],
  minutes: number,
  sampleMinutes: number,
  rng: Rng,
): OnCallRun {
  const samples = new Float32Array(Math.ceil(minutes / sampleMinutes));
  const responses: PageResponse[] = [];
  let fatigue = 0;
  let at = 0; // minute `fatigue` refers to
  let lastPage = -Infinity;
  let peak = 0;
  const noise: number[] = [];
  let sample = 0;
  const fillSamplesBefore = (t: number) => {
    while (sample < samples.length && sample * sampleMinutes < t) {
      samples[sample] = recover(fatigue, sample * sampleMinutes - at);
      sample++;
    }
  };
  for (const page of pages) {
    fillSamplesBefore(page.minute);
    fatigue = recover(fatigue, page.minute - at);
    at = page.minute;
    while (noise.length && noise[0]! <= page.minute - ENGINEER.noiseMemoryMinutes) noise.shift();
    const night = isNight(page.minute);
    const wokeUp = night && page.minute - lastPage >= ENGINEER.asleepAfterMinutes;
    const chance = missChance(noise.length);
    const ignored = rng.next() < chance;
    // Draw the delay even when ignored, so one page's fate does not shift the next page's dice.
    const median = night ? ENGINEER.ackMedianNightMinutes : ENGINEER.ackMedianDayMinutes;
    const delay =
      median *
      Math.exp(ENGINEER.ackSigma * standardNormal(rng)) *
      (1 + ENGINEER.fatigueSlowdown * fatigue);
    fatigue = afterPage(fatigue, page.actionable, wokeUp);
    peak = Math.max(peak, fatigue);
    if (!page.actionable) noise.push(page.minute);
    lastPage = page.minute;
    responses.push({
      minute: page.minute,
      actionable: page.actionable,
      night,
      wokeUp,
      ignored,
      ackAt: ignored ? null : page.minute + delay,
      fatigue,
      missChance: chance,
    });
  }
  fillSamplesBefore(minutes);
  return { responses, fatigue: samples, peakFatigue: peak };
}
