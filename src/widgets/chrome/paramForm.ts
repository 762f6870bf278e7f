import type { z } from 'zod';

/**
 * Form fields hold what the learner typed (strings); a widget maps them to its params object
 * and its zod schema judges the whole. Problems come back per field, in words, so each one is
 * shown next to its input — and the last good run stays on screen meanwhile.
 */
export type FormValues = Readonly<Record<string, string>>;

export interface FormCheck<P> {
  params: P | null;
  fieldErrors: Record<string, string>;
  /** Problems that belong to no single field (cross-field rules). */
  formErrors: string[];
}

export function parseNumber(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return Number.NaN;
  return Number(raw.trim());
}

export function checkForm<P>(
  values: FormValues,
  numericFields: readonly string[],
  build: (values: FormValues) => unknown,
  schema: z.ZodType<P>,
  fieldOf: (path: readonly PropertyKey[]) => string | null,
): FormCheck<P> {
  const fieldErrors: Record<string, string> = {};
  for (const key of numericFields) {
    const raw = values[key] ?? '';
    if (raw.trim() === '') fieldErrors[key] = 'Enter a value.';
    else if (!Number.isFinite(parseNumber(raw)))
      fieldErrors[key] = 'Enter a number, like 12 or 0.5.';
  }
  if (Object.keys(fieldErrors).length > 0) return { params: null, fieldErrors, formErrors: [] };
  const parsed = schema.safeParse(build(values));
  if (parsed.success) return { params: parsed.data, fieldErrors, formErrors: [] };
  return { params: null, ...splitIssues(parsed.error.issues, fieldOf) };
}

interface Issue {
  message: string;
  path: readonly PropertyKey[];
}

/**
 * Schema problems sorted into those shown next to a field (the first for each field) and those
 * that belong to no field. `describe` words an issue for the learner (by default its message).
 */
export function splitIssues(
  issues: readonly Issue[],
  fieldOf: (path: readonly PropertyKey[]) => string | null,
  describe: (issue: Issue) => string = (issue) => issue.message,
): Pick<FormCheck<unknown>, 'fieldErrors' | 'formErrors'> {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field === null) formErrors.push(describe(issue));
    else fieldErrors[field] ??= describe(issue);
  }
  return { fieldErrors, formErrors: [...new Set(formErrors)] };
}
