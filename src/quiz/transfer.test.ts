import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CODE_CHARS } from '../exercises/stored';
import { persistedStateV1 } from '../store/schema';
import { logToStored, review, fromStored, toStored } from './schedule';
import type { StoredCard } from './schedule';
import { learnerData, sampleResult } from './testFixtures';
import {
  buildExport,
  emptyData,
  EXPORT_FORMAT,
  exportFileName,
  exportJson,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_STRING_CHARS,
  merge,
  parseImport,
  refuseBySize,
  replace,
  reviewLogCsv,
  csvField,
  STORAGE_QUOTA_CHARS,
} from './transfer';
import type { TransferData } from './transfer';

const now = new Date('2026-11-20T12:00:00.000Z');
/** The export's date as the learner's clock shows it (2026-11-20 or 21, depending on the zone). */
const localDay = `2026-11-${now.getDate()}`;
const data = learnerData({ 'cb-states': [3, 3, 3], 'cb-trip': [1, 3], 'cb-why': [4] });

/** The export of `data` as a plain object, to be damaged by each test. */
const exported = () => JSON.parse(exportJson(data, now)) as Record<string, unknown>;
const importOf = (value: unknown) => parseImport(JSON.stringify(value));
const message = (text: string) => {
  const r = parseImport(text);
  if (r.ok) throw new Error('expected the import to be refused');
  return r.message;
};

afterEach(() => {
  // A polluted prototype would leak into every later test: make it fail loudly here instead.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('export and import', () => {
  it('round-trips everything, and says what the file holds', () => {
    const r = parseImport(exportJson(data, now));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.format).toBe(EXPORT_FORMAT);
    expect(r.data.version).toBe(1);
    expect(r.data.exportedAt).toBe(now.toISOString());
    expect(r.data.progress).toEqual(data.progress);
    expect(r.data.gauntletResults).toEqual(data.gauntletResults);
    expect(r.data.cards).toEqual(
      [...data.cards].sort((a, b) => (a.questionId < b.questionId ? -1 : 1)),
    );
    expect(new Set(r.data.reviewLog)).toEqual(new Set(data.reviewLog));
    expect(r.summary).toBe(
      `1 completed lesson, 1 gauntlet result, 3 cards, 6 reviews, exported ${localDay}`,
    );
  });

  it('exports lesson progress in the store’s own v1 shape, without the theme', () => {
    const file = buildExport(data, now);
    expect(persistedStateV1.safeParse({ ...file.progress, theme: 'dark' }).success).toBe(true);
    expect(Object.keys(file.progress)).toEqual(['completed', 'lastVisited']);
  });

  it('exports an empty workbook that imports as empty', () => {
    const r = parseImport(exportJson(emptyData, now));
    expect(r.ok && r.summary).toBe(
      `0 completed lessons, 0 gauntlet results, 0 cards, 0 reviews, exported ${localDay}`,
    );
  });

  it('makes every export importable: duplicates dropped, overlong answers cut', () => {
    const messy: TransferData = {
      ...data,
      gauntletResults: [
        {
          ...sampleResult,
          answers: [
            {
              ...sampleResult.answers[3]!,
              response: { type: 'free', text: 'x'.repeat(50_000), selfRating: 3 },
            },
          ],
        },
        sampleResult,
      ],
      cards: [...data.cards, ...data.cards],
      reviewLog: [...data.reviewLog, ...data.reviewLog],
    };
    const r = parseImport(exportJson(messy, now));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.cards).toHaveLength(3);
      expect(r.data.reviewLog).toHaveLength(6);
      expect(r.data.gauntletResults).toHaveLength(1);
    }
  });

  it('names the file with the local date', () => {
    expect(exportFileName(new Date(2026, 10, 20, 23, 30))).toBe(
      'reliability-workbook-2026-11-20.json',
    );
  });
});

