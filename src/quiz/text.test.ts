import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from './numeric';
import { editDistance, hasOperator, listKeys, matchText, textKey } from './text';

describe('textKey', () => {
  it('makes case, spacing, underscores, hyphens and punctuation irrelevant', () => {
    const forms = [
      'HALF_OPEN',
      'half-open',
      'Half open',
      '  half   open. ',
      'half‐open',
      'HalfOpen',
    ];
    expect(new Set(forms.map((f) => textKey(f)))).toEqual(new Set(['halfopen']));
  });

  it('folds compatibility forms (NFKC) but keeps accents', () => {
    expect(textKey('ＯＰＥＮ')).toBe('open');
    expect(textKey('ﬁle')).toBe('file');
    expect(textKey('café')).toBe('café');
    expect(textKey('cafe\u0301')).toBe('café'); // decomposed é composes
    expect(textKey('café')).not.toBe(textKey('cafe'));
  });

  it('keeps a decimal point between digits, drops thousands commas', () => {
    expect(textKey('p99.9')).toBe('p99.9');
    expect(textKey('p99.9')).not.toBe(textKey('p999'));
    expect(textKey('2,000')).toBe(textKey('2000'));
    expect(textKey('version 1.')).toBe('version1');
  });

  it('brings British and American spellings, a leading article and a plural to one key', () => {
    const same: [string, string][] = [
      ['stabilisation window', 'stabilization window'],
      ['scale-down stabilisation window', 'Scale-down stabilization window'],
      ['normalise', 'normalize'],
      ['analyse the logs', 'analyze the logs'],
      ['behaviour', 'behavior'],
      ['favourite colour', 'favorite color'],
      ['the data centre', 'data center'],
      ['fibre', 'fiber'],
      ['defence in depth', 'defense in depth'],
      ['modelling', 'modeling'],
      ['the higher level', 'higher level'],
      ['a thundering herd', 'thundering herd'],
      ['an error budget', 'error budget'],
      ['errors', 'error'],
      ['retry storms', 'retry storm'],
      ['retries', 'retry'],
      ['caches', 'cache'],
      ['processes', 'process'],
      ['metastable failures', 'metastable failure'],
    ];
    for (const [a, b] of same) expect(textKey(a), `${a} / ${b}`).toBe(textKey(b));
  });

  it('keeps words apart that only look alike', () => {
    const apart: [string, string][] = [
      ['four', 'for'],
      ['status', 'statu'],
      ['open', 'opens slowly'],
      ['a', 'an'],
      ['closed', 'close'],
      ['p99.9', 'p999'],
    ];
    for (const [a, b] of apart) expect(textKey(a), `${a} / ${b}`).not.toBe(textKey(b));
  });

  it('keeps operators when asked (an accepted answer that uses them)', () => {
    expect(textKey('Q3 + 1.5 IQR', true)).not.toBe(textKey('Q3 - 1.5 IQR', true));
    expect(textKey('x − 1', true)).toBe(textKey('x - 1', true));
    expect(matchText(['p99 < 200'], 'p99 > 200', false).correct).toBe(false);
    expect(matchText(['p99 < 200'], 'P99 <200', false).correct).toBe(true);
  });

  it('gives one key for rewrites of the same answer: case, spacing, article, spelling, plural', () => {
    const word = fc.constantFrom(
      'error',
      'window',
      'budget',
      'breaker',
      'signal',
      'latency',
      'queue',
      'herd',
    );
    const british = fc.constantFrom(
      ['stabilisation', 'stabilization'],
      ['behaviour', 'behavior'],
      ['centre', 'center'],
      ['optimise', 'optimize'],
      ['analysed', 'analyzed'],
    );
    fc.assert(
      fc.property(
        british,
        word,
        fc.constantFrom('', 'the ', 'a ', 'The ', 'AN '),
        fc.constantFrom(' ', '  ', '-', '_', ' - '),
        fc.boolean(),
        ([uk, us], last, article, gap, upper) => {
          const plural =
            last === 'queue'
              ? 'queues'
              : last.endsWith('y')
                ? `${last.slice(0, -1)}ies`
                : `${last}s`;
          const a = `${article}${uk}${gap}${plural}`;
          const b = `${us} ${last}`;
          expect(textKey(upper ? a.toUpperCase() : a)).toBe(textKey(b));
        },
      ),
    );
  });
});

