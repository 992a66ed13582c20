import * as z from 'zod/mini';
import type { TarashError } from '../errors/tarash-error';

/** Normalised job status shared by every provider. */
export type ProgressStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** A progress event. The last event of a successful stream carries `result`. */
export interface ProgressUpdate<TResult = unknown> {
  /** The provider request id, once the provider accepted the job (empty before). */
  readonly requestId: string;
  readonly status: ProgressStatus;
  /** 0..100 where the provider reports progress. */
  readonly progressPercent?: number;
  /** 0-based position in the provider's queue. */
  readonly queuePosition?: number;
  /** New provider log lines since the previous update. */
  readonly logs?: readonly string[];
  /** 1-based position of the config in the fallback chain. */
  readonly attempt: number;
  readonly provider: string;
  readonly model: string;
  /** The final response, on the `completed` update. */
  readonly result?: TResult;
  /** Why this attempt failed, on a `failed` update. */
  readonly error?: TarashError;
}

/** Zod schema for {@link ProgressUpdate} (without the `result` / `error` payloads). */
export const progressUpdateSchema = z.object({
  requestId: z.string(),
  status: z.enum(['queued', 'processing', 'completed', 'failed']),
  progressPercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  queuePosition: z.optional(z.number().check(z.int(), z.nonnegative())),
  logs: z.optional(z.array(z.string())),
  attempt: z.number().check(z.int(), z.positive()),
  provider: z.string(),
  model: z.string(),
  result: z.optional(z.unknown()),
  error: z.optional(z.unknown()),
});
