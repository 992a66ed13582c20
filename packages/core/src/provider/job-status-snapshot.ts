import type { TarashError } from '../errors/tarash-error';
import type { JobHandle } from '../types/job-handle';

/** A provider job's state, normalised. `cancelled` is a terminal state reported by some providers. */
export type JobState = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

/** One observation of a provider job. */
export interface JobStatusSnapshot<TResult = unknown> {
  readonly status: JobState;
  readonly progressPercent?: number;
  readonly queuePosition?: number;
  /** Log lines not reported in an earlier snapshot. */
  readonly logs?: readonly string[];
  /** Why the job failed (terminal `failed` / `cancelled`). */
  readonly error?: TarashError;
  /**
   * The finished result when the status response already contains it (Replicate, Google), so
   * the orchestrator need not call `getResult`.
   */
  readonly result?: TResult;
  /** The provider's raw status body. */
  readonly rawResponse?: unknown;
  /** The provider asked to wait this long before the next check. */
  readonly retryAfterMs?: number;
}

/** A job the provider accepted. */
export interface StartedJob<TResult = unknown> {
  readonly handle: JobHandle;
  /** The provider's first status, when the submit response carried one (Replicate `Prefer: wait`). */
  readonly snapshot?: JobStatusSnapshot<TResult>;
}

/** What a cancel request achieved. */
export interface CancelOutcome {
  /** The provider acknowledged the cancellation (a running job may still finish). */
  readonly cancelled: boolean;
  /** Why not, when `cancelled` is false (already completed, unsupported, error…). */
  readonly reason?: string;
  readonly rawResponse?: unknown;
}

/** Receives status snapshots while a job runs. */
export type SnapshotListener<TResult = unknown> = (snapshot: JobStatusSnapshot<TResult>) => void | Promise<void>;
