import { MAX_CODE_CHARS } from '../exercises/stored';
import * as z from 'zod/mini';
import { MAX_ANSWER_CHARS } from './numeric';
import { merge, reviewKey } from './merge';
import { transferShape } from './transferData';
import type { Progress, TransferData } from './transferData';
import { resultKey } from './results';
import type { GauntletResult } from './results';
import type { StoredReviewLog } from './schedule';
import { isoDate } from './stored';

/**
 * Everything a learner has done, as one versioned JSON file (export, import with merge or
 * replace), and the review log as CSV for other FSRS tools.
 *
 * Import never trusts the file: it is size-checked before parsing, parsed without letting
 * `__proto__`, `constructor` or `prototype` keys or outsized strings through, checked against
 * the schema, and checked for duplicates. Any failure is one sentence for the learner and no data.
 */

export const EXPORT_FORMAT = 'reliability-workbook-export';
export const EXPORT_VERSION = 1;

/**
 * The most text a browser's localStorage keeps for one site: 5 Mi UTF-16 code units in Chromium
 * (10 MiB of UTF-16), about the same in Firefox and Safari. The store's whole save must fit in
 * it, and an export holds the same records, so no export of a saved state is longer.
 */
export const STORAGE_QUOTA_CHARS = 5 * 1024 * 1024;
/**
 * The longest export text an import reads: twice the quota, so that even progress made after the
 * storage filled up (kept in memory, exported as the banner asks) still imports.
 */
export const MAX_IMPORT_CHARS = 2 * STORAGE_QUOTA_CHARS;
/** The largest export file in bytes: UTF-8 takes at most 3 bytes per UTF-16 code unit. */
export const MAX_IMPORT_BYTES = 3 * MAX_IMPORT_CHARS;
/**
 * Longest string anywhere in an export: the longest the store keeps, the learner's code for an
 * exercise (answers are capped lower, at what a learner can type).
 */
export const MAX_STRING_CHARS = Math.max(MAX_CODE_CHARS, MAX_ANSWER_CHARS);

export { progressSchema, transferDataSchema } from './transferData';
export type { Progress, TransferData } from './transferData';

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoDate,
  ...transferShape,
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export type ImportResult =
  { ok: true; data: ExportFile; summary: string } | { ok: false; message: string };

const emptyProgress: Progress = { completed: {}, lastVisited: null };
export const emptyData: TransferData = {
  progress: emptyProgress,
  gauntletResults: [],
  cards: [],
  reviewLog: [],
};

// ---- Export ---------------------------------------------------------------------------------

const clip = (s: string) => (s.length > MAX_STRING_CHARS ? s.slice(0, MAX_STRING_CHARS) : s);

/** Answer texts longer than an import accepts are cut, so that every export can be imported. */
function clipAnswers(result: GauntletResult): GauntletResult {
  return {
    ...result,
    answers: result.answers.map((a) => {
      const r = a.response;
      if (r.type === 'free') return { ...a, response: { ...r, text: clip(r.text) } };
      if (r.type === 'numeric' || r.type === 'text' || r.type === 'formula')
        return { ...a, response: { ...r, value: clip(r.value) } };
      return a;
    }),
  };
}

/**
 * The export file for the learner's data, normalised as `merge` would leave it (no duplicate
 * results, cards or reviews, in a stable order), so parseImport accepts it.
 */
export function buildExport(data: TransferData, now: Date): ExportFile {
  const clean = merge(emptyData, {
    ...data,
    gauntletResults: data.gauntletResults.map(clipAnswers),
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    ...clean,
  };
}

/** The export as the text of a file. Compact JSON: the review log is most of it. */
export function exportJson(data: TransferData, now: Date): string {
  return JSON.stringify(buildExport(data, now));
}

/** A file name with the local date, e.g. reliability-workbook-2026-11-20.json. */
export function exportFileName(now: Date): string {
  return `reliability-workbook-${localDate(now)}.json`;
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- Import ---------------------------------------------------------------------------------

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

class Refused extends Error {}

const chars = (n: number) => n.toLocaleString('en');

/** Refuses keys that could reach an object's prototype and strings no export ever contains. */
function guard(key: string, value: unknown): unknown {
  if (forbiddenKeys.has(key))
    throw new Refused(`It contains a key named “${key}”, which a workbook export never has.`);
  if (key.length > MAX_STRING_CHARS)
    throw new Refused(`It contains a name ${chars(key.length)} characters long.`);
  if (typeof value === 'string' && value.length > MAX_STRING_CHARS)
    throw new Refused(
      `It contains a text ${chars(value.length)} characters long; a workbook export has none over ${chars(MAX_STRING_CHARS)}.`,
    );
  return value;
}

const refuse = (message: string): ImportResult => ({
  ok: false,
  message: `${message} Nothing was imported.`,
});

const notOurs = 'This is not a Reliability Workbook export.';

function where(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p).slice(0, 40)}`,
    )
    .join('');
}

/** The value at a path in parsed JSON (own properties only), or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** JSON.parse reads 1e999 as Infinity: a number, but not one any field can hold. */
const tooLarge = (v: number) =>
  v > 0 ? 'a number too large to use' : 'a negative number too large to use';

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return tooLarge(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  if (typeof v === 'boolean') return 'true or false';
  return typeof v === 'object' ? 'an object' : typeof v;
}

const expectedKind: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/**
 * One schema problem in words. zod/mini carries no English messages ("Invalid input"), so the
 * words come from the issue's code and the value found in the file.
 */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'missing';
      if (typeof value === 'number' && !Number.isFinite(value) && issue.expected === 'number')
        return tooLarge(value);
      return `expected ${expectedKind[issue.expected] ?? issue.expected}, found ${kindOf(value)}`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'not a date and time as the workbook writes them (ISO 8601, UTC)'
        : `not in the expected form (${issue.format})`;
    case 'too_small':
      return issue.origin === 'string'
        ? 'empty or too short'
        : issue.origin === 'array' || issue.origin === 'set'
          ? `fewer than ${String(issue.minimum)} entries`
          : `less than ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `longer than ${String(issue.maximum)} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `more than ${String(issue.maximum)} entries`
          : `more than ${String(issue.maximum)}`;
    case 'invalid_value':
      return `not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'not any of the forms allowed here';
    case 'custom':
      return issue.message;
    default:
      return 'not as expected';
  }
}

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Checks a chosen file's size before it is read (`File.size`, in bytes): a file larger than any
 * export is refused without reading it. Null when the size is fine.
 */
