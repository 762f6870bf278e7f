import { describe, expect, it } from 'vitest';
import { streakDays } from './progressStats';

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString();

describe('study streak', () => {
  const now = new Date(2026, 10, 23, 18);
  it('counts consecutive local days ending today or yesterday', () => {
    expect(
      streakDays([local(2026, 11, 23), local(2026, 11, 22), local(2026, 11, 21, 1)], now),
    ).toBe(3);
    expect(streakDays([local(2026, 11, 22), local(2026, 11, 21)], now)).toBe(2);
    // A gap breaks it.
    expect(streakDays([local(2026, 11, 23), local(2026, 11, 21)], now)).toBe(1);
    expect(streakDays([local(2026, 11, 20)], now)).toBe(0);
    expect(streakDays([], now)).toBe(0);
  });
  it('crosses a month boundary', () => {
    expect(
      streakDays(
        [local(2026, 12, 1), local(2026, 11, 30), local(2026, 11, 29)],
        new Date(2026, 11, 1, 9),
      ),
    ).toBe(3);
  });
});
