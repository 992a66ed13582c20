import type { Logger } from '../runtime/logger';
import type { ProgressUpdate } from '../types/progress-update';

/** Receives progress; may be async, and is awaited. If it throws, the job is cancelled and the error rethrown. */
export type ProgressCallback<TResponse> = (update: ProgressUpdate<TResponse>) => void | Promise<void>;

/** Per-call options of `generateVideo` / `generateImage` and the job functions. */
export interface GenerationOptions<TResponse = unknown> {
  /** Progress of every attempt; the last update of a success carries `result`. */
  readonly onProgress?: ProgressCallback<TResponse>;
  /** Abort the whole generation; the provider job is cancelled first. */
  readonly signal?: AbortSignal;
  /** Structured, redacted log events of what the orchestrator does. */
  readonly logger?: Logger;
}
