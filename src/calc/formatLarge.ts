import { fmtInt, fmtNum } from './format.ts';

/**
 * Formats the Bloom widget needs beyond the shared ones (chrome/format.ts): memory sizes, counts
 * too large for digits, and odds. Like those, they never print NaN or Infinity.
 */

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** Bytes in binary units, three significant figures: "512 bytes", "117 KiB", "3.73 GiB". */
export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${fmtInt(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${fmtNum(value)} ${UNITS[unit]}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) =>
  String(n)
    .split('')
    .map((c) => (c === '-' ? '⁻' : SUPERSCRIPT[Number(c)]))
    .join('');

/** Whole counts in full up to a quadrillion, then as "2.71 × 10¹⁸". */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) < 1e15) return fmtInt(n);
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  let mantissa = n / 10 ** exponent;
  let e = exponent;
  if (Math.abs(Number(mantissa.toFixed(2))) >= 10) {
    mantissa /= 10;
    e++;
  }
  return `${mantissa.toFixed(2)} × 10${superscript(e)}`;
}

/** A probability as odds: "1 in 2", "1 in 1,000,000", "1 in 1.06 × 10¹⁹"; "never" at 0. */
export function fmtOneIn(p: number): string {
  if (!Number.isFinite(p) || p < 0 || p > 1) return '—';
  if (p === 0) return 'never';
  const odds = 1 / p;
  return `1 in ${odds < 1e15 ? fmtInt(odds) : fmtCount(odds)}`;
}
