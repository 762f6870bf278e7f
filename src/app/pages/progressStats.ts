/** Numbers for the progress page, from stored data only. Pure, so they are tested directly. */

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

/**
 * Days in a row, in the learner's local calendar, with any study: a lesson completed, a
 * gauntlet finished or a card reviewed. A streak still counts if today has nothing yet but
 * yesterday had something (the day is not over).
 */
export function streakDays(activity: readonly string[], now: Date): number {
  const days = new Set(activity.map((iso) => dayKey(new Date(iso))));
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (!days.has(dayKey(day))) day.setDate(day.getDate() - 1);
  let streak = 0;
  while (days.has(dayKey(day))) {
    streak++;
    day.setDate(day.getDate() - 1);
  }
  return streak;
}
