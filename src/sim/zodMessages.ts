/** Turns zod issues into one sentence a learner can act on. */
export function describeIssues(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
): string {
  const messages = [...new Set(issues.map((i) => i.message.replace(/\.$/, '')))];
  if (messages.length === 0) return 'The settings are not valid.';
  return `${messages.slice(0, 3).join('; ')}${messages.length > 3 ? ` (and ${messages.length - 3} more)` : ''}.`;
}
