/**
 * Reading the number a learner typed into a numeric answer box, with or without its unit.
 *
 * Accepted, after Unicode NFKC (full-width digits, non-breaking and thin spaces):
 * - a sign (+, -, or the minus sign −), digits and a decimal point: `2000`, `-0.5`, `.25`;
 * - thousands grouped by commas, spaces or underscores, used consistently: `2,000`, `1 234 567`,
 *   `10_000`. A comma that is not a thousands separator (`1,5`, `0,005`) is refused with a hint
 *   rather than guessed: a decimal comma and a thousands comma cannot be told apart;
 * - powers of ten: `2e3`, `2E-3`, `2×10^3`, `2 x 10^3`, `2*10**3`, `2·10³`;
 * - the SI multipliers k/K (10³), M (10⁶) and G (10⁹): `1.5k`, `2 M`. Not m or µ: in this
 *   workbook "m" is far more often minutes or milli-something than a multiplier;
 * - the question's unit after the number, in the forms people write it: `40 ms`, `40ms`,
 *   `40 msec`, `5 %`, `5 percent`, `3 servers` for "server". Case does not matter, except b/B
 *   (bits and bytes are different answers).
 * - a factor written `10x`, `10×`, `10 times` or `10-fold`, when the question's unit is a factor
 *   (times, ×) or it has none;
 * - a percentage where the question has no unit (a share): `5 %` is read as 0.05.
 *
 * A time in another unit is converted, since nothing is ambiguous about it: `2 s` when the answer
 * is in ms is read as 2000 ms, and the feedback shows the conversion (µs, ms, s, min, h and days;
 * never a bare "m", which could be minutes or metres). Any other unit that is not the question's
 * (`40 MB` when it asks for requests) is not guessed at: the learner is told which unit the
 * answer is expected in.
 */

/** Longest answer we look at; anything longer is refused without being scanned. */
export const MAX_ANSWER_CHARS = 10_000;

export type NumberReading =
  | {
      ok: true;
      value: number;
      /** How a unit the learner typed was read, when it was not the question's ("2 s = 2000 ms"). */
      note?: string;
    }
  | { ok: false; reason: string };

const superscripts: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

const multipliers: Record<string, number> = { k: 3, K: 3, M: 6, G: 9 };

/** Forms of the same unit; compared after `unitKey`. */
const unitAliases: readonly (readonly string[])[] = [
  ['%', 'percent', 'pct'],
  ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'],
  ['μs', 'us', 'microsecond', 'microseconds'],
  ['s', 'sec', 'secs', 'second', 'seconds'],
  ['min', 'mins', 'minute', 'minutes'],
  ['h', 'hr', 'hrs', 'hour', 'hours'],
  ['d', 'day', 'days'],
  ['×', 'x', 'times', 'fold', '-fold'],
  [
    'req/s',
    'rps',
    'req/sec',
    'requests/s',
    'requests/sec',
    'requests/second',
    'requests per second',
  ],
];

// sign, mantissa (grouped thousands with one separator used throughout, or plain digits), then
// an optional power of ten. The grouped form must not be followed by another digit, so "1,2345"
// is not read as "1,234" and a stray "5".
const numberPattern =
  /^([+-]?)((?:[1-9]\d{0,2}(?:([, _])\d{3})(?:\3\d{3})*(?!\d))(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?:\s*(?:e([+-]?\d{1,4})|[x×*·]\s*10\s*(?:\^|\*\*)\s*([+-]?\d{1,4})))?/i;

function unitKey(unit: string): string {
  // Lower-case everything but b/B, so "MB" ≠ "Mb" while "MS" = "ms".
  return unit
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^bB]/g, (c) => c.toLowerCase());
}

