import type { z } from 'zod';
import type { Validation } from './model';

/** Turns zod issues into one sentence a learner can act on. */
export function describeIssues(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
): string {
  const messages = [...new Set(issues.map((i) => i.message.replace(/\.$/, '')))];
  if (messages.length === 0) return 'The settings are not valid.';
  return `${messages.slice(0, 3).join('; ')}${messages.length > 3 ? ` (and ${messages.length - 3} more)` : ''}.`;
}

/** A model's `validate` from its zod schema: the parsed params, or the problems in words. */
export function validateWith<P>(schema: z.ZodType<P>): (params: unknown) => Validation<P> {
  return (params) => {
    const parsed = schema.safeParse(params);
    return parsed.success
      ? { ok: true, params: parsed.data }
      : { ok: false, message: describeIssues(parsed.error.issues) };
  };
}