export function refuseBySize(bytes: number): ImportResult | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return refuse(
    `The file is ${megabytes(bytes)}, larger than any workbook export (at most ${megabytes(MAX_IMPORT_BYTES)}), so it was not read.`,
  );
}

/**
 * Reads an export file's text. On success, the validated data and a one-line summary of what it
 * holds, to show before the learner chooses merge or replace.
 */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return refuse(notOurs);
  if (text.length > MAX_IMPORT_CHARS)
    return refuse(
      `The file holds ${chars(text.length)} characters, more than any workbook export (at most ${chars(MAX_IMPORT_CHARS)}).`,
    );
  if (text.trim() === '') return refuse('The file is empty.');

  let json: unknown;
  try {
    json = JSON.parse(text, guard);
  } catch (error) {
    if (error instanceof Refused) return refuse(`${notOurs} ${error.message}`);
    if (error instanceof SyntaxError)
      return refuse(`${notOurs} It is not JSON (${error.message.slice(0, 120)}).`);
    return refuse(`${notOurs} It is nested too deeply to read.`);
  }

  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse(notOurs);
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) return refuse(notOurs);
  const version = head.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return refuse('The file does not say which version of the export format it uses.');
  if (version > EXPORT_VERSION)
    return refuse(
      `The file was made by a newer version of the workbook (format ${version}; this one reads format ${EXPORT_VERSION}). Update the workbook (reload the page) and import it again.`,
    );

  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const at = first && first.path.length > 0 ? `${where(first.path)}: ` : '';
    const what = first ? describeIssue(first, json) : 'not as expected';
    const more =
      issues.length > 1
        ? `, and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'}`
        : '';
    return refuse(`The file is a workbook export, but it is damaged (${at}${what}${more}).`);
  }
  const data = parsed.data;
  const duplicate = findDuplicate(data);
  if (duplicate) return refuse(`The file is a workbook export, but ${duplicate}.`);
  return { ok: true, data, summary: summarise(data) };
}

function findDuplicate(data: TransferData): string | null {
  const cards = new Set<string>();
  for (const c of data.cards) {
    if (cards.has(c.questionId)) return `it has two cards for question “${c.questionId}”`;
    cards.add(c.questionId);
  }
  const results = new Set<string>();
  for (const r of data.gauntletResults) {
    const key = resultKey(r);
    if (results.has(key)) return `it has the attempt at “${r.quizId}” started ${r.startedAt} twice`;
    results.add(key);
  }
  const reviews = new Set<string>();
  for (const l of data.reviewLog) {
    const key = reviewKey(l);
    if (reviews.has(key))
      return `its review log has the review of “${l.questionId}” at ${l.review} twice`;
    reviews.add(key);
  }
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "3 completed lessons, 5 gauntlet results, 42 cards, 120 reviews, exported 2026-11-20". */
export function summarise(file: ExportFile): string {
  return [
    plural(Object.keys(file.progress.completed).length, 'completed lesson'),
    plural(file.gauntletResults.length, 'gauntlet result'),
    plural(file.cards.length, 'card'),
    plural(file.reviewLog.length, 'review'),
    `exported ${localDate(new Date(file.exportedAt))}`,
  ].join(', ');
}

// ---- Merge (src/quiz/merge.ts) ---------------------------------------------------------------

export { merge, replace, reviewKey } from './merge';

// ---- CSV ------------------------------------------------------------------------------------

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The review log as CSV for other FSRS tools: card_id (the question id), review_time (ISO 8601,
 * UTC), rating (1–4), elapsed_days (whole days since the card's previous review, as ts-fsrs
 * counts them), and overridden (1 when the learner said "I was right" after the checker marked
 * the answer wrong, so the rating is theirs; 0 otherwise). CRLF line ends, a header row, in the
 * order given.
 */
export function reviewLogCsv(log: readonly StoredReviewLog[]): string {
  const rows = log.map((l) =>
    [
      csvField(l.questionId),
      new Date(l.review).toISOString(),
      String(l.rating),
      String(l.elapsed_days),
      l.overridden ? '1' : '0',
    ].join(','),
  );
  return ['card_id,review_time,rating,elapsed_days,overridden', ...rows]
    .map((r) => `${r}\r\n`)
    .join('');
}
