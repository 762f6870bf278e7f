/**
 * The one protocol between the page and the simulation worker. Requests and responses are
 * discriminated unions keyed by `kind`; payloads are plain data (structured-clone safe) and
 * large arrays travel as transferable typed arrays.
 */

export const requestKinds = { run: 'run', cancel: 'cancel' } as const;

export interface RunRequest {
  kind: typeof requestKinds.run;
  runId: number;
  /** Widget type, a key of the model registry (src/sim/registry.ts). */
  model: string;
  /** Unvalidated: the worker validates again, so a tampered message cannot run bad input. */
  params: unknown;
  seed: number;
}

export interface CancelRequest {
  kind: typeof requestKinds.cancel;
  runId: number;
}

export type WorkerRequest = RunRequest | CancelRequest;

export interface ProgressResponse {
  kind: 'progress';
  runId: number;
  /** 0..1 */
  fraction: number;
}

export interface ResultResponse {
  kind: 'result';
  runId: number;
  result: unknown;
  /** Milliseconds the worker spent computing, for the "events per second" readout. */
  elapsedMs: number;
}

/** A run that failed, in words a learner can act on. */
export interface ErrorResponse {
  kind: 'error';
  runId: number;
  code: 'invalid-params' | 'unknown-model' | 'model-threw' | 'cancelled';
  message: string;
}

export type WorkerResponse = ProgressResponse | ResultResponse | ErrorResponse;