describe('import refuses, and says why', () => {
  it('text longer than any export, before parsing it', () => {
    const big = ' '.repeat(MAX_IMPORT_CHARS + 1);
    expect(message(big)).toBe(
      'The file holds 10,485,761 characters, more than any workbook export (at most 10,485,760). Nothing was imported.',
    );
  });

  it('a file larger than any export, by its size, before it is read', () => {
    expect(refuseBySize(MAX_IMPORT_BYTES)).toBeNull();
    expect(refuseBySize(0)).toBeNull();
    expect(refuseBySize(40 * 1024 * 1024)).toEqual({
      ok: false,
      message:
        'The file is 40 MB, larger than any workbook export (at most 30 MB), so it was not read. Nothing was imported.',
    });
  });

  it('limits derived from what the store can hold', () => {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, and the in-memory state may outgrow a
    // full storage quota before it is exported.
    expect(MAX_IMPORT_CHARS).toBeGreaterThan(STORAGE_QUOTA_CHARS);
    expect(MAX_IMPORT_BYTES).toBe(3 * MAX_IMPORT_CHARS);
    expect(MAX_STRING_CHARS).toBe(MAX_CODE_CHARS);
  });

  it('numbers too large to use (1e999 reads as Infinity), naming the field', () => {
    const text = exportJson(data, now);
    const stability = /"stability":[0-9.e+-]+/;
    expect(text).toMatch(stability);
    expect(message(text.replace(stability, '"stability":1e999'))).toBe(
      'The file is a workbook export, but it is damaged (cards[0].stability: a number too large to use). Nothing was imported.',
    );
    expect(message(text.replace(stability, '"stability":-1e999'))).toMatch(
      /cards\[0\]\.stability: a negative number too large to use\)/,
    );
    expect(message(text.replace(/"due":"[^"]*"/, '"due":1e999'))).toMatch(
      /cards\[0\]\.due: expected text, found a number too large to use\)/,
    );
  });

  it('an empty file and text that is not JSON', () => {
    expect(message('')).toMatch(/empty/);
    expect(message('{"format": "reliability-workbook-export",')).toMatch(
      /not a Reliability Workbook export\. It is not JSON/,
    );
    expect(message('<html></html>')).toMatch(/not JSON/);
  });

  it('foreign files', () => {
    const foreign = [
      [],
      [1, 2],
      42,
      'text',
      null,
      {},
      { format: 'anki-export', version: 1 },
      { state: {}, version: 1 },
    ];
    for (const f of foreign)
      expect(message(JSON.stringify(f))).toBe(
        'This is not a Reliability Workbook export. Nothing was imported.',
      );
  });

  it('files from a newer workbook, and files without a usable version', () => {
    expect(importOf({ ...exported(), version: 2 })).toEqual({
      ok: false,
      message:
        'The file was made by a newer version of the workbook (format 2; this one reads format 1). Update the workbook (reload the page) and import it again. Nothing was imported.',
    });
    for (const version of ['1', 0, 1.5, null, undefined])
      expect(message(JSON.stringify({ ...exported(), version }))).toMatch(
        /does not say which version/,
      );
  });

  it('wrong types, with where the problem is', () => {
    const file = exported();
    const cards = file.cards as StoredCard[];
    const withCard = (patch: Partial<Record<keyof StoredCard, unknown>>) =>
      message(JSON.stringify({ ...file, cards: [cards[0], { ...cards[1], ...patch }] }));
    expect(withCard({ due: 12 })).toBe(
      'The file is a workbook export, but it is damaged (cards[1].due: expected text, found a whole number). Nothing was imported.',
    );
    expect(withCard({ due: '2026-02-30T00:00:00.000Z' })).toMatch(
      /cards\[1\]\.due: not a date and time as the workbook writes them/,
    );
    expect(withCard({ state: 7 })).toMatch(/cards\[1\]\.state: not one of 0, 1, 2, 3\)/);
    expect(withCard({ reps: -2 })).toMatch(/cards\[1\]\.reps: less than 0\)/);
    expect(withCard({ last_review: null })).toMatch(/needs the time of its last review/);
    expect(withCard({ questionId: 'x'.repeat(300) })).toMatch(/longer than 200 characters/);
    expect(withCard({ due: 1, reps: 'many' })).toMatch(/, and 1 more problem\)/);
    expect(message(JSON.stringify({ ...file, reviewLog: 'none' }))).toMatch(
      /damaged \(reviewLog: expected a list, found text\)/,
    );
    const badProgress = {
      ...file,
      progress: { completed: { a: { at: 'never' } }, lastVisited: null },
    };
    expect(message(JSON.stringify(badProgress))).toMatch(/progress\.completed\.a\.at: /);
    const noLog: Record<string, unknown> = { ...file };
    delete noLog.reviewLog;
    expect(message(JSON.stringify(noLog))).toMatch(/damaged \(reviewLog: missing\)/);
    const badAnswer = {
      ...file,
      gauntletResults: [
        { ...sampleResult, answers: [{ ...sampleResult.answers[0], response: { type: 'essay' } }] },
      ],
    };
    expect(message(JSON.stringify(badAnswer))).toMatch(
      /gauntletResults\[0\]\.answers\[0\]\.response\.type: not any of the forms allowed here/,
    );
  });

  it('huge strings anywhere, as values or as keys', () => {
    const file = exported();
    const long = 'x'.repeat(MAX_STRING_CHARS + 1);
    expect(message(JSON.stringify({ ...file, junk: long }))).toMatch(
      /a text 50,001 characters long; a workbook export has none over 50,000/,
    );
    const longKey = {
      ...file,
      progress: { completed: { [long]: { at: now.toISOString() } }, lastVisited: null },
    };
    expect(message(JSON.stringify(longKey))).toMatch(/a name 50,001 characters long/);
  });

  it('__proto__, constructor and prototype keys, without polluting anything', () => {
    const text = exportJson(data, now);
    const inject = (at: string, key: string) => {
      expect(text).toContain(at);
      return text.replace(at, `${at}"${key}": {"polluted": true},`);
    };
    const hostile = [
      inject('{', '__proto__'),
      inject('"completed":{', '__proto__'),
      inject('"answers":[{', '__proto__'),
      inject('{', 'constructor'),
      inject('"lastVisited":{', 'prototype'),
    ];
    for (const text of hostile) {
      expect(message(text)).toMatch(/a key named “(__proto__|constructor|prototype)”/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('nesting deep enough to exhaust the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(message(deep)).toMatch(/not a Reliability Workbook export/);
  });

  it('duplicate cards, results and reviews', () => {
    const file = exported();
    const twice = (key: string) => {
      const list = file[key] as unknown[];
      return JSON.stringify({ ...file, [key]: [...list, list[0]] });
    };
    expect(message(twice('cards'))).toMatch(/two cards for question “cb-states”/);
    expect(message(twice('gauntletResults'))).toMatch(
      /attempt at “circuit-breaker-gauntlet” started .* twice/,
    );
    expect(message(twice('reviewLog'))).toMatch(
      /review log has the review of “cb-states” at .* twice/,
    );
  });

  it('anything at all, without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const r = parseImport(text);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/Nothing was imported\.$/);
        },
      ),
    );
  });
});