/** Whether `typed` names the same unit as `expected` (one of its usual spellings, or a plural). */
export function sameUnit(typed: string, expected: string): boolean {
  const a = unitKey(typed);
  const b = unitKey(expected);
  if (a === b || a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const group = unitAliases.find((g) => g.some((u) => unitKey(u) === b));
  if (group?.some((u) => unitKey(u) === a)) return true;
  // Plurals of word units: "server" / "servers", "retries" is not attempted.
  const word = /^[a-z]{3,}$/;
  if (word.test(b) && (a === `${b}s` || (b.endsWith('s') && `${a}s` === b && word.test(a))))
    return true;
  return false;
}

/** Seconds per time unit, by the first spelling in `unitAliases`. */
const secondsPer: Readonly<Record<string, number>> = {
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  min: 60,
  h: 3600,
  d: 86400,
};

/** The time unit `unit` names (its first spelling), or null. */
function timeUnit(unit: string): string | null {
  for (const name of Object.keys(secondsPer)) if (sameUnit(unit, name)) return name;
  return null;
}

const factorSuffix = /^(?:[x×]|times|-?fold)$/i;

/**
 * A unit the learner typed that is not the question's but can be read without guessing: another
 * unit of time, "%" on a plain share, "x"/"times" on a plain factor. Returns the value in the
 * question's unit and what was done, or null.
 */
function readOtherUnit(
  value: number,
  typed: string,
  unit: string | null,
): { value: number; note?: string } | null {
  if (unit === null) {
    if (sameUnit(typed, '%'))
      return {
        value: value / 100,
        note: `${formatPlain(value)} % read as ${formatPlain(value / 100)}`,
      };
    if (factorSuffix.test(typed)) return { value };
    return null;
  }
  const from = timeUnit(typed);
  const to = timeUnit(unit);
  if (from === null || to === null) return null;
  const converted = (value * secondsPer[from]!) / secondsPer[to]!;
  return {
    value: converted,
    note: `${formatPlain(value)} ${from} = ${formatPlain(converted)} ${unit}`,
  };
}

const formatPlain = (x: number) => x.toLocaleString('en', { maximumSignificantDigits: 10 });

function clip(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The number in what the learner typed, read in the question's unit (`null`: a plain number).
 * Never throws; every refusal says why in words a learner can act on.
 */
export function readNumber(input: unknown, unit: string | null): NumberReading {
  if (typeof input !== 'string') return { ok: false, reason: 'No number was given.' };
  if (input.length > MAX_ANSWER_CHARS)
    return { ok: false, reason: 'That is far too long to be a number.' };
  const text = input
    // Before NFKC, which would turn "10³" into "103". Other superscripts (m²) stay for NFKC.
    .replace(
      /10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)/g,
      (_, m: string) => `10^${[...m].map((c) => superscripts[c] ?? c).join('')}`,
    )
    .normalize('NFKC')
    .replace(/[−–]/g, '-')
    .trim();
  if (text === '') return { ok: false, reason: 'No number was given.' };

  const match = numberPattern.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `“${clip(text)}” does not start with a number; type digits, such as 1500 or 1.5e3.`,
    };
  }
  const [whole, sign = '', mantissa = '', , exp1, exp2] = match;
  let exponent = Number(exp1 ?? exp2 ?? 0);
  let rest = text.slice(whole.length).trim();

  if (/^[,.]\d/.test(rest) || /^\d/.test(rest)) {
    return {
      ok: false,
      reason: /^,\d/.test(rest)
        ? `Write decimals with a point (for example 1.5, not 1,5), and group thousands in threes (2,000).`
        : `“${clip(text)}” is not one number.`,
    };
  }

  if (rest !== '' && !(unit !== null && sameUnit(rest, unit))) {
    const other = readOtherUnit(
      Number(`${sign}${mantissa.replace(/[, _]/g, '')}e${exponent}`),
      rest,
      unit,
    );
    if (other !== null) {
      if (!Number.isFinite(other.value)) return { ok: false, reason: 'That number is too large.' };
      return other.note === undefined
        ? { ok: true, value: Object.is(other.value, -0) ? 0 : other.value }
        : { ok: true, value: Object.is(other.value, -0) ? 0 : other.value, note: other.note };
    }
    const head = rest[0] ?? '';
    const scale = multipliers[head];
    const after = rest.slice(1).trim();
    if (scale !== undefined && (after === '' || (unit !== null && sameUnit(after, unit)))) {
      if (after === '' && unit !== null && unit.trim().toLowerCase().startsWith(head.toLowerCase()))
        return {
          ok: false,
          reason: `“${head}” could be a multiplier or the start of ${unit}; write the unit in full or the number alone.`,
        };
      exponent += scale;
      rest = '';
    } else {
      return {
        ok: false,
        reason:
          unit === null
            ? `The answer is a plain number, without a unit (“${clip(rest)}”).`
            : `The answer is expected in ${unit}; “${clip(rest)}” is not that unit, so type the number in ${unit}.`,
      };
    }
  }

  const value = Number(`${sign}${mantissa.replace(/[, _]/g, '')}e${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'That number is too large.' };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
