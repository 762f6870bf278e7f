import type { z } from 'zod';
import type { Validation } from './model';

/**
 * Every problem a learner reads is in the workbook's words. Schemas carry their own messages
 * for the values a form can produce; a tampered link can produce anything else (a missing key,
 * `null`, a string where a number goes), and zod's own wording for those ("Invalid input:
 * expected number, received undefined") is replaced here by a sentence naming the setting.
 */

/** What each settings key is called, lower-case: `{ baseMs: 'the base delay' }`. */
export type FieldLabels = Readonly<Record<string, string>>;

/** A key no label names, in words: `slowCallMs` → "the setting “slow call (ms)”". */
function humanise(key: string): string {
  const words = key
    .replace(/(Ms|S|Min|Minutes|Rps)$/, (unit) => ` (${unitWords[unit] ?? unit})`)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `the setting “${words}”`;
}
const unitWords: Record<string, string> = {
  Ms: 'ms',
  S: 's',
  Min: 'min',
  Minutes: 'min',
  Rps: 'requests a second',
};

/**
 * Who a path names, as a context ("policy A, rule 2") and the setting itself ("the name").
 * An index after a list's key is counted from 1 and named by the label of `<list>[]`:
 * `['rules', 1]` with `{ 'rules[]': 'rule' }` → "rule 2".
 */
export function describePath(
  path: readonly PropertyKey[],
  labels: FieldLabels = {},
): { context: string[]; setting: string } {
  const names: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof part === 'string' && typeof next === 'number') {
      names.push(`${labels[`${part}[]`] ?? 'item'} ${next + 1}`);
      i++;
    } else if (typeof part === 'string') names.push(labels[part] ?? humanise(part));
    else if (typeof part === 'number') names.push(`item ${part + 1}`);
  }
  const setting = names.pop() ?? 'the settings';
  return { context: names, setting };
}

const kinds: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no (true or false)',
  string: 'text',
  object: 'a group of settings',
  array: 'a list',
};

const listed = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === 'string' ? `“${v}”` : String(v))).join(', ');

/** A sentence for one zod issue, starting with the setting's name. */
function sentence(setting: string, issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${setting} is missing`;
      return `${setting} must be ${kinds[issue.expected] ?? 'something else'}`;
    case 'too_small': {
      const n = Number(issue.minimum).toLocaleString('en');
      if (issue.origin === 'array') return `${setting} must have at least ${n} items`;
      if (issue.origin === 'string') return `${setting} must be at least ${n} characters long`;
      return `${setting} must be ${issue.inclusive === false ? 'above' : 'at least'} ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum).toLocaleString('en');
      if (issue.origin === 'array') return `${setting} must have at most ${n} items`;
      if (issue.origin === 'string') return `${setting} must be at most ${n} characters long`;
      return `${setting} must be ${issue.inclusive === false ? 'below' : 'at most'} ${n}`;
    }
    case 'invalid_value':
      return `${setting} must be one of ${listed(issue.values)}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      return Array.isArray(options) && options.length > 0
        ? `${setting} must be one of ${listed(options)}`
        : `${setting} is not one of the kinds this workbook knows`;
    }
    case 'unrecognized_keys':
      return `${setting} name${issue.keys.length > 1 ? 's' : ''} this workbook does not know: ${listed(issue.keys)}`;
    case 'not_multiple_of':
      return `${setting} must be a multiple of ${String(issue.divisor)}`;
    default:
      return `${setting} is not valid`;
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "The name…" → "the name…", but "CPU…" and "SLO…" stay as they are. */
export const lowerFirst = (s: string) =>
  /^[A-Z](?![A-Z0-9])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/**
 * A per-parse zod error map: schemas' own messages win (zod asks them first); this one words
 * whatever they leave to zod's defaults, naming the setting (its context is added by
 * `describeIssues`).
 */
export function inWords(labels: FieldLabels = {}): z.core.$ZodErrorMap {
  return (issue) => capitalise(sentence(describePath(issue.path ?? [], labels).setting, issue));
}

/**
 * One issue's message with where it is, when the path runs through other settings: "Policy A,
 * rule 2: the name is missing". A message that already names its place is left alone.
 */
export function placed(
  issue: { message: string; path: readonly PropertyKey[] },
  labels: FieldLabels = {},
): string {
  const { context } = describePath(issue.path, labels);
  const message = issue.message.replace(/\.$/, '');
  const where = context.join(', ');
  if (!where || message.toLowerCase().startsWith(context[context.length - 1]!.toLowerCase()))
    return message;
  return `${capitalise(where)}: ${lowerFirst(message)}`;
}

/** Turns issues into one sentence a learner can act on. */
export function describeIssues(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
  labels: FieldLabels = {},
): string {
  const messages = [...new Set(issues.map((i) => placed(i, labels)))];
  if (messages.length === 0) return 'The settings are not valid.';
  const more = messages.length - 3;
  return `${messages.slice(0, 3).join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`;
}

/** A model's `validate` from its zod schema: the parsed params, or the problems in words. */
export function validateWith<P>(
  schema: z.ZodType<P>,
  labels: FieldLabels = {},
): (params: unknown) => Validation<P> {
  const error = inWords(labels);
  return (params) => {
    const parsed = schema.safeParse(params, { error });
    return parsed.success
      ? { ok: true, params: parsed.data }
      : { ok: false, message: describeIssues(parsed.error.issues, labels) };
  };
}
