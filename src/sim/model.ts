/**
 * What every simulation model offers the worker. Models are pure: the same params and seed
 * give the same result, bit for bit.
 */
export type Validation<P> = { ok: true; params: P } | { ok: false; message: string };

export interface SimModel<P, R> {
  /** Checks untrusted input (URL, message, form) and explains problems in words. */
  validate(params: unknown): Validation<P>;
  /**
   * Runs the simulation in slices: each `yield` hands back the fraction done (0..1) so the
   * worker can report progress and notice a cancel; the return value is the result.
   */
  run(params: P, seed: number): Generator<number, R, void>;
  /** Typed arrays inside the result to transfer instead of copy. */
  transferables?(result: R): Transferable[];
}
