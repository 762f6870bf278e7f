import { z } from 'zod';

/**
 * zod fields with messages in words, shared by the Bloom, sketches and birthday widgets' schemas.
 * Imported at build time by the content lint: explicit `.ts` imports of pure modules only.
 */

export const fmt = (x: number) => x.toLocaleString('en');

/** A share or probability, kept inside [min, max] ⊂ (0, 1): 0 and 1 are never allowed. */
export const share = (what: string, min: number, max: number) => {
  const range = `${what} must be a share from ${min} to ${max} (0 and 1 are not allowed)`;
  return z
    .number({ error: `${what} must be a number` })
    .min(min, range)
    .max(max, range);
};

export const count = (what: string, min: number, max: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${fmt(min)}`)
    .max(max, `${what} must be at most ${fmt(max)}`);

export const bytes = (what: string) =>
  z
    .number({ error: `${what} must be a number of bytes` })
    .min(0, `${what} cannot be negative`)
    .max(1_000_000, `${what} must be at most 1,000,000 bytes`);

/** What every preset carries besides its settings. */
export interface Described {
  title: string;
  description: string;
  seed: number;
}
