/** Number formatting shared by the widgets: never prints NaN or Infinity. */
export const fmtPct = (x: number) =>
  !Number.isFinite(x)
    ? '—'
    : x === 0
      ? '0 %'
      : x < 0.001
        ? `${(x * 100).toPrecision(2)} %`
        : x >= 10
          ? `${fmtNum(x * 100)} %`
          : `${(x * 100).toFixed(1)} %`;
export const fmtInt = (n: number) =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—';
export const fmtMs = (ms: number) =>
  !Number.isFinite(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
export const fmtProb = (p: number) =>
  !Number.isFinite(p) ? '—' : p === 0 ? '0' : p < 1e-3 ? p.toExponential(2) : p.toFixed(4);

/** Three significant figures, plain notation for everyday sizes: 0.00123, 4.56, 789, 12,300. */
export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en');
  if (abs < 1e-4) return x.toExponential(2);
  const rounded = Number(x.toPrecision(3));
  // 999.7 rounds up to 1000: write it like every other number from a thousand up.
  return Math.abs(rounded) >= 1000 ? rounded.toLocaleString('en') : String(rounded);
}

/** A duration given in seconds, in the unit that reads best: µs, ms, s, min or h. */
export function fmtDuration(s: number): string {
  if (!Number.isFinite(s)) return '—';
  const abs = Math.abs(s);
  if (abs === 0) return '0 ms';
  if (abs < 1e-4) return `${fmtNum(s * 1e6)} µs`;
  if (abs < 10) return abs < 1 ? `${fmtNum(s * 1000)} ms` : `${fmtNum(s)} s`;
  if (abs < 600) return `${fmtNum(s)} s`;
  if (abs < 36_000) return `${fmtNum(s / 60)} min`;
  return `${fmtNum(s / 3600)} h`;
}

/**
 * A number and its noun, singular only when the number as printed is 1: "1 server",
 * "0.5 servers", "3 servers", and "1 server" for 1.0004 too.
 */
export function plural(n: number, one: string, many = `${one}s`, format = fmtNum): string {
  const text = format(n);
  return `${text} ${text === '1' ? one : many}`;
}