describe('merge', () => {
  const card = (questionId: string, last: string | null, reps: number): StoredCard => ({
    questionId,
    due: '2026-12-01T00:00:00.000Z',
    stability: 3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps,
    lapses: 0,
    state: last === null ? 0 : 2,
    last_review: last,
  });

  it('keeps lessons completed on either side, with the earlier date', () => {
    const a: TransferData = {
      ...emptyData,
      progress: {
        completed: { x: { at: '2026-11-05T00:00:00.000Z' }, y: { at: '2026-11-01T00:00:00.000Z' } },
        lastVisited: null,
      },
    };
    const b: TransferData = {
      ...emptyData,
      progress: {
        completed: { x: { at: '2026-11-02T00:00:00.000Z' }, z: { at: '2026-11-09T00:00:00.000Z' } },
        lastVisited: null,
      },
    };
    expect(merge(a, b).progress.completed).toEqual({
      x: { at: '2026-11-02T00:00:00.000Z' },
      y: { at: '2026-11-01T00:00:00.000Z' },
      z: { at: '2026-11-09T00:00:00.000Z' },
    });
    expect(merge(b, a).progress.completed).toEqual(merge(a, b).progress.completed);
  });

  it('keeps the later last visit', () => {
    const visit = (at: string) => ({ lessonId: at, headingId: null, headingText: null, at });
    const visiting = (v: ReturnType<typeof visit> | null): TransferData => ({
      ...emptyData,
      progress: { completed: {}, lastVisited: v },
    });
    const early = visit('2026-11-01T00:00:00.000Z');
    const late = visit('2026-11-02T00:00:00.000Z');
    expect(merge(visiting(early), visiting(late)).progress.lastVisited).toEqual(late);
    expect(merge(visiting(late), visiting(early)).progress.lastVisited).toEqual(late);
    expect(merge(visiting(null), visiting(early)).progress.lastVisited).toEqual(early);
    expect(merge(visiting(early), visiting(null)).progress.lastVisited).toEqual(early);
  });

  it('keeps every gauntlet attempt once, in time order', () => {
    const later = {
      ...sampleResult,
      startedAt: '2026-11-21T10:00:00.000Z',
      finishedAt: '2026-11-21T10:01:00.000Z',
    };
    const sameAttempt = { ...sampleResult, startedAt: '2026-11-20T10:00:00Z', score: 0 };
    const merged = merge(
      { ...emptyData, gauntletResults: [later, sampleResult] },
      { ...emptyData, gauntletResults: [sameAttempt, { ...sampleResult, quizId: 'other' }] },
    );
    expect(merged.gauntletResults.map((r) => [r.quizId, r.startedAt, r.score])).toEqual([
      ['circuit-breaker-gauntlet', sampleResult.startedAt, 2],
      ['other', sampleResult.startedAt, 2],
      ['circuit-breaker-gauntlet', later.startedAt, 2],
    ]);
  });

  it('keeps the card that has seen more: later review, then more reviews, then the current one', () => {
    const current = [
      card('a', '2026-11-10T00:00:00.000Z', 3),
      card('b', '2026-11-10T00:00:00.000Z', 3),
      card('c', '2026-11-10T00:00:00.000Z', 3),
      card('d', null, 0),
    ];
    const incoming = [
      card('a', '2026-11-11T00:00:00.000Z', 2),
      card('b', '2026-11-10T00:00:00.000Z', 4),
      { ...card('c', '2026-11-10T00:00:00.000Z', 3), stability: 99 },
      card('d', '2026-11-01T00:00:00.000Z', 1),
      card('e', null, 0),
    ];
    const merged = merge({ ...emptyData, cards: current }, { ...emptyData, cards: incoming });
    expect(merged.cards).toEqual([incoming[0], incoming[1], current[2], incoming[3], incoming[4]]);
  });

  it('unites review logs, each review once, in time order', () => {
    const a = data.reviewLog.slice(0, 4);
    const b = data.reviewLog.slice(2);
    const merged = merge({ ...emptyData, reviewLog: a }, { ...emptyData, reviewLog: b }).reviewLog;
    expect(merged).toHaveLength(data.reviewLog.length);
    expect(new Set(merged)).toEqual(new Set(data.reviewLog));
    const times = merged.map((l) => Date.parse(l.review));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('keeps a card reviewed on another device after its export', () => {
    const first = learnerData({ q: [3, 3] });
    const copy = fromStored(first.cards[0]!);
    const later = review(copy, 3, copy.due);
    const device: TransferData = {
      ...first,
      cards: [toStored(later.card)],
      reviewLog: [...first.reviewLog, logToStored(later.log)],
    };
    const merged = merge(first, device);
    expect(merged.cards).toEqual([toStored(later.card)]);
    expect(merged.reviewLog).toHaveLength(3);
  });

  it('is idempotent, and loses nothing from either side', () => {
    const other = learnerData(
      { 'cb-states': [3, 3], 'cb-new': [2, 3] },
      new Date('2026-11-05T08:00:00.000Z'),
    );
    const once = merge(data, other);
    expect(merge(once, once)).toEqual(once);
    expect(merge(once, other)).toEqual(once);
    for (const side of [data, other]) {
      for (const c of side.cards)
        expect(once.cards.map((x) => x.questionId)).toContain(c.questionId);
      for (const l of side.reviewLog) expect(once.reviewLog).toContainEqual(l);
    }
    // The merge imports cleanly again.
    expect(parseImport(exportJson(once, now)).ok).toBe(true);
  });

  it('copies a "__proto__" lesson id as data, not as a prototype', () => {
    const completed: Record<string, { at: string }> = {};
    Object.defineProperty(completed, '__proto__', {
      value: { at: '2026-11-01T00:00:00.000Z' },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    const merged = merge({ ...emptyData, progress: { completed, lastVisited: null } }, emptyData);
    expect(Object.getPrototypeOf(merged.progress.completed)).toBe(Object.prototype);
    expect(Object.keys(merged.progress.completed)).toEqual(['__proto__']);
  });
});

describe('replace', () => {
  it('takes the file’s data as it is', () => {
    const incoming = learnerData({ x: [3] });
    expect(replace(data, incoming)).toEqual(incoming);
  });
});

describe('reviewLogCsv', () => {
  it('writes a header and one row per review, ISO times, CRLF line ends', () => {
    const csv = reviewLogCsv(data.reviewLog.slice(0, 3));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('card_id,review_time,rating,elapsed_days,overridden');
    expect(lines).toHaveLength(5); // header, 3 rows, and the empty string after the last CRLF
    expect(lines[4]).toBe('');
    const [id, time, rating, elapsed, overridden] = lines[3]!.split(',');
    const log = data.reviewLog[2]!;
    expect([id, time, rating, elapsed, overridden]).toEqual([
      log.questionId,
      log.review,
      String(log.rating),
      String(log.elapsed_days),
      '0',
    ]);
    expect(csv).not.toMatch(/[^\r]\n/);
  });

  it('quotes ids as RFC 4180 asks', () => {
    expect(csvField('plain-id')).toBe('plain-id');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const log = { ...data.reviewLog[0]!, questionId: 'a,"b"' };
    expect(reviewLogCsv([log]).split('\r\n')[1]).toMatch(/^"a,""b""",\d{4}-/);
  });

  it('is just the header for an empty log', () => {
    expect(reviewLogCsv([])).toBe('card_id,review_time,rating,elapsed_days,overridden\r\n');
  });

  it('marks a review the learner overrode ("I was right")', () => {
    const log = { ...data.reviewLog[0]!, rating: 3 as const, overridden: true as const };
    expect(reviewLogCsv([log]).split('\r\n')[1]).toMatch(/,3,\d+,1$/);
  });

  it('imports an export whose review log has overridden entries, and old ones without the field', () => {
    const [first, ...rest] = data.reviewLog;
    const marked = { ...data, reviewLog: [{ ...first!, overridden: true as const }, ...rest] };
    const parsed = parseImport(exportJson(marked, new Date('2026-11-24T00:00:00Z')));
    expect(parsed.ok && parsed.data.reviewLog[0]!.overridden).toBe(true);
    expect(parsed.ok && parsed.data.reviewLog[1]!.overridden).toBeUndefined();
  });
});
