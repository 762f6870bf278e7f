import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { afterPage, ENGINEER, missChance, recover, respond } from './oncall';

describe('the on-call engineer', () => {
  it('recovers with a six-hour half-life', () => {
    expect(recover(0.8, 6 * 60)).toBeCloseTo(0.4, 12);
    expect(recover(0.8, 12 * 60)).toBeCloseTo(0.2, 12);
    expect(recover(0.5, 0)).toBe(0.5);
  });

  it('tires more from noise and from being woken, and never past 1', () => {
    expect(afterPage(0, true, false)).toBeCloseTo(ENGINEER.fatiguePerPage, 12);
    expect(afterPage(0, false, false)).toBeCloseTo(ENGINEER.fatiguePerNoisePage, 12);
    expect(afterPage(0, false, true)).toBeCloseTo(ENGINEER.fatiguePerNoisePage * 2, 12);
    expect(afterPage(0.5, true, false)).toBeCloseTo(0.5 + 0.5 * ENGINEER.fatiguePerPage, 12);
    let f = 0;
    for (let i = 0; i < 1000; i++) f = afterPage(f, false, true);
    expect(f).toBeLessThanOrEqual(1);
    expect(f).toBeGreaterThan(0.999);
  });

  it('cries wolf: each recent false alarm adds 3 points to the chance of ignoring, up to 60 %', () => {
    expect(missChance(0)).toBeCloseTo(0.02, 12);
    expect(missChance(10)).toBeCloseTo(0.32, 12);
    expect(missChance(1000)).toBe(0.6);
  });

  it('wakes at night only after an hour of quiet, and is slower then', () => {
    const night = 24 * 60 + 2 * 60; // Tuesday 02:00
    const pages = [
      { minute: night, actionable: true },
      { minute: night + 20, actionable: true },
      { minute: night + 200, actionable: true },
      { minute: 24 * 60 + 12 * 60, actionable: true },
    ];
    const run = respond(pages, 3 * 1440, 10, createRng(5));
    expect(run.responses.map((r) => r.wokeUp)).toEqual([true, false, true, false]);
    expect(run.responses.map((r) => r.night)).toEqual([true, true, true, false]);
  });

  it('fatigue is sampled on a regular grid, peaks at pages and decays between them', () => {
    const pages = Array.from({ length: 20 }, (_, i) => ({
      minute: 600 + i * 5,
      actionable: false,
    }));
    const run = respond(pages, 2 * 1440, 10, createRng(1));
    expect(run.fatigue.length).toBe(288);
    const last = run.responses.at(-1)!;
    expect(run.peakFatigue).toBeCloseTo(last.fatigue, 6);
    expect(run.fatigue[0]).toBe(0);
    // A day after the last page, fatigue has fallen by four half-lives: to a sixteenth.
    const dayLater = Math.round((last.minute + 1440) / 10);
    expect(run.fatigue[dayLater]!).toBeCloseTo(last.fatigue / 16, 2);
    // The cry-wolf chance grows with the false alarms before each page.
    expect(run.responses.map((r) => r.missChance)).toEqual(pages.map((_, i) => missChance(i)));
  });

  it('is a pure function of the pages and the seed', () => {
    const pages = Array.from({ length: 50 }, (_, i) => ({
      minute: i * 97,
      actionable: i % 3 === 0,
    }));
    const a = respond(pages, 7 * 1440, 10, createRng(9));
    const b = respond(pages, 7 * 1440, 10, createRng(9));
    expect(a).toEqual(b);
  });
});