describe('hasOperator', () => {
  it('finds operators used as operators, not hyphens or slashes between words', () => {
    for (const f of [
      'b/2',
      'b / 2 bits',
      'Q3 + 1.5 IQR',
      'Q3 - Q1',
      '-5',
      'x^2',
      'a*b',
      'a = b',
      '1.5·IQR',
    ])
      expect(hasOperator(f), f).toBe(true);
    for (const w of [
      'half-open',
      'scale-down stabilization window',
      'and/or',
      'TCP/IP',
      'p99',
      'x-ray',
    ])
      expect(hasOperator(w), w).toBe(false);
  });
});

describe('listKeys', () => {
  it('splits on commas, semicolons, new lines, "and" and "&"', () => {
    expect(listKeys('CLOSED, OPEN and HALF_OPEN')).toEqual(['closed', 'open', 'halfopen']);
    expect(listKeys('a;b\nc & d')).toEqual(['a', 'b', 'c', 'd']);
    expect(listKeys('Closed,Open\r\nHalf open,')).toEqual(['closed', 'open', 'halfopen']);
  });

  it('does not split inside numbers or words containing "and"', () => {
    expect(listKeys('2,000, 3')).toEqual(['2000', '3']);
    expect(listKeys('standby, bandwidth')).toEqual(['standby', 'bandwidth']);
  });

  it('drops empty items', () => {
    expect(listKeys(',, a ,; ,b,')).toEqual(['a', 'b']);
    expect(listKeys('')).toEqual([]);
  });
});

describe('matchText', () => {
  const states = ['CLOSED, OPEN, HALF_OPEN'];

  it('accepts any of the author’s answers after normalisation', () => {
    expect(matchText(['half-open', 'half open state'], 'HALF_OPEN', false).correct).toBe(true);
    expect(matchText(['half-open', 'half open state'], 'Half-open state.', false).correct).toBe(
      true,
    );
    expect(matchText(['half-open'], 'open', false)).toEqual({
      correct: false,
      feedback: 'Not the expected answer.',
    });
  });

  it('compares unordered lists as multisets', () => {
    expect(matchText(states, 'half-open, closed and open', true).correct).toBe(true);
    expect(matchText(states, 'open; half_open\nclosed', true).correct).toBe(true);
    expect(matchText(['a, a, b'], 'a, b, b', true).correct).toBe(false);
    expect(matchText(['a, a, b'], 'b, a, a', true).correct).toBe(true);
  });

  it('an item with "and" in it is split the same way on both sides', () => {
    expect(matchText(['trial and error, luck'], 'luck, trial and error', true).correct).toBe(true);
  });

  it('says how much of a list is right', () => {
    expect(matchText(states, 'closed, open', true).feedback).toBe(
      '2 of the 3 expected items are in your answer.',
    );
    expect(matchText(states, 'closed, open, broken, gone', true).feedback).toBe(
      '2 of the 3 expected items are in your answer, and 2 items in it are not.',
    );
    expect(matchText(states, 'closed, broken', true).feedback).toBe(
      '1 of the 3 expected items is in your answer, and 1 item in it is not.',
    );
  });

  it('reports against the accepted answer the learner came closest to', () => {
    const m = matchText(['x, y, z', 'a, b'], 'a', true);
    expect(m.feedback).toBe('1 of the 2 expected items is in your answer.');
  });

  it('points out a near miss without accepting it', () => {
    expect(matchText(['idempotent'], 'idempotnet', false)).toEqual({
      correct: false,
      feedback: 'Close, but not quite: check the spelling.',
    });
    // Short words: one letter is a different word.
    expect(matchText(['ack'], 'nack', false).feedback).toBe('Not the expected answer.');
  });

  it('refuses empty, huge and unanswerable cases without throwing', () => {
    expect(matchText(states, '', true).feedback).toBe('No answer was given.');
    expect(matchText(['open'], ' ,;. ', false).feedback).toBe('No answer was given.');
    expect(matchText(['open'], 'x'.repeat(MAX_ANSWER_CHARS + 1), false)).toEqual({
      correct: false,
      feedback: 'That answer is too long to check.',
    });
    expect(matchText([], 'open', false).feedback).toMatch(/no accepted answer/);
    expect(matchText(['...'], '...', false).correct).toBe(false);
  });

  it('checks a long list of the maximum length quickly', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `item${i}`)
      .join(', ')
      .slice(0, 10_000);
    const start = performance.now();
    expect(matchText([long], long, true).correct).toBe(true);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('editDistance', () => {
  it('counts edits, with an adjacent swap as one', () => {
    expect(editDistance('open', 'open', 3)).toBe(0);
    expect(editDistance('open', 'opne', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b, 20);
        expect(editDistance(b, a, 20)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
