/**
 * Words for an exercise run's results: text that leaves the sandbox is bounded (an over-long
 * text says what it was), and durations read as seconds.
 */

/** The longest piece of text one check result or message carries out of the sandbox. */
export const TEXT_LIMIT = 2_000;
/** How much of an over-long text is shown. */
const SHOWN = 200;

const size = (n: number): string =>
  n >= 1_000_000
    ? `${Math.round(n / 1_000_000).toLocaleString('en')} MB`
    : n >= 1_000
      ? `${Math.round(n / 1_000).toLocaleString('en')} KB`
      : `${n} characters`;

/**
 * `text` within `limit` characters: an over-long one is named for what it is (`what`, e.g.
 * "an error whose message"), with its size and its first 200 characters.
 */
export function capText(text: string, what: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return `${what} is too long to show (${size(text.length)}); first ${SHOWN} characters: ${text.slice(0, SHOWN)}…`;
}

/** A duration in seconds for a learner: "3 s", "1.5 s", "under 0.1 s". */
export function seconds(ms: number): string {
  if (ms < 100) return 'under 0.1 s';
  return `${Number((ms / 1000).toFixed(1)).toLocaleString('en')} s`;
}
